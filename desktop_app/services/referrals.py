"""Referrals: a child, victim or family handed to another department, and what came of it."""

from __future__ import annotations

from typing import Any

from desktop_app.models.enums import Department, ReferralOutcome
from desktop_app.models.referrals import Referral
from desktop_app.services.registry import RegisterSpec, register
from desktop_app.services.validation import Field

SUBJECTS = ("children", "victims", "family_meetings", "persons", "cases")


def _checks(clean: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if clean["subject_register"] not in SUBJECTS:
        errors["subject_register"] = "refer a child, a victim, a family, a person or a case"
    if clean.get("outcome_date") and clean["outcome_date"] < clean["date"]:
        errors["outcome_date"] = "cannot be before the referral"
    return errors


REFERRALS = register(
    RegisterSpec(
        name="referrals",
        model=Referral,
        label="Referrals",
        fields={
            "subject_register": Field(required=True, max_len=40),
            "subject_id": Field("ref", required=True),
            "department": Field("enum", required=True, choices=Department),
            "date": Field("date", required=True, not_future=True),
            "reason": Field(required=True, max_len=4000),
            "outcome": Field("enum", choices=ReferralOutcome),
            "outcome_date": Field("date", not_future=True),
            "outcome_notes": Field(max_len=4000),
        },
        title=lambda s: f"Referral to {s['department']}",
        checks=_checks,
        personal_fields=("reason", "outcome_notes"),
        defaults=lambda v, _today: {"outcome": "pending", **v},
        list_columns=("date", "subject_register", "department", "outcome", "outcome_date"),
    )
)
