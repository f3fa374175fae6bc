"""Hybrid logical clock stamps: totally ordered, never running backwards even when the PC clock does.

A stamp is text `WWWWWWWWWWWWW.CCCCC.STATION` (wall milliseconds, a counter, the station code), fixed width,
so comparing the strings compares the stamps. When the wall clock reads far behind the last stamp (a dead
CMOS battery after a power cut resets the date), the stamp keeps counting from the last one and the write is
flagged so the user can be told to correct the PC's date.
"""

from __future__ import annotations

from dataclasses import dataclass

# How far behind the last stamp the wall clock may be before we say so (small steps are NTP corrections).
CLOCK_BEHIND_TOLERANCE_MS = 10 * 60 * 1000
_WALL_DIGITS = 13
_COUNTER_DIGITS = 5


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    station: str

    def encode(self) -> str:
        return f"{self.wall_ms:0{_WALL_DIGITS}d}.{self.counter:0{_COUNTER_DIGITS}d}.{self.station}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        wall, counter, station = text.split(".", 2)
        if len(wall) != _WALL_DIGITS or len(counter) != _COUNTER_DIGITS:
            raise ValueError(f"not an HLC stamp: {text!r}")
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
    return Tick(Hlc(last.wall_ms, last.counter + 1, station), last.wall_ms - wall_ms)


def observe(last: Hlc | None, remote: Hlc) -> Hlc:
    """Fold a stamp received in a bundle into our clock, so our next local stamp orders after it."""
    if last is None or remote > last:
        return remote
    return last
