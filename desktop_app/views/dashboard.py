"""The first screen after unlocking: follow-ups due this week and overdue, cases by status, this month's work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models.enums import CaseStatus
from desktop_app.reports.targets import TargetResult, current_results
from desktop_app.services import auto_backup
from desktop_app.services.auto_backup import BackupStatus
from desktop_app.services.clock import local_today
from desktop_app.services.context import Context
from desktop_app.services.followups import DueItem, due_followups
from desktop_app.services.records import Changed, ListQuery, Records
from desktop_app.services.registry import spec_for
from desktop_app.views import ops
from desktop_app.views.fmt import choice_source, date_text, register_label
from desktop_app.views.i18n import tr

# The oldest overdue items first; a station with thousands overdue works through them from the lists' filter.
MAX_DUE_ROWS = 300
# A register whose newest good backup is older than this is one disk failure away from losing a week's work.
BACKUP_STALE_DAYS = 7


@dataclass(frozen=True)
class DashboardData:
    due: list[DueItem]
    cases_by_status: dict[str, int]
    inspections_this_month: int
    children_rescued_this_month: int
    # This station's (or the district's) targets for a period running today, with the results so far.
    targets: tuple[TargetResult, ...] = ()
    # The automatic backups' state (a station's; None at a district, which backs up its own way).
    backup: BackupStatus | None = None


def load_dashboard(ctx: Context) -> DashboardData:
    records = Records(ctx)
    today = local_today(ctx.clock)
    month_start = today.replace(day=1)
    by_status = {s.value: records.count("cases", ListQuery(filters={"status": s.value})) for s in CaseStatus}
    month = ListQuery(date_field="date", date_from=month_start, date_to=today)
    rescued = ListQuery(date_field="rescue_date", date_from=month_start, date_to=today)
    return DashboardData(
        due_followups(ctx, within_days=7),
        by_status,
        records.count("inspections", month),
        records.count("children", rescued),
        tuple(current_results(ctx, today)),
        None if ctx.station.is_district else auto_backup.status(ctx),
    )


def backup_text(backup: BackupStatus, now: dt.datetime) -> tuple[str, bool]:
    """The dashboard's line about backups, and whether it is a warning (none yet, too old, or a failed run)."""
    if backup.last_good is None:
        text, warn = tr("No backup of this register has been made yet: the SHO should make one now."), True
    else:
        age = now - backup.last_good
        text = tr("Last good backup: %1.").replace("%1", date_text(backup.last_good))
        warn = age > dt.timedelta(days=BACKUP_STALE_DAYS)
        if warn:
            text += " " + tr("It is more than a week old: make a backup now.")
    if backup.last_problems:
        text += " " + tr("The last automatic backup could not be written everywhere: the SHO should check it.")
        warn = True
    return text, warn


class DashboardPage(QWidget):
    def __init__(self, ctx: Context, open_record: Callable[[str, str | None], Any], parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx, self.open_record = ctx, open_record
        self.setObjectName("dashboard")
        self.data: DashboardData | None = None
        self.heading = QLabel()
        self.month = QLabel()
        self.month.setObjectName("month")
        self.backup = QLabel()
        self.backup.setObjectName("backup")
        self.backup.setWordWrap(True)
        self.backup.hide()
        self.due = QTableWidget(0, 4)
        self.due.setObjectName("due")
        self.due.setHorizontalHeaderLabels([tr("Due"), tr("Register"), tr("Record"), tr("Days overdue")])
        self.due.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.due.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.due.verticalHeader().setVisible(False)
        self.due.horizontalHeader().setStretchLastSection(True)
        self.due.cellActivated.connect(self._open_due)
        self.due.cellDoubleClicked.connect(self._open_due)
        self.chart = QChart()
        self.chart.setTitle(tr("Cases by status"))
        self.chart.legend().hide()
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(260)

        self.targets = QTableWidget(0, 4)
        self.targets.setObjectName("targets")
        self.targets.setHorizontalHeaderLabels([tr("Measure"), tr("Target"), tr("Result"), tr("Met")])
        self.targets.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.targets.verticalHeader().setVisible(False)
        self.targets.horizontalHeader().setStretchLastSection(True)

        due_box = QGroupBox(tr("Follow-ups due this week and overdue"))
        QVBoxLayout(due_box).addWidget(self.due)
        cases_box = QGroupBox(tr("Cases"))
        QVBoxLayout(cases_box).addWidget(self.chart_view)
        grid = QGridLayout(self)
        grid.addWidget(self.heading, 0, 0, 1, 2)
        grid.addWidget(self.month, 1, 0, 1, 2)
        grid.addWidget(self.backup, 2, 0, 1, 2)
        self.targets_box = QGroupBox(tr("Targets this period"))
        QVBoxLayout(self.targets_box).addWidget(self.targets)
        grid.addWidget(due_box, 3, 0)
        grid.addWidget(self.targets_box, 4, 0)
        grid.addWidget(cases_box, 3, 1, 2, 1)
        grid.setRowStretch(3, 3)
        grid.setRowStretch(4, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        ops.changes.changed.connect(self._on_changed)

    def reload(self) -> None:
        ctx = self.ctx
        ops.query(lambda: load_dashboard(ctx), self.show_data)

    def _on_changed(self, _changed: Changed) -> None:
        if self.isVisible():
            self.reload()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.reload()

    def show_data(self, data: DashboardData) -> None:
        self.data = data
        today = local_today(self.ctx.clock)
        self.heading.setText("<h2>" + tr("Dashboard") + f"</h2>{self.ctx.station.station_name} — {date_text(today)}")
        overdue = sum(1 for item in data.due if item.overdue_days > 0)
        self.month.setText(
            tr("This month — inspections: %1, children rescued: %2. Follow-ups overdue: %3.")
            .replace("%1", f"{data.inspections_this_month:,}")
            .replace("%2", f"{data.children_rescued_this_month:,}")
            .replace("%3", f"{overdue:,}")
        )
        shown = data.due[:MAX_DUE_ROWS]
        self.due.setRowCount(len(shown))
        for row, item in enumerate(shown):
            cells = [
                date_text(item.due),
                register_label(spec_for(item.register)),
                tr(item.title) if item.fixed_title else item.title,
                str(item.overdue_days) if item.overdue_days else "",
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                # Plain text, not a Python tuple: PySide 6.12 miscounts references on tuples kept in item data.
                cell.setData(Qt.ItemDataRole.UserRole, f"{item.register}:{item.record_id}")
                if item.overdue_days:
                    cell.setForeground(QBrush(QColor("#b00020")))
                self.due.setItem(row, column, cell)
        self.due.resizeColumnsToContents()
        self.due.horizontalHeader().setStretchLastSection(True)
        self._draw_chart(data.cases_by_status)
        self._show_targets(data.targets)
        self._show_backup(data.backup)

    def _show_backup(self, backup: BackupStatus | None) -> None:
        self.backup.setVisible(backup is not None)
        if backup is None:
            return
        text, warn = backup_text(backup, self.ctx.clock.now())
        self.backup.setText(text)
        self.backup.setStyleSheet("color: #b00020" if warn else "")

    def _show_targets(self, targets: tuple[TargetResult, ...]) -> None:
        self.targets_box.setVisible(bool(targets))
        self.targets.setRowCount(len(targets))
        for row, item in enumerate(targets):
            cells = [
                tr(choice_source(item.measure)),
                f"{item.target:,}",
                f"{item.result:,}",
                tr("Yes" if item.met else "No"),
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if not item.met:
                    cell.setForeground(QBrush(QColor("#b00020")))
                self.targets.setItem(row, column, cell)
        self.targets.resizeColumnsToContents()
        self.targets.horizontalHeader().setStretchLastSection(True)

    def _draw_chart(self, by_status: dict[str, int]) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        bars = QBarSet(tr("Cases"))
        bars.setColor(QColor("#2e6b3f"))
        names = []
        for status, count in by_status.items():
            bars.append(count)
            names.append(tr(choice_source(status)))
        # Horizontal bars: status names (long in Urdu) stay readable instead of being cut short under columns.
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        self.chart.addSeries(series)
        names_axis = QBarCategoryAxis()
        names_axis.append(names)
        top = max([1, *by_status.values()])
        counts_axis = QValueAxis()
        counts_axis.setRange(0, top)
        counts_axis.setTickCount(min(top, 5) + 1)
        counts_axis.setLabelFormat("%d")
        self.chart.addAxis(names_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(counts_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names_axis)
        series.attachAxis(counts_axis)

    def _open_due(self, row: int, _column: int) -> None:
        cell = self.due.item(row, 0)
        if cell is not None:
            register, record_id = str(cell.data(Qt.ItemDataRole.UserRole)).split(":", 1)
            self.open_record(register, record_id)


__all__ = ["DashboardData", "DashboardPage", "dt", "load_dashboard"]
