"""Accounts: adding officers, changing and resetting passphrases, shift change on one machine."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.errors import ValidationError, WrongPassphrase
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
