"""Station settings: defaults, SHO-only changes with validation, and the pending-change count."""

from __future__ import annotations

import pytest

from desktop_app.errors import PermissionDenied, ValidationError
from desktop_app.services.accounts import add_user
from desktop_app.services.records import Records
from desktop_app.services.settings import Settings, load_settings, pending_change_count, save_settings
from desktop_app.services.setup import context_for
from tests.conftest import FAST_KDF


def test_a_new_station_has_default_settings(ctx):
    assert load_settings(ctx) == Settings()


def test_sho_changes_settings(ctx):
    save_settings(ctx, auto_lock_minutes=5, district_url="https://ahtc-mbd.punjabpolice.gov.pk", language="ur")
    assert load_settings(ctx) == Settings(5, "https://ahtc-mbd.punjabpolice.gov.pk", "ur")


def test_bad_values_are_refused_field_by_field(ctx):
    with pytest.raises(ValidationError) as caught:
        save_settings(ctx, auto_lock_minutes=0, district_url="ftp://x", language="fr")
    assert set(caught.value.errors) == {"auto_lock_minutes", "district_url", "language"}
    assert load_settings(ctx) == Settings()


def test_an_officer_cannot_change_settings_but_can_read_them(ctx):
    add_user(ctx, "asi.bilal", "ASI Bilal", "officer", "another long passphrase", kdf=FAST_KDF)
    officer = context_for(ctx.store, "asi.bilal", ctx.clock)
    with pytest.raises(PermissionDenied):
        save_settings(officer, auto_lock_minutes=60)
    assert load_settings(officer).auto_lock_minutes == 10


def test_pending_changes_count_local_writes(ctx):
    assert pending_change_count(ctx) == 0
    Records(ctx).create("persons", {"name": "Ahmad", "role": "agent"})
    assert pending_change_count(ctx) == 1
