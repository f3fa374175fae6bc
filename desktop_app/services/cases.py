"""Cases: the facts leading to an FIR, the status workflow up to the court's outcome, and linked records."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from desktop_app.errors import PermissionDenied, ValidationError
from desktop_app.models.cases import Case, CaseLink, CaseStatusChange
from desktop_app.models.enums import CaseStatus, OffenceCategory
from desktop_app.services import permissions
from desktop_app.services.clock import local_today
from desktop_app.services.context import Context
from desktop_app.services.registry import RegisterSpec, State, register
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
        fields={
            "title": Field(required=True, max_len=300),
            "offence_category": Field("enum", required=True, choices=OffenceCategory),
            "status": Field("enum", choices=CaseStatus),
            "narrative": Field(max_len=20000),
            "occurrence_date": Field("date", not_future=True),
            "occurrence_place": Field(max_len=300),
            "distance_direction": Field(max_len=200),
            "report_date": Field("date", not_future=True),
            "fir_number": Field(max_len=32),
            "fir_date": Field("date", not_future=True),
            "fir_station": Field(max_len=100),
            "sections": Field("json"),
            "fact_tags": Field("json"),
            "evidence": Field(max_len=8000),
            "action_taken": Field(max_len=8000),
            "outcome_date": Field("date", not_future=True),
        },
        title=lambda s: s["title"],
        checks=lambda c: (
            {"report_date": "cannot be before the occurrence"}
            if c.get("report_date") and c.get("occurrence_date") and c["report_date"] < c["occurrence_date"]
            else {}
        ),
        search_fields=("title", "fir_number", "occurrence_place"),
        # A case's title and prose name the accused and the victims; the place and its distance from the station
        # locate a house; the FIR number opens the police file (it is hashed, so rows still link). The category,
        # status, dates, sections and the police station stay for analysis.
        personal_fields=(
            "title",
            "narrative",
            "occurrence_place",
            "distance_direction",
            "fir_number",
            "evidence",
            "action_taken",
        ),
        workflow_fields=frozenset({"status", "fir_number", "fir_date", "fir_station", "outcome_date"}),
        defaults=lambda v, _today: {
            **v,
            "status": S.DRAFT.value,
            "sections": v.get("sections") or [],
            "fact_tags": v.get("fact_tags") or [],
        },
        list_columns=("title", "offence_category", "status", "report_date", "fir_number", "fir_date"),
    )
)

CASE_STATUS_CHANGES = register(
    RegisterSpec(
        name="case_status_changes",
        model=CaseStatusChange,
        label="Case status history",
        fields={
            "case_id": Field("ref", required=True, ref="cases"),
            "from_status": Field("enum", choices=CaseStatus),
            "to_status": Field("enum", required=True, choices=CaseStatus),
            "date": Field("date", required=True, not_future=True),
            "note": Field(max_len=4000),
        },
        title=lambda s: f"{s['from_status']} → {s['to_status']}",
        internal=True,
        personal_fields=("note",),
        list_columns=("date", "case_id", "from_status", "to_status"),
    )
)

LINKABLE = ("inspections", "children", "victims", "family_meetings", "agreements", "sites", "referrals")

CASE_LINKS = register(
    RegisterSpec(
        name="case_links",
        model=CaseLink,
        label="Records linked to cases",
        fields={
            "case_id": Field("ref", required=True, ref="cases"),
            "register": Field(required=True, max_len=40),
            "record_id": Field("ref", required=True),
            "note": Field(max_len=1000),
        },
        title=lambda s: f"{s['register']} linked",
        checks=lambda c: {} if c["register"] in LINKABLE else {"register": "that register cannot be linked to a case"},
        personal_fields=("note",),
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
            {
                "fir_number": Field(required=True, max_len=32),
                "fir_date": Field("date", required=True, not_future=True),
                "fir_station": Field(required=True, max_len=100),
            },
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
