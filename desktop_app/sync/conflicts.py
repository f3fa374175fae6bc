"""Reviewing the versions that lost a merge: both versions side by side, marked reviewed, or brought back.

The merge (decide.py) never drops a version: the loser goes to the conflicts table. A reviewer — an officer
at the station, the analyst at the district — compares it with the record as it is now and either accepts
what the register holds ("reviewed") or, at the station that owns the record, brings the other version back
as a new ordinary edit, which is validated, logged, audited and synced like any other.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select

from desktop_app.errors import NotFound, ValidationError
from desktop_app.models.changelog import Conflict
from desktop_app.services import audit, permissions
from desktop_app.services.context import Context
from desktop_app.services.records import Changed, Records, json_state, load_state
from desktop_app.services.registry import RegisterSpec, spec_for
from desktop_app.sync.apply import typed_values

# How a station files a conflict the district found on one of its records (the reason follows).
AT_THE_DISTRICT = "at the district: "

# Why the other version cannot be brought back here. English source sentences; the app translates them.
BLOCKED = {
    "other_station": (
        "This record belongs to %1: only that station can bring the other version back. Mark the conflict "
        "reviewed here, and tell the station if the other version was right."
    ),
    "deleted_now": "The record is deleted now. The SHO can add it again from the other version shown here.",
    "deletion_needs_sho": "The other version is a deletion: only the SHO can delete the record.",
    "own_action_only": "Only %1 differ, and they change through their own action, not by bringing a version back.",
    "same_details": "Both versions hold the same details: there is nothing to bring back.",
    "role": "Your role cannot change records: ask an officer or the SHO.",
}

# Written by every save: differences here say nothing about the record itself.
BOOKKEEPING = frozenset(
    {"id", "station_code", "created_at", "created_by", "updated_at", "updated_by", "version", "hlc"}
)


@dataclass(frozen=True)
class ConflictRow:
    """One kept losing version, for the list (no row contents: those are in the detail)."""

    id: int
    table_name: str
    row_id: str
    lost_origin: str
    lost_hlc: str
    kept_hlc: str
    reason: str
    detected_at: Any
    resolved_at: Any
    resolved_by: str | None = None
    title: str = ""  # the record as officers name it, as in the register's list


@dataclass(frozen=True)
class FieldDifference:
    field: str
    now: Any  # as the register holds it (JSON form: dates as ISO text)
    other: Any  # in the version that lost


@dataclass(frozen=True)
class ConflictDetail:
    conflict: ConflictRow
    register_label: str
    title: str  # the record as officers name it (a person's name, a case's title)
    current_hlc: str  # the version the reviewer saw; bringing the other back refuses if it changed since
    now_deleted: bool
    other_deleted: bool
    differences: list[FieldDifference]
    restorable: list[str]  # the fields "bring the other version back" would write
    blocked: str | None = None  # why bringing it back is not possible here: a key of BLOCKED
    blocked_detail: str = ""  # fills %1 in that sentence

    @property
    def not_restorable(self) -> str | None:
        """The reason in plain English (the app shows it translated), or None when it can be brought back."""
        return None if self.blocked is None else BLOCKED[self.blocked].replace("%1", self.blocked_detail)


def _row(c: Conflict) -> ConflictRow:
    return ConflictRow(
        c.id,
        c.table_name,
        c.row_id,
        c.lost_origin,
        c.lost_hlc,
        c.kept_hlc,
        c.reason,
        c.detected_at,
        c.resolved_at,
        c.resolved_by,
    )


def list_conflicts(ctx: Context, *, open_only: bool = True, station: str | None = None) -> list[ConflictRow]:
    """The versions that lost a merge, newest first; `station` narrows to versions that came from one station."""
    permissions.require(ctx, permissions.READ)
    stmt = select(Conflict).order_by(Conflict.detected_at.desc(), Conflict.id.desc())
    if open_only:
        stmt = stmt.where(Conflict.resolved_at.is_(None))
    if station:
        stmt = stmt.where(Conflict.lost_origin == station)
    with ctx.store.session() as session:
        conflicts = list(session.scalars(stmt))
        titles = _titles(session, {(c.table_name, c.row_id) for c in conflicts})
        return [replace(_row(c), title=titles.get((c.table_name, c.row_id), "")) for c in conflicts]


def _titles(session: Any, rows: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Each record's title, read in one query per register (a conflict list is short)."""
    out: dict[tuple[str, str], str] = {}
    for register in sorted({name for name, _ in rows}):
        spec = spec_for(register)
        table = spec.model.__table__  # type: ignore[attr-defined]
        ids = sorted(row_id for name, row_id in rows if name == register)
        for state in session.execute(select(table).where(table.c.id.in_(ids))).mappings():
            out[(register, state["id"])] = spec.title(dict(state))
    return out


def conflict_detail(ctx: Context, conflict_id: int) -> ConflictDetail:
    """Both versions, field by field, and whether the other one can be brought back here."""
    permissions.require(ctx, permissions.READ)
    with ctx.store.transaction() as session:
        conflict = _conflict(session, conflict_id)
        spec = spec_for(conflict.table_name)
        held = load_state(session, spec, conflict.row_id, include_deleted=True)
        title = spec.title(held)
        current = json_state(held)
        if spec.sensitive:
            # Like opening the record: who looked at which child's or victim's record is on the audit chain.
            audit.append_many(session, ctx, [("read:conflict-review", spec.name, conflict.row_id, None)])
        other = dict(conflict.lost_state)
        row = _row(conflict)
    now_deleted, other_deleted = current.get("deleted_at") is not None, other.get("deleted_at") is not None
    differences = [
        FieldDifference(name, current.get(name), other.get(name))
        for name in current
        if name not in BOOKKEEPING and name != "deleted_at" and name in other and current.get(name) != other.get(name)
    ]
    restorable, blocked, blocked_detail = _restore_plan(ctx, spec, current, differences, now_deleted, other_deleted)
    return ConflictDetail(
        row,
        spec.label,
        title,
        str(current["hlc"]),
        now_deleted,
        other_deleted,
        differences,
        restorable,
        blocked,
        blocked_detail,
    )


def mark_reviewed(ctx: Context, conflict_id: int) -> None:
    """The reviewer accepts what the register holds; the other version stays in the table, marked reviewed."""
    permissions.require(ctx, permissions.SYNC)
    with ctx.store.transaction() as session:
        conflict = _conflict(session, conflict_id)
        if conflict.resolved_at is not None:
            return
        conflict.resolved_at = ctx.clock.now()
        conflict.resolved_by = ctx.actor.username
        audit.append_many(
            session, ctx, [("conflict-reviewed", conflict.table_name, conflict.row_id, f"conflict {conflict.id}")]
        )


def restore_other_version(ctx: Context, conflict_id: int, seen_hlc: str) -> Changed:
    """Make the losing version the record again, as a new edit by this user, then mark the conflict reviewed.

    `seen_hlc`: the version the reviewer compared against (ConflictDetail.current_hlc); if someone saved the
    record since, this refuses (StaleEdit) rather than overwrite a change the reviewer has not seen.
    """
    detail = conflict_detail(ctx, conflict_id)
    if detail.not_restorable:
        raise ValidationError({"conflict": detail.not_restorable})
    conflict = detail.conflict
    records = Records(ctx)
    if detail.other_deleted:
        changed = records.delete(conflict.table_name, conflict.row_id, expected_hlc=seen_hlc)
    else:
        with ctx.store.session() as session:
            other = dict(_conflict(session, conflict_id).lost_state)
        try:
            typed = typed_values(conflict.table_name, {k: v for k, v in other.items() if k in _columns(conflict)})
        except ValueError:
            raise ValidationError(
                {
                    "conflict": "The other version was written by an older version of the app and cannot be brought "
                    "back automatically: copy the details from it by hand."
                }
            ) from None
        changes = {name: typed[name] for name in detail.restorable}
        changed = records.update(conflict.table_name, conflict.row_id, changes, expected_hlc=seen_hlc)
    mark_reviewed(ctx, conflict_id)
    return changed


def _restore_plan(
    ctx: Context,
    spec: RegisterSpec,
    current: dict[str, Any],
    differences: list[FieldDifference],
    now_deleted: bool,
    other_deleted: bool,
) -> tuple[list[str], str | None, str]:
    """(fields to write, None, "") when the other version can be brought back, else ([], reason, detail)."""
    if current.get("station_code") != ctx.station.station_code:
        return [], "other_station", str(current.get("station_code"))
    if now_deleted and not other_deleted:
        return [], "deleted_now", ""
    if other_deleted and not now_deleted:
        if not permissions.allowed(ctx, permissions.DELETE, reference_register=spec.reference):
            return [], "deletion_needs_sho", ""
        return [], None, ""
    editable = set(spec.editable_fields()) - spec.workflow_fields
    restorable = [d.field for d in differences if d.field in editable]
    if not restorable:
        blocked = [d.field for d in differences]
        return [], ("own_action_only" if blocked else "same_details"), ", ".join(blocked)
    if not permissions.allowed(ctx, permissions.UPDATE, reference_register=spec.reference):
        return [], "role", ""
    return restorable, None, ""


def _columns(conflict: ConflictRow) -> set[str]:
    return {column.key for column in spec_for(conflict.table_name).model.__table__.c}  # type: ignore[attr-defined]


def _conflict(session: Any, conflict_id: int) -> Conflict:
    conflict = session.get(Conflict, conflict_id)
    if conflict is None:
        raise NotFound(f"no conflict number {conflict_id}")
    assert isinstance(conflict, Conflict)
    return conflict
