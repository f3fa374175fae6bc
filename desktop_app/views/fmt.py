"""How values look on screen: dates dd/mm/yyyy in Asia/Karachi, PKR with thousands separators, yes/no, labels."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.services.clock import PAKISTAN
from desktop_app.services.registry import RegisterSpec, load_all
from desktop_app.services.validation import Field
from desktop_app.views.i18n import tr

# Closed-list values whose words are not the value's own (an abbreviation, a route's dashes).
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
    """The English source label of a field (then translated by `tr`): the spec's words, else the column's name."""
    if rule is not None and rule.label:
        return rule.label
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
    if kind == "register" and value in load_all():
        return register_label(load_all()[value])
    if kind in {"count", "int"}:
        return f"{value:,}"
    if kind == "json":
        return ", ".join(str(v) for v in value)
    return str(value)
