"""Windows that fit the station PC: 1366×768 less the Windows taskbar (about 728 px), often less.

Every form and dialog asks for the size it would like and gets at most what the screen has; the main window
opens maximised on a short screen and remembers its size and place between runs.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# What the window manager adds around a window: the title bar above and a thin frame (Windows 10: about 31 px
# and 8 px; the app cannot know before the window is shown, so it keeps this much free).
TITLE_BAR = 32
FRAME = 8
# Below this height a main window opens maximised: a 1366×768 screen has about 728 px above the taskbar.
MAXIMISE_BELOW = 900


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen (else the primary screen) that windows may use: the taskbar excluded."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to (width, height) or less, so the window and its title bar stay on the screen; centre it."""
    area = available_geometry(widget)
    # A layout that needs more than asked for (a long row of buttons) gets it, as far as the screen allows.
    need = widget.minimumSizeHint()
    w = min(max(width, need.width()), area.width() - 2 * FRAME)
    h = min(max(height, need.height()), area.height() - TITLE_BAR - FRAME)
    widget.resize(w, h)
    widget.move(area.x() + (area.width() - w) // 2, area.y() + max(TITLE_BAR, (area.height() - h) // 2))


def _prefs() -> QSettings:
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "Punjab Police", "AHTC Register")


def show_main_window(window: QWidget) -> None:
    """Show the main window as it was left, else maximised on a short screen, else sized to the screen."""
    saved = _prefs().value("window/geometry")
    if saved is not None and window.restoreGeometry(saved):
        if _prefs().value("window/maximised", False) in (True, "true"):
            window.showMaximized()
        else:
            window.show()
        return
    area = available_geometry(window)
    if area.height() < MAXIMISE_BELOW:
        window.showMaximized()
        return
    fit_to_screen(window, 1280, 800)
    window.show()


def remember_main_window(window: QWidget) -> None:
    prefs = _prefs()
    prefs.setValue("window/geometry", window.saveGeometry())
    prefs.setValue("window/maximised", window.isMaximized())
