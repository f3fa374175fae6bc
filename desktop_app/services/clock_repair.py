"""`ahtc repair-clock`: make a store whose clock was pushed into the future write sane stamps again.

A store's clock never runs backwards, so versions stamped while the PC's date was years ahead (or a stamp
taken in from such a PC before stamps were bounded) keep every later stamp in the future, and the district
refuses them. Repair, in one transaction: restart the clock from the newest stamp that is not in the future;
give each of this store's own records stamped in the future a new version with the same content and a fresh
stamp, based on the version the district holds (so it fast-forwards there); and stop sending the future
versions the district has not taken. Records of other stations are left alone: their owners repair them,
and the repaired versions arrive by the ordinary sync.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from desktop_app.models.changelog import ChangeLogEntry
from desktop_app.models.station import StationInfo
from desktop_app.models.sync_state import DistrictAck
from desktop_app.services import permissions, stamps
from desktop_app.services.clock_bounds import too_late_floor
from desktop_app.services.context import Context
from desktop_app.services.hlc import Hlc
from desktop_app.services.records import WriteTx
from desktop_app.services.registry import load_all

# Own versions as the change log records them: written here, or handed back by the district after a restore.
_OWN_SOURCES = ("local", "recovered")
SUPERSEDED = "clock-repaired"  # a change-log source never sent: replaced by a re-stamped version


@dataclass(frozen=True)
class ClockRepair:
    clock_was: str | None
    clock_now: str | None
    restamped: dict[str, int]  # register → own records given a new version
    withdrawn: int  # future versions not sent to the district after all
    others_ahead: int  # records of other stations still stamped in the future here

    def lines(self) -> list[str]:
        out = [f"Clock of this store: was {self.clock_was or 'unset'}, now {self.clock_now or 'unset'}."]
        restamped = ", ".join(f"{name} {n}" for name, n in sorted(self.restamped.items())) or "none"
        out.append(f"Records of this store re-stamped: {restamped}; future versions withdrawn: {self.withdrawn}.")
        if self.others_ahead:
            out.append(
                f"{self.others_ahead} record(s) of other stations still carry future stamps here; they are put right "
                "when those stations run 'ahtc repair-clock' and sync."
            )
        return out


def repair_clock(ctx: Context, *, dry_run: bool = False) -> ClockRepair:
    """Repair this store's clock (SHO only); `dry_run` reports what would change and changes nothing."""
    permissions.require(ctx, permissions.MANAGE_USERS)
    with ctx.store.transaction() as session:
        now = ctx.clock.now()
        floor = too_late_floor(session, now)
        info = session.get(StationInfo, 1)
        assert info is not None, "store has no station_info row"
        clock_was = info.last_hlc
        log = ChangeLogEntry.__table__
        info.last_hlc = session.scalar(select(func.max(log.c.hlc)).where(log.c.hlc < floor))
        session.flush()
        acked = _acknowledged_seq(session, ctx)
        tx = WriteTx(ctx, session)
        restamped: Counter[str] = Counter()
        withdrawn = others = 0
        for spec in load_all().values():
            table: Table = spec.model.__table__  # type: ignore[attr-defined]
            ahead = [dict(row) for row in session.execute(select(table).where(table.c.hlc >= floor)).mappings()]
            for current in ahead:
                if current["station_code"] != ctx.station.station_code:
                    others += 1
                    continue
                withdrawn += _withdraw_unsent(session, current["id"], acked, floor)
                base = current["hlc"] if ctx.station.is_district else _district_holds(session, current["id"], acked)
                tx.restamp_row(spec, current, base)
                restamped[spec.name] += 1
        tx.audit([("repair-clock", None, None, f"re-stamped {sum(restamped.values())}, withdrawn {withdrawn}")])
        tx.finish()
        result = ClockRepair(clock_was, _last_hlc(session), dict(restamped), withdrawn, others)
        if dry_run:
            session.rollback()
        else:
            last = _last_hlc(session)
            if last is not None:
                # The reservation was made from the wrong clock: start it again from the repaired last stamp.
                stamps.reserve(ctx, Hlc.parse(last), again=True)
        return result


def _acknowledged_seq(session: Session, ctx: Context) -> int:
    if ctx.station.is_district:
        return 0
    ack = session.scalar(select(DistrictAck).where(DistrictAck.store_id == ctx.station.store_id).limit(1))
    return 0 if ack is None else ack.acked_seq


def _district_holds(session: Session, row_id: str, acked: int) -> str | None:
    """The stamp of the newest own version of a row the district has acknowledged (None: it holds none)."""
    log = ChangeLogEntry.__table__
    return session.scalar(
        select(log.c.hlc)
        .where(log.c.row_id == row_id, log.c.source.in_(_OWN_SOURCES), log.c.seq <= acked)
        .order_by(log.c.seq.desc())
        .limit(1)
    )


def _withdraw_unsent(session: Session, row_id: str, acked: int, floor: str) -> int:
    unsent = (
        ChangeLogEntry.row_id == row_id,
        ChangeLogEntry.source == "local",
        ChangeLogEntry.seq > acked,
        ChangeLogEntry.hlc >= floor,
    )
    count = int(session.scalar(select(func.count()).select_from(ChangeLogEntry).where(*unsent)) or 0)
    session.execute(update(ChangeLogEntry).where(*unsent).values(source=SUPERSEDED))
    return count


def _last_hlc(session: Session) -> str | None:
    return session.scalar(select(StationInfo.last_hlc).where(StationInfo.id == 1))
