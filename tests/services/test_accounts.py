"""Accounts: adding officers, changing and resetting passphrases, shift change on one machine."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.errors import ValidationError, WrongPassphrase
from desktop_app.models import AuditEntry
from desktop_app.services import accounts
from desktop_app.services.context import Context
from desktop_app.services.setup import unlock
from tests.conftest import FAST_KDF, PASSPHRASE


def test_added_officer_signs_in_with_their_own_passphrase(ctx: Context, station_dir: Path) -> None:
    accounts.add_user(ctx, "ASI.Aslam", "ASI Muhammad Aslam", "officer", "officer's own phrase", FAST_KDF)
    officer = unlock(station_dir, "asi.aslam", "officer's own phrase")
    assert (officer.actor.username, officer.actor.role) == ("asi.aslam", "officer")
    assert [u.username for u in accounts.list_users(ctx)] == ["asi.aslam", "sho.phalia"]


def test_own_passphrase_change_needs_the_old_one(ctx: Context, station_dir: Path) -> None:
    with pytest.raises(WrongPassphrase, match="current passphrase is wrong"):
        accounts.change_own_passphrase(ctx, "a wrong old phrase", "a new phrase here", FAST_KDF)
    accounts.change_own_passphrase(ctx, PASSPHRASE, "a new phrase here", FAST_KDF)
    unlock(station_dir, "sho.phalia", "a new phrase here").store.close()
    with pytest.raises(WrongPassphrase):
        unlock(station_dir, "sho.phalia", PASSPHRASE)


def test_sho_resets_a_forgotten_passphrase(ctx: Context, station_dir: Path) -> None:
    accounts.add_user(ctx, "asi.aslam", "ASI Aslam", "officer", "forgotten phrase", FAST_KDF)
    accounts.reset_passphrase(ctx, "asi.aslam", "temporary phrase 1", FAST_KDF)
    unlock(station_dir, "asi.aslam", "temporary phrase 1").store.close()


def test_user_names_and_roles_are_checked(ctx: Context) -> None:
    with pytest.raises(ValidationError, match="username"):
        accounts.add_user(ctx, "9 bad name", "X", "officer", "a long passphrase", FAST_KDF)
    with pytest.raises(ValidationError, match="role"):
        accounts.add_user(ctx, "asi.x", "X", "inspector", "a long passphrase", FAST_KDF)
    with pytest.raises(ValidationError, match="taken"):
        accounts.add_user(ctx, "sho.phalia", "X", "officer", "a long passphrase", FAST_KDF)


def test_changing_to_the_same_passphrase_is_refused(ctx: Context) -> None:
    with pytest.raises(ValidationError, match="same as the current"):
        accounts.change_own_passphrase(ctx, PASSPHRASE, PASSPHRASE, FAST_KDF)


def test_the_signed_in_user_has_a_signing_key_and_everyone_can_read_the_public_ones(
    ctx: Context, station_dir: Path
) -> None:
    accounts.add_user(ctx, "asi.aslam", "ASI Aslam", "officer", "officer's own phrase", FAST_KDF)
    assert ctx.signing_key is not None
    officer = unlock(station_dir, "asi.aslam", "officer's own phrase")
    assert officer.signing_key is not None
    keys = accounts.signing_public_keys(ctx)
    assert keys["sho.phalia"] == ctx.signing_key.public_key().public_bytes_raw()
    assert keys["asi.aslam"] == officer.signing_key.public_key().public_bytes_raw()
    officer.store.close()


def test_a_passphrase_change_gives_a_new_signing_key(ctx: Context) -> None:
    assert ctx.signing_key is not None
    before = ctx.signing_key.public_key().public_bytes_raw()
    accounts.change_own_passphrase(ctx, PASSPHRASE, "a new phrase here", FAST_KDF)
    assert ctx.signing_key is not None
    after = ctx.signing_key.public_key().public_bytes_raw()
    assert after != before and accounts.signing_public_keys(ctx)["sho.phalia"] == after


def test_a_disable_keeps_everyone_elses_access(ctx: Context, station_dir: Path) -> None:
    accounts.add_user(ctx, "asi.aslam", "ASI Aslam", "officer", "officer's own phrase", FAST_KDF)
    accounts.add_user(ctx, "asi.bilal", "ASI Bilal", "officer", "second officer phrase", FAST_KDF)
    report = accounts.disable_user(ctx, "asi.bilal")
    assert report.lost_access == ()
    unlock(station_dir, "asi.aslam", "officer's own phrase").store.close()
    with pytest.raises(WrongPassphrase):
        unlock(station_dir, "asi.bilal", "second officer phrase")


def test_old_format_slots_convert_at_sign_in_and_a_rekey_names_who_was_left_out(
    ctx: Context, station_dir: Path
) -> None:
    from tests.store.test_keyslots import legacy_file

    accounts.add_user(ctx, "asi.aslam", "ASI Aslam", "officer", "officer's own phrase", FAST_KDF)
    key = ctx.store.data_key
    ctx.store.close()
    # The same store as the previous release left it: both users in an ahtc-keyslots/1 file.
    (station_dir / "keyslots.json").write_bytes(
        legacy_file({"sho.phalia": PASSPHRASE, "asi.aslam": "officer's own phrase"}, key=key)
    )
    sho = unlock(station_dir, "sho.phalia", PASSPHRASE)
    assert sho.signing_key is not None  # converted at this sign-in
    with sho.store.session() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(2)))
    assert "keyslot-upgrade" in actions
    report = accounts.reset_passphrase(sho, "sho.phalia", "a new phrase here", FAST_KDF)
    assert report.lost_access == ("asi.aslam",)
    sho.store.close()
    with pytest.raises(WrongPassphrase):
        unlock(station_dir, "asi.aslam", "officer's own phrase")
