"""One editor widget per field kind, all with the same small interface: value(), set_value(), `edited`.

Values go to the services as typed (the services validate and normalise); `draft_value()` is the JSON-safe
form a draft keeps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QDoubleValidator, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.records import ListQuery, Records
from desktop_app.services.registry import spec_for
from desktop_app.services.validation import Field
from desktop_app.views.fmt import choice_source, register_label
from desktop_app.views.i18n import tr

_NO_DATE = QDate(1900, 1, 1)
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


class DateEditor(Editor):
    """A date picker that may also be blank (shown empty, the picker's minimum stands for 'no date')."""

    def __init__(self) -> None:
        super().__init__()
        self.edit = QDateEdit()
        # Set on the date edit itself: in a right-to-left window Qt also reverses the order of its sections
        # (dd/MM/yyyy would show as yyyy/MM/dd) unless the widget is explicitly left-to-right.
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.edit.setMinimumDate(_NO_DATE)
        self.edit.setSpecialValueText(" ")
        self.edit.setDate(_NO_DATE)
        self.edit.dateChanged.connect(lambda _d: self.edited.emit())
        self.edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        _wrap(self, self.edit)

    def value(self) -> Any:
        day = self.edit.date()
        return None if day == _NO_DATE else dt.date(day.year(), day.month(), day.day())

    def set_value(self, value: Any) -> None:
        if isinstance(value, str) and value:
            value = dt.date.fromisoformat(value)
        self.edit.setDate(QDate(value.year, value.month, value.day) if value else _NO_DATE)


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
        self.resize(520, 420)
        self.refresh()

    def refresh(self) -> None:
        text = self.search.text().strip() or None
        query = ListQuery(text=text if self.spec.search_fields else None, limit=50)
        self.results.clear()
        for row in self.records.list(self.spec.name, query):
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
        return DateEditor()
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
