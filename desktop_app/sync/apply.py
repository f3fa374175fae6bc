"""Applying change-log entries from a bundle to the registers, inside the caller's one transaction.

`check_entries` runs before any transaction: it turns every entry into typed column values and refuses
the whole bundle (BundleRejected "payload") if one is malformed, so nothing half-valid is ever written.
`apply_entries` then asks `decide` about each change in order and writes the outcome in bulk: rows,
the change log (source "import", never re-sent), the conflicts table, the search index and the HLC.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Boolean, Date, Float, Integer, String, Table, Text, bindparam, insert, select, update
from sqlalchemy.orm import Session

from desktop_app.errors import BundleRejected
from desktop_app.models.base import UTCDateTime
from desktop_app.models.changelog import ChangeLogEntry, Conflict
from desktop_app.models.station import StationInfo
from desktop_app.services import search
from desktop_app.services.case_numbers import clash_suffix
from desktop_app.services.clock_bounds import plain_span, plain_time, stamp_time
from desktop_app.services.hlc import Hlc, observe
from desktop_app.services.purge import PURGE, purge_from_marker
from desktop_app.services.registry import RegisterSpec, register_models, spec_for
from desktop_app.sync.decide import Action, Change, Decision, RowState, decide

OPS = ("create", "update", "delete", PURGE)
_CHUNK = 500


@dataclass(frozen=True)
class IncomingChange:
    """One checked entry: typed column values ready to write, plus what the merge rule needs."""

    table: str
    seq: int
    row_id: str
    op: str
    hlc: str
    base_hlc: str | None
    values: dict[str, Any]  # typed, for the register table
    state: dict[str, Any]  # as received (JSON), for the change log and the conflicts table
    # Recovery only: stamps of the versions this one descends from at the district (its base-stamp chain there).
    known: frozenset[str] = frozenset()

    @property
    def deleted(self) -> bool:
        return self.values.get("deleted_at") is not None


@dataclass
class ApplyReport:
    """What an import did, per register: the readable report stored with the bundle and shown to the SHO."""

    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    undeleted: Counter[str] = field(default_factory=Counter)
    conflicts: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    held_back: Counter[str] = field(default_factory=Counter)  # a return never overwrites unacknowledged edits
    # Reference entries a station would not take: another station's record, or a stamp from the far future.
    refused: Counter[str] = field(default_factory=Counter)
    purged: Counter[str] = field(default_factory=Counter)  # deleted records whose history was forgotten
    # Records kept under a changed unique value (a case number another case here already holds).
    kept_apart: Counter[str] = field(default_factory=Counter)
    changed_ids: set[str] = field(default_factory=set)
    foreign: list[tuple[str, str]] = field(default_factory=list)  # (register, owner) of each change refused so

    def to_json(self) -> dict[str, Any]:
        names = (
            "created",
            "updated",
            "deleted",
            "undeleted",
            "conflicts",
            "unchanged",
            "held_back",
            "refused",
            "purged",
            "kept_apart",
        )
        out: dict[str, Any] = {name: sum(getattr(self, name).values()) for name in names}
        out["per_register"] = {
            register: {name: getattr(self, name)[register] for name in names if getattr(self, name)[register]}
            for register in sorted({r for name in names for r in getattr(self, name)})
        }
        return out


# --- checking, before any transaction --------------------------------------------------------------------------


def check_entries(
    entries: Sequence[dict[str, Any]],
    *,
    registers: Iterable[str] | None = None,
    owner: str | None = None,
) -> list[IncomingChange]:
    """Typed changes, or BundleRejected("payload") naming the first bad entry.

    `owner`: every row must belong to (and every stamp come from) that station: a station can only ever
    send its own rows, so a bundle can never rewrite another station's records (BundleRejected "owner").
    """
    allowed = set(registers) if registers is not None else set(register_models())
    checked: list[IncomingChange] = []
    claimed: list[tuple[str, str]] = []  # (register, owner) of rows the sender does not own
    for number, entry in enumerate(entries, start=1):
        table = entry.get("table")
        if table not in allowed:
            raise _bad(number, "names a register this installation does not take")
        try:
            change = _check_entry(entry, str(table))
        except EntryProblem as exc:
            raise _bad(number, str(exc)) from None
        except (KeyError, TypeError, ValueError):
            # Never the library's own words: they can quote the value (a name, a CNIC), and refusals go over
            # the network and into logs.
            raise _bad(number, "is not a well-formed change (a field is missing or not of its kind)") from None
        if owner is not None and change.state.get("station_code") != owner:
            claimed.append((change.table, str(change.state.get("station_code"))[:32]))
        checked.append(change)
    if claimed:
        raise _foreign_refusal(claimed)
    return checked


def refuse_future(changes: Sequence[IncomingChange], floor: str, now: dt.datetime) -> None:
    """BundleRejected("clock") when any change is stamped at or after `floor` (too far ahead of `now`)."""
    late = [c.hlc for c in changes if c.hlc >= floor]
    if not late:
        return
    latest = stamp_time(max(late))
    raise BundleRejected(
        "clock",
        f"This bundle holds {len(late)} change(s) stamped as late as {plain_time(latest)}, "
        f"{plain_span(latest - now)} ahead of this computer's clock ({plain_time(now)}). The sending PC's date and "
        "time are probably wrong (or this computer's are). Nothing was imported. Correct the date and time on the "
        "PC that is wrong; at the station, run 'ahtc repair-clock', then export again.",
    )


def split_future(changes: Sequence[IncomingChange], floor: str) -> tuple[list[IncomingChange], list[IncomingChange]]:
    """(changes in bounds, changes stamped too far ahead): a station takes the first and reports the second."""
    return [c for c in changes if c.hlc < floor], [c for c in changes if c.hlc >= floor]


class EntryProblem(ValueError):
    """What is wrong with one incoming entry, in our own words (never quoting a value)."""


def _stamp(text: str) -> Hlc:
    try:
        return Hlc.parse(text)
    except ValueError:
        raise EntryProblem("has a version stamp that is not a time stamp of AHTC Register") from None


def _bad(number: int, problem: str) -> BundleRejected:
    return BundleRejected(
        "payload",
        f"Change {number} in the bundle {problem}. Nothing was imported. Report it to district IT and ask the "
        "sender to export again.",
    )


def _check_entry(entry: dict[str, Any], table: str) -> IncomingChange:
    state = entry["state"]
    if not isinstance(state, dict):
        raise EntryProblem("has no row state")
    row_id, hlc, base = entry["row_id"], entry["hlc"], entry.get("base_hlc")
    seq, op = entry["seq"], entry["op"]
    if type(seq) is not int or seq < 1 or op not in OPS:
        raise EntryProblem("has a wrong sequence number or operation")
    if not isinstance(row_id, str) or state.get("id") != row_id or state.get("hlc") != hlc or not isinstance(hlc, str):
        raise EntryProblem("does not match its own row state")
    stamp = _stamp(hlc)
    if base is not None:
        if not isinstance(base, str):
            raise EntryProblem("has a base version that is not a time stamp")
        _stamp(base)
    # Only a record's owner ever writes a version of it, so a version stamped by anyone else is forged.
    if stamp.station != state.get("station_code"):
        raise EntryProblem("is stamped by another station than the one that owns the record")
    known = entry.get("known", [])
    if not isinstance(known, list) or not all(isinstance(k, str) for k in known):
        raise EntryProblem("has a version history that is not a list of time stamps")
    for stamp_text in known:
        _stamp(stamp_text)
    return IncomingChange(table, seq, row_id, op, hlc, base, typed_values(table, state), state, frozenset(known))


def typed_values(table: str, state: dict[str, Any]) -> dict[str, Any]:
    """Column values of the register's types. Errors name the field, never its value: refusal texts travel
    over the network and into logs, and a value may be a name or a CNIC (security review E11)."""
    converters = _converters(table)
    unknown = set(state) - set(converters)
    if unknown:
        raise EntryProblem("has a field this register does not have")
    values: dict[str, Any] = {}
    for name, (convert, nullable) in converters.items():
        raw = state.get(name)
        if raw is None:
            if not nullable:
                raise EntryProblem(f"has no value for the required field {name!r}")
            values[name] = None
            continue
        try:
            values[name] = convert(raw)
        except (TypeError, ValueError, OverflowError):
            raise EntryProblem(f"has a value of the wrong kind in the field {name!r}") from None
    return values


_Converter = tuple[Callable[[Any], Any], bool]
_CONVERTERS: dict[str, dict[str, _Converter]] = {}


def _converters(table: str) -> dict[str, _Converter]:
    if table not in _CONVERTERS:
        model_table: Table = register_models()[table].__table__  # type: ignore[attr-defined]
        _CONVERTERS[table] = {column.key: (_converter(column.type), bool(column.nullable)) for column in model_table.c}
    return _CONVERTERS[table]


def _converter(kind: Any) -> Callable[[Any], Any]:
    if isinstance(kind, UTCDateTime):
        return _utc
    if isinstance(kind, Date):
        return _date
    if isinstance(kind, Boolean):
        return _typed(bool)
    if isinstance(kind, Integer):
        return _integer
    if isinstance(kind, Float):
        return _number
    if isinstance(kind, String | Text):
        limit = getattr(kind, "length", None)
        return _text(limit)
    return lambda value: value  # JSON columns: any JSON value


def _utc(value: Any) -> dt.datetime:
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise EntryProblem("has a time without a time zone")
    return moment


def _date(value: Any) -> dt.date:
    return dt.date.fromisoformat(value)


def _typed(kind: type) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise EntryProblem(f"has a value of the wrong type ({type(value).__name__})")
        return value

    return check


def _integer(value: Any) -> int:
    if type(value) is not int:
        raise EntryProblem("has a non-integer where a number is required")
    return value


def _number(value: Any) -> float:
    if type(value) not in (int, float):
        raise EntryProblem("has a non-number where a number is required")
    return float(value)


def _text(limit: int | None) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str) or (limit is not None and len(value) > limit):
            raise EntryProblem("has text that is too long or not text")
        return value

    return check


# --- applying, inside the caller's transaction ----------------------------------------------------------------


def apply_entries(
    session: Session,
    changes: Sequence[IncomingChange],
    *,
    now: dt.datetime,
    protected: frozenset[str] = frozenset(),
    source: str = "import",
    foreign: str = "refuse",
    follow: bool = False,
) -> ApplyReport:
    """Merge `changes` (in order) into the registers; idempotent, so applying the same changes again is a no-op.

    `protected`: ids of rows with local changes the district has not acknowledged yet; an incoming version
    never overwrites them (it is held back, and arrives again with a later return bundle).
    `source`: how the change log records these changes ("import"; "recovered" for a station's own rows that
    the district hands back after a restore). Neither is ever re-sent.
    `foreign`: what to do with a change to a row held here under another owner — the owner of an id never
    changes. "refuse" raises BundleRejected("owner") (the district: the sender tried it); "skip" leaves the
    row as it is and counts the change as refused (a station taking reference data from its district).
    `follow`: the changes are another station's rows as the district holds them (reference data at a station).
    The district has merged them already and logs each row's versions in stamp order, so a later stamp is taken
    as is and an earlier one is an old version arriving late (a late return, a watch-list window that skipped
    it): never a conflict here, where nobody could act on one.
    """
    report = ApplyReport()
    by_table: dict[str, list[IncomingChange]] = {}
    for change in changes:
        # A purge marker carries the tombstone: merged as the deletion it is, then the history is forgotten.
        merged = replace(change, op="delete") if change.op == PURGE else change
        by_table.setdefault(change.table, []).append(merged)
    highest: Hlc | None = None
    log_rows: list[dict[str, Any]] = []
    conflict_rows: list[dict[str, Any]] = []
    for table_name, table_changes in by_table.items():
        top = _apply_table(
            session, table_name, table_changes, now, protected, source, report, log_rows, conflict_rows, follow
        )
        if top is not None and (highest is None or top > highest):
            highest = top
    if report.foreign and foreign == "refuse":
        raise _foreign_refusal(report.foreign)
    if log_rows:
        session.execute(insert(ChangeLogEntry.__table__), log_rows)  # type: ignore[arg-type]
    if conflict_rows:
        session.execute(insert(Conflict.__table__), conflict_rows)  # type: ignore[arg-type]
    for change in changes:
        if change.op == PURGE and purge_from_marker(session, change.table, change.state, now, source):
            report.purged[change.table] += 1
            report.changed_ids.add(change.row_id)
    if highest is not None:
        _observe(session, highest)
    return report


def _apply_table(
    session: Session,
    table_name: str,
    changes: list[IncomingChange],
    now: dt.datetime,
    protected: frozenset[str],
    source: str,
    report: ApplyReport,
    log_rows: list[dict[str, Any]],
    conflict_rows: list[dict[str, Any]],
    follow: bool = False,
) -> Hlc | None:
    """Merge one register's changes; returns the highest stamp taken into account (for the store's clock)."""
    spec = spec_for(table_name)
    table: Table = spec.model.__table__  # type: ignore[attr-defined]
    ids = sorted({c.row_id for c in changes})
    current = _current_rows(session, table, ids)
    # An id is one record for good: one that this store knows in another register counts as another's row.
    current.update(_known_elsewhere(session, table_name, [i for i in ids if i not in current]))
    seen = _seen_versions(session, [i for i in ids if i in current])
    # Content of the versions held under the very stamp that arrives again: a stamp issued twice is two versions.
    held_states, lost_states = _contents(session, {c.row_id: c.hlc for c in changes if _same_stamp(current, c)})
    existed = set(current)
    final: dict[str, IncomingChange] = {}
    highest: str | None = None
    for change in changes:
        held = current.get(change.row_id)
        if held is not None and held[2] != change.state.get("station_code"):
            # Checked against the row already held, not only the incoming one (security review finding 2).
            report.foreign.append((table_name, held[2]))
            report.refused[table_name] += 1
            continue
        highest = change.hlc if highest is None or change.hlc > highest else highest
        same = _same_stamp(current, change)
        earlier = held_states.get(change.row_id) if same else None
        differs = earlier is not None and not same_content(earlier, change.state)
        if differs and any(
            same_content(lost, change.state) for lost in lost_states.get((change.row_id, change.hlc), [])
        ):
            report.unchanged[table_name] += 1  # the version that lost under this stamp, met again
            continue
        local = (
            None
            if held is None
            else RowState(
                held[0],
                held[1],
                frozenset(seen.get(change.row_id, ())),
                content_hash(earlier) if differs and earlier is not None else None,
            )
        )
        incoming = content_hash(change.state) if differs else None
        decision = decide(local, Change(change.hlc, change.base_hlc, change.deleted, incoming))
        if local is not None:
            decision = _with_history(decision, local, change, follow)
        if decision.writes and change.row_id in protected and held is not None:
            report.held_back[table_name] += 1
            continue
        if not decision.writes and not decision.conflict:
            report.unchanged[table_name] += 1
            continue
        seen.setdefault(change.row_id, set()).update({change.hlc, *(() if held is None else (held[0],))})
        if decision.conflict and differs and earlier is not None:
            loser = change.state if decision.action is Action.KEEP_LOCAL else earlier
            lost_states.setdefault((change.row_id, change.hlc), []).append(loser)
        if decision.writes:
            held_states[change.row_id] = change.state
        if decision.conflict:
            report.conflicts[table_name] += 1
            row = _conflict_row(session, table, change, held, decision, now, final)
            if differs and decision.action is Action.TAKE_INCOMING and change.row_id not in final:
                row["lost_state"] = earlier  # as it was logged
            conflict_rows.append(row)
        if not decision.writes:
            continue
        _count(report, table_name, decision, change, held)
        current[change.row_id] = (change.hlc, change.deleted, str(change.state.get("station_code")))
        final[change.row_id] = change
        report.changed_ids.add(change.row_id)
        log_rows.append(
            {
                "table_name": table_name,
                "row_id": change.row_id,
                "op": change.op,
                "hlc": change.hlc,
                "base_hlc": change.base_hlc,
                "origin_station": str(change.state.get("station_code")),
                "source": source,
                "at": now,
                "state": change.state,
            }
        )
    _keep_columns_the_sender_lacks(session, table, {i: c for i, c in final.items() if i in existed})
    kept_apart = _keep_unique_apart(session, spec, final)
    report.kept_apart[table_name] += kept_apart
    new_rows = [c.values for i, c in final.items() if i not in existed]
    old_rows = [c.values for i, c in final.items() if i in existed]
    if new_rows:
        session.execute(insert(table), new_rows)
        search.index_rows(session, spec, new_rows, replace=False)
    if old_rows:
        columns = [c.key for c in table.c if c.key != "id"]
        session.execute(
            update(table).where(table.c.id == bindparam("_id")).values({k: bindparam(f"v_{k}") for k in columns}),
            [{"_id": row["id"], **{f"v_{k}": row[k] for k in columns}} for row in old_rows],
        )
        search.index_rows(session, spec, old_rows, replace=True)
    return None if highest is None else Hlc.parse(highest)


def _with_history(decision: Decision, local: RowState, change: IncomingChange, follow: bool) -> Decision:
    """The merge rule told what the incoming change alone cannot: which versions came before it elsewhere."""
    if follow and decision.action not in (Action.IGNORE_DUPLICATE, Action.IGNORE_STALE):
        # A stamp issued twice: the version the rule keeps everywhere, without a conflict here either.
        later = change.hlc > local.hlc or (change.hlc == local.hlc and decision.writes)
        return Decision(Action.FAST_FORWARD) if later else Decision(Action.IGNORE_STALE)
    if decision.conflict and local.hlc in change.known and change.hlc > local.hlc:
        # The district's version descends from the one held here (a recovery after a restore): not concurrent.
        return Decision(Action.FAST_FORWARD)
    return decision


def _keep_columns_the_sender_lacks(session: Session, table: Table, changes: dict[str, IncomingChange]) -> None:
    """A version from a sender whose schema has not got a column yet (a station not yet at revision 0010 has no
    case numbers) leaves the held row's value of that column as it is, instead of blanking it."""
    lacking = {i: [col.key for col in table.c if col.key not in c.state] for i, c in changes.items()}
    ids = sorted(i for i, keys in lacking.items() if keys)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for row in session.execute(select(table).where(table.c.id.in_(chunk))).mappings():
            for key in lacking[row["id"]]:
                changes[row["id"]].values[key] = row[key]


def _keep_unique_apart(session: Session, spec: RegisterSpec, final: dict[str, IncomingChange]) -> int:
    """A unique value (a case number) that another row here already holds, or that two incoming rows share,
    is kept apart instead of refusing the bundle: the later-created row of the two (then the higher id) gets
    its id appended. It happens only when a station restored on a new PC gave a number again before the
    district's copy came back (services/case_numbers.py). The rule looks only at the two rows, so the district
    and the station arrive at the same numbers whichever of the two each held first. Returns how many rows
    were changed."""
    table: Table = spec.model.__table__  # type: ignore[attr-defined]
    changed = 0
    for column in table.c:
        if not column.unique or column.key == "id" or not isinstance(column.type, String):
            continue
        values = sorted({c.values[column.key] for c in final.values() if c.values.get(column.key)})
        holders: dict[str, tuple[str, str]] = {}  # value -> (created_at, id) of the row here that holds it
        for start in range(0, len(values), _CHUNK):
            chunk = values[start : start + _CHUNK]
            stmt = select(table.c.id, table.c.created_at, column).where(column.in_(chunk))
            for row_id, created, value in session.execute(stmt):
                if row_id not in final:
                    holders[value] = (_created_key(created), row_id)
        in_order = sorted(final.items(), key=lambda item: (_created_key(item[1].values.get("created_at")), item[0]))
        for row_id, change in in_order:
            value = change.values.get(column.key)
            if not value:
                continue
            holder = holders.get(value)
            mine = (_created_key(change.values.get("created_at")), row_id)
            if holder is None:
                holders[value] = mine
                continue
            changed += 1
            if holder < mine:
                change.values[column.key] = clash_suffix(value, row_id)
                holders[change.values[column.key]] = mine
            else:
                # The row held here is the later one: it gives way (same version, so digests still agree).
                later = clash_suffix(value, holder[1])
                session.execute(update(table).where(table.c.id == holder[1]).values({column.key: later}))
                renamed = session.execute(select(table).where(table.c.id == holder[1])).mappings().one()
                search.index_rows(session, spec, [dict(renamed)], replace=True)
                holders[later] = holder
                holders[value] = mine
    return changed


def _created_key(created: Any) -> str:
    if isinstance(created, dt.datetime):
        return created.astimezone(dt.UTC).isoformat() if created.tzinfo else created.isoformat() + "+00:00"
    return str(created or "")


def _count(report: ApplyReport, table: str, decision: Decision, change: IncomingChange, held: Any) -> None:
    if decision.action is Action.INSERT:
        (report.deleted if change.deleted else report.created)[table] += 1
    elif decision.action is Action.UNDELETE or (held is not None and held[1] and not change.deleted):
        report.undeleted[table] += 1
    elif change.deleted and (held is None or not held[1]):
        report.deleted[table] += 1
    else:
        report.updated[table] += 1


def _conflict_row(
    session: Session,
    table: Table,
    change: IncomingChange,
    held: Held | None,
    decision: Decision,
    now: dt.datetime,
    final: dict[str, IncomingChange],
) -> dict[str, Any]:
    assert held is not None
    if decision.action is Action.KEEP_LOCAL:
        kept, lost_hlc, lost_state = held[0], change.hlc, change.state
        lost_origin = str(change.state.get("station_code"))
    else:
        # The local version loses: keep its full state (as JSON) before it is overwritten.
        earlier = final.get(change.row_id)
        lost_state = earlier.state if earlier is not None else _row_state(session, table, change.row_id)
        kept, lost_hlc = change.hlc, held[0]
        lost_origin = str(lost_state.get("station_code"))
    return {
        "table_name": table.name,
        "row_id": change.row_id,
        "kept_hlc": kept,
        "lost_hlc": lost_hlc,
        "lost_origin": lost_origin,
        "lost_state": lost_state,
        "reason": decision.reason[:200],
        "detected_at": now,
        "resolved_at": None,
        "resolved_by": None,
    }


def _row_state(session: Session, table: Table, row_id: str) -> dict[str, Any]:
    row = session.execute(select(table).where(table.c.id == row_id)).mappings().one()
    return {
        k: (
            v.astimezone(dt.UTC).isoformat()
            if isinstance(v, dt.datetime)
            else v.isoformat()
            if isinstance(v, dt.date)
            else v
        )
        for k, v in row.items()
    }


Held = tuple[str, bool, str]  # (hlc, deleted, owning station)


def _current_rows(session: Session, table: Table, ids: list[str]) -> dict[str, Held]:
    found: dict[str, Held] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for row_id, hlc, deleted_at, owner in session.execute(
            select(table.c.id, table.c.hlc, table.c.deleted_at, table.c.station_code).where(table.c.id.in_(chunk))
        ):
            found[row_id] = (hlc, deleted_at is not None, owner)
    return found


def _known_elsewhere(session: Session, table_name: str, ids: list[str]) -> dict[str, Held]:
    """Ids this store's change log has under another register (every row written here or taken is logged)."""
    log = ChangeLogEntry.__table__
    found: dict[str, Held] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        stmt = select(log.c.row_id, log.c.hlc, log.c.origin_station, log.c.table_name).where(
            log.c.row_id.in_(chunk), log.c.table_name != table_name
        )
        for row_id, hlc, origin, other in session.execute(stmt):
            found[row_id] = (hlc, False, f"{origin} ({other})")
    return found


_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}( \([a-z_]{1,64}\))?")  # a code, or "code (register)"


def _foreign_refusal(foreign: list[tuple[str, str]]) -> BundleRejected:
    # Codes only: a claimed owner that is not even a code is a field value the sender made up; never echo it.
    owners = ", ".join(sorted({owner if _CODE.fullmatch(owner) else "another station" for _table, owner in foreign}))
    registers = ", ".join(sorted({table for table, _owner in foreign}))
    return BundleRejected(
        "owner",
        f"This bundle would change {len(foreign)} record(s) that belong to {owners} ({registers}). A station may "
        "change only its own records. Nothing was imported. Report it to district IT: the sending station's data "
        "may have been tampered with.",
    )


def content_hash(state: dict[str, Any]) -> str:
    """A version's content, to order two versions under one stamp the same way on every store."""
    text = json.dumps(state, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def same_content(one: dict[str, Any], other: dict[str, Any]) -> bool:
    """Whether two states are one version: equal in every field both have (a version logged before a migration
    added a column travels later with that column filled in, and is still the same version)."""
    return all(one[key] == other[key] for key in one.keys() & other.keys())


def _same_stamp(current: dict[str, Held], change: IncomingChange) -> bool:
    held = current.get(change.row_id)
    return held is not None and held[0] == change.hlc


def _contents(
    session: Session, stamps: dict[str, str]
) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str], list[dict[str, Any]]]]:
    """For rows held under the given stamps: the held version as logged (its newest log entry under that stamp),
    and the versions under that stamp that lost here."""
    held: dict[str, dict[str, Any]] = {}
    lost: dict[tuple[str, str], list[dict[str, Any]]] = {}
    log, losers = ChangeLogEntry.__table__, Conflict.__table__
    ids = sorted(stamps)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows = session.execute(
            select(log.c.row_id, log.c.hlc, log.c.state).where(log.c.row_id.in_(chunk)).order_by(log.c.seq)
        )
        for row_id, hlc, state in rows:
            if stamps[row_id] == hlc:
                held[row_id] = state
        for row_id, hlc, state in session.execute(
            select(losers.c.row_id, losers.c.lost_hlc, losers.c.lost_state).where(losers.c.row_id.in_(chunk))
        ):
            if stamps[row_id] == hlc:
                lost.setdefault((row_id, hlc), []).append(state)
    return held, lost


def _seen_versions(session: Session, ids: list[str]) -> dict[str, set[str]]:
    """Stamps of versions each row had here before (change log), or that lost here (conflicts)."""
    seen: dict[str, set[str]] = {}
    log, lost = ChangeLogEntry.__table__, Conflict.__table__
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for row_id, hlc in session.execute(select(log.c.row_id, log.c.hlc).where(log.c.row_id.in_(chunk))):
            seen.setdefault(row_id, set()).add(hlc)
        for row_id, hlc in session.execute(select(lost.c.row_id, lost.c.lost_hlc).where(lost.c.row_id.in_(chunk))):
            seen.setdefault(row_id, set()).add(hlc)
    return seen


def _observe(session: Session, highest: Hlc) -> None:
    info = session.get(StationInfo, 1)
    assert info is not None
    last = Hlc.parse(info.last_hlc) if info.last_hlc else None
    folded = observe(last, highest)
    if folded != last:
        info.last_hlc = folded.encode()
