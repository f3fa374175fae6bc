"""How values look on screen: dates dd/mm/yyyy in Asia/Karachi, PKR with thousands separators, yes/no, labels."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.services.clock import PAKISTAN
from desktop_app.services.registry import RegisterSpec
from desktop_app.services.validation import Field
from desktop_app.views.i18n import tr

# Words that read better than the column name would.
_SPECIAL_LABELS = {
    "cnic": "CNIC",
    "guardian_cnic": "Guardian CNIC",
    "b_form_no": "B-form no.",
    "gps_lat": "GPS latitude",
    "gps_lon": "GPS longitude",
    "eobi_committed": "EOBI registrations committed",
    "workers_eobi": "Workers EOBI-registered",
    "eobi_registrations_done": "EOBI registrations done",
    "fir_number": "FIR number",
    "fir_date": "FIR date",
    "fir_station": "FIR police station",
    "fir_recommended": "FIR recommended",
    "licence_no": "Licence no.",
    "passport_no": "Passport no.",
    "age_years": "Age (years)",
    "amount_paid_pkr": "Amount paid",
    "ransom_paid_pkr": "Ransom paid",
    "outstanding_advances_pkr": "Outstanding advances",
    "followup_interval_days": "Follow-up interval (days)",
    "next_followup_due": "Next follow-up due",
    "workers_unaware_min_wage": "Workers unaware of minimum wage",
    "workers_bonded": "Workers in debt bondage (peshgi)",
    "committed_rate_per_1000": "Committed rate per 1,000 bricks",
    "notified_min_rate_per_1000": "Notified minimum rate per 1,000 bricks",
    "observed_rate_per_1000": "Observed rate per 1,000 bricks",
    "family_willing_complainant": "Family willing to be complainant",
    "distance_direction": "Distance and direction from the station",
}
_SPECIAL_CHOICES = {
    "fia": "FIA",
    "sho": "SHO",
    "with_sho": "With SHO",
    "fir_registered": "FIR registered",
    "iran_turkey_greece": "Iran–Turkey–Greece",
    "libya_italy_sea": "Libya–Italy (sea)",
    "gulf_overstay": "Gulf (overstay)",
    "air_forged_documents": "By air, forged documents",
    "child_labour_kiln": "Child labour (kiln)",
    "child_labour_other": "Child labour (other)",
}


def field_label(name: str, rule: Field | None = None) -> str:
    """The English source label of a field (then translated by `tr`)."""
    if rule is not None and rule.label:
        return rule.label
    if name in _SPECIAL_LABELS:
        return _SPECIAL_LABELS[name]
    words = name.removesuffix("_id").replace("_", " ")
    return words[:1].upper() + words[1:]


def label(name: str, rule: Field | None = None) -> str:
    text = tr(field_label(name, rule))
    if rule is not None and rule.kind == "money":
        text += " " + tr("(PKR)")
    return text


def choice_source(value: str) -> str:
    """English source text of an enumeration value: 'detained_abroad' → 'Detained abroad'."""
    if value in _SPECIAL_CHOICES:
        return _SPECIAL_CHOICES[value]
    words = value.replace("_", " ")
    return words[:1].upper() + words[1:]


def register_label(spec: RegisterSpec) -> str:
    return tr(spec.label)


def date_text(value: dt.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(PAKISTAN).strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


def money_text(value: int | None) -> str:
    return "" if value is None else f"PKR {value:,}"


def display(rule: Field | None, value: Any) -> str:
    """One value as an officer reads it."""
    if value is None or value == "":
        return ""
    kind = rule.kind if rule is not None else "text"
    if kind == "money":
        return money_text(value)
    if kind == "date" or isinstance(value, dt.date):
        return date_text(value)
    if kind == "bool" or isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    if kind == "enum":
        return tr(choice_source(str(value)))
    if kind in {"count", "int"}:
        return f"{value:,}"
    if kind == "json":
        return ", ".join(str(v) for v in value)
    return str(value)
