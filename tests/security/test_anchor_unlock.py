"""Local checks at sign-in catch the careless: a role no signed grant gives is refused, the audit chain is
checked from the last point found intact (issue 10 item 3; security review findings 7, 8).

Before: roles were whatever the users table said, so one UPDATE made an officer SHO, and nothing at sign-in
looked at the audit chain.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.errors import RoleNotGranted
from desktop_app.models.audit import AuditEntry
from desktop_app.models.grants import RoleGrant
from desktop_app.services import accounts, grants
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.services.setup import unlock
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.security.anchor import raise_role, raw_sql
from tests.services.helpers import victim

OFFICER, OFFICER_PHRASE = "asi.aslam", "officer pass 2026 phalia"


@pytest.fixture
def with_officer(ctx: Context) -> Context:
    accounts.add_user(ctx, OFFICER, "ASI Aslam", "officer", OFFICER_PHRASE, FAST_KDF)
    return ctx


def audit_actions(ctx: Context) -> list[tuple[str, str | None]]:
    with ctx.store.session() as session:
        return [(e.action, e.detail) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))]


def test_an_officer_made_sho_by_sql_is_refused_at_his_next_sign_in(with_officer: Context, station_dir: Path) -> None:
    ctx = with_officer
    officer = unlock(station_dir, OFFICER, OFFICER_PHRASE, ctx.clock)
    assert officer.actor.role == "officer"
    officer.store.close()
    raise_role(ctx, OFFICER)

    with pytest.raises(RoleNotGranted) as refused:
        unlock(station_dir, OFFICER, OFFICER_PHRASE, ctx.clock)

    assert "sho" in str(refused.value) and "officer" in str(refused.value)
    sho = unlock(station_dir, "sho.phalia", PASSPHRASE, ctx.clock)
    try:
        actions = audit_actions(sho)
        assert ("unlock-refused", f"{OFFICER} has the role 'sho' but the SHO granted 'officer'") in actions
        assert any(OFFICER in problem for problem in sho.integrity_problems)
    finally:
        sho.store.close()


def test_a_grant_the_officer_signs_for_himself_does_not_count(with_officer: Context, station_dir: Path) -> None:
    ctx = with_officer
    officer = unlock(station_dir, OFFICER, OFFICER_PHRASE, ctx.clock)
    key = officer.signing_key
    assert key is not None
    with officer.store.transaction() as session:
        grants.sign_grant(session, officer, key, OFFICER, "sho", True, key.public_key().public_bytes_raw())
    officer.store.close()
    raise_role(ctx, OFFICER)

    with pytest.raises(RoleNotGranted):
        unlock(station_dir, OFFICER, OFFICER_PHRASE, ctx.clock)


def test_a_grant_rewritten_in_the_table_fails_its_signature(with_officer: Context, station_dir: Path) -> None:
    ctx = with_officer
    raw_sql(ctx, ("UPDATE role_grants SET role = 'sho' WHERE username = ?", (OFFICER,)))
    raise_role(ctx, OFFICER)

    with pytest.raises(RoleNotGranted):
        unlock(station_dir, OFFICER, OFFICER_PHRASE, ctx.clock)


def test_grants_follow_adds_passphrase_changes_and_disables(with_officer: Context, station_dir: Path) -> None:
    with_officer.store.close()  # one window at a time: a re-key needs the register to itself
    officer = unlock(station_dir, OFFICER, OFFICER_PHRASE, with_officer.clock)
    accounts.change_own_passphrase(officer, OFFICER_PHRASE, "a new officer phrase 2026", FAST_KDF)
    officer.store.close()
    officer = unlock(station_dir, OFFICER, "a new officer phrase 2026", officer.clock)  # his new key is granted
    officer.store.close()
    ctx = unlock(station_dir, "sho.phalia", PASSPHRASE, officer.clock)
    accounts.reset_passphrase(ctx, OFFICER, "reset by the sho 2026 phalia", FAST_KDF)
    accounts.change_own_passphrase(ctx, PASSPHRASE, "the sho has a new phrase 2026", FAST_KDF)
    accounts.disable_user(ctx, OFFICER)

    with ctx.store.session() as session:
        replay, problems = grants.check_store(session, "MBD-PHALIA")
        rows = list(session.scalars(select(RoleGrant).order_by(RoleGrant.serial)))
    assert not replay.bad and not problems
    assert [(g.username, g.role, g.active, g.signer) for g in rows] == [
        ("sho.phalia", "sho", True, "sho.phalia"),
        (OFFICER, "officer", True, "sho.phalia"),
        (OFFICER, "officer", True, OFFICER),  # his own passphrase change: his new key, signed by his old one
        (OFFICER, "officer", True, "sho.phalia"),
        ("sho.phalia", "sho", True, "sho.phalia"),
        (OFFICER, "officer", False, "sho.phalia"),
    ]
    sho_key = ctx.signing_key
    assert sho_key is not None
    assert rows[4].subject_public == base64.b64encode(sho_key.public_key().public_bytes_raw()).decode()
    ctx.store.close()
    again = unlock(station_dir, "sho.phalia", "the sho has a new phrase 2026", ctx.clock)
    assert again.integrity_problems == ()
    again.store.close()


def test_a_store_from_before_grants_has_its_roles_signed_by_its_sho_once(
    with_officer: Context, station_dir: Path
) -> None:
    ctx = with_officer
    raw_sql(ctx, ("DELETE FROM role_grants", ()))  # what a store made before grants holds
    ctx.store.close()
    officer = unlock(station_dir, OFFICER, OFFICER_PHRASE, ctx.clock)  # before the SHO signs: still let in
    officer.store.close()

    sho = unlock(station_dir, "sho.phalia", PASSPHRASE, ctx.clock)
    with sho.store.session() as session:
        rows = list(session.scalars(select(RoleGrant).order_by(RoleGrant.serial)))
    assert [(g.username, g.role, g.after_the_fact) for g in rows] == [
        ("sho.phalia", "sho", True),
        (OFFICER, "officer", True),
    ]
    assert ("grants-signed", "2 roles signed after the fact") in [(a, d) for a, d in audit_actions(sho)]
    raise_role(sho, OFFICER)
    sho.store.close()
    with pytest.raises(RoleNotGranted):
        unlock(station_dir, OFFICER, OFFICER_PHRASE, ctx.clock)


def test_a_changed_audit_entry_is_reported_at_the_next_sign_in(ctx: Context, station_dir: Path) -> None:
    ctx.store.close()
    again = unlock(station_dir, "sho.phalia", PASSPHRASE, ctx.clock)  # the checked point: this sign-in
    assert again.integrity_problems == ()
    kept = victim(Records(again), name="Audit Chain Victim")
    raw_sql(again, ("UPDATE audit_log SET username = 'someone.else' WHERE record_id = ?", (kept,)))
    again.store.close()

    after = unlock(station_dir, "sho.phalia", PASSPHRASE, ctx.clock)
    try:
        assert any("audit chain is broken" in p for p in after.integrity_problems)
        assert "audit-chain-broken" in [a for a, _ in audit_actions(after)]
    finally:
        after.store.close()
    # Not moved past the damage: every sign-in says so until it is dealt with.
    last = unlock(station_dir, "sho.phalia", PASSPHRASE, ctx.clock)
    assert any("audit chain is broken" in p for p in last.integrity_problems)
    last.store.close()


def test_sign_in_checks_only_the_entries_written_since_the_last_one(ctx: Context, station_dir: Path) -> None:
    records = Records(ctx)
    for number in range(5):
        victim(records, name=f"Victim Number {number}")
    ctx.store.close()
    first = unlock(station_dir, "sho.phalia", PASSPHRASE, ctx.clock)
    # Entries before the checked point are not read again: only the point itself and what follows it.
    raw_sql(first, ("UPDATE audit_log SET detail = 'rewritten' WHERE seq = 2", ()))
    first.store.close()
    second = unlock(station_dir, "sho.phalia", PASSPHRASE, ctx.clock)
    assert second.integrity_problems == ()  # found by 'ahtc verify', which reads the whole chain
    second.store.close()
