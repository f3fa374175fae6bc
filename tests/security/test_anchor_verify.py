"""`ahtc verify` cross-checks records, change log and audit (issue 10 item 2).

Before: verify looked at the audit chain alone, so a record written by SQL, a change whose audit entry was cut
out (chain re-hashed), or a change log emptied behind an intact audit, all passed.
"""

from __future__ import annotations

import uuid

from desktop_app.services.context import Context
from desktop_app.services.maintenance import verify_store
from desktop_app.services.records import Records
from tests.security.anchor import delete_with_history, raw_sql
from tests.services.helpers import person, victim


def test_a_record_written_by_sql_has_no_change_log_entry(ctx: Context) -> None:
    person(Records(ctx))  # a row to copy the columns from
    raw_sql(
        ctx,
        ("CREATE TEMP TABLE planted AS SELECT * FROM persons LIMIT 1", ()),
        ("UPDATE planted SET id = ?", (str(uuid.uuid4()),)),
        ("INSERT INTO persons SELECT * FROM planted", ()),
    )

    report = verify_store(ctx)

    assert "1 record(s) in persons have no change-log entry" in report.problems()


def test_a_change_whose_audit_entries_were_cut_out_is_reported(ctx: Context) -> None:
    records = Records(ctx)
    kept = victim(records, name="Kept Victim")
    records.update("victims", kept, {"status": "returned"})
    delete_with_history(ctx, "victims", "victims", kept, audit_only=True)  # the chain re-hashed without them

    report = verify_store(ctx)

    assert report.chain.ok
    assert "1 record(s) in victims have changes with no audit entry" in report.problems()


def test_an_audit_entry_whose_change_is_gone_is_reported(ctx: Context) -> None:
    someone = person(Records(ctx), name="Tariq Mehmood")
    raw_sql(ctx, ("DELETE FROM change_log WHERE row_id = ?", (someone,)))

    problems = verify_store(ctx).problems()

    assert "1 record(s) in persons have audit entries but no change" in problems
    assert "1 record(s) in persons have no change-log entry" in problems


def test_a_store_used_normally_passes(ctx: Context) -> None:
    records = Records(ctx)
    kept = victim(records, name="Normal Victim")
    records.update("victims", kept, {"status": "returned"})
    person(records)
    records.delete("victims", kept)
    assert verify_store(ctx).ok, verify_store(ctx).problems()
