"""One editor widget per field kind, all with the same small interface: value(), set_value(), `edited`.

Values go to the services as typed (the services validate and normalise); `draft_value()` is the JSON-safe
form a draft keeps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QDoubleValidator, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.clock import local_today
from desktop_app.services.records import ListQuery, Records
from desktop_app.services.registry import spec_for
from desktop_app.services.title_search import typed_date as parse_typed_date
from desktop_app.services.validation import Field
from desktop_app.views.fit import fit_to_screen
from desktop_app.views.fmt import choice_source, register_label
from desktop_app.views.i18n import tr

_LONG_TEXT = 1000


class Editor(QWidget):
    edited = Signal()

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def draft_value(self) -> Any:
        value = self.value()
        return value.isoformat() if isinstance(value, dt.date) else value

    def focus_widget(self) -> QWidget:
        return self


def _wrap(editor: Editor, inner: QWidget) -> None:
    layout = QHBoxLayout(editor)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(inner)
    editor.setFocusProxy(inner)


class LineEditor(Editor):
    def __init__(self, mask: str | None = None, pattern: str | None = None, placeholder: str = "") -> None:
        super().__init__()
        self.line = QLineEdit()
        if mask:
            self.line.setInputMask(mask)
        if pattern:
            self.line.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self.line))
        self.line.setPlaceholderText(placeholder)
        self.line.textEdited.connect(lambda _t: self.edited.emit())
        _wrap(self, self.line)

    def value(self) -> Any:
        text = self.line.text().strip()
        if self.line.inputMask():
            # An empty masked field still shows its dashes; with no digit typed it is simply blank.
            return text if any(ch.isdigit() for ch in text) else None
        return text or None

    def set_value(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))
        if value is None and self.line.inputMask():
            self.line.setCursorPosition(0)  # a blank masked field starts typing at its first digit


class CnicEditor(LineEditor):
    def __init__(self) -> None:
        super().__init__(mask="99999-9999999-9;_")

    def value(self) -> Any:
        text = super().value()
        # Trailing blanks of the mask are not digits; hand the service what was typed so it can say what is missing.
        return text.replace("_", "").rstrip("-") if text else None


class TextEditor(Editor):
    def __init__(self) -> None:
        super().__init__()
        self.box = QPlainTextEdit()
        self.box.setTabChangesFocus(True)
        self.box.setFixedHeight(70)
        self.box.textChanged.connect(self.edited.emit)
        _wrap(self, self.box)

    def value(self) -> Any:
        return self.box.toPlainText().strip() or None

    def set_value(self, value: Any) -> None:
        self.box.setPlainText("" if value is None else str(value))


class _CalendarPopup(QFrame):
    """The month calendar under a date field: opens at the field's date or today; Enter or a click picks."""

    def __init__(self, owner: DateEditor, day: dt.date) -> None:
        super().__init__(owner, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.Box)
        self.owner = owner
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("calendar")
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.setCurrentPage(day.year, day.month)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)
        self.setFocusProxy(self.calendar)

    def _pick(self, day: QDate) -> None:
        self.owner.set_value(dt.date(day.year(), day.month(), day.day()), emit=True)
        self.close()
        self.owner.line.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            self.owner.line.setFocus()
            return
        super().keyPressEvent(event)


class DateEditor(Editor):
    """A date typed as dd/mm/yyyy (separators optional) or picked from a calendar that opens at today.

    A plain text box, so a blank date behaves like any other blank field: digits go in as typed, Backspace
    clears, Tab leaves. F4 or Alt+Down opens the calendar; Up/Down step the day (a blank date starts at today).
    """

    def __init__(self, today: Callable[[], dt.date] | None = None) -> None:
        super().__init__()
        self.today = today or dt.date.today
        self.line = QLineEdit()
        self.line.setObjectName("date-text")
        # Set on the box itself: dd/mm/yyyy reads left to right inside an Urdu (right-to-left) form too.
        self.line.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.line.setPlaceholderText("dd/mm/yyyy")  # the digits officers type, in every language
        self.line.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9/.\- ]{0,10}"), self.line))
        self.line.setMaximumWidth(self.line.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        self.line.textEdited.connect(lambda _t: self.edited.emit())
        self.line.editingFinished.connect(self._tidy)
        self.line.installEventFilter(self)
        self.button = QToolButton()
        self.button.setObjectName("calendar-button")
        self.button.setText("▾")
        self.button.setToolTip(tr("Calendar (F4)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # one Tab stop per date: the keyboard has F4
        self.button.clicked.connect(self.open_calendar)
        self.popup: _CalendarPopup | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.setFocusProxy(self.line)

    @property
    def edit(self) -> QLineEdit:
        return self.line

    def value(self) -> Any:
        text = self.line.text().strip()
        if not text:
            return None
        # Text that is not a date goes to the services as typed: they say "write the date as dd/mm/yyyy".
        return parse_typed_date(text) or text

    def draft_value(self) -> Any:
        value = self.value()
        return value.isoformat() if isinstance(value, dt.date) else value

    def set_value(self, value: Any, emit: bool = False) -> None:
        if isinstance(value, str) and value:
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                value = parse_typed_date(value) or value
        self.line.setText(value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else (value or ""))
        if emit:
            self.edited.emit()

    def _tidy(self) -> None:
        day = parse_typed_date(self.line.text())
        if day is not None and self.line.text() != day.strftime("%d/%m/%Y"):
            self.line.setText(day.strftime("%d/%m/%Y"))

    def _step(self, days: int) -> None:
        current = self.value()
        day = current + dt.timedelta(days=days) if isinstance(current, dt.date) else self.today()
        self.set_value(day, emit=True)

    def open_calendar(self) -> _CalendarPopup:
        current = self.value()
        self.popup = _CalendarPopup(self, current if isinstance(current, dt.date) else self.today())
        self.popup.adjustSize()
        below = self.line.mapToGlobal(self.line.rect().bottomLeft())
        self.popup.move(below)
        self.popup.show()
        self.popup.calendar.setFocus()
        return self.popup

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier):
                self.open_calendar()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not mods & Qt.KeyboardModifier.AltModifier:
                self._step(1 if key == Qt.Key.Key_Up else -1)
                return True
        return super().eventFilter(watched, event)


class ChoiceEditor(Editor):
    def __init__(self, choices: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.combo = QComboBox()
        self.combo.addItem("", None)
        for text, data in choices:
            self.combo.addItem(text, data)
        self.combo.currentIndexChanged.connect(lambda _i: self.edited.emit())
        _wrap(self, self.combo)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))


class ListEditor(LineEditor):
    """A short list (law sections, tags), typed comma-separated."""

    def value(self) -> Any:
        return [part.strip() for part in self.line.text().split(",") if part.strip()]

    def set_value(self, value: Any) -> None:
        self.line.setText(", ".join(value or []))


class RefEditor(Editor):
    """A link to another record: shows its title; 'Choose…' opens a search over that register."""

    def __init__(self, records: Records, register: str | None) -> None:
        super().__init__()
        self.records, self.register = records, register
        self._id: str | None = None
        self.shown = QLineEdit()
        self.shown.setReadOnly(True)
        self.choose = QPushButton(tr("Choose…"))
        self.choose.clicked.connect(self.pick)
        self.clear = QPushButton(tr("Clear"))
        self.clear.clicked.connect(lambda: self.set_value(None, emit=True))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.shown, 1)
        layout.addWidget(self.choose)
        layout.addWidget(self.clear)
        self.setFocusProxy(self.choose)

    def set_register(self, register: str | None) -> None:
        if register != self.register:
            self.register = register
            self.set_value(None, emit=True)

    def value(self) -> Any:
        return self._id

    def set_value(self, value: Any, emit: bool = False) -> None:
        self._id = value or None
        title = ""
        if self._id and self.register:
            from desktop_app.services.titles import titles

            title = titles(self.records, [(self.register, self._id)]).get(self._id, tr("(deleted record)"))
        self.shown.setText(title)
        if emit:
            self.edited.emit()

    def pick(self) -> None:
        if not self.register:
            return
        dialog = RefPicker(self.records, self.register, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen:
            self.set_value(dialog.chosen, emit=True)
        dialog.deleteLater()
        # Back to this field, so Tab goes on to the next one.
        self.window().activateWindow()
        self.choose.setFocus()


# How many of a register's latest records a picker reads to match what was typed against their titles.
TITLE_SCAN = 500


class RefPicker(QDialog):
    """Search a register by name, CNIC, phone or village and pick one record."""

    def __init__(self, records: Records, register: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records, self.spec = records, spec_for(register)
        self.chosen: str | None = None
        self.setWindowTitle(tr("Choose from: %s") % register_label(self.spec))
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Type to search…"))
        self.results = QListWidget()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_current)
        buttons.rejected.connect(self.reject)
        self.results.itemActivated.connect(lambda _item: self._accept_current())
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.search.installEventFilter(self)
        fit_to_screen(self, 520, 420)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down goes from the search box to the results; Enter takes the best match of what was typed, even
        # before the search-as-you-type pause has run.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._timer.isActive() and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._timer.stop()
                self.refresh()
            if event.key() == Qt.Key.Key_Down:
                self.results.setFocus()
                return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        text = self.search.text().strip() or None
        query = ListQuery(text=text if self.spec.search_fields else None, limit=50)
        rows = self.records.list(self.spec.name, query)
        if text and (not rows or not self.spec.search_fields):
            # Not in the search index (a meeting is known by its date): match the titles of the latest records.
            words = text.casefold().split()
            latest = self.records.list(self.spec.name, ListQuery(limit=TITLE_SCAN))
            rows = [r for r in latest if all(w in self.spec.title(r).casefold() for w in words)][:50]
        self.results.clear()
        for row in rows:
            item = QListWidgetItem(self.spec.title(row))
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _accept_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.chosen = item.data(Qt.ItemDataRole.UserRole)
            self.accept()


_LEFT_TO_RIGHT = {"cnic", "phones", "date", "int", "count", "money", "float"}


def editor_for(rule: Field, records: Records, ref_register: str | None = None) -> Editor:
    editor = _make_editor(rule, records, ref_register)
    if rule.kind in _LEFT_TO_RIGHT:
        # Digits, dashes and dd/mm/yyyy read left to right inside an Urdu (right-to-left) form too.
        editor.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return editor


def _make_editor(rule: Field, records: Records, ref_register: str | None = None) -> Editor:
    kind = rule.kind
    if kind == "cnic":
        return CnicEditor()
    if kind == "phones":
        return LineEditor(pattern=r"[0-9+\-\s,;/]*", placeholder="03XX-XXXXXXX")
    if kind == "date":
        clock = records.ctx.clock
        return DateEditor(lambda: local_today(clock))
    if kind == "enum":
        assert rule.choices is not None
        return ChoiceEditor([(tr(choice_source(c.value)), c.value) for c in rule.choices])
    if kind == "bool":
        return ChoiceEditor([(tr("Yes"), True), (tr("No"), False)])
    if kind in {"int", "count", "money"}:
        return LineEditor(pattern=r"-?[0-9,]*")
    if kind == "float":
        editor = LineEditor()
        editor.line.setValidator(QDoubleValidator(editor.line))
        return editor
    if kind in ("ref", "link"):
        return RefEditor(records, ref_register)
    if kind == "json":
        return ListEditor()
    if rule.max_len >= _LONG_TEXT:
        return TextEditor()
    return LineEditor()


Confirm = Callable[[QWidget, str, str], bool]
