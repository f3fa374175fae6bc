"""Recovery with the district's offline key, and the station's list of recovery slots (findings 4 and 11).

`ahtc recover --key-file F` had no equivalent before (`unlock_with_recovery` had no caller); recovery slots could
be neither listed nor removed. Everything here runs through the real command line on real stores.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from desktop_app.cli import main
from desktop_app.models.audit import AuditEntry
from desktop_app.services.accounts import add_user
from desktop_app.services.context import Context
from desktop_app.services.setup import unlock
from desktop_app.store.keyslots import KeySlots
from desktop_app.sync.district import init_district
from desktop_app.sync.keys import FINGERPRINT_PATTERN, key_fingerprint
from desktop_app.sync.recovery import read_recovery_key
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.sync.conftest import enrol

NEW_PASSPHRASE = "a brand new sho passphrase"


def run(capsys: pytest.CaptureFixture[str], folder: Path, user: str, *args: object) -> tuple[int, str, str]:
    code = main(["--data-dir", str(folder), "--user", user, *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_recover_opens_a_store_whose_passphrases_are_lost(
    ctx: Context,
    district: Context,
    district_recovery_key: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    enrol(ctx, district, tmp_path / "enrolment")
    folder = ctx.store.paths.data_dir
    ctx.store.close()
    monkeypatch.delenv("AHTC_PASSPHRASE", raising=False)
    monkeypatch.setenv("AHTC_NEW_PASSPHRASE", NEW_PASSPHRASE)

    code, out, err = run(capsys, folder, "sho.phalia", "recover", "--key-file", district_recovery_key)

    assert code == 0, err
    fingerprint = read_recovery_key(district_recovery_key)[1]
    assert fingerprint in out and "new passphrase" in out
    reopened = unlock(folder, "sho.phalia", NEW_PASSPHRASE)
    try:
        with reopened.store.session() as session:
            actions = [(e.action, e.detail) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))]
    finally:
        reopened.store.close()
    assert ("recover", f"sho.phalia with recovery key {fingerprint}") in actions
    assert ("passwd-reset", "sho.phalia") in actions


def test_another_districts_key_opens_nothing_and_changes_nothing(
    ctx: Context, district: Context, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    enrol(ctx, district, tmp_path / "enrolment")
    folder = ctx.store.paths.data_dir
    ctx.store.close()
    other = tmp_path / "usb"
    other.mkdir()
    grw = init_district(
        tmp_path / "grw",
        district_code="GRW",
        district="Gujranwala",
        admin="dpo.grw",
        passphrase=PASSPHRASE,
        recovery_key_out=other / "grw-key.json",
        kdf=FAST_KDF,
    )
    grw.store.close()
    slots_before = (folder / "keyslots.json").read_bytes()
    monkeypatch.setenv("AHTC_NEW_PASSPHRASE", NEW_PASSPHRASE)

    code, _out, err = run(capsys, folder, "sho.phalia", "recover", "--key-file", other / "grw-key.json")

    assert code == 1 and "no recovery slot for district recovery key" in err
    assert re.search(FINGERPRINT_PATTERN, err)
    assert (folder / "keyslots.json").read_bytes() == slots_before


def test_recover_sets_a_passphrase_for_an_sho_only(
    ctx: Context,
    district: Context,
    district_recovery_key: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_user(ctx, "asi.akram", "ASI Akram", "officer", "officer passphrase 2026", FAST_KDF)
    enrol(ctx, district, tmp_path / "enrolment")
    folder = ctx.store.paths.data_dir
    ctx.store.close()
    monkeypatch.setenv("AHTC_NEW_PASSPHRASE", NEW_PASSPHRASE)

    code, _out, err = run(capsys, folder, "asi.akram", "recover", "--key-file", district_recovery_key)

    assert code == 1 and "not an SHO" in err
    with pytest.raises(Exception, match="wrong user name or passphrase"):
        unlock(folder, "asi.akram", NEW_PASSPHRASE)


def test_recovery_slots_are_listed_by_fingerprint_and_an_unknown_one_removed(
    ctx: Context,
    district: Context,
    district_recovery_key: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AHTC_PASSPHRASE", PASSPHRASE)
    enrol(ctx, district, tmp_path / "enrolment")
    stranger = X25519PrivateKey.generate()
    stranger_slot = ctx.store.slots.set_recovery(stranger.public_key().public_bytes_raw(), ctx.store.data_key)
    ctx.store.save_slots()
    folder = ctx.store.paths.data_dir

    code, out, _ = run(capsys, folder, "sho.phalia", "recovery", "list")

    fingerprint = read_recovery_key(district_recovery_key)[1]
    assert code == 0 and f"{fingerprint} (current)" in out and "district MBD's recovery key" in out
    assert f"{stranger_slot}\tunknown key" in out
    assert key_fingerprint(stranger.public_key().public_bytes_raw()) not in out  # unknown: no fingerprint to show

    code, out, _ = run(capsys, folder, "sho.phalia", "recovery", "remove", stranger_slot)
    assert code == 0 and "Removed" in out
    slots = KeySlots.load(folder / "keyslots.json")
    assert len(slots.recovery_fingerprints()) == 1
    code, _out, err = run(capsys, folder, "sho.phalia", "recovery", "remove", "ABCD-EFGH-IJKL-MN23")
    assert code == 8 and "no recovery slot" in err


def test_removing_a_recovery_slot_keeps_a_user_another_window_added(
    ctx: Context, district: Context, tmp_path: Path
) -> None:
    """Two windows on one store: the slot file on disk, not the copy this window read at unlock, is what changes."""
    from desktop_app.sync.recovery import remove_recovery_slot

    enrol(ctx, district, tmp_path / "enrolment")
    stranger = X25519PrivateKey.generate()
    stranger_slot = ctx.store.slots.set_recovery(stranger.public_key().public_bytes_raw(), ctx.store.data_key)
    ctx.store.save_slots()
    other_window = unlock(ctx.store.paths.data_dir, "sho.phalia", PASSPHRASE)
    try:
        add_user(other_window, "asi.akram", "Akram", "officer", "another long enough passphrase 7", kdf=FAST_KDF)
    finally:
        other_window.store.close()

    remove_recovery_slot(ctx, stranger_slot)

    unlock(ctx.store.paths.data_dir, "asi.akram", "another long enough passphrase 7").store.close()
    assert stranger_slot not in KeySlots.load(ctx.store.paths.data_dir / "keyslots.json").recovery_fingerprints()
