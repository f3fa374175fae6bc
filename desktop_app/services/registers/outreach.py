"""Awareness sessions, advisories posted and officer trainings: the cell's prevention work, counted by period."""

from __future__ import annotations

from typing import Any

from desktop_app.models.enums import Agency
from desktop_app.models.outreach import (
    Advisory,
    AdvisoryTopic,
    Audience,
    AwarenessSession,
    OfficerTraining,
    TrainingTopic,
    Venue,
)
from desktop_app.services.registry import RegisterSpec, ReportFacts, register
from desktop_app.services.validation import Field


def _advisory_checks(clean: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if clean.get("checked_on") and clean["checked_on"] < clean["posted_on"]:
        errors["checked_on"] = "cannot be before the advisory was posted"
    if clean.get("still_displayed") is not None and not clean.get("checked_on"):
        errors["checked_on"] = "give the date someone went back to look"
    return errors


AWARENESS_SESSIONS = register(
    RegisterSpec(
        name="outreach_sessions",
        model=AwarenessSession,
        label="Awareness sessions",
        place=100,  # after referrals: prevention work, not casework
        fields={
            "date": Field(not_future=True),
            "venue": Field(choices=Venue, label="Kind of place"),
            "institution": Field(label="Place or institution"),
            "site_id": Field(ref="sites"),
            "audience": Field(choices=Audience),
            "audience_count": Field("count", label="Audience (head count)"),
            "notes": Field(max_len=4000),
        },
        title=lambda s: f"Session {s['date']:%d/%m/%Y}",
        search_fields=("institution", "officers"),
        # The institution and officers name places and people; what the committee counts is when, where (kind,
        # tehsil), to whom and how many.
        public_fields=("date", "venue", "tehsil", "site_id", "audience", "audience_count"),
        filter_fields=("venue", "audience"),
        report=ReportFacts(date_field="date"),
        example={
            "date": "2026-02-18",
            "venue": "school",
            "institution": "Govt. High School Helan",
            "audience": "students",
            "audience_count": 120,
            "officers": "SI Nadeem, LC Sana",
            "materials": "Leaflets on the helpline",
        },
        list_columns=("date", "venue", "institution", "tehsil", "audience", "audience_count"),
    )
)

ADVISORIES = register(
    RegisterSpec(
        name="advisories",
        model=Advisory,
        label="Advisories posted",
        place=101,
        fields={
            "posted_on": Field(not_future=True),
            "venue": Field(choices=Venue, label="Kind of place"),
            "site_id": Field(ref="sites"),
            "topic": Field(choices=AdvisoryTopic),
            "copies": Field("count"),
            "checked_on": Field(not_future=True, label="Checked again on"),
            "notes": Field(max_len=4000),
        },
        title=lambda s: f"Advisory {s['posted_on']:%d/%m/%Y}",
        checks=_advisory_checks,
        search_fields=("location",),
        public_fields=(
            "posted_on",
            "venue",
            "tehsil",
            "site_id",
            "topic",
            "copies",
            "checked_on",
            "still_displayed",
        ),
        filter_fields=("venue", "topic"),
        linkable_from=("case_links",),  # an agency that took the advisory down can be part of a case
        report=ReportFacts(date_field="posted_on"),
        example={
            "posted_on": "2026-02-12",
            "venue": "travel_agency",
            "location": "Notice board, Sky Link Travels, Phalia Road",
            "topic": "illegal_migration",
            "copies": 2,
            "checked_on": "2026-02-26",
            "still_displayed": True,
        },
        list_columns=("posted_on", "venue", "location", "topic", "checked_on", "still_displayed"),
    )
)

TRAININGS = register(
    RegisterSpec(
        name="trainings",
        model=OfficerTraining,
        label="Officer trainings",
        place=102,
        fields={
            "date": Field(not_future=True),
            "topic": Field(choices=TrainingTopic),
            "trainees_count": Field("count", minimum=1, label="Officers trained"),
            "trainees": Field(max_len=4000, label="Officers (rank and name)"),
            "trainer_agency": Field(choices=Agency),
            "hours": Field("count", maximum=200),
            "notes": Field(max_len=4000),
        },
        title=lambda s: f"Training {s['date']:%d/%m/%Y}: {s['title']}",
        search_fields=("title", "trainer"),
        # The trainees and trainer are named; the topic, numbers and the trainer's agency are the figures.
        public_fields=("date", "topic", "trainees_count", "trainer_agency", "hours"),
        filter_fields=("topic", "trainer_agency"),
        report=ReportFacts(date_field="date"),
        example={
            "date": "2026-02-10",
            "topic": "victim_identification",
            "title": "Telling trafficking from smuggling",
            "trainees_count": 18,
            "trainer": "Inspector Ayesha Cheema",
            "trainer_agency": "fia",
            "hours": 6,
        },
        list_columns=("date", "topic", "title", "trainees_count", "trainer", "trainer_agency"),
    )
)
