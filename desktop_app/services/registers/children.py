"""Rescued children and their school follow-ups."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.models.children import ChildFollowUp, RescuedChild
from desktop_app.models.enums import ChildStatus, Sex
from desktop_app.services.followups import is_latest_visit, next_due
from desktop_app.services.registry import FollowUpFacts, RegisterSpec, ReportFacts, State, register
from desktop_app.services.validation import Field

if TYPE_CHECKING:
    from desktop_app.services.records import WriteTx

CHILD_AGE_LIMIT = 18
# Children still to be watched: once in school we keep checking they stay; moved-away children are closed.
ACTIVE_CHILD = (
    ChildStatus.WITHDRAWN,
    ChildStatus.ENROLLED,
    ChildStatus.ATTENDING,
    ChildStatus.BACK_AT_WORK,
    ChildStatus.DROPPED_OUT,
)


def child_status_after_visit(current: str, attending_school: bool, back_at_work: bool) -> str:
    if back_at_work:
        return ChildStatus.BACK_AT_WORK.value
    if attending_school:
        return ChildStatus.ATTENDING.value
    if current in (ChildStatus.ATTENDING, ChildStatus.ENROLLED):
        return ChildStatus.DROPPED_OUT.value
    return current


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
        place=30,
        fields={
            "guardian_cnic": Field("cnic", label="Guardian CNIC"),
            "guardian_phone": Field("phones"),
            "b_form_no": Field("cnic", label="B-form no."),  # a 13-digit NADRA number like a CNIC
            "date_of_birth": Field(not_future=True),
            "age_years": Field(minimum=3, maximum=CHILD_AGE_LIMIT - 1, label="Age (years)"),
            "sex": Field(choices=Sex),
            "address": Field(max_len=1000),
            "inspection_id": Field(ref="inspections"),
            "site_id": Field(ref="sites"),
            "rescue_date": Field(not_future=True),
            "hours_per_day": Field(minimum=0, maximum=24),
            "enrolment_date": Field(not_future=True),
            "status": Field(choices=ChildStatus),
            "followup_interval_days": Field(minimum=7, maximum=365, label="Follow-up interval (days)"),
            "next_followup_due": Field(label="Next follow-up due"),
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
        # Names, numbers, the address and birth date are personal; so is the village school (with age and sex it
        # points to one child) and the typed prose (work and handed-over-to may name an employer or a relative).
        public_fields=(
            "age_years",
            "sex",
            "tehsil",
            "village",
            "inspection_id",
            "site_id",
            "rescue_date",
            "hours_per_day",
            "enrolment_date",
            "status",
            "followup_interval_days",
            "next_followup_due",
        ),
        filter_fields=("status", "sex", "tehsil"),
        linkable_from=("case_links", "person_links", "referrals"),
        pseudonym_prefix="CHILD",
        report=ReportFacts(date_field="rescue_date"),
        followup=FollowUpFacts(
            active_values=tuple(s.value for s in ACTIVE_CHILD),
            title_field="name",
        ),
        example={"name": "علی رضا", "sex": "male", "rescue_date": "2026-02-20", "age_years": 12, "status": "withdrawn"},
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
        place=40,
        part_of="children",
        fields={
            "child_id": Field(ref="children"),
            "date": Field(not_future=True),
            "notes": Field(max_len=4000),
        },
        title=lambda s: f"Visit {s['date']:%d/%m/%Y}",
        checks=_visit_checks,
        on_saved=_visit_saved,
        public_fields=("child_id", "date", "attending_school", "back_at_work", "next_due"),
        report=ReportFacts(date_field="date", parent_field="child_id"),
        example={"date": "2026-02-25", "attending_school": True},
        defaults=lambda v, _today: {"back_at_work": False, **v},
        list_columns=("date", "child_id", "attending_school", "back_at_work", "next_due"),
    )
)
