"""Inspections register: visits to sites, with the survey counts the indicators come from."""

from __future__ import annotations

from typing import Any

from desktop_app.models.inspections import Inspection
from desktop_app.services.registry import RegisterSpec, ReportFacts, register
from desktop_app.services.validation import Field, not_more_than

_WORKER_SUBSETS = {
    "workers_bonded": "workers in debt bondage cannot be more than the workers counted",
    "workers_unaware_min_wage": "cannot be more than the workers counted",
    "workers_illiterate": "cannot be more than the workers counted",
    "workers_with_contract": "cannot be more than the workers counted",
    "workers_eobi": "cannot be more than the workers counted",
}


def _checks(clean: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    for part, message in _WORKER_SUBSETS.items():
        errors |= not_more_than(clean, part, "workers_total", message)
    errors |= not_more_than(clean, "children_withdrawn", "children_found", "cannot withdraw more children than found")
    if clean.get("compliance_deadline") and not clean.get("notice_issued"):
        errors["compliance_deadline"] = "a compliance deadline needs a notice issued"
    if clean.get("compliance_deadline") and clean["compliance_deadline"] < clean["date"]:
        errors["compliance_deadline"] = "the deadline cannot be before the inspection"
    return errors


INSPECTIONS = register(
    RegisterSpec(
        name="inspections",
        model=Inspection,
        label="Inspections",
        place=20,
        fields={
            "site_id": Field(ref="sites"),
            "date": Field(not_future=True),
            "workers_total": Field("count"),
            "workers_bonded": Field("count", label="Workers in debt bondage (peshgi)"),
            "workers_unaware_min_wage": Field("count", label="Workers unaware of minimum wage"),
            "workers_illiterate": Field("count"),
            "workers_with_contract": Field("count"),
            "workers_eobi": Field("count", label="Workers EOBI-registered"),
            "children_found": Field("count"),
            "children_withdrawn": Field("count"),
            "hazards": Field(max_len=2000),
            "fir_recommended": Field(label="FIR recommended"),
            "findings": Field(max_len=8000),
        },
        title=lambda s: f"Inspection {s['date']:%d/%m/%Y}",
        checks=_checks,
        # Typed prose: the officers box often names who went along (an informant, a labour inspector), and
        # hazards and findings name workers and owners. The counts and yes/no answers are what the analyst uses.
        public_fields=(
            "site_id",
            "date",
            "workers_total",
            "workers_bonded",
            "workers_unaware_min_wage",
            "workers_illiterate",
            "workers_with_contract",
            "workers_eobi",
            "children_found",
            "children_withdrawn",
            "licence_shown",
            "staff_list_shown",
            "advisory_shown",
            "notice_issued",
            "compliance_deadline",
            "notice_complied",
            "fir_recommended",
        ),
        linkable_from=("case_links", "person_links", "tips"),
        report=ReportFacts(date_field="date"),
        example={"date": "2026-02-20", "officers": "ASI Bilal", "workers_total": 40, "workers_bonded": 10},
        defaults=lambda v, _today: {
            "children_found": 0,
            "children_withdrawn": 0,
            "notice_issued": False,
            "fir_recommended": False,
            **v,
        },
        list_columns=(
            "date",
            "site_id",
            "officers",
            "workers_total",
            "workers_bonded",
            "children_found",
            "notice_issued",
        ),
    )
)
