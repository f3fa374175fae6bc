"""Searching a register that has no search index of its own (inspections, agreements, family meetings,
referrals) by what its rows are known by: the site, victim or child they belong to, the officers, the date.

The linked registers are searched through their own index; the register's rows are then those pointing at a
match, or naming the officers typed, or dated the day typed (dd/mm/yyyy).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from desktop_app.services.records import ListQuery, Records
from desktop_app.services.registry import RegisterSpec, link_targets, spec_for

# How many linked records a search looks at: an officer searching "Brick Kiln" wants the list, not every kiln.
LINKED_LIMIT = 500
# Free-text fields that name who did the work.
OFFICER_FIELDS = ("officers", "officer")


def typed_date(text: str) -> dt.date | None:
    """dd/mm/yyyy with /, - or . between the parts, or its eight digits alone; None if not a date."""
    parts = [p for p in re.split(r"[/.\-\s]+", text.strip()) if p]
    if len(parts) == 1 and len(parts[0]) == 8 and parts[0].isdigit():
        parts = [parts[0][:2], parts[0][2:4], parts[0][4:]]
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
        return None
    try:
        return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        return None


def searchable(spec: RegisterSpec) -> bool:
    """Whether the list's search box can find anything in this register."""
    return (
        bool(spec.search_fields)
        or bool(_linked(spec))
        or any(f in spec.fields for f in OFFICER_FIELDS)
        or any(rule.kind == "date" for rule in spec.fields.values())
    )


def _linked(spec: RegisterSpec) -> list[tuple[str, list[str]]]:
    """(field, registers it may point into that have a search index)."""
    out = []
    for name, rule in spec.fields.items():
        if rule.kind == "ref" and rule.ref and spec_for(rule.ref).search_fields:
            out.append((name, [rule.ref]))
        elif rule.kind == "link":
            targets = [t for t in link_targets(spec.name) if spec_for(t).search_fields]
            if targets:
                out.append((name, targets))
    return out


def title_query(records: Records, spec: RegisterSpec, text: str) -> dict[str, Any]:
    """ListQuery changes that find `text` in a register without a search index of its own."""
    day = typed_date(text)
    date_field = next((f for f, r in spec.fields.items() if r.kind == "date"), None)
    if day is not None and date_field is not None:
        return {"date_field": date_field, "date_from": day, "date_to": day, "match_any": ()}
    match: list[tuple[str, Any]] = []
    for field, registers in _linked(spec):
        ids = [
            row["id"]
            for register in registers
            for row in records.list(register, ListQuery(text=text, limit=LINKED_LIMIT, order_by="updated_at"))
        ]
        if ids:
            match.append((field, ids))
    match.extend((f, text) for f in OFFICER_FIELDS if f in spec.fields)
    # Nothing to look in: a condition no row meets, so the list says "0 records" rather than showing all.
    return {"match_any": tuple(match) or (("id", []),)}
