"""The audit chain detects any changed, removed or reordered entry."""

from __future__ import annotations

from sqlalchemy import delete, text, update

from desktop_app.models import AuditEntry
from desktop_app.services import audit
from desktop_app.services.context import Context
from desktop_app.services.maintenance import verify_store
from desktop_app.services.records import Records
from tests.services.helpers import one_of_each


def chain(ctx: Context) -> audit.ChainReport:
    with ctx.store.session() as session:
        return audit.verify_chain(session)


def test_untouched_chain_verifies(ctx: Context, records: Records) -> None:
    one_of_each(records)
    report = chain(ctx)
    assert report.ok and report.entries > 14
    assert verify_store(ctx).ok


def test_changed_byte_in_an_entry_is_reported(ctx: Context, records: Records) -> None:
    one_of_each(records)
    with ctx.store.transaction() as session:
        session.execute(update(AuditEntry).where(AuditEntry.seq == 5).values(username="sho.phaliA"))
    report = chain(ctx)
    assert (report.broken_at, report.problem) == (5, "entry 5 was changed after it was written")
    assert not verify_store(ctx).ok


def test_removed_entry_is_reported(ctx: Context, records: Records) -> None:
    one_of_each(records)
    with ctx.store.transaction() as session:
        session.execute(delete(AuditEntry).where(AuditEntry.seq == 3))
    assert chain(ctx).problem == "entry 3 is missing"


def test_rehashed_entry_still_breaks_the_next_link(ctx: Context, records: Records) -> None:
    one_of_each(records)
    with ctx.store.transaction() as session:
        row = session.get(AuditEntry, 4)
        assert row is not None
        forged = audit.entry_hash(
            row.seq, row.at, row.username, "read:view", row.register, row.record_id, row.detail, row.prev_hash
        )
        session.execute(text("UPDATE audit_log SET action='read:view', hash=:h WHERE seq=4"), {"h": forged})
    assert chain(ctx).problem == "entry 5 does not follow entry 4"
