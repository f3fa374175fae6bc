"""How far ahead of this PC's clock a time stamp may be, and what to tell an officer whose clock is wrong.

Stamps order every version in the district (services/hlc.py), and a store's clock never runs backwards, so one
stamp from the far future would become every store's clock for good. Incoming stamps are therefore bounded:
later than this PC's clock plus the allowed skew (a station setting, default one day) is refused.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.models.station import StationInfo
from desktop_app.services.hlc import Hlc, stamp_floor, wall_ms_of

DEFAULT_SKEW_HOURS = 24


def allowed_skew(session: Session) -> dt.timedelta:
    settings = session.scalar(select(StationInfo.settings).where(StationInfo.id == 1)) or {}
    hours = settings.get("max_clock_skew_hours", DEFAULT_SKEW_HOURS)
    return dt.timedelta(hours=hours if isinstance(hours, int) and hours > 0 else DEFAULT_SKEW_HOURS)


def too_late_floor(session: Session, now: dt.datetime) -> str:
    """Stamps that compare >= this text are further ahead of `now` than the allowed skew."""
    return stamp_floor(wall_ms_of(now + allowed_skew(session)) + 1)


def stamp_time(stamp: str) -> dt.datetime:
    return dt.datetime.fromtimestamp(Hlc.parse(stamp).wall_ms / 1000, dt.UTC)


def plain_time(moment: dt.datetime) -> str:
    """A date and time any officer reads the same way, in UTC (stamps are UTC; the PC's zone may be wrong)."""
    return moment.astimezone(dt.UTC).strftime("%d/%m/%Y %H:%M UTC")


def plain_span(delta: dt.timedelta) -> str:
    seconds = abs(delta.total_seconds())
    if seconds >= 2 * 86400:
        return f"{int(seconds // 86400)} days"
    if seconds >= 2 * 3600:
        return f"{int(seconds // 3600)} hours"
    return f"{max(1, int(seconds // 60))} minutes"
