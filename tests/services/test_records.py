"""The shared write path: change log, audit, versions, tombstones, stale edits, read audits."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop_app.errors import NotFound, StaleEdit, ValidationError
from desktop_app.models import AuditEntry, ChangeLogEntry
from desktop_app.services.context import Context
from desktop_app.services.records import ListQuery, Records
from tests.services.helpers import child, person, site


def log_for(ctx: Context, record_id: str) -> list[ChangeLogEntry]:
    with ctx.store.session() as session:
        return list(
            session.scalars(
                select(ChangeLogEntry).where(ChangeLogEntry.row_id == record_id).order_by(ChangeLogEntry.seq)
            )
        )


def audit_actions(ctx: Context, record_id: str) -> list[str]:
    with ctx.store.session() as session:
        return list(
            session.scalars(select(AuditEntry.action).where(AuditEntry.record_id == record_id).order_by(AuditEntry.seq))
        )


def test_create_logs_the_full_row_and_audits_it(ctx: Context, records: Records) -> None:
    changed = records.create("persons", {"name": "Tariq Mehmood", "role": "agent"})
    assert changed.registers == {"persons"}
    (entry,) = log_for(ctx, changed.first_id)
    assert (entry.op, entry.table_name, entry.base_hlc, entry.source) == ("create", "persons", None, "local")
    assert entry.state["name"] == "Tariq Mehmood" and entry.state["station_code"] == "MBD-PHALIA"
    assert audit_actions(ctx, changed.first_id) == ["create"]


def test_update_bumps_version_and_records_the_base(ctx: Context, records: Records, clock) -> None:  # type: ignore[no-untyped-def]
    record_id = person(records)
    before = records.get("persons", record_id)
    clock.advance(minutes=5)
    records.update("persons", record_id, {"status": "warned"})
    after = records.get("persons", record_id)
    assert after["version"] == before["version"] + 1 and after["hlc"] > before["hlc"]
    assert after["updated_at"] > before["updated_at"]
    _, update = log_for(ctx, record_id)
    assert update.op == "update" and update.base_hlc == before["hlc"] and update.hlc == after["hlc"]
    assert audit_actions(ctx, record_id) == ["create", "update"]


def test_saving_without_changes_writes_nothing(ctx: Context, records: Records) -> None:
    record_id = person(records)
    assert records.update("persons", record_id, {"name": "Tariq Mehmood"}).ids == frozenset()
    assert len(log_for(ctx, record_id)) == 1


def test_stale_edit_is_refused(records: Records) -> None:
    record_id = person(records)
    opened = records.get("persons", record_id)["hlc"]
    records.update("persons", record_id, {"status": "warned"}, expected_hlc=opened)
    with pytest.raises(StaleEdit, match="saved this record after you opened it"):
        records.update("persons", record_id, {"status": "arrested"}, expected_hlc=opened)


def test_delete_is_a_tombstone_hidden_from_lists(ctx: Context, records: Records) -> None:
    record_id = person(records)
    records.delete("persons", record_id)
    assert records.count("persons") == 0
    assert records.count("persons", ListQuery(include_deleted=True)) == 1
    with pytest.raises(NotFound):
        records.get("persons", record_id)
    assert [e.op for e in log_for(ctx, record_id)] == ["create", "delete"]


def test_opening_a_child_record_leaves_a_read_audit(ctx: Context, records: Records) -> None:
    child_id = child(records)
    records.get("children", child_id)
    records.get("children", child_id, purpose="print")
    assert audit_actions(ctx, child_id) == ["create", "read:view", "read:print"]


def test_opening_a_site_is_not_audited(ctx: Context, records: Records) -> None:
    site_id = site(records)
    records.get("sites", site_id)
    assert audit_actions(ctx, site_id) == ["create"]


def test_derived_and_workflow_fields_cannot_be_set_from_a_form(records: Records) -> None:
    child_id = child(records)
    with pytest.raises(ValidationError) as caught:
        records.update("children", child_id, {"next_followup_due": "2026-01-01"})
    assert "next_followup_due" in caught.value.errors
    case_id = records.create("cases", {"title": "T", "offence_category": "bonded_labour"}).first_id
    with pytest.raises(ValidationError):
        records.update("cases", case_id, {"status": "convicted"})
    with pytest.raises(ValidationError):
        records.create("case_status_changes", {"case_id": case_id, "to_status": "court", "date": "2026-02-01"})


def test_list_filters_orders_and_pages(records: Records) -> None:
    for name in ("Asif", "Bilal", "Zahid"):
        person(records, name=name, status="warned" if name != "Bilal" else "arrested")
    query = ListQuery(filters={"status": "warned"}, order_by="name", descending=False)
    assert [p["name"] for p in records.list("persons", query)] == ["Asif", "Zahid"]
    page = records.list("persons", ListQuery(order_by="name", descending=False, offset=1, limit=1))
    assert [p["name"] for p in page] == ["Bilal"]


def test_each_write_appends_exactly_one_log_row_per_row(ctx: Context, records: Records) -> None:
    records.create_many("persons", [{"name": f"P{i}", "role": "witness"} for i in range(25)])
    with ctx.store.session() as session:
        assert session.scalar(select(func.count()).select_from(ChangeLogEntry)) == 25


@pytest.mark.parametrize(("order_by", "descending"), [("updated_at", True), ("name", False), ("name", True)])
def test_keyset_pages_give_the_same_rows_as_offset_pages(
    records: Records,
    clock,
    order_by: str,  # type: ignore[no-untyped-def]
    descending: bool,
) -> None:
    for i in range(23):
        clock.advance(seconds=1)
        person(records, name=f"Person {i % 7}")  # repeated names: the id breaks ties
    by_offset = [
        p["id"] for p in records.list("persons", ListQuery(order_by=order_by, descending=descending, limit=None))
    ]
    pages: list[str] = []
    after = None
    while True:
        page = records.list("persons", ListQuery(order_by=order_by, descending=descending, limit=5, after=after))
        if not page:
            break
        pages += [p["id"] for p in page]
        after = (page[-1][order_by], page[-1]["id"])
    assert pages == by_offset and len(pages) == 23
