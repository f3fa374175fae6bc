"""One table model for every register: counts first, then loads rows a page at a time as the view scrolls.

So a list of 100,000 rows opens as fast as a list of ten. It reloads itself when a write (or an import)
announces a change to its register, or to a register it shows titles from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from desktop_app.services.clock import local_today
from desktop_app.services.context import Context
from desktop_app.services.records import Changed, ListQuery, Records
from desktop_app.services.registry import State, spec_for
from desktop_app.services.titles import row_titles
from desktop_app.views import ops
from desktop_app.views.fmt import display, field_label, label
from desktop_app.views.i18n import tr

PAGE = 200
# A search counts its matches up to here, and past it the list says "1,000+ records": counting all 17,000 persons
# that share a CNIC prefix took twice as long as finding the page of them the list shows.
COUNT_UP_TO = 1000
ID_ROLE = Qt.ItemDataRole.UserRole + 1
EXTRA_COLUMNS = ("station_code", "updated_at", "created_at")
_NUMERIC = {"int", "count", "money", "float"}
# Column headers officers can read in a column as wide as its values; the full label is the header's tooltip.
SHORT_HEADERS = {
    "Workers in debt bondage (peshgi)": "In bondage",
    "Workers unaware of minimum wage": "Unaware of min. wage",
    "Committed rate per 1,000 bricks": "Rate per 1,000",
    "Notified minimum rate per 1,000 bricks": "Min. rate per 1,000",
    "Family willing to be complainant": "Willing complainant",
    "Next follow-up due": "Next due",
    "Registration status": "Registration",
    "Country of incident": "Country",
    "Audience (head count)": "Head count",
    "Place or institution": "Place",
}
OVERDUE_COLOUR = QColor("#b00020")  # the dashboard's red
AnyIndex = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    loaded = Signal()  # after each (re)load has reached the view

    def __init__(self, ctx: Context, register: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.records = Records(ctx)
        self.spec = spec_for(register)
        self.columns: list[str] = list(self.spec.list_columns or list(self.spec.fields)[:6])
        if ctx.station.is_district:  # the district sees every station's rows: say whose each one is
            self.columns.insert(0, "station_code")
        self.query = ListQuery(limit=PAGE)
        self._rows: list[State] = []
        self._titles: dict[str, str] = {}
        self._total = 0
        self._more = False  # a search counted only up to COUNT_UP_TO: there are more rows than _total
        self._generation = 0
        self._today = local_today(ctx.clock)
        ops.changes.changed.connect(self._on_changed)

    # -- loading ----------------------------------------------------------------------------------------------

    def set_query(self, **changes: Any) -> None:
        self.query = dataclasses.replace(self.query, **changes, offset=0, limit=PAGE)
        self.reload()

    def set_columns(self, columns: list[str]) -> None:
        self.beginResetModel()
        self.columns = [c for c in columns if c in self.spec.fields or c in EXTRA_COLUMNS]
        self.endResetModel()
        self.reload()

    def reload(self) -> None:
        self._today = local_today(self.ctx.clock)
        self._generation += 1
        generation, query, columns = self._generation, self.query, list(self.columns)

        def load() -> tuple[int, bool, list[State], dict[str, str]]:
            rows = self.records.list(self.spec.name, query)
            total, more = len(rows), False
            if len(rows) == PAGE and query.text:
                found = self.records.count(self.spec.name, query, at_most=COUNT_UP_TO + 1)
                total, more = max(len(rows), min(found, COUNT_UP_TO)), found > COUNT_UP_TO
            elif len(rows) == PAGE:
                total = self.records.count(self.spec.name, query)
            return total, more, rows, row_titles(self.records, self.spec, rows, columns)

        def show(result: tuple[int, bool, list[State], dict[str, str]]) -> None:
            if generation != self._generation:
                return  # an older search finished after a newer one started
            self.beginResetModel()
            self._total, self._more, self._rows, self._titles = result
            self.endResetModel()
            self.loaded.emit()

        ops.query(load, show)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and (len(self._rows) < self._total or self._more)

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        last = self._rows[-1] if self._rows else None
        after = (last[self.query.order_by], last["id"]) if last is not None else None
        query = dataclasses.replace(self.query, offset=len(self._rows), limit=PAGE, after=after)
        rows = self.records.list(self.spec.name, query)
        if not self._more:
            rows = rows[: self._total - len(self._rows)]
        elif len(rows) < PAGE:  # the end of a search that was counted only up to COUNT_UP_TO: now it is known
            self._more = False
            self._total = len(self._rows) + len(rows)
        if not rows:
            self._total = len(self._rows)
            return
        self._titles.update(row_titles(self.records, self.spec, rows, self.columns))
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self._total = max(self._total, len(self._rows))
        self.endInsertRows()

    def _on_changed(self, changed: Changed) -> None:
        shown = {self.spec.name} | {
            rule.ref for name, rule in self.spec.fields.items() if rule.ref and name in self.columns
        }
        if changed.registers & shown:
            self.reload()

    # -- the table --------------------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many rows the list has; when `more`, how many it has at least."""
        return self._total

    @property
    def more(self) -> bool:
        """A search found more than COUNT_UP_TO rows and was not counted further (the list says "1,000+")."""
        return self._more

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def record_id(self, row: int) -> str:
        return str(self._rows[row]["id"])

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.columns):
            return None
        row = self._rows[index.row()]
        name = self.columns[index.column()]
        rule = self.spec.fields.get(name)
        if role == Qt.ItemDataRole.DisplayRole:
            if rule is not None and rule.kind in ("ref", "link"):
                value = row.get(name)
                return self._titles.get(value, "") if value else ""
            return display(rule, row.get(name))
        if role == ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.TextAlignmentRole and rule is not None and rule.kind in _NUMERIC:
            # Centred: in a right-to-left list a right-aligned number reads as part of the next column's words.
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self.overdue(index.row()):
            return OVERDUE_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "next_followup_due" and self.overdue(index.row()):
                return tr("Overdue")
            text = self.data(index)
            return text if isinstance(text, str) and len(text) > 24 else None
        return None

    def overdue(self, row: int) -> bool:
        """A follow-up due before today, marked as on the dashboard."""
        due = self._rows[row].get("next_followup_due") if row < len(self._rows) else None
        return isinstance(due, dt.date) and due < self._today

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                name = self.columns[section]
                if name == "station_code":
                    return tr("Station")
                rule = self.spec.fields.get(name)
                full = label(name, rule)
                if role == Qt.ItemDataRole.ToolTipRole:
                    return full
                short = SHORT_HEADERS.get(field_label(name, rule))
                if short is None:
                    return full
                return tr(short) + (" " + tr("(PKR)") if rule is not None and rule.kind == "money" else "")
            return None
        return section + 1 if role == Qt.ItemDataRole.DisplayRole else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (self.query.order_by, self.query.descending) != (self.columns[column], descending):
            self.set_query(order_by=self.columns[column], descending=descending)
