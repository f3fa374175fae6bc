"""Follow-up scheduling: next due dates from visits and intervals, and the overdue list."""

from __future__ import annotations

import datetime as dt

from desktop_app.services import followups
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from tests.services.helpers import child, site, victim


def test_new_child_is_due_one_interval_after_enrolment(records: Records) -> None:
    child_id = child(records, status="enrolled", school_name="GPS Helan", enrolment_date="2026-02-05")
    assert records.get("children", child_id)["next_followup_due"] == dt.date(2026, 3, 7)


def test_visit_moves_the_due_date_and_the_status(records: Records) -> None:
    child_id = child(records)
    changed = records.create("child_followups", {"child_id": child_id, "date": "2026-02-20", "attending_school": True})
    assert changed.registers == {"child_followups", "children"}
    state = records.get("children", child_id)
    assert (state["status"], state["next_followup_due"]) == ("attending", dt.date(2026, 3, 22))
    records.create(
        "child_followups",
        {
            "child_id": child_id,
            "date": "2026-02-25",
            "attending_school": False,
            "back_at_work": True,
            "next_due": "2026-03-01",
        },
    )
    state = records.get("children", child_id)
    assert (state["status"], state["next_followup_due"]) == ("back_at_work", dt.date(2026, 3, 1))


def test_agreement_follow_up_sets_next_due(records: Records) -> None:
    agreement = records.create(
        "agreements",
        {
            "site_id": site(records),
            "date": "2026-01-01",
            "committed_rate_per_1000": 1990,
            "notified_min_rate_per_1000": 1658,
            "workers_covered": 30,
            "followup_interval_days": 30,
        },
    ).first_id
    assert records.get("agreements", agreement)["next_followup_due"] == dt.date(2026, 1, 31)
    records.create("agreement_followups", {"agreement_id": agreement, "date": "2026-02-01", "compliance": "compliant"})
    assert records.get("agreements", agreement)["next_followup_due"] == dt.date(2026, 3, 3)


def test_overdue_lists_only_open_items_past_due(ctx: Context, records: Records) -> None:
    late = child(records, name="Late Child", rescue_date="2026-01-01")  # due 31/01, today is 01/03
    child(records, name="Moved Child", rescue_date="2026-01-01", status="moved_away")
    child(records, name="Fresh Child", rescue_date="2026-02-25")  # due 27/03
    family = victim(records)
    records.create(
        "family_meetings",
        {
            "victim_id": family,
            "date": "2026-01-10",
            "place": "Helan",
            "attendees": "father",
            "officers": "SI A",
            "next_followup_due": "2026-02-10",
        },
    )
    overdue = followups.overdue_followups(ctx)
    assert [(i.register, i.record_id, i.overdue_days) for i in overdue] == [
        ("children", late, 29),
        ("victims", family, 19),
    ]
    due_soon = followups.due_followups(ctx, within_days=30)
    assert {i.title for i in due_soon} == {"Late Child", "Fresh Child", "Bilal Ahmed"}


def test_a_back_dated_visit_does_not_undo_a_newer_one(records: Records) -> None:
    child_id = child(records)
    records.create("child_followups", {"child_id": child_id, "date": "2026-02-25", "attending_school": True})
    # An older visit typed in afterwards (the officer was catching up on paper notes).
    records.create(
        "child_followups", {"child_id": child_id, "date": "2026-02-10", "attending_school": False, "back_at_work": True}
    )
    state = records.get("children", child_id)
    assert (state["status"], state["next_followup_due"]) == ("attending", dt.date(2026, 3, 27))


def test_in_one_batch_only_the_latest_visit_sets_the_parent(records: Records) -> None:
    child_id = child(records)
    records.create_many(
        "child_followups",
        [
            {"child_id": child_id, "date": "2026-02-25", "attending_school": True},
            {"child_id": child_id, "date": "2026-02-10", "attending_school": False, "back_at_work": True},
        ],
    )
    state = records.get("children", child_id)
    assert (state["status"], state["next_followup_due"]) == ("attending", dt.date(2026, 3, 27))


def test_a_child_found_attending_stays_editable_without_a_school_name(records: Records) -> None:
    child_id = child(records)
    records.create("child_followups", {"child_id": child_id, "date": "2026-02-20", "attending_school": True})
    records.update("children", child_id, {"work": "moulding bricks"})
    assert records.get("children", child_id)["status"] == "attending"
