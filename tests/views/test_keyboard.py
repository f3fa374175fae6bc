"""Keyboard first, as officers work (gui-trial.md): every register's new record typed with key presses only,
dates included; lists that Tab leaves and Enter opens; Ctrl+F, Ctrl+L and safe answers to questions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QPushButton, QTableView, QWidget

from desktop_app.services.examples import example_values
from desktop_app.services.records import ListQuery, Records
from desktop_app.services.registry import load_all, spec_for
from desktop_app.views import dialogs, i18n
from desktop_app.views.editors import (
    ChoiceEditor,
    CnicEditor,
    DateEditor,
    Editor,
    LineEditor,
    ListEditor,
    RefEditor,
    RefPicker,
    TextEditor,
)
from desktop_app.views.form import RecordForm
from desktop_app.views.listpage import RegisterListPage
from desktop_app.views.mainwindow import MainWindow

TODAY = dt.date(2026, 3, 1)  # the FakeClock's day in Asia/Karachi


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Key presses for each character; Urdu letters as the key events an Urdu keyboard layout sends (QTest's
    keyClicks knows only ASCII keys)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab_to(qtbot, editor: Editor, limit: int = 8) -> None:
    """Press Tab until the keyboard is inside `editor` (the next fields in the form's order are a few stops
    away at most); fails if Tab is trapped or skips it."""
    for press in range(limit + 1):
        widget = focused()
        if widget is not None and (widget is editor or editor.isAncestorOf(widget)):
            return
        if press < limit:
            qtbot.keyClick(widget, Qt.Key.Key_Tab)
    path = []
    while widget is not None:
        path.append(f"{type(widget).__name__}:{widget.objectName()}")
        widget = widget.parentWidget()
    raise AssertionError(f"Tab never reached {editor.objectName()}; focus is on {' < '.join(path)}")


def answer_picker(qtbot, text: str) -> None:
    """The record picker is modal: type into it once it is up, Enter takes the best match."""

    def type_in() -> None:
        picker = QApplication.activeModalWidget()
        if not isinstance(picker, RefPicker):  # not up yet: look again shortly
            QTimer.singleShot(20, type_in)
            return
        type_text(qtbot, picker.search, text)
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
        if picker.isVisible():  # nothing matched: close it, and the test says which field
            picker.reject()

    QTimer.singleShot(0, type_in)


def type_value(qtbot, records: Records, editor: Editor, value: Any, ref_register: str | None) -> None:
    widget = focused()
    assert widget is not None
    if isinstance(editor, DateEditor):
        day = dt.date.fromisoformat(value) if isinstance(value, str) else value
        # Digits alone, as the trial typed them ("15032014"); the box writes the separators in.
        qtbot.keyClicks(widget, day.strftime("%d%m%Y"))
    elif isinstance(editor, ChoiceEditor):
        steps = editor.combo.findData(value)
        assert steps > 0, (editor.objectName(), value)
        for _ in range(steps):
            qtbot.keyClick(widget, Qt.Key.Key_Down)
    elif isinstance(editor, RefEditor):
        assert ref_register is not None
        title = spec_for(ref_register).title(records.get(ref_register, value))
        answer_picker(qtbot, title)
        qtbot.keyClick(widget, Qt.Key.Key_Space)
        assert editor.value() == value, (editor.objectName(), title)
        # The picker has closed: the form is the active window again (the offscreen platform needs a moment).
        qtbot.waitUntil(lambda: editor.window().isActiveWindow() and editor.isAncestorOf(focused()))
    elif isinstance(editor, ListEditor):
        type_text(qtbot, widget, ", ".join(value))
    elif isinstance(editor, CnicEditor):
        type_text(qtbot, widget, "".join(ch for ch in str(value) if ch.isdigit()))
    elif isinstance(editor, LineEditor | TextEditor):
        type_text(qtbot, widget, str(value))
    else:
        raise AssertionError(f"no keyboard route for {type(editor).__name__}")


def test_a_new_record_of_every_register_is_typed_with_the_keyboard_alone(qtbot, ctx, records):
    made: dict[str, str] = {}
    for name, spec in load_all().items():
        if spec.internal:
            continue
        values = example_values(spec, made)
        form = RecordForm(ctx, name)
        qtbot.addWidget(form)
        form.show()
        form.activateWindow()
        qtbot.waitUntil(lambda f=form: f.isActiveWindow())
        first = next(iter(form.editors.values()))
        assert first.isAncestorOf(focused()) or focused() is first, name
        for field, editor in form.editors.items():
            if field not in values or values[field] is None:
                continue
            tab_to(qtbot, editor)
            ref = editor.register if isinstance(editor, RefEditor) else None
            if isinstance(editor, RefEditor) and ref is None:
                ref = form.editors[spec.fields[field].register_field].value()  # type: ignore[index]
                editor.register = ref
            type_value(qtbot, records, editor, values[field], ref)
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        shown = {n: e.text() for n, e in form.errors.items() if not e.isHidden()}
        assert not shown and form.general_error.isHidden(), (name, shown, form.general_error.text())
        assert form.record_id, name
        saved = records.get(name, form.record_id)
        for field, value in values.items():
            rule = spec.fields[field]
            if rule.kind == "date":
                assert saved[field] == dt.date.fromisoformat(str(value)), (name, field)
            elif rule.kind in ("ref", "link", "enum", "bool", "register"):
                assert saved[field] == value, (name, field)
        made[name] = form.record_id
    assert set(made) == {n for n, s in load_all().items() if not s.internal}


# -- the date field -------------------------------------------------------------------------------------------


@pytest.fixture
def date_box(qtbot) -> DateEditor:
    holder = QWidget()
    qtbot.addWidget(holder)
    editor = DateEditor(lambda: TODAY)
    editor.setParent(holder)
    after = QPushButton("after", holder)
    after.setObjectName("after")
    from PySide6.QtWidgets import QVBoxLayout

    layout = QVBoxLayout(holder)
    layout.addWidget(editor)
    layout.addWidget(after)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow)
    editor.setFocus()
    editor.holder = holder  # type: ignore[attr-defined]  # the window lives as long as the test's editor
    return editor


@pytest.mark.parametrize("typed", ["25112025", "25/11/2025", "25-11-2025", "25.11.2025"])
def test_a_blank_date_takes_typed_digits_with_or_without_separators(qtbot, date_box, typed):
    qtbot.keyClicks(date_box.line, typed)
    assert date_box.value() == dt.date(2025, 11, 25)
    qtbot.keyClick(date_box.line, Qt.Key.Key_Tab)
    assert date_box.line.text() == "25/11/2025"  # tidied when the officer leaves the field


def test_tab_leaves_a_blank_date_and_backspace_clears_it(qtbot, date_box):
    qtbot.keyClick(date_box.line, Qt.Key.Key_Tab)
    assert focused() is not None and focused().objectName() == "after"
    date_box.line.setFocus()
    qtbot.keyClicks(date_box.line, "01/03/2026")
    for _ in range(10):
        qtbot.keyClick(date_box.line, Qt.Key.Key_Backspace)
    assert date_box.value() is None


def test_a_date_that_is_not_one_goes_to_the_services_to_be_explained(qtbot, ctx, date_box):
    qtbot.keyClicks(date_box.line, "31/02/2026")
    assert date_box.value() == "31/02/2026"
    form = RecordForm(ctx, "inspections")
    qtbot.addWidget(form)
    form.editors["date"].set_value("31/02/2026")
    form.save()
    assert "dd/mm/yyyy" in form.errors["date"].text()


def test_the_calendar_opens_at_today_and_enter_picks_the_day(qtbot, date_box):
    qtbot.keyClick(date_box.line, Qt.Key.Key_F4)
    popup = date_box.popup
    assert popup is not None and popup.isVisible()
    assert (popup.calendar.yearShown(), popup.calendar.monthShown()) == (2026, 3)
    assert popup.calendar.selectedDate().toPython() == TODAY
    grid = popup.calendar.findChild(QTableView)
    qtbot.keyClick(grid, Qt.Key.Key_Left)  # one day back
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert date_box.value() == TODAY - dt.timedelta(days=1)
    assert not popup.isVisible()


def test_up_on_a_blank_date_starts_at_today(qtbot, date_box):
    qtbot.keyClick(date_box.line, Qt.Key.Key_Up)
    assert date_box.value() == TODAY
    qtbot.keyClick(date_box.line, Qt.Key.Key_Down)
    assert date_box.value() == TODAY - dt.timedelta(days=1)


# -- lists ----------------------------------------------------------------------------------------------------


def _window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_tab_leaves_a_list_and_enter_opens_its_current_row(qtbot, ctx, records):
    for name in ("Nadeem Akhtar", "Bashir Ahmad"):
        records.create("persons", {"name": name, "role": "agent"})
    window = _window(qtbot, ctx)
    page = window.show_screen("persons")
    assert isinstance(page, RegisterListPage)
    page.table.setFocus()
    assert page.table.currentIndex().isValid()  # a list always has a current row
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert focused() is not page.table
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert len(window.forms) == 1
    assert window.forms[0].record_id == page.model.record_id(1)


@pytest.mark.parametrize("register", [s.name for s in load_all().values() if not s.internal and not s.part_of])
def test_ctrl_f_searches_every_register(qtbot, ctx, records, register):
    window = _window(qtbot, ctx)
    page = window.show_screen(register)
    assert isinstance(page, RegisterListPage)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is page.search and page.search.isEnabled()


def test_an_inspection_is_found_by_its_site_its_officer_and_its_date(qtbot, ctx, records):
    kiln = {"kind": "brick_kiln", "tehsil": "Phalia"}
    gondal = records.create("sites", {"name": "Gondal Brick Kiln 20", **kiln}).first_id
    other = records.create("sites", {"name": "Shaheen Brick Kiln 36", **kiln}).first_id
    records.create("inspections", {"site_id": gondal, "date": "2026-02-20", "officers": "ASI Bilal"})
    records.create("inspections", {"site_id": other, "date": "2026-02-21", "officers": "SI Umar"})
    page = RegisterListPage(ctx, "inspections", lambda *_a, **_k: None)
    qtbot.addWidget(page)
    page.ensure_loaded()
    for typed, site in (("Gondal", gondal), ("Umar", other), ("21/02/2026", other), ("20022026", gondal)):
        page.search.clear()
        qtbot.keyClicks(page.search, typed)
        page.apply_filters()
        assert page.model.rowCount() == 1, typed
        assert page.model._rows[0]["site_id"] == site, typed
    page.search.clear()
    qtbot.keyClicks(page.search, "Nowhere")
    page.apply_filters()
    assert page.model.rowCount() == 0


# -- questions, lock, standard buttons -----------------------------------------------------------------------


def _answer_with_enter(qtbot) -> None:
    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press)


def test_enter_on_delete_this_record_answers_no(qtbot, ctx, records):
    made = records.create("persons", {"name": "Keep Me", "role": "agent"}).first_id
    form = RecordForm(ctx, "persons", made)
    qtbot.addWidget(form)
    form.show()
    _answer_with_enter(qtbot)
    form.delete()
    assert records.count("persons", ListQuery()) == 1


def test_enter_on_close_without_saving_keeps_the_form_and_save_saves(qtbot, ctx, records, monkeypatch):
    form = RecordForm(ctx, "persons")
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.editors["name"].line, "Half typed")
    _answer_with_enter(qtbot)
    form.reject()
    assert form.isVisible()
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda _p: dialogs.SAVE)
    form.reject()  # Save with a required field empty: the form stays open and says why
    assert form.isVisible() and not form.errors["role"].isHidden()
    form.editors["role"].set_value("agent")
    form.reject()
    assert not form.isVisible()
    assert records.list("persons", ListQuery())[0]["name"] == "Half typed"


def test_ctrl_l_locks_from_inside_a_form_and_the_lock_button_is_shown(qtbot, ctx, records):
    locked = []
    window = MainWindow(ctx, lock=lambda: locked.append(True))
    qtbot.addWidget(window)
    window.show()
    assert window.lock_button.isVisible()
    form = window.open_record("persons")
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.keyClick(focused(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert locked == [True]


def test_closing_the_main_window_keeps_it_when_a_form_says_back_to_the_form(qtbot, ctx, answers):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    form = window.open_record("persons")
    qtbot.keyClicks(form.editors["name"].line, "Half typed")
    answers.queue.append(False)  # back to the form
    window.close()
    assert window.isVisible() and form.isVisible()


def test_qt_standard_buttons_speak_urdu(qtbot):
    i18n.set_language("ur")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {box.button(b).text() for b in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel)}
    assert texts == {"ٹھیک ہے", "منسوخ کریں"}


def test_a_saved_record_opens_without_its_first_field_selected(qtbot, ctx, records, answers):
    made = records.create("persons", {"name": "Nadeem Akhtar", "role": "agent"}).first_id
    form = RecordForm(ctx, "persons", made)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    name = form.editors["name"].line
    qtbot.waitUntil(lambda: not name.hasSelectedText())
    qtbot.keyClicks(name, "x")
    assert name.text() == "Nadeem Akhtarx"  # closing at the end asks, and `answers` says discard
