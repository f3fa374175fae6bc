"""What a deleted record keeps: who owns it, its stamp and when it was deleted — no personal field.

A tombstone has to stay (so a deletion wins over older versions everywhere and is never undone by a late
bundle), but it need not remember whom the record was about. Every nullable field is emptied; a required
field that is personal or free text becomes empty text; the remaining required fields (categories, dates,
links between records, counts) stay, because the register's table cannot hold a row without them. Earlier
versions keep their fields in the change log until a purge (services/purge.py) forgets them too.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, Table, Text

from desktop_app.services.registry import RegisterSpec

State = dict[str, Any]

# The mixin's fields (DESIGN.md §4): identity, owner, stamps and who wrote the version.
KEPT = frozenset(
    {"id", "station_code", "created_at", "created_by", "updated_at", "updated_by", "version", "hlc", "deleted_at"}
)


def tombstone(spec: RegisterSpec, state: State) -> State:
    """`state` (a row, or a version from the change log) reduced to what a tombstone keeps."""
    table: Table = spec.model.__table__  # type: ignore[attr-defined]
    out: State = {}
    for column in table.c:
        name = column.key
        if name not in state:
            continue
        if name in KEPT or name in spec.kept_on_delete:
            out[name] = state[name]
        elif column.nullable:
            out[name] = None
        elif name in spec.personal_fields or (isinstance(column.type, String | Text) and _free_text(column)):
            out[name] = ""
        else:
            out[name] = state[name]
    return out


def _free_text(column: Any) -> bool:
    # Required text without a short bound is typed by an officer (a title, a reason), never a category code.
    length = getattr(column.type, "length", None)
    return length is None or length > 64
