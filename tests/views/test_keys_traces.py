"""Plaintext leaves no trace from the GUI (findings 16, 18a): printing only in memory, a crash's print leftovers
removed at start, and preferences (the Windows registry, readable without the store's key) without user names
or error texts.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.errors import AhtcError
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.views.app import Session
from desktop_app.views.print_case import render_for_printing
from desktop_app.views.sync_page import BackgroundSync
from tests.services.helpers import one_of_each

_WATCHED: list[Path] = []
_WRITES: list[str] = []


def _audit(event: str, args: tuple) -> None:  # type: ignore[type-arg]
    # Every file opened for writing under a watched folder (Python's audit hook sees every open()).
    if event != "open" or not _WATCHED or not isinstance(args[0], str | bytes | Path):
        return
    mode = args[1] if len(args) > 1 and isinstance(args[1], str) else ""
    flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
    writing = any(c in mode for c in "wax+") or bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
    path = Path(os.fsdecode(args[0]))
    if writing and any(folder in path.parents for folder in _WATCHED):
        _WRITES.append(str(path))


sys.addaudithook(_audit)


@pytest.fixture
def writes_into(ctx: Context) -> Iterator[list[str]]:
    _WRITES.clear()
    _WATCHED.append(ctx.store.paths.data_dir)
    yield _WRITES
    _WATCHED.clear()


def prefs_text(tmp_path: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in (tmp_path / "qsettings").rglob("*") if p.is_file())


def test_printing_writes_no_file_into_the_data_folder(ctx: Context) -> None:
    case_id = one_of_each(Records(ctx))["cases"]
    _WRITES.clear()
    _WATCHED.append(ctx.store.paths.data_dir)
    try:
        data, result = render_for_printing(ctx, case_id, "police")
    finally:
        _WATCHED.clear()
    assert data.startswith(b"%PDF") and result.page_count >= 1 and result.out_path is None
    assert [p for p in _WRITES if not Path(p).name.startswith("ahtc.db")] == [], "a plaintext summary hit the disk"


def test_a_print_left_over_from_a_power_cut_is_removed_at_start(qtbot, ctx: Context, station_dir: Path) -> None:
    ctx.store.close()
    leftover = station_dir / "printing"
    leftover.mkdir()
    (leftover / "0123abcd.pdf").write_bytes(b"%PDF-1.4 a victim's name")
    session = Session(station_dir)
    assert session.start()
    assert session.unlock_dialog is not None
    qtbot.addWidget(session.unlock_dialog)
    assert not leftover.exists()


def test_preferences_hold_no_user_name(qtbot, ctx: Context, tmp_path: Path) -> None:
    session = Session(ctx.store.paths.data_dir, ctx.clock)
    qtbot.addWidget(session.signed_in(ctx))
    session.prefs.sync()
    assert "sho.phalia" not in prefs_text(tmp_path)
    session.idle.stop()  # the session goes with this test; its idle filter must leave the application first


def test_preferences_hold_no_sync_error_text(ctx: Context, tmp_path: Path) -> None:
    background = BackgroundSync(ctx)
    background._failed(AhtcError("district said: no such station 'Tariq Mehmood 34402-1234567-1'"))
    background.prefs.sync()
    text = prefs_text(tmp_path)
    assert "Tariq" not in text and "34402" not in text
    assert "Tariq" in (background.last_error or "")  # the officer still reads what went wrong, now
    assert BackgroundSync(ctx).last_error  # and, after a restart, that the last sync failed


def test_failed_sign_ins_are_told_after_the_next_unlock(qtbot, ctx: Context, station_dir: Path, clock, monkeypatch):
    from desktop_app.errors import WrongPassphrase
    from desktop_app.services.setup import unlock
    from desktop_app.views import dialogs
    from tests.conftest import PASSPHRASE

    told: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _parent, _title, text: told.append(text))
    ctx.store.close()
    with pytest.raises(WrongPassphrase):
        unlock(station_dir, "sho.phalia", "not the passphrase at all", clock)
    signed_in = unlock(station_dir, "sho.phalia", PASSPHRASE, clock)
    session = Session(station_dir, clock)
    qtbot.addWidget(session.signed_in(signed_in))
    assert len(told) == 1 and told[0].startswith("1 wrong passphrase")
    session.idle.stop()
    signed_in.store.close()


def test_the_sho_disables_an_officer_from_the_users_screen_and_the_store_is_rekeyed(
    qtbot, ctx: Context, officer: Context, answers, station_dir: Path
) -> None:
    import json

    from desktop_app.services.accounts import list_users
    from desktop_app.views.admin import UsersPage

    epoch = json.loads((station_dir / "keyslots.json").read_text())["epoch"]
    page = UsersPage(ctx)
    qtbot.addWidget(page)
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == "asi.bilal")
    page.table.selectRow(row)
    page.disable()
    assert {u.username: u.active for u in list_users(ctx)}["asi.bilal"] is False
    assert json.loads((station_dir / "keyslots.json").read_text())["epoch"] == epoch + 1
    assert answers.asked == ["Disable"]
