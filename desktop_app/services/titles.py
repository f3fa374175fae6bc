"""The titles officers see instead of record ids: for a list's ref and link columns, a form's link, a picker."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.services.records import ListQuery, Records
from desktop_app.services.registry import RegisterSpec, State, points_into, spec_for


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
    """Titles for the records the given ref and link columns of these rows point at."""
    pointing = [f for f in fields if f in spec.fields and spec.fields[f].kind in ("ref", "link")]
    pairs = []
    for row in rows:
        for name in pointing:
            target = points_into(spec, name, row)
            if target and row.get(name):
                pairs.append((target, row[name]))
    return titles(records, pairs)
