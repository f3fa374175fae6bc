"""Revocation: a disabled officer, or an old passphrase, opens nothing written after the change (E2, finding 3).

The attacker here is a colleague who kept a copy of `keyslots.json` (or a backup) from before he was disabled, or
who watched an officer type a passphrase that has since been changed. He puts his old slot file beside the
current database and signs in with what he knows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.errors import AhtcError, ConfirmationNeeded, PermissionDenied
from desktop_app.models.victims import MigrationVictim
from desktop_app.services import accounts
from desktop_app.services.context import Context
from desktop_app.services.maintenance import backup_store, restore, restore_store
from desktop_app.services.records import Records
from desktop_app.services.setup import unlock
from desktop_app.store.store import Store
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.services.helpers import victim

OFFICER, OFFICER_PHRASE = "asi.akram", "officer pass 2026"


def current_database_with_old_slots(station_dir: Path, old_slots: bytes, scratch: Path) -> Path:
    """What the attacker builds: today's ahtc.db with the key-slot file he kept."""
    scratch.mkdir()
    shutil.copy(station_dir / "ahtc.db", scratch / "ahtc.db")
    (scratch / "keyslots.json").write_bytes(old_slots)
    return scratch


def test_disabled_officers_old_slot_file_cannot_open_the_current_database(
    ctx: Context, station_dir: Path, tmp_path: Path
) -> None:
    accounts.add_user(ctx, OFFICER, "ASI Akram", "officer", OFFICER_PHRASE, FAST_KDF)
    kept_by_the_officer = (station_dir / "keyslots.json").read_bytes()
    accounts.disable_user(ctx, OFFICER)
    victim(Records(ctx), name="Added After Disable")
    ctx.store.checkpoint()

    attack = current_database_with_old_slots(station_dir, kept_by_the_officer, tmp_path / "attack")
    # He goes round the services (they would refuse a disabled account) and reads the file with the data key.
    with pytest.raises(AhtcError):
        stolen = Store.open(attack, OFFICER, OFFICER_PHRASE)
        with stolen.session() as session:
            names = list(session.scalars(select(MigrationVictim.name)))
        stolen.close()
        assert "Added After Disable" not in names


def test_old_passphrase_with_an_old_slot_file_cannot_open_the_current_database(
    ctx: Context, station_dir: Path, tmp_path: Path
) -> None:
    before_change = (station_dir / "keyslots.json").read_bytes()
    accounts.change_own_passphrase(ctx, PASSPHRASE, "quiet river lantern 77", FAST_KDF)
    victim(Records(ctx), name="Added After The Change")
    ctx.store.checkpoint()

    attack = current_database_with_old_slots(station_dir, before_change, tmp_path / "attack")
    with pytest.raises(AhtcError):
        unlock(attack, "sho.phalia", PASSPHRASE).store.close()


def test_sho_reset_retires_the_old_passphrase_for_the_current_data(
    ctx: Context, station_dir: Path, tmp_path: Path
) -> None:
    accounts.add_user(ctx, OFFICER, "ASI Akram", "officer", OFFICER_PHRASE, FAST_KDF)
    before_reset = (station_dir / "keyslots.json").read_bytes()
    accounts.reset_passphrase(ctx, OFFICER, "copper kettle monsoon 41", FAST_KDF)
    ctx.store.checkpoint()

    attack = current_database_with_old_slots(station_dir, before_reset, tmp_path / "attack")
    with pytest.raises(AhtcError):
        unlock(attack, OFFICER, OFFICER_PHRASE).store.close()


def test_an_officer_cannot_write_a_full_backup(ctx: Context, station_dir: Path, tmp_path: Path) -> None:
    accounts.add_user(ctx, OFFICER, "ASI Akram", "officer", OFFICER_PHRASE, FAST_KDF)
    officer = unlock(station_dir, OFFICER, OFFICER_PHRASE)
    with pytest.raises(PermissionDenied):
        backup_store(officer, tmp_path / "usb" / "officer-copy.ahtcbak")
    officer.store.close()
    assert not (tmp_path / "usb" / "officer-copy.ahtcbak").exists()


def test_restoring_an_older_backup_keeps_a_later_disable(ctx: Context, station_dir: Path, tmp_path: Path) -> None:
    accounts.add_user(ctx, OFFICER, "ASI Akram", "officer", OFFICER_PHRASE, FAST_KDF)
    backup = tmp_path / "usb" / "before-disable.ahtcbak"
    backup_store(ctx, backup)
    accounts.disable_user(ctx, OFFICER)
    ctx.store.close()

    restored = restore_store(backup, station_dir, "sho.phalia", PASSPHRASE)
    restored.store.close()
    with pytest.raises(AhtcError):
        unlock(station_dir, OFFICER, OFFICER_PHRASE).store.close()


def test_restoring_over_an_unreadable_store_lists_who_comes_back_and_waits(
    ctx: Context, station_dir: Path, tmp_path: Path
) -> None:
    accounts.add_user(ctx, OFFICER, "ASI Akram", "officer", OFFICER_PHRASE, FAST_KDF)
    backup = tmp_path / "usb" / "older.ahtcbak"
    backup_store(ctx, backup)
    ctx.store.close()
    (station_dir / "ahtc.db").write_bytes(b"\0" * 8192)  # the live store is damaged: its audit cannot be read

    with pytest.raises(ConfirmationNeeded, match=OFFICER) as asked:
        restore_store(backup, station_dir, "sho.phalia", PASSPHRASE)
    assert "--confirm-users" in str(asked.value)
    assert (station_dir / "ahtc.db").read_bytes() == b"\0" * 8192  # nothing changed while it asks

    report = restore(backup, station_dir, "sho.phalia", PASSPHRASE, confirm_users=True)
    assert report.came_back == (OFFICER,) and report.disabled_again == ()
    report.ctx.store.close()


def test_a_restore_that_disables_again_also_rekeys(ctx: Context, station_dir: Path, tmp_path: Path) -> None:
    accounts.add_user(ctx, OFFICER, "ASI Akram", "officer", OFFICER_PHRASE, FAST_KDF)
    backup = tmp_path / "usb" / "before-disable.ahtcbak"
    backup_store(ctx, backup)
    accounts.disable_user(ctx, OFFICER)
    ctx.store.close()

    report = restore(backup, station_dir, "sho.phalia", PASSPHRASE)
    assert report.disabled_again == (OFFICER,) and report.rekey is not None
    report.ctx.store.checkpoint()
    # The backup's own slot file (which still has the officer) no longer opens the restored database.
    attack = tmp_path / "attack"
    attack.mkdir()
    shutil.copy(station_dir / "ahtc.db", attack / "ahtc.db")
    from desktop_app.store.backup import read_backup

    (attack / "keyslots.json").write_bytes(read_backup(backup)[2])
    report.ctx.store.close()
    with pytest.raises(AhtcError):
        Store.open(attack, OFFICER, OFFICER_PHRASE).close()


def test_pseudonyms_in_exports_survive_a_rekey(ctx: Context) -> None:
    from desktop_app.reports.exports import pseudonym_secret

    before = pseudonym_secret(ctx)
    accounts.add_user(ctx, OFFICER, "ASI Akram", "officer", OFFICER_PHRASE, FAST_KDF)
    accounts.disable_user(ctx, OFFICER)  # a new data key
    assert pseudonym_secret(ctx) == before
