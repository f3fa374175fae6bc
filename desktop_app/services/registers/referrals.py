"""Referrals: a child, victim or family handed to another department, and what came of it."""

from __future__ import annotations

from typing import Any

from desktop_app.models.enums import Department, ReferralOutcome
from desktop_app.models.referrals import Referral
from desktop_app.services.registry import RegisterSpec, register
from desktop_app.services.validation import Field


def _checks(clean: dict[str, Any]) -> dict[str, str]:
    if clean.get("outcome_date") and clean["outcome_date"] < clean["date"]:
        return {"outcome_date": "cannot be before the referral"}
    return {}


REFERRALS = register(
    RegisterSpec(
        name="referrals",
        model=Referral,
        label="Referrals",
        place=90,
        fields={
            # A child, a victim, a family, a person or a case: the registers that list "referrals" as linking.
            "subject_id": Field(register_field="subject_register"),
            "department": Field(choices=Department),
            "date": Field(not_future=True),
            "reason": Field(max_len=4000),
            "outcome": Field(choices=ReferralOutcome),
            "outcome_date": Field(not_future=True),
            "outcome_notes": Field(max_len=4000),
        },
        title=lambda s: f"Referral to {s['department']}",
        checks=_checks,
        public_fields=("subject_register", "subject_id", "department", "date", "outcome", "outcome_date"),
        filter_fields=("department", "outcome"),
        linkable_from=("case_links", "person_links", "tips"),
        example={
            "subject_register": "children",
            "department": "child_protection_bureau",
            "date": "2026-02-20",
            "reason": "School admission",
        },
        defaults=lambda v, _today: {"outcome": "pending", **v},
        list_columns=("date", "subject_register", "department", "outcome", "outcome_date"),
    )
)
