"""Kiln wage agreements and their compliance follow-ups."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.models.agreements import AgreementFollowUp, KilnAgreement
from desktop_app.models.enums import AgreementStatus, Compliance
from desktop_app.services.followups import is_latest_visit, next_due
from desktop_app.services.registry import RegisterSpec, State, register
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
        fields={
            "site_id": Field("ref", required=True, ref="sites"),
            "date": Field("date", required=True, not_future=True),
            "committed_rate_per_1000": Field("money", required=True),
            "notified_min_rate_per_1000": Field("money", required=True),
            "workers_covered": Field("count", required=True),
            "eobi_committed": Field("count"),
            "followup_interval_days": Field("int", minimum=7, maximum=365),
            "next_followup_due": Field("date"),
            "status": Field("enum", choices=AgreementStatus),
            "terms": Field(max_len=4000),
        },
        title=lambda s: f"Agreement {s['date']:%d/%m/%Y}",
        checks=_agreement_checks,
        personal_fields=("terms",),  # typed terms name the owner and sometimes workers
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
        fields={
            "agreement_id": Field("ref", required=True, ref="agreements"),
            "date": Field("date", required=True, not_future=True),
            "observed_rate_per_1000": Field("money"),
            "workers_paid_as_agreed": Field("count"),
            "eobi_registrations_done": Field("count"),
            "outstanding_advances_pkr": Field("money"),
            "compliance": Field("enum", required=True, choices=Compliance),
            "action": Field(max_len=4000),
            "next_due": Field("date"),
        },
        title=lambda s: f"Follow-up {s['date']:%d/%m/%Y}",
        checks=_followup_checks,
        on_saved=_followup_saved,
        personal_fields=("action",),
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
