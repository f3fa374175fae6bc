"""The Reports screen: the district's indicators for any period, as tables and bar charts, a baseline-versus-latest
comparison, and the exports (bimonthly workbook and PDF; one register as CSV/XLSX, pseudonymised by default).

Every figure comes from `reports.indicators` over `reports.frames` (nothing is computed here); loading and
writing run through `ops`, off the UI thread.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models.enums import Role
from desktop_app.reports import indicators as ind
from desktop_app.reports.bimonthly import WrittenReport, write_bimonthly
from desktop_app.reports.exports import FULL, PSEUDONYMISED, ExportResult, export_register
from desktop_app.reports.frames import Period, load_frames
from desktop_app.services import permissions
from desktop_app.services.clock import local_today
from desktop_app.services.context import Context
from desktop_app.services.registry import in_screen_order
from desktop_app.views import dialogs, ops
from desktop_app.views.fmt import register_label
from desktop_app.views.i18n import tr
from desktop_app.views.tables import read_only_table

PRESETS = ("this_month", "last_two_months", "this_year", "custom")
BAR_COLOUR = "#2f5d8c"


def preset_period(preset: str, today: dt.date) -> Period:
    """This month; the previous month and this one (the committee's two-month window); this calendar year."""
    if preset == "this_month":
        return Period(today.replace(day=1), today)
    if preset == "last_two_months":
        previous = today.replace(day=1) - dt.timedelta(days=1)
        return Period(previous.replace(day=1), today)
    if preset == "this_year":
        return Period(dt.date(today.year, 1, 1), today)
    raise ValueError(preset)


@dataclass(frozen=True)
class ReportFigures:
    latest: ind.Indicators
    table: pd.DataFrame
    comparison: pd.DataFrame | None


def load_figures(ctx: Context, period: Period, baseline: Period | None = None) -> ReportFigures:
    latest = ind.compute(load_frames(ctx, period))
    comparison = ind.compare(ind.compute(load_frames(ctx, baseline)), latest) if baseline is not None else None
    return ReportFigures(latest, ind.indicator_table(latest), comparison)


def value_text(value: float | None, unit: str) -> str:
    """A figure as the officer reads it: 1,234 · 12.5 % · PKR 1,200; a dash where there is no value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if unit == "share":
        return f"{value * 100:.1f} %"
    if unit == "PKR":
        return f"PKR {value:,.0f}"
    return f"{value:,.0f}"


def change_text(value: float | None, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    sign = "+" if value > 0 else ""
    if unit == "share":
        return f"{sign}{value * 100:.1f} {tr('points')}"
    if unit == "PKR":
        return f"{sign}PKR {value:,.0f}"
    return f"{sign}{value:,.0f}"


def area_label(area: str) -> str:
    return {
        "inspections": tr("Inspections"),
        "kiln_survey": tr("Kiln survey"),
        "children": tr("Rescued children"),
        "agreements": tr("Kiln wage agreements"),
        "agencies": tr("Travel agencies"),
        "victims": tr("Migration victims"),
        "cases": tr("Cases"),
        "tips": tr("Tips and complaints"),
        "outreach": tr("Awareness and training"),
        "committees": tr("Monitoring committee"),
        "followups": tr("Follow-ups"),
    }.get(area, area)


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    # Left-to-right before the format: otherwise a right-to-left window shows yyyy/MM/dd.
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def _set_date(edit: QDateEdit, day: dt.date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def _cell(text: str, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class ReportsPage(QWidget):
    def __init__(self, ctx: Context, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reports")
        self.figures: ReportFigures | None = None
        self.written: list[Path] = []
        today = local_today(ctx.clock)

        self.preset = QComboBox()
        self.preset.setObjectName("preset")
        for key, text in zip(
            PRESETS, (tr("This month"), tr("Last two months"), tr("This year"), tr("Chosen dates")), strict=True
        ):
            self.preset.addItem(text, key)
        self.date_from, self.date_to = _date_edit("from"), _date_edit("to")
        self.baseline_on = QCheckBox(tr("Compare with a baseline period"))
        self.baseline_on.setObjectName("baseline-on")
        self.baseline_from, self.baseline_to = _date_edit("baseline-from"), _date_edit("baseline-to")
        _set_date(self.baseline_from, dt.date(today.year - 1, 1, 1))
        _set_date(self.baseline_to, dt.date(today.year - 1, 12, 31))
        self.show_button = QPushButton(tr("Show figures"))
        self.show_button.setObjectName("show")
        self.show_button.clicked.connect(self.show_figures)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._dates_edited)

        period_row = QHBoxLayout()
        period_row.addWidget(QLabel(tr("Period")))
        period_row.addWidget(self.preset)
        period_row.addWidget(self.date_from)
        period_row.addWidget(QLabel(tr("to")))
        period_row.addWidget(self.date_to)
        period_row.addSpacing(16)
        period_row.addWidget(self.baseline_on)
        period_row.addWidget(self.baseline_from)
        period_row.addWidget(QLabel(tr("to")))
        period_row.addWidget(self.baseline_to)
        period_row.addStretch(1)
        period_row.addWidget(self.show_button)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.hide()

        self.table = read_only_table("indicators", [tr("Area"), tr("Indicator"), tr("Value"), tr("Of")])
        self.comparison = read_only_table("comparison", [tr("Indicator"), tr("Baseline"), tr("Latest"), tr("Change")])
        self.kind_chart, self.kiln_chart, self.case_chart = QChart(), QChart(), QChart()
        charts = QWidget()
        grid = QGridLayout(charts)
        # Each chart keeps a readable height (Urdu labels are tall); the tab scrolls instead of squeezing them.
        for chart, (row, column, span, height) in (
            (self.kind_chart, (0, 0, 1, 300)),
            (self.kiln_chart, (0, 1, 1, 300)),
            (self.case_chart, (1, 0, 2, 420)),
        ):
            chart.legend().hide()
            view = QChartView(chart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(height)
            grid.addWidget(view, row, column, 1, span)
        charts_scroll = QScrollArea()
        charts_scroll.setWidgetResizable(True)
        charts_scroll.setWidget(charts)
        self.tabs = QTabWidget()
        self.tabs.addTab(charts_scroll, tr("Charts"))
        self.tabs.addTab(self.table, tr("All figures"))
        self.tabs.addTab(self.comparison, tr("Baseline vs latest"))

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + tr("Reports") + "</h2>"))
        layout.addLayout(period_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self._export_box())
        self.preset.setCurrentIndex(PRESETS.index("last_two_months"))
        self._preset_changed()

    # -- period ----------------------------------------------------------------------------------------------------

    def _preset_changed(self) -> None:
        key = self.preset.currentData()
        if key == "custom":
            return
        period = preset_period(key, local_today(self.ctx.clock))
        self._setting = True
        _set_date(self.date_from, period.start)
        _set_date(self.date_to, period.end)
        self._setting = False

    def _dates_edited(self) -> None:
        if not getattr(self, "_setting", False):
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(PRESETS.index("custom"))
            self.preset.blockSignals(False)

    def set_period(self, start: dt.date, end: dt.date) -> None:
        _set_date(self.date_from, start)
        _set_date(self.date_to, end)

    def period(self) -> Period:
        return Period(self.date_from.date().toPython(), self.date_to.date().toPython())

    def baseline(self) -> Period | None:
        if not self.baseline_on.isChecked():
            return None
        return Period(self.baseline_from.date().toPython(), self.baseline_to.date().toPython())

    # -- figures ---------------------------------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.figures is None:
            self.show_figures()

    def show_figures(self) -> None:
        self.error.hide()
        try:
            period, baseline = self.period(), self.baseline()
        except ValueError:
            self._failed_text(tr("The period ends before it starts."))
            return
        ctx = self.ctx
        self.show_button.setEnabled(False)
        self.summary.setText(tr("Counting…"))
        ops.query(lambda: load_figures(ctx, period, baseline), self._show, self._failed)

    def _show(self, figures: ReportFigures) -> None:
        self.show_button.setEnabled(True)
        self.figures = figures
        latest = figures.latest
        self.summary.setText(
            tr("%1 to %2 — inspections: %3, children withdrawn: %4, FIRs registered: %5, follow-ups overdue: %6.")
            .replace("%1", f"{latest.period.start:%d/%m/%Y}")
            .replace("%2", f"{latest.period.end:%d/%m/%Y}")
            .replace("%3", f"{latest.inspections_total:,}")
            .replace("%4", f"{latest.children.withdrawn:,}")
            .replace("%5", f"{latest.cases.firs_registered:,}")
            .replace("%6", f"{latest.overdue.total:,}")
        )
        self._fill_table(figures.table)
        self._fill_comparison(figures.comparison)
        self._draw_charts(latest)

    def _fill_table(self, table: pd.DataFrame) -> None:
        self.table.setRowCount(len(table))
        for row, item in enumerate(table.itertuples(index=False)):
            value = None if pd.isna(item.value) else float(item.value)
            of = ""
            if item.unit == "share" and not pd.isna(item.denominator):
                of = f"{item.numerator:,.0f} / {item.denominator:,.0f}"
            cells = [
                _cell(area_label(item.area)),
                _cell(tr(item.label)),
                _cell(value_text(value, item.unit), True),
                _cell(of, True),
            ]
            cells[0].setData(Qt.ItemDataRole.UserRole, item.indicator)
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

    def _fill_comparison(self, comparison: pd.DataFrame | None) -> None:
        if comparison is None:
            self.comparison.setRowCount(1)
            self.comparison.setItem(
                0, 0, _cell(tr("Tick “Compare with a baseline period” and show the figures again."))
            )
            for column in (1, 2, 3):
                self.comparison.setItem(0, column, _cell(""))
            return
        self.comparison.setRowCount(len(comparison))
        for row, item in enumerate(comparison.itertuples(index=False)):
            baseline = None if pd.isna(item.baseline) else float(item.baseline)
            latest = None if pd.isna(item.latest) else float(item.latest)
            change = None if pd.isna(item.change) else float(item.change)
            cells = [
                _cell(tr(item.label)),
                _cell(value_text(baseline, item.unit), True),
                _cell(value_text(latest, item.unit), True),
                _cell(change_text(change, item.unit), True),
            ]
            for column, cell in enumerate(cells):
                self.comparison.setItem(row, column, cell)
        self.comparison.resizeColumnsToContents()
        self.comparison.horizontalHeader().setStretchLastSection(True)

    def _draw_charts(self, latest: ind.Indicators) -> None:
        kinds = latest.inspections_by_kind
        _bar_chart(
            self.kind_chart,
            tr("Inspections by site kind"),
            [tr(ind.label_for(kind)) for kind in kinds],
            [float(n) for n in kinds.values()],
            horizontal=False,
        )
        kiln = latest.kiln
        shares = [
            (tr("In debt bondage"), kiln.bonded.value),
            (tr("Unaware of minimum wage"), kiln.unaware_min_wage.value),
            (tr("Illiterate"), kiln.illiterate.value),
            (tr("Written contract"), kiln.with_contract.value),
            (tr("EOBI-registered"), kiln.eobi.value),
        ]
        _bar_chart(
            self.kiln_chart,
            tr("Kiln workers (% of workers counted)"),
            [name for name, _v in shares],
            [round((v or 0.0) * 100, 1) for _n, v in shares],
            horizontal=True,
            percent=True,
        )
        statuses = latest.cases.by_status
        _bar_chart(
            self.case_chart,
            tr("Cases by status at the period end"),
            [tr(ind.label_for(status)) for status in statuses],
            [float(n) for n in statuses.values()],
            horizontal=True,
        )

    def _failed(self, exc: BaseException) -> None:
        self.show_button.setEnabled(True)
        self._failed_text(dialogs.error_text(exc))

    def _failed_text(self, text: str) -> None:
        self.summary.setText("")
        self.error.setText(text)
        self.error.show()

    # -- exports ---------------------------------------------------------------------------------------------------

    def _export_box(self) -> QGroupBox:
        box = QGroupBox(tr("Export"))
        may_export = permissions.allowed(self.ctx, permissions.EXPORT)
        self.bimonthly_button = QPushButton(tr("Bimonthly report (Excel and PDF)…"))
        self.bimonthly_button.setObjectName("export-bimonthly")
        self.bimonthly_button.clicked.connect(lambda: self._choose_folder(self.export_bimonthly))
        self.register = QComboBox()
        self.register.setObjectName("export-register")
        for spec in in_screen_order():
            self.register.addItem(register_label(spec), spec.name)
        self.format = QComboBox()
        self.format.setObjectName("export-format")
        self.format.addItem("CSV", "csv")
        self.format.addItem("Excel (XLSX)", "xlsx")
        self.mode = QComboBox()
        self.mode.setObjectName("export-mode")
        self.mode.addItem(tr("Pseudonymised (names hidden)"), PSEUDONYMISED)
        # Names and identity numbers leave the station only on the SHO's own decision.
        if self.ctx.actor.role == Role.SHO.value:
            self.mode.addItem(tr("Full (names and numbers; SHO only)"), FULL)
        self.register_button = QPushButton(tr("Export register…"))
        self.register_button.setObjectName("export-register-button")
        self.register_button.clicked.connect(lambda: self._choose_folder(self.export_register))
        self.export_status = QLabel()
        self.export_status.setObjectName("export-status")
        self.export_status.setWordWrap(True)
        self.export_status.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        for widget in (self.bimonthly_button, self.register_button):
            widget.setEnabled(may_export)
        row = QHBoxLayout()
        row.addWidget(self.bimonthly_button)
        row.addSpacing(24)
        row.addWidget(self.register, 1)
        row.addWidget(self.format)
        row.addWidget(self.mode)
        row.addWidget(self.register_button)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.export_status)
        return box

    def _choose_folder(self, then: Any) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Choose folder…"))
        if folder:
            then(Path(folder))

    def export_bimonthly(self, folder: Path) -> None:
        ctx, period, baseline = self.ctx, self.period(), self.baseline()
        stem = f"bimonthly-{ctx.station.station_code}-{period.start:%Y%m%d}-{period.end:%Y%m%d}"
        xlsx, pdf = Path(folder) / f"{stem}.xlsx", Path(folder) / f"{stem}.pdf"
        ops.query(
            lambda: write_bimonthly(ctx, period, xlsx, pdf, baseline=baseline),
            self._report_written,
            self._export_failed,
        )

    def _report_written(self, written: WrittenReport) -> None:
        self.written.extend(written.files)
        self.export_status.setText(tr("Written: %1").replace("%1", ", ".join(str(p) for p in written.files)))

    def export_register(self, folder: Path) -> None:
        ctx = self.ctx
        register, fmt, mode = self.register.currentData(), self.format.currentData(), self.mode.currentData()
        out = Path(folder) / f"{register}-{ctx.station.station_code}-{mode}.{fmt}"
        ops.query(lambda: export_register(ctx, register, out, mode=mode), self._register_written, self._export_failed)

    def _register_written(self, result: ExportResult) -> None:
        self.written.append(result.path)
        mode = tr("pseudonymised") if result.mode == PSEUDONYMISED else tr("full")
        self.export_status.setText(
            tr("Written: %1").replace("%1", f"{result.path} ({result.rows:,} {tr('rows')}, {mode})")
        )

    def _export_failed(self, exc: BaseException) -> None:
        self.export_status.setText(dialogs.error_text(exc))


def _bar_chart(
    chart: QChart,
    title: str,
    names: list[str],
    values: list[float],
    *,
    horizontal: bool,
    percent: bool = False,
) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    chart.setTitle(title)
    bars = QBarSet(title)
    bars.setColor(QColor(BAR_COLOUR))
    for value in values:
        bars.append(value)
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value %" if percent else "@value")
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsInsideEnd)
    chart.addSeries(series)
    names_axis = QBarCategoryAxis()
    names_axis.append(names)
    font = names_axis.labelsFont()
    font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
    names_axis.setLabelsFont(font)
    top, ticks = (100, 5) if percent else _axis_top(max([1.0, *values]))
    values_axis = QValueAxis()
    values_axis.setRange(0, top)
    values_axis.setLabelFormat("%d")
    values_axis.setTickCount(ticks)
    chart.addAxis(names_axis, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(names_axis)
    series.attachAxis(values_axis)


def _axis_top(largest: float) -> tuple[int, int]:
    """A whole-number axis end and tick count, so every tick label is a true whole number."""
    top = max(1, math.ceil(largest))
    if top <= 5:
        return top, top + 1
    step = math.ceil(top / 4)
    return step * 4, 5
