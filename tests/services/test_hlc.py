"""The hybrid logical clock: totally ordered stamps that never run backwards, and a flag for a bad PC clock."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.services.clock import FakeClock
from desktop_app.services.hlc import CLOCK_BEHIND_TOLERANCE_MS, Hlc, observe, tick
from desktop_app.services.records import Records


@pytest.mark.parametrize(
    ("last", "wall", "expected", "behind"),
    [
        (None, 1000, Hlc(1000, 0, "A"), 0),
        (Hlc(1000, 0, "A"), 2000, Hlc(2000, 0, "A"), 0),
        (Hlc(1000, 3, "A"), 1000, Hlc(1000, 4, "A"), 0),
        (Hlc(5000, 0, "B"), 1000, Hlc(5000, 1, "A"), 4000),
    ],
)
def test_tick_table(last: Hlc | None, wall: int, expected: Hlc, behind: int) -> None:
    result = tick(last, wall, "A")
    assert (result.stamp, result.clock_behind_ms) == (expected, behind)


@given(st.lists(st.integers(0, 10**13 - 1), min_size=1, max_size=50))
def test_stamps_only_increase_whatever_the_wall_clock_does(walls: list[int]) -> None:
    last = None
    encoded: list[str] = []
    for wall in walls:
        last = tick(last, wall, "MBD-PHALIA").stamp
        encoded.append(last.encode())
    assert encoded == sorted(encoded) and len(set(encoded)) == len(encoded)
    assert all(Hlc.parse(text) == Hlc.parse(text) for text in encoded)


def test_observe_keeps_the_later_stamp() -> None:
    mine, theirs = Hlc(1000, 0, "A"), Hlc(2000, 5, "B")
    assert observe(mine, theirs) == theirs and observe(theirs, mine) == theirs


def test_dead_cmos_battery_is_flagged_and_order_kept(records: Records, clock: FakeClock) -> None:
    first = records.create("persons", {"name": "Before", "role": "agent"})
    assert not first.clock_suspect
    clock.set(dt.datetime(2001, 1, 1, tzinfo=dt.UTC))  # the PC lost its date in a power cut
    second = records.create("persons", {"name": "After", "role": "agent"})
    assert second.clock_suspect
    a, b = records.get("persons", first.first_id), records.get("persons", second.first_id)
    assert b["hlc"] > a["hlc"] and b["created_at"] >= a["created_at"]


def test_small_clock_corrections_are_not_flagged(records: Records, clock: FakeClock) -> None:
    records.create("persons", {"name": "Before", "role": "agent"})
    clock.advance(milliseconds=-(CLOCK_BEHIND_TOLERANCE_MS // 2))
    assert not records.create("persons", {"name": "After", "role": "agent"}).clock_suspect
