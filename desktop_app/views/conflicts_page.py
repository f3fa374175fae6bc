"""The Conflicts screen: versions that lost a merge, compared with the record as it is now, then either kept
as they are (reviewed) or brought back — the latter only at the station that owns the record.

Shown at the district (every station's conflicts) and at a station (its own, and the district's conflicts on
its records that came with a return bundle).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AhtcError
from desktop_app.services import permissions
from desktop_app.services.context import Context
from desktop_app.services.records import Changed
from desktop_app.services.registry import spec_for
from desktop_app.sync.conflicts import (
    AT_THE_DISTRICT,
    BLOCKED,
    ConflictDetail,
    ConflictRow,
    conflict_detail,
    list_conflicts,
    mark_reviewed,
    restore_other_version,
)
from desktop_app.views import dialogs, ops
from desktop_app.views.fmt import choice_source, date_text, display, label
from desktop_app.views.i18n import tr
from desktop_app.views.tables import read_only_table


class ConflictsPage(QWidget):
    """Losing versions kept by the merge (never dropped), to compare and settle."""

    def __init__(self, ctx: Context, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("conflicts")
        self.conflicts: list[ConflictRow] = []
        self.detail: ConflictDetail | None = None
        self.table = read_only_table(
            "conflicts-table",
            [tr("Station"), tr("Register"), tr("Record"), tr("Detected"), tr("Reason"), tr("State")],
        )
        self.table.itemSelectionChanged.connect(self._selected)
        self.show_reviewed = QCheckBox(tr("Show reviewed conflicts too"))
        self.show_reviewed.setObjectName("show-reviewed")
        self.show_reviewed.toggled.connect(lambda _on: self.reload())

        self.heading = QLabel(tr("Select a conflict to compare the two versions."))
        self.heading.setObjectName("conflict-heading")
        self.heading.setWordWrap(True)
        self.differences = read_only_table(
            "conflict-differences", [tr("Field"), tr("In the register now"), tr("The other version")]
        )
        self.advice = QLabel("")
        self.advice.setObjectName("conflict-advice")
        self.advice.setWordWrap(True)
        self.keep_button = QPushButton(tr("Keep the record as it is"))
        self.keep_button.setObjectName("keep-record")
        self.keep_button.clicked.connect(self.keep_as_it_is)
        self.restore_button = QPushButton(tr("Bring the other version back"))
        self.restore_button.setObjectName("restore-other")
        self.restore_button.clicked.connect(self._confirm_restore)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel("<h2>" + tr("Conflicts") + "</h2>"))
        intro = QLabel(
            tr(
                "When two versions of the same record meet and neither was made from the other, the newer one is "
                "kept in the register and the other one here, never lost. Compare them, then keep the record as it "
                "is, or bring the other version back (only the station that owns the record can)."
            )
        )
        intro.setWordWrap(True)
        top_layout.addWidget(intro)
        top_layout.addWidget(self.show_reviewed)
        top_layout.addWidget(self.table, 1)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.heading)
        bottom_layout.addWidget(self.differences, 1)
        bottom_layout.addWidget(self.advice)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.restore_button)
        bottom_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        ops.changes.changed.connect(self._on_changed)
        self._show_detail(None)

    # -- loading ------------------------------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.reload()

    def _on_changed(self, _changed: Changed) -> None:
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        ctx, open_only = self.ctx, not self.show_reviewed.isChecked()
        ops.query(lambda: list_conflicts(ctx, open_only=open_only), self.show_conflicts, self._failed)

    def show_conflicts(self, conflicts: list[ConflictRow]) -> None:
        chosen = self.detail.conflict.id if self.detail is not None else None
        self.conflicts = conflicts
        self.table.blockSignals(True)
        self.table.setRowCount(len(conflicts))
        for row, c in enumerate(conflicts):
            state = tr("Reviewed") if c.resolved_at is not None else tr("Open")
            cells = [
                c.lost_origin,
                tr(spec_for(c.table_name).label),
                c.title or c.row_id,
                date_text(c.detected_at),
                reason_text(c.reason),
                state,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(str(text)))
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        still_there = [i for i, c in enumerate(conflicts) if c.id == chosen]
        if still_there:
            self.table.setCurrentCell(still_there[0], 0)  # selectRow() selects nothing in right-to-left
        else:
            self._show_detail(None)

    def _selected(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            self._show_detail(None)
            return
        conflict = self.conflicts[rows.pop()]
        ctx = self.ctx
        ops.query(lambda: conflict_detail(ctx, conflict.id), self._show_detail, self._failed)

    # -- the comparison -----------------------------------------------------------------------------------------

    def _show_detail(self, detail: ConflictDetail | None) -> None:
        self.detail = detail
        self.differences.setRowCount(0)
        self.keep_button.setEnabled(False)
        self.restore_button.setEnabled(False)
        if detail is None:
            self.heading.setText(tr("Select a conflict to compare the two versions."))
            self.advice.setText("")
            return
        c = detail.conflict
        self.heading.setText(f"<b>{tr(detail.register_label)}: {detail.title}</b> — {reason_text(c.reason)}")
        rows = self._comparison_rows(detail)
        self.differences.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.differences.setItem(row, column, QTableWidgetItem(text))
        self.differences.resizeColumnsToContents()
        reviewed = c.resolved_at is not None
        if reviewed:
            self.advice.setText(tr("Reviewed by %1.").replace("%1", c.resolved_by or ""))
        else:
            self.advice.setText(blocked_text(detail))
        self.keep_button.setEnabled(not reviewed and permissions.allowed(self.ctx, permissions.SYNC))
        self.restore_button.setEnabled(not reviewed and detail.blocked is None)

    def _comparison_rows(self, detail: ConflictDetail) -> list[list[str]]:
        spec = spec_for(detail.conflict.table_name)
        rows: list[list[str]] = []
        if detail.now_deleted or detail.other_deleted:
            rows.append(
                [
                    tr("Deleted"),
                    tr("Yes") if detail.now_deleted else tr("No"),
                    tr("Yes") if detail.other_deleted else tr("No"),
                ]
            )
        for difference in detail.differences:
            rule = spec.fields.get(difference.field)
            rows.append(
                [
                    label(difference.field, rule),
                    _shown(rule, difference.now),
                    _shown(rule, difference.other),
                ]
            )
        return rows

    # -- acting ---------------------------------------------------------------------------------------------------

    def keep_as_it_is(self) -> None:
        if self.detail is None:
            return
        ctx, number = self.ctx, self.detail.conflict.id
        ops.query(lambda: mark_reviewed(ctx, number), lambda _none: self.reload(), self._failed)

    def _confirm_restore(self) -> None:
        if self.detail is None:
            return
        question = tr(
            "The record will hold the other version's details again, as a change saved by you. "
            "It goes to the district with the next sync. Go ahead?"
        )
        if dialogs.ask(self, tr("Bring the other version back"), question):
            self.bring_back()

    def bring_back(self) -> None:
        if self.detail is None:
            return
        ctx, number, seen = self.ctx, self.detail.conflict.id, self.detail.current_hlc
        ops.write(lambda: restore_other_version(ctx, number, seen), lambda _changed: self.reload(), self._failed)

    def _failed(self, exc: BaseException) -> None:
        message = exc.user_message() if isinstance(exc, AhtcError) else str(exc)
        self.advice.setText(message)


def blocked_text(detail: ConflictDetail) -> str:
    """Why the other version cannot be brought back here, in the officer's language ("" when it can)."""
    if detail.blocked is None:
        return ""
    spec = spec_for(detail.conflict.table_name)
    names = detail.blocked_detail
    if detail.blocked == "own_action_only":
        names = ", ".join(label(name, spec.fields.get(name)) for name in names.split(", ") if name)
    return tr(BLOCKED[detail.blocked]).replace("%1", names)


def reason_text(reason: str) -> str:
    """The merge's reason (stored in English, from sync/decide.py) in the officer's language."""
    if reason.startswith(AT_THE_DISTRICT):
        return tr("at the district:") + " " + tr(reason.removeprefix(AT_THE_DISTRICT))
    return tr(reason)


def _shown(rule: Any, value: Any) -> str:
    """A value as the change log holds it (dates as ISO text) shown as the form would show it."""
    if value is None or value == "":
        return tr("(empty)")
    if isinstance(value, str) and rule is not None and rule.kind == "date":
        try:
            return date_text(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, str) and rule is not None and rule.kind == "enum":
        return tr(choice_source(value))
    return display(rule, value)
