"""Migration victims register (people trafficked or smuggled abroad)."""

from __future__ import annotations

from typing import Any

from desktop_app.models.enums import Route, Sex, VictimStatus
from desktop_app.models.victims import MigrationVictim
from desktop_app.services.registry import RegisterSpec, register
from desktop_app.services.validation import Field


def _checks(clean: dict[str, Any]) -> dict[str, str]:
    departure, incident = clean.get("date_of_departure"), clean.get("date_of_incident")
    if departure and incident and incident < departure:
        return {"date_of_incident": "cannot be before the date of departure"}
    return {}


VICTIMS = register(
    RegisterSpec(
        name="victims",
        model=MigrationVictim,
        label="Migration victims",
        fields={
            "name": Field(required=True, max_len=200),
            "father_name": Field(max_len=200),
            "cnic": Field("cnic"),
            "passport_no": Field(max_len=20),
            "sex": Field("enum", required=True, choices=Sex),
            "age_years": Field("int", minimum=0, maximum=100),
            "address": Field(max_len=1000),
            "tehsil": Field(max_len=100),
            "village": Field(max_len=100),
            "family_phone": Field("phones"),
            "status": Field("enum", required=True, choices=VictimStatus),
            "route": Field("enum", required=True, choices=Route),
            "country_of_incident": Field(max_len=100),
            "date_of_departure": Field("date", not_future=True),
            "date_of_incident": Field("date", not_future=True),
            "amount_paid_pkr": Field("money"),
            "ransom_paid_pkr": Field("money"),
            "next_followup_due": Field("date"),
            "notes": Field(max_len=4000),
        },
        title=lambda s: s["name"],
        checks=_checks,
        sensitive=True,
        search_fields=("name", "father_name", "cnic", "passport_no", "village", "family_phone"),
        personal_fields=("name", "father_name", "cnic", "passport_no", "address", "family_phone", "notes"),
        derived_fields=frozenset({"next_followup_due"}),
        defaults=lambda v, _today: {"sex": "male", **v},
        list_columns=(
            "name",
            "status",
            "route",
            "country_of_incident",
            "village",
            "amount_paid_pkr",
            "next_followup_due",
        ),
    )
)
