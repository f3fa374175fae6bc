"""Hybrid logical clock stamps: totally ordered, never running backwards even when the PC clock does.

A stamp is text `WWWWWWWWWWWWW.CCCCC.STATION` (wall milliseconds, a counter, the station code), fixed width,
so comparing the strings compares the stamps. When the wall clock reads far behind the last stamp (a dead
CMOS battery after a power cut resets the date), the stamp keeps counting from the last one and the write is
flagged so the user can be told to correct the PC's date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# How far behind the last stamp the wall clock may be before we say so (small steps are NTP corrections).
CLOCK_BEHIND_TOLERANCE_MS = 10 * 60 * 1000
_WALL_DIGITS = 13
_COUNTER_DIGITS = 5
MAX_COUNTER = 10**_COUNTER_DIGITS - 1
MAX_WALL_MS = 10**_WALL_DIGITS - 1


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    station: str

    def encode(self) -> str:
        if not (0 <= self.wall_ms <= MAX_WALL_MS and 0 <= self.counter <= MAX_COUNTER):
            raise ValueError("the PC's clock is set to a date AHTC Register cannot record; correct the date and time")
        return f"{self.wall_ms:0{_WALL_DIGITS}d}.{self.counter:0{_COUNTER_DIGITS}d}.{self.station}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        wall, counter, station = text.split(".", 2)
        if len(wall) != _WALL_DIGITS or len(counter) != _COUNTER_DIGITS or not (wall + counter).isdigit():
            raise ValueError("not a time stamp of AHTC Register")
        return cls(int(wall), int(counter), station)


@dataclass(frozen=True)
class Tick:
    stamp: Hlc
    clock_behind_ms: int  # > CLOCK_BEHIND_TOLERANCE_MS means the PC clock should not be trusted

    @property
    def clock_suspect(self) -> bool:
        return self.clock_behind_ms > CLOCK_BEHIND_TOLERANCE_MS


def tick(last: Hlc | None, wall_ms: int, station: str) -> Tick:
    """The stamp for a local event at wall time `wall_ms`, after the last stamp this store issued or saw."""
    if last is None or wall_ms > last.wall_ms:
        return Tick(Hlc(wall_ms, 0, station), 0)
    if last.counter >= MAX_COUNTER:
        # Carry into the wall part: a stamp one millisecond later still orders after every earlier one,
        # where a sixth counter digit would be a stamp no store can read (security review finding 1).
        return Tick(Hlc(last.wall_ms + 1, 0, station), last.wall_ms - wall_ms)
    return Tick(Hlc(last.wall_ms, last.counter + 1, station), last.wall_ms - wall_ms)


def wall_ms_of(moment: dt.datetime) -> int:
    return int(moment.timestamp() * 1000)


def stamp_floor(wall_ms: int) -> str:
    """The lowest stamp text with a wall time of at least `wall_ms`: every stamp later than that compares >=."""
    return f"{wall_ms:0{_WALL_DIGITS}d}"


def observe(last: Hlc | None, remote: Hlc) -> Hlc:
    """Fold a stamp received in a bundle into our clock, so our next local stamp orders after it."""
    if last is None or remote > last:
        return remote
    return last
