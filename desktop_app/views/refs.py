"""Reference fields: which register a link points into, and the titles officers see instead of ids."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.services.records import ListQuery, Records
from desktop_app.services.registry import RegisterSpec, State, spec_for

# A ref field without a fixed register names its register in a sibling field (referrals, case and person links).
_SIBLING = {"subject_id": "subject_register", "record_id": "register"}


def target_register(spec: RegisterSpec, field: str, values: State) -> str | None:
    rule = spec.fields[field]
    if rule.ref:
        return rule.ref
    sibling = _SIBLING.get(field)
    return values.get(sibling) if sibling and sibling in spec.fields else None


def sibling_field(spec: RegisterSpec, field: str) -> str | None:
    sibling = _SIBLING.get(field)
    return sibling if sibling and sibling in spec.fields and not spec.fields[field].ref else None


def titles(records: Records, wanted: Iterable[tuple[str, str]]) -> dict[str, str]:
    """id → title for (register, id) pairs, one query per register (list reads leave no audit entries)."""
    by_register: dict[str, set[str]] = {}
    for register, record_id in wanted:
        if register and record_id:
            by_register.setdefault(register, set()).add(record_id)
    out: dict[str, str] = {}
    for register, ids in by_register.items():
        spec = spec_for(register)
        for row in records.list(register, ListQuery(filters={"id": sorted(ids)}, limit=None)):
            out[row["id"]] = spec.title(row)
    return out


def row_titles(records: Records, spec: RegisterSpec, rows: list[State], fields: Iterable[str]) -> dict[str, str]:
    ref_fields = [f for f in fields if f in spec.fields and spec.fields[f].kind == "ref"]
    pairs = []
    for row in rows:
        for f in ref_fields:
            target = target_register(spec, f, row)
            if target and row.get(f):
                pairs.append((target, row[f]))
    return titles(records, pairs)


def register_choices(spec: RegisterSpec, field: str) -> tuple[str, ...] | None:
    """The registers a 'which register' field may name (a referral's subject, a case's or person's link)."""
    from desktop_app.services import cases, persons, referrals

    allowed = {
        ("referrals", "subject_register"): referrals.SUBJECTS,
        ("case_links", "register"): cases.LINKABLE,
        ("person_links", "register"): persons.LINKABLE,
    }
    return allowed.get((spec.name, field))
