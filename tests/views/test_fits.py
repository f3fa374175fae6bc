"""Fits the station PC (ui-review.md, gui-trial.md): on 1366×768 less the Windows taskbar (728 px), every screen,
form and dialog stays on the screen and no button is cut off or pushed out of sight, in English and in Urdu."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QTabWidget, QWidget

from desktop_app.services.examples import create_examples
from desktop_app.services.records import Records
from desktop_app.services.registry import load_all
from desktop_app.views import fit, i18n
from desktop_app.views.admin import UserDialog
from desktop_app.views.editors import RefPicker
from desktop_app.views.form import RecordForm
from desktop_app.views.mainwindow import MainWindow
from desktop_app.views.print_case import PrintCaseDialog
from desktop_app.views.start import SetupDialog, StartDialog, UnlockDialog

SCREEN = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-px Windows taskbar
# A maximised main window on that screen: its title bar takes the top of it.
MAXIMISED = (1366, 728 - fit.TITLE_BAR)


@pytest.fixture(params=["en", "ur"])
def language(request, monkeypatch) -> Iterator[str]:
    monkeypatch.setattr(fit, "available_geometry", lambda _widget=None: QRect(SCREEN))
    i18n.set_language(request.param)
    yield request.param


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _in_scroll_or_hidden_tab(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            return True
        if isinstance(parent, QTabWidget) and not parent.currentWidget().isAncestorOf(widget):
            return True
        parent = parent.parentWidget()
    return False


def hidden_buttons(top: QWidget) -> list[str]:
    """Visible buttons (outside scroll areas, which scroll to them) that reach past the window's edges."""
    out = []
    area = top.rect()
    for button in top.findChildren(QAbstractButton):
        if not button.isVisibleTo(top) or _in_scroll_or_hidden_tab(button, top):
            continue
        rect = QRect(button.mapTo(top, button.rect().topLeft()), button.size())
        if not area.contains(rect):
            out.append(f"{button.text() or button.objectName()} at {rect.getRect()} in {area.getRect()}")
    return out


def assert_fits(window: QWidget, what: str, placed: bool = True) -> None:
    """Its size (and, for the windows the app places itself, its place) leaves the title bar and the whole window
    on the screen; its layout needs no more than that; every button is inside it."""
    _settle()
    room = (SCREEN.width(), SCREEN.height() - fit.TITLE_BAR)
    hint = window.minimumSizeHint()
    assert hint.height() <= room[1], f"{what}: needs {hint.height()} px of height"
    assert hint.width() <= room[0], f"{what}: needs {hint.width()} px of width"
    assert window.width() <= room[0] and window.height() <= room[1], f"{what}: {window.size().toTuple()}"
    if placed:
        frame = window.geometry()
        assert SCREEN.contains(frame), f"{what}: {frame.getRect()} reaches past the screen"
        assert frame.top() >= fit.TITLE_BAR, f"{what}: its title bar would be above the screen"
    assert hidden_buttons(window) == [], what


def test_every_screen_of_the_main_window_fits(qtbot, ctx, language):
    create_examples(Records(ctx))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert SCREEN.contains(window.geometry())
    window.resize(*MAXIMISED)
    for key in window.keys:
        window.show_screen(key)
        _settle()
        assert window.size().toTuple() == MAXIMISED, f"{key}: the window grew to {window.size().toTuple()}"
        assert_fits(window, key, placed=False)  # maximised: the window manager places it


def test_every_form_new_and_saved_fits(qtbot, ctx, language):
    made = create_examples(Records(ctx))
    for name, spec in load_all().items():
        if spec.internal:
            continue
        for record_id in (None, made[name]):
            form = RecordForm(ctx, name, record_id)
            qtbot.addWidget(form)
            form.show()
            assert_fits(form, f"form {name} {'saved' if record_id else 'new'}")
            assert form.save_button.isVisible()
            form.lock_away()


def test_every_dialog_fits(qtbot, ctx, station_dir, language, tmp_path):
    made = create_examples(Records(ctx))
    case = RecordForm(ctx, "cases", made["cases"])
    qtbot.addWidget(case)
    dialogs: list[tuple[str, QWidget]] = [
        ("start", StartDialog()),
        ("set up", SetupDialog(tmp_path / "new")),
        ("unlock", UnlockDialog(station_dir)),
        ("picker", RefPicker(Records(ctx), "sites")),
        ("print", PrintCaseDialog(ctx, made["cases"], "A case")),
        ("status", case.change_status()),
        ("history", case.show_history()),
        ("add officer", UserDialog(ctx, None)),
    ]
    for what, dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert_fits(dialog, what, placed=False)


def test_the_main_window_opens_maximised_on_a_short_screen_and_remembers_its_size(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(fit, "available_geometry", lambda _widget=None: QRect(SCREEN))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    fit.show_main_window(window)
    assert window.isMaximized()
    window.showNormal()
    window.setGeometry(50, 60, 700, 500)
    window.close()
    prefs = QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "Punjab Police", "AHTC Register")
    assert prefs.value("window/geometry") is not None
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    fit.show_main_window(again)
    assert not again.isMaximized()
    assert again.size().toTuple() == (700, 500)
