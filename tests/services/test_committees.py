"""The monitoring committee: its action items fall due on the dashboard until done; partner agencies on inspections."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.errors import ValidationError
from desktop_app.services import followups
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from tests.services.helpers import inspection, site


def meeting(records: Records, day: str = "2026-02-01") -> str:
    return records.create("committee_meetings", {"date": day, "committee": "district_monitoring"}).first_id


def action(records: Records, meeting_id: str, due: str, **values: object) -> str:
    base = {"meeting_id": meeting_id, "action": "Inspect kilns", "owner_agency": "labour", "due_on": due}
    return records.create("committee_actions", base | values).first_id


def test_an_open_action_item_is_due_and_then_overdue_until_done(ctx: Context, records: Records) -> None:
    m = meeting(records)
    late = action(records, m, "2026-02-15", action="List unlicensed agencies")  # today is 01/03/2026
    soon = action(records, m, "2026-03-05")
    dropped = action(records, m, "2026-02-10", status="dropped")
    due = {i.record_id: i for i in followups.due_followups(ctx) if i.register == "committee_actions"}
    assert set(due) == {late, soon}
    assert (due[late].title, due[late].overdue_days, due[soon].overdue_days) == ("List unlicensed agencies", 14, 0)
    records.update("committee_actions", late, {"status": "done", "done_on": "2026-02-28", "follow_up": "Listed 12"})
    assert {i.record_id for i in followups.due_followups(ctx) if i.register == "committee_actions"} == {soon}
    assert records.get("committee_actions", dropped)["status"] == "dropped"


@pytest.mark.parametrize(
    ("values", "field"),
    [({"status": "done"}, "done_on"), ({"done_on": "2026-02-20"}, "status"), ({"done_on": "2026-03-02"}, "done_on")],
)
def test_done_and_its_date_go_together(records: Records, values: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        action(records, meeting(records), "2026-02-15", **values)
    assert field in caught.value.errors


def test_an_action_item_and_agencies_belong_to_a_real_meeting(records: Records) -> None:
    made_up = "00000000-dead-beef-0000-000000000000"
    with pytest.raises(ValidationError) as caught:
        action(records, made_up, "2026-02-15")
    assert "meeting_id" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        records.create("committee_attendance", {"meeting_id": made_up, "agency": "fia"})
    assert "meeting_id" in caught.value.errors


def test_a_partner_agency_joins_an_inspection_asked_for_by_a_meeting(records: Records) -> None:
    m = meeting(records)
    visit = inspection(records, site(records))
    joint = records.create(
        "joint_inspections", {"inspection_id": visit, "agency": "labour", "officer": "LI Zahid", "meeting_id": m}
    ).first_id
    assert records.get("joint_inspections", joint)["meeting_id"] == m
    with pytest.raises(ValidationError) as caught:
        records.create("joint_inspections", {"inspection_id": visit, "agency": "nadra"})
    assert "agency" in caught.value.errors
    assert dt.date(2026, 2, 1) == records.get("committee_meetings", m)["date"]
