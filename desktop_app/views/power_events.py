"""Lock the app when the Windows session locks, the machine goes to sleep, or the power drops to battery.

A shared station desktop left unlocked behind a locked Windows session, or a laptop carried away on battery
during load-shedding, must not leave the register open. `should_lock` is the whole decision (a pure function
with a table test); `PowerEventFilter` only reads Windows messages and calls it. Elsewhere Qt tells us only
that the application is suspended, and that is what we listen to.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4
PBT_APMPOWERSTATUSCHANGE = 0xA
NOTIFY_FOR_THIS_SESSION = 0
WINDOWS_MESSAGE_TYPES = (b"windows_generic_MSG", b"windows_dispatcher_MSG")


def should_lock(message: int, wparam: int, on_battery: Callable[[], bool | None] = lambda: None) -> bool:
    """Does this Windows message mean the register must lock now?

    `on_battery` is asked only for a power-status change (it reads GetSystemPowerStatus); None means the
    machine could not tell, and an unknown power state does not lock (a desktop on a UPS reports oddly).
    """
    if message == WM_WTSSESSION_CHANGE:
        return wparam == WTS_SESSION_LOCK
    if message == WM_POWERBROADCAST:
        if wparam == PBT_APMSUSPEND:
            return True
        if wparam == PBT_APMPOWERSTATUSCHANGE:
            return on_battery() is True
    return False


class MSG(ctypes.Structure):
    """Windows' MSG, as Qt hands it to a native event filter."""

    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", ctypes.c_uint32),
        ("pt_x", ctypes.c_long),
        ("pt_y", ctypes.c_long),
    ]


class _SystemPowerStatus(ctypes.Structure):
    _fields_ = [
        ("ACLineStatus", ctypes.c_ubyte),
        ("BatteryFlag", ctypes.c_ubyte),
        ("BatteryLifePercent", ctypes.c_ubyte),
        ("SystemStatusFlag", ctypes.c_ubyte),
        ("BatteryLifeTime", ctypes.c_uint32),
        ("BatteryFullLifeTime", ctypes.c_uint32),
    ]


def windows_on_battery() -> bool | None:
    """True when Windows says the AC line is off (ACLineStatus 0); None when it cannot say."""
    if sys.platform != "win32":
        return None
    status = _SystemPowerStatus()
    if not ctypes.windll.kernel32.GetSystemPowerStatus(ctypes.byref(status)):  # type: ignore[attr-defined]
        return None
    return {0: True, 1: False}.get(status.ACLineStatus)


class PowerEventFilter(QAbstractNativeEventFilter):
    """Reads session and power messages; asks `should_lock`; calls `lock` (later, outside the native call)."""

    def __init__(self, lock: Callable[[], None], on_battery: Callable[[], bool | None] = windows_on_battery) -> None:
        super().__init__()
        self.lock, self.on_battery = lock, on_battery
        self.locked_by: int | None = None  # the message that last triggered a lock (for the log and tests)

    def nativeEventFilter(self, event_type: Any, message: Any) -> tuple[bool, int]:
        if bytes(event_type) not in WINDOWS_MESSAGE_TYPES or not message:
            return False, 0
        msg = MSG.from_address(int(message))
        if should_lock(msg.message, msg.wParam, self.on_battery):
            self.locked_by = msg.message
            # Locking closes windows; never do that inside the native dispatch itself.
            QTimer.singleShot(0, self.lock)
        return False, 0


class PowerLock(QObject):
    """Installs the right listener for this platform and removes it again when its window goes."""

    def __init__(self, window: Any, lock: Callable[[], None]) -> None:
        super().__init__(window)
        self.lock = lock
        self.filter: PowerEventFilter | None = None
        self._hwnd: int | None = None
        app = QGuiApplication.instance()
        if app is None:
            return
        if sys.platform == "win32":
            self.filter = PowerEventFilter(lock)
            app.installNativeEventFilter(self.filter)
            self._hwnd = int(window.winId())
            # Without this registration Windows never sends WM_WTSSESSION_CHANGE to the window.
            ctypes.windll.wtsapi32.WTSRegisterSessionNotification(self._hwnd, NOTIFY_FOR_THIS_SESSION)  # type: ignore[attr-defined]
        else:
            app.applicationStateChanged.connect(self._state_changed)  # type: ignore[attr-defined]

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            QTimer.singleShot(0, self.lock)

    def uninstall(self) -> None:
        app = QGuiApplication.instance()
        if app is None:
            return
        if self.filter is not None:
            app.removeNativeEventFilter(self.filter)
            if self._hwnd is not None and sys.platform == "win32":
                ctypes.windll.wtsapi32.WTSUnRegisterSessionNotification(self._hwnd)  # type: ignore[attr-defined]
            self.filter = None
        else:
            with contextlib.suppress(RuntimeError, TypeError):
                app.applicationStateChanged.disconnect(self._state_changed)  # type: ignore[attr-defined]
