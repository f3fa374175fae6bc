"""Purging deleted records: after the district's retention period, a deleted record's history forgets whom it
was about — in this store's change log, conflicts and drafts — and a purge marker carries that to the district,
which does the same and passes it on to every station holding a reference copy.

The SHO approves a purge (it runs only when asked, and only for records deleted longer ago than the retention
period the district sets). What stays is the tombstone (services/tombstones.py) in every version, so sync keeps
working: deletions still win, digests still match, nothing comes back.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from desktop_app.errors import ValidationError
from desktop_app.models.changelog import ChangeLogEntry, Conflict
from desktop_app.models.drafts import Draft
from desktop_app.models.station import StationInfo
from desktop_app.services import audit, permissions
from desktop_app.services.context import Context
from desktop_app.services.records import json_state
from desktop_app.services.registry import RegisterSpec, load_all, spec_for
from desktop_app.services.tombstones import tombstone

RETENTION_KEY = "tombstone_retention_days"
MIN_RETENTION_DAYS, MAX_RETENTION_DAYS = 30, 100 * 365
PURGE = "purge"  # the change-log operation of a purge marker


@dataclass(frozen=True)
class PurgeReport:
    purged: dict[str, int]  # register → records whose history was forgotten
    waiting: int  # deleted records still inside the retention period
    retention_days: int


def set_retention(ctx: Context, days: int) -> None:
    """District in-charge: how long deleted records keep their history; every station learns it at its next sync."""
    permissions.require(ctx, permissions.MANAGE_USERS)
    if not ctx.station.is_district:
        raise ValidationError({"retention": "the district sets the retention period; stations learn it when they sync"})
    if not MIN_RETENTION_DAYS <= days <= MAX_RETENTION_DAYS:
        raise ValidationError({"retention": f"choose between {MIN_RETENTION_DAYS} and {MAX_RETENTION_DAYS} days"})
    with ctx.store.transaction() as session:
        _store_retention(session, days)
        audit.append_many(session, ctx, [("retention", None, None, f"{days} days")])


def retention_days(session: Session) -> int | None:
    info = session.get(StationInfo, 1)
    days = (info.settings or {}).get(RETENTION_KEY) if info is not None else None
    return days if isinstance(days, int) and MIN_RETENTION_DAYS <= days <= MAX_RETENTION_DAYS else None


def take_retention(session: Session, days: object) -> None:
    """Station: the period from the district's return bundle (anything out of bounds is ignored)."""
    if isinstance(days, int) and MIN_RETENTION_DAYS <= days <= MAX_RETENTION_DAYS and days != retention_days(session):
        _store_retention(session, days)


def _store_retention(session: Session, days: int) -> None:
    info = session.get(StationInfo, 1)
    assert info is not None, "store has no station_info row"
    info.settings = {**(info.settings or {}), RETENTION_KEY: days}


def purge_deleted(ctx: Context, *, dry_run: bool = False) -> PurgeReport:
    """Forget the history of this store's own records deleted longer ago than the retention period (SHO only)."""
    permissions.require(ctx, permissions.DELETE)
    with ctx.store.transaction() as session:
        days = retention_days(session)
        if days is None:
            raise ValidationError(
                {
                    "retention": "the district has not set how long deleted records are kept; ask district IT to set "
                    "it ('ahtc district retention'), then sync"
                }
            )
        cutoff = ctx.clock.now() - dt.timedelta(days=days)
        purged: Counter[str] = Counter()
        waiting = 0
        items: list[audit.AuditItem] = []
        for spec in load_all().values():
            table: Table = spec.model.__table__  # type: ignore[attr-defined]
            own_deleted = select(table).where(
                table.c.station_code == ctx.station.station_code, table.c.deleted_at.is_not(None)
            )
            for row in session.execute(own_deleted).mappings():
                if already_purged(session, row["id"], row["hlc"]):
                    continue
                if row["deleted_at"] > cutoff:
                    waiting += 1
                    continue
                state = json_state(tombstone(spec, dict(row)))
                forget_history(session, spec, row["id"])
                log_marker(session, spec, state, ctx.clock.now(), source="local")
                purged[spec.name] += 1
                items.append(("purge", spec.name, row["id"], None))
        if items:
            audit.append_many(session, ctx, items)
        report = PurgeReport(dict(purged), waiting, days)
        if dry_run:
            session.rollback()
        return report


def already_purged(session: Session, row_id: str, hlc: str) -> bool:
    log = ChangeLogEntry.__table__
    return (
        session.scalar(select(log.c.seq).where(log.c.row_id == row_id, log.c.op == PURGE, log.c.hlc == hlc).limit(1))
        is not None
    )


def forget_history(session: Session, spec: RegisterSpec, row_id: str) -> None:
    """Every version of the record in the change log and the conflicts table reduced to its tombstone; its
    drafts (anyone's) removed. The row itself is already a tombstone."""
    versions = select(ChangeLogEntry.seq, ChangeLogEntry.state).where(ChangeLogEntry.row_id == row_id)
    for seq, state in session.execute(versions).all():
        session.execute(
            update(ChangeLogEntry).where(ChangeLogEntry.seq == seq).values(state=tombstone(spec, dict(state)))
        )
    lost = select(Conflict.id, Conflict.lost_state).where(Conflict.row_id == row_id)
    for conflict_id, state in session.execute(lost).all():
        session.execute(
            update(Conflict).where(Conflict.id == conflict_id).values(lost_state=tombstone(spec, dict(state)))
        )
    session.execute(delete(Draft).where(Draft.form_key == f"{spec.name}:{row_id}"))


def log_marker(session: Session, spec: RegisterSpec, state: dict[str, Any], at: dt.datetime, *, source: str) -> None:
    """The purge marker: sent with the next bundle (source "local"), or passed on as reference ("import")."""
    session.execute(
        insert(ChangeLogEntry.__table__),  # type: ignore[arg-type]
        [
            {
                "table_name": spec.table,
                "row_id": state["id"],
                "op": PURGE,
                "hlc": state["hlc"],
                "base_hlc": state["hlc"],
                "origin_station": state["station_code"],
                "source": source,
                "at": at,
                "state": state,
            }
        ],
    )


def purge_from_marker(session: Session, table_name: str, state: dict[str, Any], at: dt.datetime, source: str) -> bool:
    """Apply a purge marker that arrived in a bundle, once its tombstone is the row here; True if applied."""
    spec = spec_for(table_name)
    table: Table = spec.model.__table__  # type: ignore[attr-defined]
    held = session.execute(
        select(table.c.hlc, table.c.deleted_at, table.c.station_code).where(table.c.id == state["id"])
    ).first()
    if (
        held is None
        or held.deleted_at is None
        or held.hlc != state["hlc"]
        or held.station_code != state["station_code"]
    ):
        return False
    if already_purged(session, state["id"], state["hlc"]):
        return False
    forget_history(session, spec, state["id"])
    log_marker(session, spec, json_state(tombstone(spec, state)), at, source=source)
    return True
