"""Rescued children and their school follow-ups."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.models.children import ChildFollowUp, RescuedChild
from desktop_app.models.enums import ChildStatus, Sex
from desktop_app.services.followups import child_status_after_visit, is_latest_visit, next_due
from desktop_app.services.registry import RegisterSpec, State, register
from desktop_app.services.validation import Field

if TYPE_CHECKING:
    from desktop_app.services.records import WriteTx

CHILD_AGE_LIMIT = 18


def _child_checks(clean: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if clean.get("date_of_birth") is None and clean.get("age_years") is None:
        errors["age_years"] = "give the date of birth or the age"
    if clean.get("date_of_birth") and clean["date_of_birth"] > clean["rescue_date"]:
        errors["date_of_birth"] = "cannot be after the rescue date"
    if clean.get("enrolment_date") and clean["enrolment_date"] < clean["rescue_date"]:
        errors["enrolment_date"] = "cannot be before the rescue date"
    # "attending" comes from a follow-up visit, which does not ask for the school; enrolling does.
    if clean.get("status") == ChildStatus.ENROLLED and not clean.get("school_name"):
        errors["school_name"] = "name the school the child is enrolled in"
    return errors


def _child_derive(clean: State) -> State:
    """Until a visit sets a date, a child is next due one interval after enrolment (or rescue)."""
    if clean.get("next_followup_due") is None:
        start = clean.get("enrolment_date") or clean["rescue_date"]
        clean["next_followup_due"] = next_due(start, clean["followup_interval_days"])
    return clean


CHILDREN = register(
    RegisterSpec(
        name="children",
        model=RescuedChild,
        label="Rescued children",
        fields={
            "name": Field(required=True, max_len=200),
            "father_name": Field(max_len=200),
            "guardian_name": Field(max_len=200),
            "guardian_cnic": Field("cnic"),
            "guardian_phone": Field("phones"),
            "b_form_no": Field("cnic"),  # the B-form number is a 13-digit NADRA number like a CNIC
            "date_of_birth": Field("date", not_future=True),
            "age_years": Field("int", minimum=3, maximum=CHILD_AGE_LIMIT - 1),
            "sex": Field("enum", required=True, choices=Sex),
            "address": Field(max_len=1000),
            "tehsil": Field(max_len=100),
            "village": Field(max_len=100),
            "inspection_id": Field("ref", ref="inspections"),
            "site_id": Field("ref", ref="sites"),
            "rescue_date": Field("date", required=True, not_future=True),
            "work": Field(max_len=200),
            "hours_per_day": Field("int", minimum=0, maximum=24),
            "handed_over_to": Field(max_len=200),
            "school_name": Field(max_len=200),
            "enrolment_date": Field("date", not_future=True),
            "status": Field("enum", required=True, choices=ChildStatus),
            "followup_interval_days": Field("int", minimum=7, maximum=365),
            "next_followup_due": Field("date"),
            "notes": Field(max_len=4000),
        },
        title=lambda s: s["name"],
        checks=_child_checks,
        sensitive=True,
        search_fields=(
            "name",
            "father_name",
            "guardian_name",
            "guardian_cnic",
            "b_form_no",
            "village",
            "guardian_phone",
        ),
        personal_fields=(
            "name",
            "father_name",
            "guardian_name",
            "guardian_cnic",
            "guardian_phone",
            "b_form_no",
            "address",
            "date_of_birth",
            # A village school, with age and sex, points to one child; the status and enrolment date stay.
            "school_name",
            # Typed prose that may name an employer or a relative; the sector is the site's kind.
            "work",
            "handed_over_to",
            "notes",
        ),
        derived_fields=frozenset({"next_followup_due"}),
        derive=_child_derive,
        defaults=lambda v, _today: {"status": "withdrawn", "followup_interval_days": 30, **v},
        list_columns=("name", "age_years", "sex", "village", "status", "school_name", "next_followup_due"),
    )
)


def _visit_checks(clean: dict[str, Any]) -> dict[str, str]:
    if clean.get("next_due") and clean["next_due"] <= clean["date"]:
        return {"next_due": "the next visit must be after this one"}
    return {}


def _visit_saved(tx: WriteTx, state: State, before: State | None) -> None:
    from desktop_app.services.records import load_state

    if not is_latest_visit(tx.session, ChildFollowUp, "child_id", state):
        return
    child = load_state(tx.session, CHILDREN, state["child_id"])
    due = next_due(state["date"], child["followup_interval_days"], state.get("next_due"))
    status = child_status_after_visit(child["status"], state["attending_school"], state["back_at_work"])
    tx.update_row(CHILDREN, child, {"next_followup_due": due, "status": status})


CHILD_FOLLOWUPS = register(
    RegisterSpec(
        name="child_followups",
        model=ChildFollowUp,
        label="Child follow-up visits",
        fields={
            "child_id": Field("ref", required=True, ref="children"),
            "date": Field("date", required=True, not_future=True),
            "attending_school": Field("bool", required=True),
            "back_at_work": Field("bool"),
            "officer": Field(max_len=200),
            "notes": Field(max_len=4000),
            "next_due": Field("date"),
        },
        title=lambda s: f"Visit {s['date']:%d/%m/%Y}",
        checks=_visit_checks,
        on_saved=_visit_saved,
        personal_fields=("officer", "notes"),
        defaults=lambda v, _today: {"back_at_work": False, **v},
        list_columns=("date", "child_id", "attending_school", "back_at_work", "next_due"),
    )
)
