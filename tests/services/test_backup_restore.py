"""Backups round-trip; a bad backup or a wrong passphrase leaves the live store exactly as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop_app.errors import BackupInvalid, PermissionDenied, WrongPassphrase
from desktop_app.services import accounts
from desktop_app.services.context import Context
from desktop_app.services.maintenance import backup_store, restore_store
from desktop_app.services.records import Records
from desktop_app.services.setup import unlock
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.services.helpers import person


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_backup_then_restore_brings_back_the_old_state(
    ctx: Context, records: Records, station_dir: Path, tmp_path: Path
) -> None:
    kept = person(records, name="Kept Person")
    backup = tmp_path / "usb" / "phalia.ahtcbak"
    info = backup_store(ctx, backup)
    assert info.database_bytes > 0 and backup.exists()
    assert b"Kept Person" not in backup.read_bytes()
    person(records, name="Added After Backup")
    old_store_id = ctx.station.store_id
    ctx.store.close()

    restored = restore_store(backup, station_dir, "sho.phalia", PASSPHRASE)

    names = {p["name"] for p in Records(restored).list("persons")}
    assert names == {"Kept Person"} and Records(restored).get("persons", kept)
    assert restored.station.store_id != old_store_id
    replaced = list((station_dir / "backups").glob("replaced-*"))
    assert len(replaced) == 1 and (replaced[0] / "ahtc.db").exists()
    restored.store.close()


def test_truncated_backup_is_refused_and_nothing_changes(
    ctx: Context, records: Records, station_dir: Path, tmp_path: Path
) -> None:
    person(records)
    backup = tmp_path / "b.ahtcbak"
    backup_store(ctx, backup)
    backup.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    ctx.store.close()
    before = fingerprint(station_dir)
    with pytest.raises(BackupInvalid, match="damaged or incomplete"):
        restore_store(backup, station_dir, "sho.phalia", PASSPHRASE)
    assert fingerprint(station_dir) == before


def test_wrong_passphrase_for_the_backup_changes_nothing(ctx: Context, station_dir: Path, tmp_path: Path) -> None:
    backup = tmp_path / "b.ahtcbak"
    backup_store(ctx, backup)
    ctx.store.close()
    before = fingerprint(station_dir)
    with pytest.raises(WrongPassphrase):
        restore_store(backup, station_dir, "sho.phalia", "not the passphrase at all")
    assert fingerprint(station_dir) == before


def test_an_officer_cannot_restore(ctx: Context, station_dir: Path, tmp_path: Path) -> None:
    accounts.add_user(ctx, "asi.aslam", "ASI Aslam", "officer", "officer passphrase", FAST_KDF)
    backup = tmp_path / "b.ahtcbak"
    backup_store(ctx, backup)
    ctx.store.close()
    before = fingerprint(station_dir)
    with pytest.raises(PermissionDenied, match="only the SHO"):
        restore_store(backup, station_dir, "asi.aslam", "officer passphrase")
    assert fingerprint(station_dir) == before
    unlock(station_dir, "sho.phalia", PASSPHRASE).store.close()
