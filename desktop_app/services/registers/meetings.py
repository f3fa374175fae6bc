"""Meetings with victims' families; each sets when the family is next visited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.models.meetings import FamilyMeeting
from desktop_app.services.followups import is_latest_visit
from desktop_app.services.registers.victims import VICTIMS
from desktop_app.services.registry import RegisterSpec, ReportFacts, State, register
from desktop_app.services.validation import Field

if TYPE_CHECKING:
    from desktop_app.services.records import WriteTx


def _meeting_saved(tx: WriteTx, state: State, before: State | None) -> None:
    from desktop_app.services.records import load_state

    if not is_latest_visit(tx.session, FamilyMeeting, "victim_id", state):
        return
    victim = load_state(tx.session, VICTIMS, state["victim_id"])
    if state.get("next_followup_due") is not None:
        tx.update_row(VICTIMS, victim, {"next_followup_due": state["next_followup_due"]})


FAMILY_MEETINGS = register(
    RegisterSpec(
        name="family_meetings",
        model=FamilyMeeting,
        label="Victim-family meetings",
        place=60,
        fields={
            "victim_id": Field(ref="victims"),
            "date": Field(not_future=True),
            "attendees": Field(max_len=2000),
            "support_given": Field(max_len=4000),
            "agent_information": Field(max_len=8000),
            "family_willing_complainant": Field(label="Family willing to be complainant"),
            "next_followup_due": Field(label="Next follow-up due"),
            "notes": Field(max_len=4000),
        },
        title=lambda s: f"Meeting {s['date']:%d/%m/%Y}",
        checks=lambda c: (
            {"next_followup_due": "must be after the meeting"}
            if c.get("next_followup_due") and c["next_followup_due"] <= c["date"]
            else {}
        ),
        sensitive=True,
        # Every text box here is prose about the family and the agent; "place" is usually the family's house.
        public_fields=("victim_id", "date", "family_willing_complainant", "next_followup_due"),
        linkable_from=("case_links", "person_links", "referrals"),
        pseudonym_prefix="MEETING",
        report=ReportFacts(date_field="date", parent_field="victim_id"),
        example={"date": "2026-02-20", "place": "Helan", "attendees": "Father", "officers": "SI Nadeem"},
        on_saved=_meeting_saved,
        defaults=lambda v, _today: {"family_willing_complainant": False, **v},
        list_columns=("date", "victim_id", "place", "officers", "family_willing_complainant", "next_followup_due"),
    )
)
