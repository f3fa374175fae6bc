"""The monitoring committee's meetings, agencies present and action items; inspections with partner agencies."""

from __future__ import annotations

from typing import Any

from desktop_app.models.committees import (
    ActionStatus,
    Committee,
    CommitteeAction,
    CommitteeAttendance,
    CommitteeMeeting,
    JointInspection,
)
from desktop_app.models.enums import Agency
from desktop_app.services.registry import FollowUpFacts, RegisterSpec, ReportFacts, register
from desktop_app.services.validation import Field

COMMITTEE_MEETINGS = register(
    RegisterSpec(
        name="committee_meetings",
        model=CommitteeMeeting,
        label="Committee meetings",
        place=110,
        fields={
            "date": Field(not_future=True),
            "committee": Field(choices=Committee),
            "decisions": Field(max_len=8000),
        },
        title=lambda s: f"Committee meeting {s['date']:%d/%m/%Y}",
        search_fields=("decisions",),
        public_fields=("date", "committee"),
        filter_fields=("committee",),
        linkable_from=("case_links",),  # a case the committee ordered cites the meeting
        report=ReportFacts(date_field="date"),
        example={
            "date": "2026-02-19",
            "committee": "district_monitoring",
            "chair": "Deputy Commissioner",
            "venue": "DC Office, Mandi Bahauddin",
            "decisions": "Joint raids on kilns with children; list unlicensed travel agencies",
        },
        list_columns=("date", "committee", "chair", "venue"),
    )
)

COMMITTEE_ATTENDANCE = register(
    RegisterSpec(
        name="committee_attendance",
        model=CommitteeAttendance,
        label="Agencies present",
        place=10,
        part_of="committee_meetings",
        fields={
            "meeting_id": Field(ref="committee_meetings", related_title="Agencies present"),
            "agency": Field(choices=Agency),
        },
        title=lambda s: f"Agency present: {s['agency']}",
        public_fields=("meeting_id", "agency"),
        report=ReportFacts(parent_field="meeting_id"),
        example={"agency": "labour", "representative": "Assistant Director Labour"},
        list_columns=("agency", "representative"),
    )
)


def _action_checks(clean: dict[str, Any]) -> dict[str, str]:
    if clean["status"] == ActionStatus.DONE and not clean.get("done_on"):
        return {"done_on": "give the date the action was done"}
    if clean.get("done_on") and clean["status"] != ActionStatus.DONE:
        return {"status": "an action with a date done is done"}
    return {}


COMMITTEE_ACTIONS = register(
    RegisterSpec(
        name="committee_actions",
        model=CommitteeAction,
        label="Committee action items",
        place=111,
        fields={
            "meeting_id": Field(ref="committee_meetings", related_title="Action items"),
            "action": Field(label="Action item"),
            "owner_agency": Field(choices=Agency, label="Owner agency"),
            "due_on": Field(label="Due on"),
            "status": Field(choices=ActionStatus),
            "done_on": Field(not_future=True),
            "follow_up": Field(max_len=4000, label="Follow-up"),
        },
        title=lambda s: s["action"],
        checks=_action_checks,
        search_fields=("action",),
        # The action's words can name a kiln owner or an agent; the agency, dates and status are the figures.
        public_fields=("meeting_id", "owner_agency", "due_on", "status", "done_on"),
        filter_fields=("status", "owner_agency"),
        report=ReportFacts(parent_field="meeting_id"),
        followup=FollowUpFacts(due_field="due_on", active_values=(ActionStatus.OPEN.value,), title_field="action"),
        example={
            "action": "List kilns with children found in the last two months",
            "owner_agency": "labour",
            "due_on": "2026-03-05",
        },
        defaults=lambda v, _today: {"status": ActionStatus.OPEN.value, **v},
        list_columns=("due_on", "owner_agency", "status", "done_on", "action"),  # the words last: they get the room
    )
)

JOINT_INSPECTIONS = register(
    RegisterSpec(
        name="joint_inspections",
        model=JointInspection,
        label="Partner agencies on inspections",
        place=60,
        part_of="inspections",
        fields={
            "inspection_id": Field(ref="inspections", related_title="Partner agencies"),
            "agency": Field(choices=Agency),
            "meeting_id": Field(ref="committee_meetings", label="Asked for by the meeting"),
            "notes": Field(max_len=2000),
        },
        title=lambda s: f"Joint inspection with {s['agency']}",
        public_fields=("inspection_id", "agency", "meeting_id"),
        report=ReportFacts(parent_field="inspection_id"),
        example={"agency": "labour", "officer": "Labour Inspector Zahid"},
        list_columns=("agency", "officer", "meeting_id"),
    )
)
