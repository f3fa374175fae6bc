"""Kiln wage agreements and their compliance follow-ups."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.models.agreements import AgreementFollowUp, KilnAgreement
from desktop_app.models.enums import AgreementStatus, Compliance
from desktop_app.services.followups import is_latest_visit, next_due
from desktop_app.services.registry import FollowUpFacts, RegisterSpec, ReportFacts, State, register
from desktop_app.services.validation import Field, not_more_than

if TYPE_CHECKING:
    from desktop_app.services.records import WriteTx


def _agreement_checks(clean: dict[str, Any]) -> dict[str, str]:
    errors = not_more_than(clean, "eobi_committed", "workers_covered", "cannot register more workers than covered")
    if clean["committed_rate_per_1000"] < clean["notified_min_rate_per_1000"]:
        errors["committed_rate_per_1000"] = "an agreement below the notified minimum wage cannot be recorded as one"
    return errors


def _agreement_derive(clean: State) -> State:
    if clean.get("next_followup_due") is None:
        clean["next_followup_due"] = next_due(clean["date"], clean["followup_interval_days"])
    return clean


AGREEMENTS = register(
    RegisterSpec(
        name="agreements",
        model=KilnAgreement,
        label="Kiln wage agreements",
        place=40,
        fields={
            "site_id": Field(ref="sites"),
            "date": Field(not_future=True),
            "committed_rate_per_1000": Field("money", label="Committed rate per 1,000 bricks"),
            "notified_min_rate_per_1000": Field("money", label="Notified minimum rate per 1,000 bricks"),
            "workers_covered": Field("count"),
            "eobi_committed": Field("count", label="EOBI registrations committed"),
            "followup_interval_days": Field(minimum=7, maximum=365, label="Follow-up interval (days)"),
            "next_followup_due": Field(label="Next follow-up due"),
            "status": Field(choices=AgreementStatus),
            "terms": Field(max_len=4000),
        },
        title=lambda s: f"Agreement {s['date']:%d/%m/%Y}",
        checks=_agreement_checks,
        # Typed terms name the owner and sometimes workers; everything else is figures and dates.
        public_fields=(
            "site_id",
            "date",
            "committed_rate_per_1000",
            "notified_min_rate_per_1000",
            "workers_covered",
            "eobi_committed",
            "followup_interval_days",
            "next_followup_due",
            "status",
        ),
        filter_fields=("status",),
        linkable_from=("case_links", "person_links"),
        report=ReportFacts(date_field="date"),
        followup=FollowUpFacts(active_values=(AgreementStatus.ACTIVE.value,), title="Kiln wage agreement"),
        example={
            "date": "2026-02-20",
            "committed_rate_per_1000": 1600,
            "notified_min_rate_per_1000": 1295,
            "workers_covered": 30,
        },
        derived_fields=frozenset({"next_followup_due"}),
        derive=_agreement_derive,
        defaults=lambda v, _today: {"status": "active", "followup_interval_days": 60, "eobi_committed": 0, **v},
        list_columns=(
            "date",
            "site_id",
            "committed_rate_per_1000",
            "notified_min_rate_per_1000",
            "workers_covered",
            "status",
            "next_followup_due",
        ),
    )
)


def _followup_checks(clean: dict[str, Any]) -> dict[str, str]:
    if clean.get("next_due") and clean["next_due"] <= clean["date"]:
        return {"next_due": "the next visit must be after this one"}
    return {}


def _followup_saved(tx: WriteTx, state: State, before: State | None) -> None:
    from desktop_app.services.records import load_state

    if not is_latest_visit(tx.session, AgreementFollowUp, "agreement_id", state):
        return
    agreement = load_state(tx.session, AGREEMENTS, state["agreement_id"])
    due = next_due(state["date"], agreement["followup_interval_days"], state.get("next_due"))
    tx.update_row(AGREEMENTS, agreement, {"next_followup_due": due})


AGREEMENT_FOLLOWUPS = register(
    RegisterSpec(
        name="agreement_followups",
        model=AgreementFollowUp,
        label="Agreement follow-ups",
        place=50,
        part_of="agreements",
        fields={
            "agreement_id": Field(ref="agreements"),
            "date": Field(not_future=True),
            "observed_rate_per_1000": Field("money", label="Observed rate per 1,000 bricks"),
            "workers_paid_as_agreed": Field("count"),
            "eobi_registrations_done": Field("count", label="EOBI registrations done"),
            "outstanding_advances_pkr": Field("money", label="Outstanding advances"),
            "compliance": Field(choices=Compliance),
            "action": Field(max_len=4000),
        },
        title=lambda s: f"Follow-up {s['date']:%d/%m/%Y}",
        checks=_followup_checks,
        on_saved=_followup_saved,
        public_fields=(
            "agreement_id",
            "date",
            "observed_rate_per_1000",
            "workers_paid_as_agreed",
            "eobi_registrations_done",
            "outstanding_advances_pkr",
            "compliance",
            "next_due",
        ),
        filter_fields=("compliance",),
        report=ReportFacts(date_field="date", parent_field="agreement_id"),
        example={"date": "2026-02-23", "compliance": "compliant"},
        list_columns=(
            "date",
            "agreement_id",
            "observed_rate_per_1000",
            "workers_paid_as_agreed",
            "compliance",
            "next_due",
        ),
    )
)
