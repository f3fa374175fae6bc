"""A record's own rows, shown in its form: a case's status history and linked records, a person's links, a
child's or agreement's follow-up visits, a victim's family meetings, a site's inspections.

Officers reach these rows from the record they belong to; a list of them on its own (ids of cases beside ids of
records) says nothing, so a register that is `part_of` another has no screen in the navigation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTabWidget, QWidget

from desktop_app.services.context import Context
from desktop_app.services.registry import RegisterSpec, link_targets, load_all, spec_for
from desktop_app.views.i18n import tr
from desktop_app.views.listmodel import AnyIndex, RecordTableModel

MAX_COLUMN_WIDTH = 360


@dataclass(frozen=True)
class RelatedRows:
    """The rows of `register` that point at one record of another register through `field`."""

    register: str
    field: str
    title: str  # English source; shown through tr()
    columns: tuple[str, ...]
    register_field: str | None = None  # for a link naming its register in a sibling field

    def filters(self, owner: str, record_id: str) -> dict[str, str]:
        found = {self.field: record_id}
        if self.register_field:
            found[self.register_field] = owner
        return found

    @property
    def order_by(self) -> str:
        # A history reads in the order it was written; visits and meetings by their own date.
        spec = spec_for(self.register)
        return "date" if "date" in spec.fields and not spec.internal else "created_at"


def _columns(other: RegisterSpec, *pointing: str) -> tuple[str, ...]:
    columns = other.list_columns or tuple(other.fields)[:6]
    return tuple(c for c in columns if c not in pointing)


def related_rows(spec: RegisterSpec) -> list[RelatedRows]:
    """What a record of `spec` shows below its fields: rows that belong to it, then links that name it."""
    owned, linked = [], []
    for other in load_all().values():
        for name, rule in other.fields.items():
            title = rule.related_title or other.label
            if rule.kind == "ref" and rule.ref == spec.name and rule.required:
                owned.append(RelatedRows(other.name, name, title, _columns(other, name)))
            elif rule.kind == "link" and spec.name in link_targets(other.name):
                assert rule.register_field is not None
                columns = _columns(other, name, rule.register_field)
                linked.append(RelatedRows(other.name, name, title, columns, rule.register_field))
    return sorted(owned, key=_order) + sorted(linked, key=_order)


def _order(rows: RelatedRows) -> tuple[int, int, str]:
    # Same tabs in the same place on every machine: the record's own parts first, then registers by their place.
    spec = spec_for(rows.register)
    return (0 if spec.part_of else 1, spec.place, rows.register)


class RelatedModel(RecordTableModel):
    """A register's rows as its list shows them; a long title cut short in its column is read whole as a tip."""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.data(index, Qt.ItemDataRole.DisplayRole) or None
        return super().data(index, role)


class RelatedTable(QTableView):
    """One kind of related row, read-only; opening a row opens its own form (status steps have none)."""

    def __init__(
        self,
        ctx: Context,
        owner: RegisterSpec,
        record_id: str,
        rows: RelatedRows,
        open_row: Callable[[str, str], Any],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.rows, self.open_row = rows, open_row
        self.setObjectName(f"related-{rows.register}-{rows.field}")
        self.model_ = RelatedModel(ctx, rows.register, self)
        self.model_.columns = list(rows.columns)
        self.setModel(self.model_)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(140)
        self.activated.connect(self._activated)
        self.model_.loaded.connect(self._fit_columns)
        self.model_.set_query(filters=rows.filters(owner.name, record_id), order_by=rows.order_by, descending=True)

    def _fit_columns(self) -> None:
        # Titles of linked records are long ("Inspection 15/06/2025 at Shaheen Brick Kiln 13"): show them whole,
        # but leave room for the columns after them.
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for column in range(self.model_.columnCount() - 1):
            header.resizeSection(column, min(max(header.sectionSize(column), 90), MAX_COLUMN_WIDTH))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid() and not spec_for(self.rows.register).internal:
            self.open_row(self.rows.register, self.model_.record_id(index.row()))

    def texts(self) -> list[list[str]]:
        """The rows as shown (for tests and the screenshot check)."""
        model = self.model_
        return [
            [str(model.data(model.index(r, c)) or "") for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]


class RelatedTabs(QTabWidget):
    """Every kind of related row of one record, a tab each, the tab saying how many rows it holds."""

    def __init__(
        self,
        ctx: Context,
        owner: RegisterSpec,
        record_id: str,
        open_row: Callable[[str, str], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("related")
        self.setDocumentMode(True)
        self.tables: list[RelatedTable] = []
        for rows in related_rows(owner):
            table = RelatedTable(ctx, owner, record_id, rows, open_row, self)
            self.tables.append(table)
            self.addTab(table, "")
            table.model_.loaded.connect(lambda t=table: self._count(t))
            table.model_.rowsInserted.connect(lambda *_a, t=table: self._count(t))
            self._count(table)

    def _count(self, table: RelatedTable) -> None:
        self.setTabText(self.indexOf(table), f"{tr(table.rows.title)} ({table.model_.total:,})")

    def table(self, register: str, field: str | None = None) -> RelatedTable:
        for table in self.tables:
            if table.rows.register == register and field in (None, table.rows.field):
                return table
        raise KeyError(register)
