"""Migration victims register (people trafficked or smuggled abroad)."""

from __future__ import annotations

from typing import Any

from desktop_app.models.enums import Route, Sex, VictimStatus
from desktop_app.models.victims import MigrationVictim
from desktop_app.services.registry import FollowUpFacts, RegisterSpec, ReportFacts, register
from desktop_app.services.validation import Field

# Families of victims whose fate is still open are visited; a returned or deceased victim's family is not chased.
ACTIVE_VICTIM = (VictimStatus.MISSING, VictimStatus.DETAINED_ABROAD, VictimStatus.IN_TRANSIT)


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
        place=50,
        fields={
            "cnic": Field("cnic", label="CNIC"),
            "passport_no": Field(label="Passport no.", id_number="PASSPORT"),
            "sex": Field(required=True, choices=Sex),
            "age_years": Field(minimum=0, maximum=100, label="Age (years)"),
            "address": Field(max_len=1000),
            "family_phone": Field("phones"),
            "status": Field(choices=VictimStatus),
            "route": Field(choices=Route),
            "date_of_departure": Field(not_future=True),
            "date_of_incident": Field(not_future=True),
            "amount_paid_pkr": Field("money", label="Amount paid"),
            "ransom_paid_pkr": Field("money", label="Ransom paid"),
            "next_followup_due": Field(label="Next follow-up due"),
            "notes": Field(max_len=4000),
        },
        title=lambda s: s["name"],
        checks=_checks,
        sensitive=True,
        search_fields=("name", "father_name", "cnic", "passport_no", "village", "family_phone"),
        # Route statistics need the country of the incident; tehsil and village are what figures are broken down by.
        public_fields=(
            "sex",
            "age_years",
            "tehsil",
            "village",
            "status",
            "route",
            "country_of_incident",
            "date_of_departure",
            "date_of_incident",
            "amount_paid_pkr",
            "ransom_paid_pkr",
            "next_followup_due",
        ),
        filter_fields=("status", "route", "sex", "tehsil"),
        linkable_from=("case_links", "person_links", "referrals"),
        pseudonym_prefix="VICTIM",
        report=ReportFacts(),
        followup=FollowUpFacts(active_values=tuple(s.value for s in ACTIVE_VICTIM), title_field="name"),
        example={
            "name": "Usman Tariq",
            "sex": "male",
            "status": "missing",
            "route": "libya_italy_sea",
            "cnic": "34402-7654321-3",
        },
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
