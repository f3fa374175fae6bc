"""Every English string the UI can show, for the translation check and for translators.

`tr("...")` literals in the views, plus the strings made from the register specs (field labels, choices,
register names) and the services' common validation messages. `python -m desktop_app.views.catalogue`
lists the strings the Urdu catalogue still lacks.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from enum import StrEnum
from pathlib import Path

from desktop_app.models import enums
from desktop_app.services.registry import load_all
from desktop_app.sync.conflicts import BLOCKED
from desktop_app.sync.decide import MERGE_REASONS
from desktop_app.views import form  # noqa: F401  (importing it registers the forms' extra buttons)
from desktop_app.views.fmt import choice_source, field_label
from desktop_app.views.i18n import CONTEXT, TRANSLATIONS
from desktop_app.views.listmodel import SHORT_HEADERS
from desktop_app.views.register_ui import form_actions

VIEWS = Path(__file__).resolve().parent
# Audit actions shown in a record's history.
AUDIT_ACTIONS = ("create", "update", "delete", "read:view", "read:edit", "print")
# Validation sentences officers meet most; others are shown in English until translated.
MESSAGES = (
    "required",
    "cannot be in the future",
    "write the date as dd/mm/yyyy",
    "a whole number is needed",
    "a number is needed",
    "answer yes or no",
    "pick a record from the list",
    "a CNIC has 13 digits, written #####-#######-# (dashes optional)",
    "a mobile number looks like 0300-1234567 (11 digits starting 03) or +92 300 1234567",
    "cannot be negative",
    "an amount in PKR cannot be negative",
    "the year looks wrong",
    "give the date of birth or the age",
    "cannot be after the rescue date",
    "cannot be before the rescue date",
    "name the school the child is enrolled in",
    "the next visit must be after this one",
    "must be after the meeting",
    "cannot be before the referral",
    "cannot be before the occurrence",
    "cannot be before the date of departure",
    "cannot be more than the workers counted",
    "workers in debt bondage cannot be more than the workers counted",
    "cannot withdraw more children than found",
    "a compliance deadline needs a notice issued",
    "the deadline cannot be before the inspection",
    "an agreement below the notified minimum wage cannot be recorded as one",
    "cannot register more workers than covered",
    "wrong user name or passphrase",
    "choose between 1 and 240 minutes",
)


def tr_literals() -> set[str]:
    found: set[str] = set()
    for path in VIEWS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def spec_strings() -> set[str]:
    found: set[str] = {"(PKR)"}
    for spec in load_all().values():
        found.add(spec.label)
        found.update(action.label for action in form_actions(spec.name))
        if spec.followup is not None and spec.followup.title:
            found.add(spec.followup.title)
        for name, rule in spec.fields.items():
            found.add(field_label(name, rule))
            if rule.related_title:
                found.add(rule.related_title)
            if rule.choices is not None:
                found.update(choice_source(member.value) for member in rule.choices)
    for extra in ("updated_at", "created_at"):
        found.add(field_label(extra))
    for value in vars(enums).values():
        if isinstance(value, type) and issubclass(value, StrEnum) and value is not StrEnum:
            found.update(choice_source(member.value) for member in value)
    found.update(choice_source(action) for action in AUDIT_ACTIONS)
    return found


def all_strings() -> set[str]:
    return (
        tr_literals()
        | spec_strings()
        | set(MESSAGES)
        | set(BLOCKED.values())
        | set(MERGE_REASONS)
        | set(SHORT_HEADERS.values())
    )


def translated(ts: Path = TRANSLATIONS / "ahtc_ur.ts", context: str = CONTEXT) -> dict[str, str]:
    """Source → Urdu for one context of the catalogue: `tr()` looks strings up in the app's context only, so a
    message filed under another (Qt's own buttons) is never shown, however well it is translated."""
    out: dict[str, str] = {}
    contexts = [c for c in ET.parse(ts).getroot().iter("context") if c.findtext("name") == context]
    for message in (m for c in contexts for m in c.iter("message")):
        source, translation = message.findtext("source"), message.find("translation")
        if source is not None and translation is not None and translation.text and translation.get("type") is None:
            out[source] = translation.text
    return out


if __name__ == "__main__":
    have = translated()
    for text in sorted(all_strings() - set(have)):
        print(text)
