"""Time comes from one injected clock, so tests can advance a fake one and nothing reads the PC clock directly."""

from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo

PAKISTAN = ZoneInfo("Asia/Karachi")


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class FakeClock:
    """A clock that only moves when a test moves it (forwards or, to simulate a dead CMOS battery, backwards)."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self._now = start or dt.datetime(2026, 3, 1, 5, 0, tzinfo=dt.UTC)

    def now(self) -> dt.datetime:
        return self._now

    def advance(self, **delta: float) -> None:
        self._now += dt.timedelta(**delta)

    def set(self, when: dt.datetime) -> None:
        self._now = when


def local_today(clock: Clock) -> dt.date:
    """Today's date where the officers are, which is what 'not in the future' and 'overdue' mean."""
    return clock.now().astimezone(PAKISTAN).date()
