"""A register's list screen: search as you type, filters, column choice, and the table that loads as it scrolls."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import permissions
from desktop_app.services.clock import local_today
from desktop_app.services.context import Context
from desktop_app.services.registry import RegisterSpec
from desktop_app.services.title_search import searchable, title_query
from desktop_app.views import ops
from desktop_app.views.fmt import choice_source, label, register_label
from desktop_app.views.i18n import tr
from desktop_app.views.listmodel import RecordTableModel

SEARCH_DELAY_MS = 250
# A column sized to its values is at most this wide; the long-text column takes the room left.
MAX_COLUMN = 300
SEARCH_MIN_WIDTH = 260
# Free text officers read in a list (names, titles, places): these columns stretch.
_LONG_TEXT = 200


# Where a register's natural order is not the rule below: visits and meetings newest first (gui-trial.md).
_ORDER = {"inspections": ("date", True), "family_meetings": ("date", True), "cases": ("report_date", True)}


def natural_order(spec: RegisterSpec) -> tuple[str, bool]:
    """(field, descending) a register opens in: a case's number, the next follow-up due first, the newest
    first by its date, names A to Z; else the last change first."""
    fields = spec.fields
    if "case_number" in fields:
        return "case_number", True
    if spec.name in _ORDER and _ORDER[spec.name][0] in fields:
        return _ORDER[spec.name]
    for name in ("next_followup_due", "next_step_due"):
        if name in fields:
            return name, False
    if "name" in fields:
        return "name", False
    date_field = next((f for f in spec.list_columns if fields[f].kind == "date"), None)
    return (date_field, True) if date_field else ("updated_at", True)


def long_text_columns(spec: RegisterSpec, columns: list[str]) -> list[int]:
    """The columns of names, titles, places and links to other records."""

    def is_long(name: str) -> bool:
        rule = spec.fields.get(name)
        return rule is not None and (
            rule.kind in ("ref", "link") or (rule.kind == "text" and rule.max_len >= _LONG_TEXT)
        )

    return [i for i, name in enumerate(columns) if is_long(name)]


class OneStopDateEdit(QDateEdit):
    """A date box Tab leaves in one press (a plain QDateEdit stops at its day, month and year in turn)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class RegisterListPage(QWidget):
    def __init__(self, ctx: Context, register: str, open_record: Callable[..., Any], parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RecordTableModel(ctx, register, self)
        self.spec = self.model.spec
        self.open_record = open_record
        self.setObjectName(f"list-{register}")
        self.filter_boxes: dict[str, QComboBox] = {}

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        if self.spec.search_fields:
            self.search.setPlaceholderText(tr("Search: name, CNIC, phone, village…"))
            self.search.setToolTip(
                tr("Name (Urdu or English), part of a CNIC, phone or village. Ctrl+F: here; Down: to the list.")
            )
        else:
            self.search.setPlaceholderText(tr("Search: site, name, officer, date…"))
            self.search.setToolTip(
                tr("The site, victim or child of the row, the officers, or a date (dd/mm/yyyy). Ctrl+F comes here.")
            )
        self.search.setMinimumWidth(SEARCH_MIN_WIDTH)
        self.search.setEnabled(searchable(self.spec))
        self.search.installEventFilter(self)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textEdited.connect(lambda _t: self._search_timer.start())

        top = QHBoxLayout()
        title = QLabel(f"<h2>{register_label(self.spec)}</h2>")
        top.addWidget(title)
        top.addSpacing(24)
        # The search has the title's row to itself: the filters below never squeeze it.
        top.addWidget(self.search, 1)
        top.addSpacing(24)
        self.new_button = QPushButton(tr("New (Ctrl+N)"))
        self.new_button.setObjectName("new")
        self.new_button.clicked.connect(self.new_record)
        self.new_button.setEnabled(
            permissions.allowed(ctx, permissions.CREATE, reference_register=self.spec.reference)
            and not self.spec.internal
        )
        top.addWidget(self.new_button)

        filters = QHBoxLayout()
        self.text_filters: dict[str, QLineEdit] = {}
        for name in self.spec.filter_fields:
            rule = self.spec.fields[name]
            if rule.choices is not None:
                box = QComboBox()
                box.setObjectName(f"filter-{name}")
                # Filters shrink before the search box does (the trial found it squeezed to "Search: name (U…").
                box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                box.setMinimumContentsLength(10)
                box.addItem(tr("All: %s") % label(name, rule), None)
                for choice in rule.choices:
                    box.addItem(tr(choice_source(choice.value)), choice.value)
                box.currentIndexChanged.connect(lambda _i: self.apply_filters())
                filters.addWidget(box)
                self.filter_boxes[name] = box
            else:
                line = QLineEdit()
                line.setObjectName(f"filter-{name}")
                line.setPlaceholderText(label(name, rule))
                line.setMinimumWidth(110)
                line.editingFinished.connect(self.apply_filters)
                filters.addWidget(line)
                self.text_filters[name] = line
        self.tehsil: QLineEdit | None = self.text_filters.get("tehsil")
        self.date_field = next((f for f, r in self.spec.fields.items() if r.kind == "date"), None)
        self.date_on = QCheckBox(tr("From"))
        self.date_from, self.date_to = OneStopDateEdit(), OneStopDateEdit()
        today = local_today(ctx.clock)
        for edit, day in ((self.date_from, today - dt.timedelta(days=30)), (self.date_to, today)):
            # Direction before format: a right-to-left date edit lays its sections out as yyyy/MM/dd.
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.dateChanged.connect(lambda _d: self.apply_filters() if self.date_on.isChecked() else None)
        self.date_on.toggled.connect(lambda _c: self.apply_filters())
        # The dates look active only when they filter.
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(False)
            self.date_on.toggled.connect(edit.setEnabled)
        if self.date_field:
            filters.addWidget(self.date_on)
            filters.addWidget(self.date_from)
            filters.addWidget(QLabel(tr("to")))
            filters.addWidget(self.date_to)
        self.overdue = QCheckBox(tr("Overdue only"))
        self.overdue.setObjectName("filter-overdue")
        self.overdue.toggled.connect(lambda _c: self.apply_filters())
        if "next_followup_due" in self.spec.fields:
            filters.addWidget(self.overdue)
        self.station_box: QComboBox | None = None
        if ctx.station.is_district:
            self.station_box = QComboBox()
            self.station_box.setObjectName("filter-station")
            self.station_box.addItem(tr("All stations"), None)
            self.station_box.currentIndexChanged.connect(lambda _i: self.apply_filters())
            filters.addWidget(self.station_box)
            self._load_stations()
        self._restore_columns()
        columns = QToolButton()
        columns.setText(tr("Columns"))
        columns.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.column_menu = QMenu(columns)
        for name, rule in self.spec.fields.items() if not ctx.station.is_district else self._with_station():
            action = self.column_menu.addAction(tr("Station") if name == "station_code" else label(name, rule))
            action.setCheckable(True)
            action.setChecked(name in self.model.columns)
            action.setData(name)
            action.toggled.connect(lambda _c: self._columns_changed())
        columns.setMenu(self.column_menu)
        filters.addStretch(1)
        filters.addWidget(columns)

        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        # Tab leaves the list for the next control (the row moves with the arrow keys; Enter opens it).
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "Govt. Primary School … Helan" keeps its end
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setDefaultSectionSize(110)
        header.setSortIndicatorShown(True)
        # Each register opens in its natural order, with the header's arrow saying so.
        order_by, descending = natural_order(self.spec)
        self.model.query = dataclasses.replace(self.model.query, order_by=order_by, descending=descending)
        self._show_sort_arrow()
        self.table.setSortingEnabled(True)
        self._sized = False
        self.model.loaded.connect(self._size_columns)
        self.model.modelReset.connect(self._show_sort_arrow)
        self.table.activated.connect(self._activated)
        self._current_id: str | None = None
        self.table.selectionModel().currentChanged.connect(self._remember_current)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.model.loaded.connect(self._show_count)
        self.model.loaded.connect(self._keep_a_current_row)
        self.model.rowsInserted.connect(lambda *_a: self._show_count())

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not getattr(self, "_loaded_once", False):
            self._loaded_once = True
            self.model.reload()

    def ensure_loaded(self) -> None:
        if not getattr(self, "_loaded_once", False):
            self._loaded_once = True
            self.model.reload()

    def apply_filters(self) -> None:
        self._loaded_once = True
        filters: dict[str, Any] = {}
        for name, box in self.filter_boxes.items():
            if box.currentData() is not None:
                filters[name] = box.currentData()
        if self.station_box is not None and self.station_box.currentData() is not None:
            filters["station_code"] = self.station_box.currentData()
        for name, line in self.text_filters.items():
            if line.text().strip():
                filters[name] = line.text().strip()
        dated = self.date_field is not None and self.date_on.isChecked()
        text = self.search.text().strip() or None
        query: dict[str, Any] = {
            "text": text if self.spec.search_fields else None,
            "filters": filters,
            "date_field": self.date_field if dated else None,
            "date_from": self.date_from.date().toPython() if dated else None,
            "date_to": self.date_to.date().toPython() if dated else None,
            "overdue_on": local_today(self.ctx.clock) if self.overdue.isChecked() else None,
            "match_any": (),
        }
        if text is None or self.spec.search_fields:
            self.model.set_query(**query)
            return
        # No index of its own: find the sites, victims or children typed (off the UI thread), then the rows.
        records, spec = self.model.records, self.spec
        self._search_generation = getattr(self, "_search_generation", 0) + 1
        generation = self._search_generation

        def show(found: dict[str, Any]) -> None:
            if generation == self._search_generation:
                self.model.set_query(**{**query, **found})

        ops.query(lambda: title_query(records, spec, text), show)

    def _show_sort_arrow(self) -> None:
        query = self.model.query
        header = self.table.horizontalHeader()
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        column = self.model.columns.index(query.order_by) if query.order_by in self.model.columns else -1
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (column, order):
            header.blockSignals(True)  # the model already has this order: no reload
            header.setSortIndicator(column, order)
            header.blockSignals(False)

    def _size_columns(self) -> None:
        """Once the first rows are in: each column as wide as its values (at most MAX_COLUMN); the last column of
        long text (a school, a place, officers) stretches over what is left. The officer may drag them after."""
        if self._sized or self.model.rowCount() == 0:
            return
        self._sized = True
        header = self.table.horizontalHeader()
        stretch = (long_text_columns(self.spec, self.model.columns) or [len(self.model.columns) - 1])[-1]
        for column in range(len(self.model.columns)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.resizeColumnToContents(column)
            header.resizeSection(column, min(MAX_COLUMN, header.sectionSize(column) + 12))
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def _columns_changed(self) -> None:
        self._sized = False
        columns = [a.data() for a in self.column_menu.actions() if a.isChecked()]
        self.model.set_columns(columns)
        self._prefs().setValue(self._columns_key(), columns)

    # -- column choice, remembered per register and per officer (a UI preference: no personal data) --------------

    def _prefs(self) -> QSettings:
        return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "Punjab Police", "AHTC Register")

    def _columns_key(self) -> str:
        return f"columns/{self.ctx.station.station_code}/{self.ctx.actor.username}/{self.spec.name}"

    def _restore_columns(self) -> None:
        saved = self._prefs().value(self._columns_key())
        if isinstance(saved, str):
            saved = [saved]
        if isinstance(saved, list) and saved:
            known = [c for c in saved if c in self.spec.fields or c == "station_code"]
            if known:
                self.model.columns = known

    def _with_station(self) -> list[tuple[str, Any]]:
        return [("station_code", None), *self.spec.fields.items()]

    # -- district: the station filter ------------------------------------------------------------------------------

    def _load_stations(self) -> None:
        from desktop_app.sync.district import district_status

        ctx = self.ctx

        def show(statuses: list[Any]) -> None:
            assert self.station_box is not None
            for code in sorted({ctx.station.station_code, *(s.code for s in statuses)}):
                self.station_box.addItem(code, code)

        ops.query(lambda: district_status(ctx), show, lambda _e: None)

    def _show_count(self) -> None:
        total = f"{self.model.total:,}+" if self.model.more else f"{self.model.total:,}"
        self.count_label.setText(tr("%s records") % total)

    def _activated(self, index: QModelIndex) -> None:
        self.open_record(self.spec.name, self.model.record_id(index.row()))

    def _keep_a_current_row(self) -> None:
        """A list always has a current row, so Enter opens something and the arrows start from it."""
        if self.model.rowCount() == 0:
            return
        current = self.table.currentIndex()
        if not current.isValid():
            # The row the officer was on (a list reloads after a save), else the first.
            ids = [self.model.record_id(r) for r in range(self.model.rowCount())]
            row = ids.index(self._current_id) if self._current_id in ids else 0
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _remember_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() < self.model.rowCount():
            self._current_id = self.model.record_id(current.row())

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._activated(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down (or Enter) in the search box goes to the list, as in a mail program's search.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._search_timer.isActive():
                    self._search_timer.stop()
                    self.apply_filters()
                self.table.setFocus()
                self._keep_a_current_row()
                return True
        return super().eventFilter(watched, event)

    def new_record(self) -> None:
        if self.new_button.isEnabled():
            self.open_record(self.spec.name, None)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
