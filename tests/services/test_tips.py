"""Tips and complaints: the steps a tip goes through, each due by its urgency; anonymity; the action's link."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop_app.errors import ValidationError
from desktop_app.models.changelog import ChangeLogEntry
from desktop_app.services import followups
from desktop_app.services.context import Context
from desktop_app.services.records import ListQuery, Records
from tests.services.helpers import inspection, site

D = dt.date


def tip(records: Records, **over: Any) -> str:
    values = {
        "received_on": "2026-02-10",
        "channel": "helpline",
        "category": "child_labour_kiln",
        "place": "Bhatta No. 7, Helan",
        "details": "Caller says children mould bricks at night",
        **over,
    }
    return records.create("tips", values).first_id


def log_rows(ctx: Context) -> int:
    with ctx.store.session() as session:
        return int(session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0)


def test_a_tip_goes_received_verified_action_taken_closed_with_each_step_due_by_its_urgency(records: Records) -> None:
    tip_id = tip(records, urgency="high")  # 3 days to verify, 7 to act, 14 to close
    state = records.get("tips", tip_id)
    assert (state["status"], state["verify_due"], state["next_step_due"]) == (
        "received",
        D(2026, 2, 13),
        D(2026, 2, 13),
    )
    assert state["action_due"] == D(2026, 2, 20)  # counted from the verification's due date until it is done

    records.update("tips", tip_id, {"verified_on": "2026-02-11", "finding": "confirmed"})
    state = records.get("tips", tip_id)
    assert (state["status"], state["action_due"], state["next_step_due"]) == (
        "verified",
        D(2026, 2, 18),
        D(2026, 2, 18),
    )

    visit = inspection(records, site(records), date="2026-02-15")
    records.update("tips", tip_id, {"action_on": "2026-02-15", "action_register": "inspections", "action_id": visit})
    state = records.get("tips", tip_id)
    assert (state["status"], state["close_due"], state["next_step_due"]) == (
        "action_taken",
        D(2026, 3, 1),
        D(2026, 3, 1),
    )

    records.update("tips", tip_id, {"closed_on": "2026-02-25", "closing_note": "Children withdrawn"})
    state = records.get("tips", tip_id)
    assert (state["status"], state["next_step_due"]) == ("closed", None)


def test_an_unfounded_tip_is_closed_without_action(records: Records) -> None:
    tip_id = tip(records, urgency="urgent", verified_on="2026-02-10", finding="unfounded")
    state = records.get("tips", tip_id)
    assert (state["status"], state["action_due"], state["next_step_due"]) == ("verified", None, D(2026, 2, 17))
    with pytest.raises(ValidationError) as caught:
        records.update("tips", tip_id, {"action_on": "2026-02-12"})
    assert "action_on" in caught.value.errors
    records.update("tips", tip_id, {"closed_on": "2026-02-12"})
    assert records.get("tips", tip_id)["status"] == "closed"


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"finding": "confirmed"}, "verified_on"),  # a finding needs its date
        ({"verified_on": "2026-02-11"}, "finding"),  # a verification says what it found
        ({"verified_on": "2026-02-01", "finding": "confirmed"}, "verified_on"),  # before the tip came in
        ({"action_on": "2026-02-12"}, "action_on"),  # action before verification
        ({"verified_on": "2026-02-11", "finding": "confirmed", "action_on": "2026-02-12"}, "action_id"),  # no link
        ({"closed_on": "2026-02-12"}, "closed_on"),  # closed with nothing done
        ({"channel": "other_agency"}, "from_agency"),  # which agency passed it on
        ({"from_agency": "fia"}, "from_agency"),  # a helpline call names no agency
    ],
)
def test_steps_out_of_order_are_refused_and_nothing_is_written(
    ctx: Context, records: Records, values: dict[str, Any], field: str
) -> None:
    before = (records.count("tips", ListQuery()), log_rows(ctx))
    with pytest.raises(ValidationError) as caught:
        tip(records, **values)
    assert field in caught.value.errors
    assert (records.count("tips", ListQuery()), log_rows(ctx)) == before


def test_the_action_must_be_an_inspection_case_or_referral(records: Records) -> None:
    kiln = site(records)
    steps = {"verified_on": "2026-02-11", "finding": "confirmed", "action_on": "2026-02-12"}
    with pytest.raises(ValidationError) as caught:
        tip(records, **steps, action_register="sites", action_id=kiln)
    assert "action_register" in caught.value.errors
    visit = inspection(records, kiln)
    tip_id = tip(records, **steps, action_register="inspections", action_id=visit)
    assert records.get("tips", tip_id)["action_id"] == visit


def test_an_anonymous_tip_with_the_tipsters_name_or_number_is_refused(ctx: Context, records: Records) -> None:
    before = (records.count("tips", ListQuery()), log_rows(ctx))
    for given in ({"tipster_name": "Akram Gondal"}, {"tipster_phone": "0300-1234567"}):
        with pytest.raises(ValidationError) as caught:
            tip(records, anonymous=True, **given)
        assert set(caught.value.errors) == set(given)
    assert (records.count("tips", ListQuery()), log_rows(ctx)) == before
    tip_id = tip(records, anonymous=True)
    state = records.get("tips", tip_id)
    assert (state["tipster_name"], state["tipster_phone"]) == (None, None)


def test_a_named_tip_cannot_be_made_anonymous_afterwards(records: Records) -> None:
    """Its history keeps the name: calling it anonymous would promise a protection it does not have."""
    tip_id = tip(records, tipster_name="Akram Gondal", tipster_phone="03001234567")
    with pytest.raises(ValidationError) as caught:
        records.update("tips", tip_id, {"anonymous": True, "tipster_name": None, "tipster_phone": None})
    assert "anonymous" in caught.value.errors
    state = records.get("tips", tip_id)
    assert (state["anonymous"], state["tipster_name"], state["version"]) == (False, "Akram Gondal", 1)
    # A tip saved without the tipster's details may become anonymous: nothing in its history names anyone.
    other = tip(records)
    records.update("tips", other, {"anonymous": True})
    assert records.get("tips", other)["anonymous"] is True


def test_a_tips_status_and_due_dates_cannot_be_typed(records: Records) -> None:
    tip_id = tip(records)
    with pytest.raises(ValidationError) as caught:
        records.update("tips", tip_id, {"status": "closed", "next_step_due": "2027-01-01"})
    assert set(caught.value.errors) == {"status", "next_step_due"}
    created = tip(records, status="closed", verify_due="2030-01-01")  # ignored on create, derived instead
    state = records.get("tips", created)
    assert (state["status"], state["verify_due"]) == ("received", D(2026, 2, 17))


def test_open_tips_fall_due_and_overdue_on_the_dashboard_list(ctx: Context, records: Records) -> None:
    late = tip(records, received_on="2026-02-01", place="Kiln at Mona")  # verification due 08/02; today 01/03
    soon = tip(records, received_on="2026-02-28", urgency="urgent", place="Agency at Helan")  # due 01/03
    closed = tip(records, received_on="2026-02-01", verified_on="2026-02-02", finding="unfounded")
    records.update("tips", closed, {"closed_on": "2026-02-03"})
    items = {i.record_id: i for i in followups.due_followups(ctx) if i.register == "tips"}
    assert set(items) == {late, soon}
    assert (items[late].overdue_days, items[late].title, items[late].due) == (21, "Kiln at Mona", D(2026, 2, 8))
    assert items[soon].overdue_days == 0
    assert [i.record_id for i in followups.overdue_followups(ctx) if i.register == "tips"] == [late]
