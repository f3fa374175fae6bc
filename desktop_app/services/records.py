"""Create, change, delete and read register rows — the one write path every register shares.

Each write runs in one transaction that (1) validates, (2) checks the role, (3) appends the change log,
(4) appends the audit chain and keeps the search index current; an exception anywhere rolls all of it back.
Writes return `Changed` (registers and ids) so the GUI can refresh exactly the lists that show them.
"""

from __future__ import annotations

import builtins
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, func, insert, literal, or_, select, tuple_, update
from sqlalchemy.orm import Session

from desktop_app.errors import NotFound, StaleEdit, ValidationError
from desktop_app.models.base import new_id
from desktop_app.models.changelog import ChangeLogEntry
from desktop_app.models.station import StationInfo
from desktop_app.services import audit, permissions, search, stamps
from desktop_app.services.clock import local_today
from desktop_app.services.context import Context
from desktop_app.services.hlc import Hlc, tick
from desktop_app.services.registry import RegisterSpec, State, link_targets, points_into, spec_for
from desktop_app.services.tombstones import tombstone
from desktop_app.services.validation import validate_record

_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

SYSTEM_FIELDS = (
    "id",
    "station_code",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "version",
    "hlc",
    "deleted_at",
)
_BATCH = 500


@dataclass(frozen=True)
class Changed:
    """What a write changed: the GUI fans this out with one signal; each open list decides whether to reload."""

    registers: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    clock_suspect: bool = False
    created: tuple[str, ...] = ()  # ids of new rows, in the order given

    def __or__(self, other: Changed) -> Changed:
        return Changed(
            self.registers | other.registers,
            self.ids | other.ids,
            self.clock_suspect or other.clock_suspect,
            self.created + other.created,
        )

    @property
    def first_id(self) -> str:
        """The id of the (first) record this write created."""
        return self.created[0]


def json_state(state: State) -> State:
    """Row state with dates and times as ISO text: what the change log and bundles carry."""
    out: State = {}
    for key, value in state.items():
        if isinstance(value, dt.datetime):
            out[key] = value.astimezone(dt.UTC).isoformat()
        elif isinstance(value, dt.date):
            out[key] = value.isoformat()
        else:
            out[key] = value
    return out


@dataclass
class WriteTx:
    """An open write transaction: hands out HLC stamps and records every row it writes."""

    ctx: Context
    session: Session
    _last: Hlc | None = None
    _started: bool = False
    registers: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    created: list[str] = field(default_factory=list)
    clock_suspect: bool = False
    _audit_head: tuple[int, str] | None = None

    def _begin(self) -> None:
        if not self._started:
            raw = self.session.scalar(select(StationInfo.last_hlc).where(StationInfo.id == 1))
            self._last = Hlc.parse(raw) if raw else None
            self._started = True

    def stamp(self) -> tuple[str, dt.datetime]:
        """The next HLC stamp, and the matching timestamp (never before an earlier write's)."""
        self._begin()
        wall_ms = int(self.ctx.clock.now().timestamp() * 1000)
        result = tick(self._last, wall_ms, self.ctx.station.station_code)
        self._last = result.stamp
        self.clock_suspect = self.clock_suspect or result.clock_suspect
        return result.stamp.encode(), dt.datetime.fromtimestamp(result.stamp.wall_ms / 1000, dt.UTC)

    def finish(self) -> Changed:
        if self._last is not None:
            self.session.execute(update(StationInfo).where(StationInfo.id == 1).values(last_hlc=self._last.encode()))
            # Before the commit: a stamp is never issued without the reservation outside the database past it.
            stamps.reserve(self.ctx, self._last)
        return Changed(frozenset(self.registers), frozenset(self.ids), self.clock_suspect, tuple(self.created))

    # -- the row writes -----------------------------------------------------------------------------------------

    def insert_rows(self, spec: RegisterSpec, cleans: Sequence[State]) -> list[State]:
        user = self.ctx.actor.username
        if spec.assign is not None:
            cleans = spec.assign(self, cleans)
        rows: list[State] = []
        for clean in cleans:
            stamp, at = self.stamp()
            rows.append(
                {
                    **clean,
                    "id": clean.get("id") or new_id(),
                    "station_code": self.ctx.station.station_code,
                    "created_at": at,
                    "created_by": user,
                    "updated_at": at,
                    "updated_by": user,
                    "version": 1,
                    "hlc": stamp,
                    "deleted_at": None,
                }
            )
        self.session.execute(insert(_table(spec)), rows)
        self._log(spec, rows, "create", [None] * len(rows))
        self.created.extend(row["id"] for row in rows)
        search.index_rows(self.session, spec, rows, replace=False)
        self.audit([("create", spec.name, row["id"], None) for row in rows])
        return rows

    def update_row(self, spec: RegisterSpec, current: State, changes: State) -> State | None:
        """Apply already-validated changes; returns the new state, or None when nothing actually changed."""
        changed_fields = sorted(k for k, v in changes.items() if current.get(k) != v)
        if not changed_fields:
            return None
        stamp, at = self.stamp()
        new_state = {
            **current,
            **changes,
            "updated_at": at,
            "updated_by": self.ctx.actor.username,
            "version": current["version"] + 1,
            "hlc": stamp,
        }
        self.session.execute(
            update(_table(spec))
            .where(_table(spec).c.id == current["id"])
            .values({k: new_state[k] for k in [*changed_fields, "updated_at", "updated_by", "version", "hlc"]})
        )
        self._log(spec, [new_state], "update", [current["hlc"]])
        if any(name in spec.search_fields for name in changed_fields):
            search.index_rows(self.session, spec, [new_state], replace=True)
        self.audit([("update", spec.name, current["id"], "fields: " + ", ".join(changed_fields))])
        return new_state

    def restamp_row(self, spec: RegisterSpec, current: State, base_hlc: str | None) -> State:
        """The same content as a new version with a fresh stamp, based on `base_hlc` (the version the district
        holds): how `repair-clock` replaces a version stamped while the PC's clock was far ahead."""
        stamp, at = self.stamp()
        new_state = {
            **current,
            "updated_at": at,
            "updated_by": self.ctx.actor.username,
            "version": current["version"] + 1,
            "hlc": stamp,
        }
        self.session.execute(
            update(_table(spec))
            .where(_table(spec).c.id == current["id"])
            .values(updated_at=at, updated_by=new_state["updated_by"], version=new_state["version"], hlc=stamp)
        )
        self._log(spec, [new_state], "delete" if current["deleted_at"] is not None else "update", [base_hlc])
        self.audit([("restamp", spec.name, current["id"], None)])
        return new_state

    def delete_row(self, spec: RegisterSpec, current: State) -> State:
        """The row becomes its tombstone: no personal field stays in it, in its change-log entry or in bundles."""
        stamp, at = self.stamp()
        new_state = tombstone(
            spec,
            {
                **current,
                "deleted_at": at,
                "updated_at": at,
                "updated_by": self.ctx.actor.username,
                "version": current["version"] + 1,
                "hlc": stamp,
            },
        )
        self.session.execute(
            update(_table(spec))
            .where(_table(spec).c.id == current["id"])
            .values({k: v for k, v in new_state.items() if k != "id"})
        )
        self._log(spec, [new_state], "delete", [current["hlc"]])
        search.unindex(self.session, [current["id"]])
        self.audit([("delete", spec.name, current["id"], None)])
        return new_state

    def audit(self, items: list[audit.AuditItem]) -> None:
        self._audit_head = audit.append_many(self.session, self.ctx, items, self._audit_head)

    def _log(self, spec: RegisterSpec, rows: Sequence[State], op: str, bases: Sequence[str | None]) -> None:
        now = self.ctx.clock.now()
        self.session.execute(
            insert(ChangeLogEntry.__table__),  # type: ignore[arg-type]
            [
                {
                    "table_name": spec.table,
                    "row_id": row["id"],
                    "op": op,
                    "hlc": row["hlc"],
                    "base_hlc": base,
                    "origin_station": row["station_code"],
                    "source": "local",
                    "at": now,
                    "state": json_state(row),
                }
                for row, base in zip(rows, bases, strict=True)
            ],
        )
        self.registers.add(spec.name)
        self.ids.update(row["id"] for row in rows)


def _table(spec: RegisterSpec) -> Table:
    return spec.model.__table__  # type: ignore[attr-defined, no-any-return]


def _require_unchanged(current: State, expected_hlc: str | None) -> None:
    """Refuse to write over a version the user has not seen (someone saved the record after they opened it)."""
    if expected_hlc is not None and current["hlc"] != expected_hlc:
        raise StaleEdit(
            f"{current['updated_by']} saved this record after you opened it; reopen it to see their changes"
        )


def load_state(session: Session, spec: RegisterSpec, record_id: str, *, include_deleted: bool = False) -> State:
    table = _table(spec)
    row = session.execute(select(table).where(table.c.id == record_id)).mappings().first()
    if row is None or (row["deleted_at"] is not None and not include_deleted):
        raise NotFound(f"no {spec.label.lower()} record with id {record_id}")
    return dict(row)


def missing_refs(session: Session, spec: RegisterSpec, cleans: Iterable[State]) -> dict[str, str]:
    """Ref and link fields that point at no live record, or (a link) into a register that may not be linked from
    here. Checked in batches, one query per field and register, so bulk writes stay fast."""
    allowed = link_targets(spec.name)
    errors: dict[str, str] = {}
    wanted: dict[tuple[str, str], set[str]] = {}
    for clean in cleans:
        for name, rule in spec.fields.items():
            if rule.kind not in ("ref", "link") or not clean.get(name):
                continue
            target = points_into(spec, name, clean)
            if rule.kind == "link" and target not in allowed:
                assert rule.register_field is not None
                labels = ", ".join(spec_for(r).label for r in allowed)
                errors[rule.register_field] = f"choose one of: {labels}"
                continue
            if target is not None:
                wanted.setdefault((name, target), set()).add(clean[name])
    for (name, register), ids in wanted.items():
        if _live_ids(session, spec_for(register), ids) != ids:
            errors[name] = f"the linked {spec_for(register).label.lower()} record does not exist (or was deleted)"
    return errors


def _live_ids(session: Session, spec: RegisterSpec, ids: set[str]) -> set[str]:
    target = _table(spec)
    found: set[str] = set()
    id_list = sorted(ids)
    for start in range(0, len(id_list), _BATCH):
        chunk = id_list[start : start + _BATCH]
        found.update(session.scalars(select(target.c.id).where(target.c.id.in_(chunk), target.c.deleted_at.is_(None))))
    return found


@dataclass(frozen=True)
class ListQuery:
    filters: dict[str, Any] = field(default_factory=dict)  # column → value, or a list/tuple/set of values
    date_field: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    overdue_on: dt.date | None = None  # rows whose next follow-up is due before this date
    text: str | None = None
    # Rows meeting at least one of these: (column, list of values) or (column, text it contains). How registers
    # without a search index (inspections, meetings) are searched by their site, person, officers or date.
    match_any: tuple[tuple[str, Any], ...] = ()
    order_by: str = "updated_at"
    descending: bool = True
    offset: int = 0
    limit: int | None = 200
    include_deleted: bool = False
    # (order_by value, id) of the last row already shown: the next page starts after it (keyset paging, which
    # stays fast deep into a long list where OFFSET would step over every earlier row). Used instead of offset.
    after: tuple[Any, str] | None = None


def _matches(column: Any, value: Any) -> Any:
    if isinstance(value, list | tuple | set | frozenset):
        return column.in_(list(value))
    escaped = str(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")


class Records:
    """The record service for one signed-in user."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # -- writes ------------------------------------------------------------------------------------------------

    def create(self, register: str, values: State) -> Changed:
        return self.create_many(register, [values])

    def create_many(self, register: str, rows: Sequence[State]) -> Changed:
        spec = spec_for(register)
        permissions.require(self.ctx, permissions.CREATE, reference_register=spec.reference)
        if spec.internal:
            raise ValidationError({"register": f"{spec.label} rows are written by their own action"})
        today = local_today(self.ctx.clock)
        cleans = [self._validate_new(spec, values, today) for values in rows]
        with self.ctx.store.transaction() as session:
            errors = missing_refs(session, spec, cleans)
            given = [clean["id"] for clean in cleans if clean.get("id")]
            if given and session.scalar(select(func.count()).where(_table(spec).c.id.in_(given))):
                errors["id"] = "a record with this id exists already; leave the id out"
            if errors:
                raise ValidationError(errors)
            tx = WriteTx(self.ctx, session)
            written = tx.insert_rows(spec, cleans)
            if spec.on_saved is not None:
                for row in written:
                    spec.on_saved(tx, row, None)
            return tx.finish()

    def _validate_new(self, spec: RegisterSpec, values: State, today: dt.date) -> State:
        values = {k: v for k, v in values.items() if k not in spec.derived_fields}
        if spec.defaults is not None:
            values = spec.defaults(values, today)
        record_id = values.pop("id", None)
        clean = validate_record(spec.fields, values, today, spec.checks)
        if spec.derive is not None:
            clean = spec.derive(clean)
        if record_id:
            # Only the demo and the examples bring their own ids (for repeatable data); anything but a canonical
            # UUID would reach the search index's rowid parser or the primary key as a crash, not a refusal.
            if not isinstance(record_id, str) or not _CANONICAL_UUID.fullmatch(record_id):
                raise ValidationError({"id": "a record's id is given by the register; leave it out"})
            clean["id"] = record_id
        return clean

    def update(self, register: str, record_id: str, changes: State, *, expected_hlc: str | None = None) -> Changed:
        spec = spec_for(register)
        permissions.require(self.ctx, permissions.UPDATE, reference_register=spec.reference)
        blocked = (set(changes) & (spec.workflow_fields | spec.derived_fields)) - {"id"}
        if blocked:
            raise ValidationError({name: "changed through its own action, not the form" for name in sorted(blocked)})
        today = local_today(self.ctx.clock)
        with self.ctx.store.transaction() as session:
            current = load_state(session, spec, record_id)
            permissions.require_owner(self.ctx, current["station_code"])
            _require_unchanged(current, expected_hlc)
            return self._apply_update(WriteTx(self.ctx, session), spec, current, changes, today)

    def _apply_update(self, tx: WriteTx, spec: RegisterSpec, current: State, changes: State, today: dt.date) -> Changed:
        merged = {name: current.get(name) for name in spec.fields} | {k: v for k, v in changes.items() if k != "id"}
        clean = validate_record(spec.fields, merged, today, spec.checks)
        if spec.derive is not None:
            clean = spec.derive(clean)
        errors = missing_refs(tx.session, spec, [clean])
        if errors:
            raise ValidationError(errors)
        new_state = tx.update_row(spec, current, clean)
        if new_state is not None and spec.on_saved is not None:
            spec.on_saved(tx, new_state, current)
        return tx.finish()

    def delete(self, register: str, record_id: str, *, expected_hlc: str | None = None) -> Changed:
        spec = spec_for(register)
        permissions.require(self.ctx, permissions.DELETE, reference_register=spec.reference)
        with self.ctx.store.transaction() as session:
            current = load_state(session, spec, record_id)
            permissions.require_owner(self.ctx, current["station_code"])
            _require_unchanged(current, expected_hlc)
            tx = WriteTx(self.ctx, session)
            tx.delete_row(spec, current)
            return tx.finish()

    # -- reads -------------------------------------------------------------------------------------------------

    def get(self, register: str, record_id: str, *, purpose: str = "view") -> State:
        """One record. Opening a child's, victim's or family's record leaves an audit entry (who saw whom)."""
        spec = spec_for(register)
        permissions.require(self.ctx, permissions.READ)
        if not spec.sensitive:
            with self.ctx.store.session() as session:
                return load_state(session, spec, record_id)
        with self.ctx.store.transaction() as session:
            state = load_state(session, spec, record_id)
            audit.append_many(session, self.ctx, [(f"read:{purpose}", spec.name, record_id, None)])
            return state

    def list(self, register: str, query: ListQuery | None = None) -> list[State]:
        spec = spec_for(register)
        permissions.require(self.ctx, permissions.READ)
        query = query or ListQuery()
        with self.ctx.store.session() as session:
            stmt = self._select(session, spec, query, select(_table(spec)))
            table = _table(spec)
            column = table.c[query.order_by]
            if query.descending:
                stmt = stmt.order_by(column.desc(), table.c.id.desc())
            else:
                stmt = stmt.order_by(column.asc(), table.c.id.asc())
            if query.after is not None and query.after[0] is not None:
                key, after = tuple_(column, table.c.id), tuple_(literal(query.after[0], column.type), query.after[1])
                stmt = stmt.where(key < after if query.descending else key > after)
            else:
                stmt = stmt.offset(query.offset)
            if query.limit is not None:
                stmt = stmt.limit(query.limit)
            rows = [dict(row) for row in session.execute(stmt).mappings()]
        self._audit_bulk_read(spec, "list", query, len(rows))
        return rows

    def count(self, register: str, query: ListQuery | None = None, *, at_most: int | None = None) -> int:
        """How many rows the query finds; with at_most, counting stops there (a search as broad as a CNIC prefix
        need not count all 17,000 persons to show that it found more than a list can usefully show)."""
        spec = spec_for(register)
        permissions.require(self.ctx, permissions.READ)
        query = query or ListQuery()
        with self.ctx.store.session() as session:
            if at_most is None:
                stmt = self._select(session, spec, query, select(func.count()).select_from(_table(spec)))
            else:
                found = self._select(session, spec, query, select(literal(1)).select_from(_table(spec)))
                stmt = select(func.count()).select_from(found.limit(at_most).subquery())
            count = int(session.scalar(stmt) or 0)
        self._audit_bulk_read(spec, "count", query, count)
        return count

    def _audit_bulk_read(self, spec: RegisterSpec, what: str, query: ListQuery, rows: int) -> None:
        """One audit entry per list, search or count of children, victims or family meetings: which register,
        what kind of filter (column names, never the values typed) and how many rows (finding 15)."""
        if not spec.sensitive:
            return
        kinds = (["search"] if query.text or query.match_any else []) + sorted(query.filters)
        kinds += [query.date_field] if query.date_field and (query.date_from or query.date_to) else []
        kinds += ["overdue"] if query.overdue_on is not None else []
        detail = f"{','.join(kinds) or 'all'}; rows {rows}"
        with self.ctx.store.transaction() as session:
            audit.append_many(session, self.ctx, [(f"read:{what}", spec.name, None, detail)])

    def _select(self, session: Session, spec: RegisterSpec, query: ListQuery, stmt: Any) -> Any:
        table = _table(spec)
        if not query.include_deleted:
            stmt = stmt.where(table.c.deleted_at.is_(None))
        for name, value in query.filters.items():
            column = table.c[name]
            if isinstance(value, list | tuple | set | frozenset):
                stmt = stmt.where(column.in_(list(value)))
            else:
                stmt = stmt.where(column == value)
        if query.date_field:
            if query.date_from is not None:
                stmt = stmt.where(table.c[query.date_field] >= query.date_from)
            if query.date_to is not None:
                stmt = stmt.where(table.c[query.date_field] <= query.date_to)
        if query.overdue_on is not None:
            stmt = stmt.where(table.c.next_followup_due < query.overdue_on)
        if query.text:
            found = search.record_filter(session, table.c.id, query.text, spec.name)
            typed = query.text.strip().upper()
            codes = [func.upper(table.c[name]).contains(typed, autoescape=True) for name in spec.code_fields]
            stmt = stmt.where(or_(found, *codes) if codes and typed else found)
        if query.match_any:
            stmt = stmt.where(or_(*(_matches(table.c[name], value) for name, value in query.match_any)))
        return stmt

    def history(self, register: str, record_id: str) -> builtins.list[State]:
        """The record's audit entries, oldest first (who created, changed, viewed, printed it)."""
        permissions.require(self.ctx, permissions.READ)
        with self.ctx.store.session() as session:
            return audit.entries_for(session, register, record_id)
