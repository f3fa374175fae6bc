"""Cases: the facts leading to an FIR, the status workflow up to the court's outcome, and linked records."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from desktop_app.errors import PermissionDenied, ValidationError
from desktop_app.models.cases import Case, CaseLink, CaseStatusChange
from desktop_app.models.enums import CaseStatus, OffenceCategory
from desktop_app.services import case_numbers, permissions
from desktop_app.services.clock import local_today
from desktop_app.services.context import Context
from desktop_app.services.registry import RegisterSpec, ReportFacts, State, register
from desktop_app.services.validation import Field, validate_record

if TYPE_CHECKING:
    from desktop_app.services.records import WriteTx

S = CaseStatus
TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.WITH_SHO, S.CLOSED}),
    S.WITH_SHO: frozenset({S.DRAFT, S.FIR_REGISTERED, S.CLOSED}),
    S.FIR_REGISTERED: frozenset({S.CHALLAN, S.CLOSED}),
    S.CHALLAN: frozenset({S.COURT}),
    S.COURT: frozenset({S.CONVICTED, S.ACQUITTED}),
    S.CONVICTED: frozenset(),
    S.ACQUITTED: frozenset(),
    S.CLOSED: frozenset({S.DRAFT}),
}
# The only step an officer takes alone is sending a draft to the SHO; every later step is the SHO's decision.
OFFICER_STEPS = frozenset({(S.DRAFT.value, S.WITH_SHO.value)})
OUTCOMES = frozenset({S.CONVICTED, S.ACQUITTED, S.CLOSED})

CASES = register(
    RegisterSpec(
        name="cases",
        model=Case,
        label="Cases",
        place=80,
        fields={
            "case_number": Field(label="AHTC case number"),
            "offence_category": Field(choices=OffenceCategory),
            "status": Field(choices=CaseStatus),
            "narrative": Field(max_len=20000),
            "occurrence_date": Field(not_future=True),
            "distance_direction": Field(label="Distance and direction from the station"),
            "report_date": Field(not_future=True),
            "fir_number": Field(label="FIR number", id_number="FIR"),
            "fir_date": Field(not_future=True, label="FIR date"),
            "fir_station": Field(label="FIR police station"),
            "sections": Field(label="Law sections"),
            "fact_tags": Field(label="Facts of the case"),
            "evidence": Field(max_len=8000),
            "action_taken": Field(max_len=8000),
            "outcome_date": Field(not_future=True),
        },
        # The number first: it is how a case is named aloud, in lists of links, the form's header and conflicts.
        title=lambda s: " · ".join(part for part in (s.get("case_number"), s.get("title")) if part),
        checks=lambda c: (
            {"report_date": "cannot be before the occurrence"}
            if c.get("report_date") and c.get("occurrence_date") and c["report_date"] < c["occurrence_date"]
            else {}
        ),
        search_fields=("case_number", "title", "fir_number", "occurrence_place"),
        code_fields=("case_number",),
        # A case's title and prose name the accused and the victims; the place and its distance from the station
        # locate a house; the FIR number opens the police file (it is hashed, so rows still link). The category,
        # status, dates, sections and the police station (not a person) stay for analysis.
        public_fields=(
            "case_number",
            "offence_category",
            "status",
            "occurrence_date",
            "report_date",
            "fir_date",
            "fir_station",
            "sections",
            "fact_tags",
            "outcome_date",
        ),
        filter_fields=("status", "offence_category"),
        linkable_from=("person_links", "referrals", "tips"),
        report=ReportFacts(),
        example={"title": "Child labour at Bhatta No. 7", "offence_category": "child_labour_kiln"},
        workflow_fields=frozenset({"status", "fir_number", "fir_date", "fir_station", "outcome_date"}),
        # The number is the store's to give (services/case_numbers.py), never typed; a deleted case keeps it.
        derived_fields=frozenset({"case_number"}),
        assign=lambda tx, cleans: case_numbers.assign_numbers(tx, Case.__table__, cleans),  # type: ignore[arg-type]
        kept_on_delete=frozenset({"case_number"}),
        defaults=lambda v, _today: {
            **v,
            "status": S.DRAFT.value,
            "sections": v.get("sections") or [],
            "fact_tags": v.get("fact_tags") or [],
        },
        list_columns=("case_number", "title", "offence_category", "status", "report_date", "fir_number", "fir_date"),
    )
)

CASE_STATUS_CHANGES = register(
    RegisterSpec(
        name="case_status_changes",
        model=CaseStatusChange,
        label="Case status history",
        place=10,
        part_of="cases",
        fields={
            "case_id": Field(ref="cases"),
            "from_status": Field(choices=CaseStatus),
            "to_status": Field(choices=CaseStatus),
            "date": Field(not_future=True),
            "note": Field(max_len=4000),
        },
        title=lambda s: f"{s['from_status']} → {s['to_status']}",
        internal=True,
        public_fields=("case_id", "from_status", "to_status", "date"),
        report=ReportFacts(date_field="date", parent_field="case_id"),
        # The note is the reason for the step, so the case form shows it beside the step.
        list_columns=("date", "case_id", "from_status", "to_status", "note"),
    )
)

CASE_LINKS = register(
    RegisterSpec(
        name="case_links",
        model=CaseLink,
        label="Records linked to cases",
        place=20,
        part_of="cases",
        fields={
            "case_id": Field(ref="cases", related_title="Linked records"),
            "record_id": Field(register_field="register", related_title="Linked cases"),
            "note": Field(max_len=1000),
        },
        title=lambda s: f"{s['register']} linked",
        public_fields=("case_id", "register", "record_id"),
        example={"register": "victims"},
        list_columns=("case_id", "register", "record_id", "note"),
    )
)


def change_case_status(
    ctx: Context,
    case_id: str,
    to_status: str,
    *,
    date: dt.date | str,
    note: str | None = None,
    fir_number: str | None = None,
    fir_date: dt.date | str | None = None,
    fir_station: str | None = None,
) -> Any:
    """Move a case one step through its workflow, recording the step as a status-history row."""
    from desktop_app.services.records import WriteTx, load_state

    permissions.require(ctx, permissions.UPDATE)
    today = local_today(ctx.clock)
    step = validate_record(
        CASE_STATUS_CHANGES.fields, {"case_id": case_id, "to_status": to_status, "date": date, "note": note}, today
    )
    fir: dict[str, Any] = {}
    if step["to_status"] == S.FIR_REGISTERED:
        fir = validate_record(
            {name: replace(CASES.fields[name], required=True) for name in ("fir_number", "fir_date", "fir_station")},
            {"fir_number": fir_number, "fir_date": fir_date, "fir_station": fir_station},
            today,
        )
    with ctx.store.transaction() as session:
        case = load_state(session, CASES, case_id)
        tx = WriteTx(ctx, session)
        apply_status_change(tx, case, step, fir)
        return tx.finish()


def apply_status_change(tx: WriteTx, case: State, step: State, fir: State) -> State:
    """One validated workflow step inside an open write transaction; returns the case's new state."""
    permissions.require_owner(tx.ctx, case["station_code"])
    current, target = case["status"], step["to_status"]
    if target not in TRANSITIONS[current]:
        raise ValidationError({"status": f"a case cannot go from '{current}' to '{target}'"})
    if (current, target) not in OFFICER_STEPS and not permissions.allowed(tx.ctx, permissions.APPROVE_CASE):
        raise PermissionDenied("only the SHO can take this step in a case")
    if case.get("report_date") and step["date"] < case["report_date"]:
        raise ValidationError({"date": "a status step cannot be dated before the case was reported"})
    changes: dict[str, Any] = {"status": target, **fir}
    if target in OUTCOMES:
        changes["outcome_date"] = step["date"]
    tx.insert_rows(CASE_STATUS_CHANGES, [{**step, "case_id": case["id"], "from_status": current}])
    return tx.update_row(CASES, case, changes) or case
