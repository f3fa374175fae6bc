"""Auto-lock on session lock, sleep and battery: the decision table, and the filter fed a synthetic message."""

from __future__ import annotations

import ctypes

import pytest

from desktop_app.views.power_events import (
    MSG,
    PBT_APMPOWERSTATUSCHANGE,
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    PowerEventFilter,
    should_lock,
)

WTS_SESSION_UNLOCK = 0x8
WTS_CONSOLE_DISCONNECT = 0x2
PBT_APMRESUMEAUTOMATIC = 0x12
WM_KEYDOWN = 0x0100


@pytest.mark.parametrize(
    ("message", "wparam", "on_battery", "locks"),
    [
        (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, None, True),
        (WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK, None, False),
        (WM_WTSSESSION_CHANGE, WTS_CONSOLE_DISCONNECT, None, False),
        (WM_POWERBROADCAST, PBT_APMSUSPEND, None, True),
        (WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC, None, False),
        (WM_POWERBROADCAST, PBT_APMPOWERSTATUSCHANGE, True, True),
        (WM_POWERBROADCAST, PBT_APMPOWERSTATUSCHANGE, False, False),
        (WM_POWERBROADCAST, PBT_APMPOWERSTATUSCHANGE, None, False),
        (WM_KEYDOWN, WTS_SESSION_LOCK, True, False),
    ],
)
def test_which_events_lock(message: int, wparam: int, on_battery: bool | None, locks: bool) -> None:
    assert should_lock(message, wparam, lambda: on_battery) is locks


def test_power_status_is_read_only_for_a_power_change() -> None:
    asked: list[int] = []

    def battery() -> bool:
        asked.append(1)
        return True

    should_lock(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, battery)
    should_lock(WM_POWERBROADCAST, PBT_APMSUSPEND, battery)
    assert asked == []


def _feed(event_filter: PowerEventFilter, message: int, wparam: int, kind: bytes = b"windows_generic_MSG") -> None:
    msg = MSG(hwnd=None, message=message, wParam=wparam, lParam=0, time=0, pt_x=0, pt_y=0)
    assert event_filter.nativeEventFilter(kind, ctypes.addressof(msg)) == (False, 0)


def test_the_filter_locks_on_a_session_lock_message(qtbot) -> None:
    locked: list[str] = []
    event_filter = PowerEventFilter(lambda: locked.append("lock"), on_battery=lambda: None)

    _feed(event_filter, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)

    qtbot.waitUntil(lambda: locked == ["lock"], timeout=2000)
    assert event_filter.locked_by == WM_WTSSESSION_CHANGE


def test_the_filter_locks_when_the_power_drops_to_battery(qtbot) -> None:
    locked: list[str] = []
    event_filter = PowerEventFilter(lambda: locked.append("lock"), on_battery=lambda: True)

    _feed(event_filter, WM_POWERBROADCAST, PBT_APMPOWERSTATUSCHANGE)

    qtbot.waitUntil(lambda: locked == ["lock"], timeout=2000)


def test_the_filter_ignores_other_messages_and_other_platforms(qtbot) -> None:
    locked: list[str] = []
    event_filter = PowerEventFilter(lambda: locked.append("lock"), on_battery=lambda: False)

    _feed(event_filter, WM_POWERBROADCAST, PBT_APMPOWERSTATUSCHANGE)
    _feed(event_filter, WM_KEYDOWN, 0)
    _feed(event_filter, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, kind=b"xcb_generic_event_t")
    qtbot.wait(50)

    assert locked == []
