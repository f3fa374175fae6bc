"""Automatic backups: due on the SHO's schedule, written to the data folder and his chosen folder, each one
verified before it takes its name, rotated to 7 daily and 4 weekly, and their facts ready for the dashboard."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from desktop_app.errors import BackupInvalid, ValidationError
from desktop_app.services import auto_backup, maintenance
from desktop_app.services.clock import FakeClock
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.services.settings import load_settings, save_settings
from desktop_app.store import backup as store_backup
from desktop_app.store.backup import verify_backup

T0 = dt.datetime(2026, 3, 1, 5, 0, tzinfo=dt.UTC)  # 10:00 in Pakistan


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("auto-*.ahtcbak"))


def test_rotation_keeps_seven_days_then_four_weeks() -> None:
    # Sixty days with a backup every day, two on the newest day.
    times = [T0 + dt.timedelta(days=d) for d in range(60)] + [T0 + dt.timedelta(days=59, hours=3)]
    keep = auto_backup.to_keep(times)
    newest = max(times)
    assert newest in keep and T0 + dt.timedelta(days=59) not in keep  # one per day: the day's newest
    days = sorted({t.date() for t in keep if t >= T0 + dt.timedelta(days=53)})
    assert len(days) == 7
    older = sorted(t for t in keep if t < T0 + dt.timedelta(days=53))
    weeks = {t.isocalendar()[:2] for t in older}
    assert len(older) == 4 and len(weeks) == 4
    assert older[-1] == T0 + dt.timedelta(days=52)  # the newest of the week before the daily ones
    assert len(keep) == 11


def test_rotation_with_few_backups_keeps_them_all() -> None:
    times = [T0, T0 + dt.timedelta(days=3), T0 + dt.timedelta(days=20)]
    assert auto_backup.to_keep(times) == set(times)
    assert auto_backup.to_keep([]) == set()


def test_a_run_writes_a_verified_backup_in_the_data_folder_and_the_chosen_folder(ctx: Context, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    save_settings(ctx, backup_folder=str(usb))
    Records(ctx).create("persons", {"name": "Backup Person", "role": "agent", "status": "documented"})

    run = auto_backup.run_now(ctx)

    assert run.ok and [d.folder for d in run.destinations] == [auto_backup.data_folder_target(ctx), usb]
    for destination in run.destinations:
        assert destination.file is not None and destination.file.is_file()
        check = verify_backup(destination.file, ctx.store.data_key)  # opens, integrity-checks
        assert check.row_counts["persons"] == 1
    assert not list(usb.glob(".*partial")) and not list(usb.glob(".ahtc-*"))
    status = auto_backup.status(ctx)
    assert status.last_good == ctx.clock.now() and len(status.last_good_places) == 2
    assert status.last_problems == () and not status.due and status.kept == 2


def test_daily_is_due_at_the_first_sign_in_of_each_day(ctx: Context, clock: FakeClock) -> None:
    assert load_settings(ctx).backup_schedule == "daily"
    assert auto_backup.is_due(ctx)
    assert auto_backup.run_if_due(ctx) is not None
    clock.advance(hours=8)  # 18:00 in Pakistan, the same day
    assert auto_backup.run_if_due(ctx) is None
    clock.advance(hours=6)  # past midnight in Pakistan (19:00 UTC): a new day
    assert auto_backup.is_due(ctx)
    assert auto_backup.run_if_due(ctx) is not None
    assert len(names(auto_backup.data_folder_target(ctx))) == 2


def test_weekly_and_off(ctx: Context, clock: FakeClock) -> None:
    save_settings(ctx, backup_schedule="weekly")
    auto_backup.run_now(ctx)
    clock.advance(days=6, hours=23)
    assert not auto_backup.is_due(ctx)
    clock.advance(hours=1)
    assert auto_backup.is_due(ctx)
    save_settings(ctx, backup_schedule="off")
    assert not auto_backup.is_due(ctx) and auto_backup.run_if_due(ctx) is None


def test_a_backup_made_while_the_clock_was_years_ahead_does_not_stop_the_schedule(
    ctx: Context, clock: FakeClock
) -> None:
    clock.advance(days=900)
    auto_backup.run_now(ctx)
    clock.advance(days=-900)  # the clock is put right
    assert auto_backup.is_due(ctx)


def test_backups_over_weeks_are_rotated_in_each_folder(ctx: Context, clock: FakeClock, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "the SHO's own notes.txt").write_text("not a backup")
    (usb / "auto-MBD-OTHER-20260301T050000Z.ahtcbak").write_bytes(b"another station's file")
    save_settings(ctx, backup_folder=str(usb))
    removed = 0
    for _ in range(21):
        removed += len(auto_backup.run_now(ctx).removed)
        clock.advance(days=1)
    here = names(auto_backup.data_folder_target(ctx))
    # 1-21 March 2026: the 7 days 15-21, then the newest of each older week: Sat 14, Sun 8 and Sun 1 March
    # (ISO weeks start on Monday). A fourth week would be kept if there were one.
    days = [*range(15, 22), 14, 8, 1]
    assert here == sorted(f"auto-MBD-PHALIA-202603{d:02d}T050000Z.ahtcbak" for d in days)
    assert names(usb) == sorted([*here, "auto-MBD-OTHER-20260301T050000Z.ahtcbak"])
    assert (usb / "the SHO's own notes.txt").exists()
    assert removed == 2 * (21 - len(here))


def test_a_missing_usb_drive_is_reported_and_the_data_folder_still_gets_its_backup(
    ctx: Context, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    save_settings(ctx, backup_folder=str(usb))
    usb.rmdir()  # the stick was pulled out

    run = auto_backup.run_now(ctx)

    data, stick = run.destinations
    assert data.ok and not stick.ok and not run.ok
    assert stick.problem is not None and "not there" in stick.problem
    status = auto_backup.status(ctx)
    assert status.last_good == ctx.clock.now() and status.last_problems == (stick.problem,)


def test_a_backup_that_fails_its_check_is_not_kept_under_a_backups_name(
    ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = store_backup.write_backup

    def write_then_lose_the_end(store: object, out: Path) -> object:  # a drive that drops the file's tail
        info = real_write(store, out)  # type: ignore[arg-type]
        out.write_bytes(out.read_bytes()[: out.stat().st_size // 2])
        return info

    monkeypatch.setattr(store_backup, "write_backup", write_then_lose_the_end)
    run = auto_backup.run_now(ctx)
    folder = auto_backup.data_folder_target(ctx)
    assert not run.ok and "failed its check" in (run.destinations[0].problem or "")
    assert names(folder) == [] and not list(folder.glob(".*"))
    with pytest.raises(BackupInvalid):
        maintenance.backup_store(ctx, tmp_path / "manual.ahtcbak")
    assert not (tmp_path / "manual.ahtcbak").exists()


def test_verify_finds_a_damaged_page_even_with_a_matching_checksum(ctx: Context, tmp_path: Path) -> None:
    good = tmp_path / "good.ahtcbak"
    maintenance.backup_store(ctx, good)
    with zipfile.ZipFile(good) as archive:
        meta = json.loads(archive.read("backup.json"))
        db = bytearray(archive.read("ahtc.db"))
        slots = archive.read("keyslots.json")
    db[len(db) // 2] ^= 0x01  # one bit inside an encrypted page; the label's checksum is recomputed to match
    meta["database_sha256"] = hashlib.sha256(db).hexdigest()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("backup.json", json.dumps(meta))
        archive.writestr("keyslots.json", slots)
        archive.writestr("ahtc.db", bytes(db))
    bad = tmp_path / "bad.ahtcbak"
    bad.write_bytes(buffer.getvalue())
    verify_backup(good, ctx.store.data_key)
    with pytest.raises(BackupInvalid):
        verify_backup(bad, ctx.store.data_key)


def test_the_chosen_folder_must_exist_and_be_a_whole_path(ctx: Context, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as missing:
        save_settings(ctx, backup_folder=str(tmp_path / "no-such-drive"))
    assert "does not exist" in missing.value.errors["backup_folder"]
    with pytest.raises(ValidationError):
        save_settings(ctx, backup_folder="relative/folder")
    with pytest.raises(ValidationError):
        save_settings(ctx, backup_schedule="hourly")
    assert save_settings(ctx, backup_folder="").backup_folder is None
