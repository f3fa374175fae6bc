"""The district vigilance committee's bimonthly report: an Excel workbook (one sheet per area) and an A4 PDF.

Both are built from one `BimonthlyReport` (indicators computed from the registers), so the workbook and the PDF
can never disagree. The report holds counts and shares only, never a name, CNIC or address. Files are written
atomically and each leaves an audit entry ("export", kind and row count).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app.reports import indicators as ind
from desktop_app.reports import targets
from desktop_app.reports.frames import Period, RegisterFrames, load_frames
from desktop_app.reports.targets import TargetResult
from desktop_app.services import audit, permissions
from desktop_app.services.clock import PAKISTAN
from desktop_app.services.context import Context
from desktop_app.store.atomic import write_atomic

TITLE = "District Vigilance Committee — bimonthly report"
HEADER_ROWS = 6  # title, district, station, period, generated, sheet heading; the table starts below


@dataclass(frozen=True)
class BimonthlyReport:
    period: Period
    district: str
    station_label: str
    generated_at: dt.datetime  # aware, UTC
    generated_by: str
    indicators: ind.Indicators
    table: pd.DataFrame  # indicators.indicator_table
    stations: pd.DataFrame | None  # indicators.station_table, when the store holds more than one station
    comparison: pd.DataFrame | None  # indicators.compare(baseline, latest), when a baseline period was given
    source_rows: int  # register rows the figures were computed from
    # The targets set for this station (or the district) for a period inside this one, with their results.
    targets: tuple[TargetResult, ...] = ()


@dataclass(frozen=True)
class WrittenReport:
    report: BimonthlyReport
    files: tuple[Path, ...]


def build_report(
    ctx: Context, period: Period, *, station_code: str | None = None, baseline: Period | None = None
) -> BimonthlyReport:
    frames = load_frames(ctx, period, station_code)
    return report_from_frames(
        ctx, frames, baseline_frames=load_frames(ctx, baseline, station_code) if baseline else None
    )


def report_from_frames(
    ctx: Context, frames: RegisterFrames, *, baseline_frames: RegisterFrames | None = None
) -> BimonthlyReport:
    latest = ind.compute(frames)
    stations = None
    codes = frames.stations()
    if frames.station_code is None and (frames.is_district or len(codes) > 1):
        stations = ind.station_table({code: ind.compute(frames.for_station(code)) for code in codes})
    comparison = ind.compare(ind.compute(baseline_frames), latest) if baseline_frames is not None else None
    label = frames.station_name if frames.station_code is None else frames.station_code
    if frames.station_code in (None, ctx.station.station_code) and not frames.is_district:
        label = f"{ctx.station.station_name} ({ctx.station.station_code})"
    return BimonthlyReport(
        period=frames.period,
        district=frames.district,
        station_label=label,
        generated_at=ctx.clock.now(),
        generated_by=ctx.actor.username,
        indicators=latest,
        table=ind.indicator_table(latest),
        stations=stations,
        comparison=comparison,
        source_rows=frames.row_count(),
        targets=tuple(
            targets.results(frames, targets.load_targets(ctx), frames.station_code or ctx.station.station_code)
        ),
    )


def write_bimonthly(
    ctx: Context,
    period: Period,
    xlsx_path: Path,
    pdf_path: Path | None = None,
    *,
    station_code: str | None = None,
    baseline: Period | None = None,
) -> WrittenReport:
    """Build the report once, write the workbook (and the PDF), and audit each file written."""
    permissions.require(ctx, permissions.EXPORT)
    report = build_report(ctx, period, station_code=station_code, baseline=baseline)
    outputs: list[tuple[Path, bytes, str]] = [(Path(xlsx_path), workbook_bytes(report), "bimonthly-xlsx")]
    if pdf_path is not None:
        outputs.append((Path(pdf_path), pdf_bytes(report), "bimonthly-pdf"))
    written: list[Path] = []
    try:
        for path, data, _kind in outputs:
            write_atomic(path, data)
            written.append(path)
    except BaseException:
        # The workbook without its PDF would look like the whole report was written: both or neither.
        for path in written:
            path.unlink(missing_ok=True)
        raise
    with ctx.store.transaction() as session:
        audit.append_many(
            session, ctx, [("export", "report", None, f"{kind} rows={report.source_rows}") for _p, _d, kind in outputs]
        )
    return WrittenReport(report, tuple(path for path, _d, _k in outputs))


# -- formatting ---------------------------------------------------------------------------------------------------


def fmt_date(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def fmt_generated(report: BimonthlyReport) -> str:
    local = report.generated_at.astimezone(PAKISTAN)
    return f"{local:%d/%m/%Y %H:%M} (PKT) by {report.generated_by}"


def fmt_count(value: float | None) -> str:
    return "—" if value is None or pd.isna(value) else f"{round(value):,}"


def fmt_pkr(value: float | None) -> str:
    return "—" if value is None or pd.isna(value) else f"PKR {round(value):,}"


def fmt_share(value: float | None) -> str:
    return "—" if value is None or pd.isna(value) else f"{value * 100:.1f} %"


def fmt_value(value: float | None, unit: str) -> str:
    return {"share": fmt_share, "PKR": fmt_pkr}.get(unit, fmt_count)(value)


def _nice(code: str) -> str:
    return ind.label_for(code)


# -- the workbook -------------------------------------------------------------------------------------------------

EXCEL_FORMATS = {"count": "#,##0", "share": "0.0%", "PKR": '"PKR "#,##0'}
AREA_SHEETS = [
    ("Inspections", "inspections", "Inspections by site kind"),
    ("Kiln survey", "kiln_survey", "Brick-kiln workers (ratio of sums over kiln inspections in the period)"),
    ("Children", "children", "Rescued children and their follow-up"),
    ("Agreements", "agreements", "Kiln wage agreements (latest follow-up in the period)"),
    ("Agencies", "agencies", "Travel agencies and notices"),
    ("Cases", "cases", "Cases: status at the period end; steps taken in the period"),
    ("Tips", "tips", "Tips and complaints: each step counted in the period it was taken in"),
    ("Awareness and training", "outreach", "Awareness sessions, advisories posted and officer trainings"),
    ("Committee", "committees", "Monitoring committee: meetings, action items, joint inspections"),
    ("Follow-ups", "followups", "Follow-ups overdue at the period end"),
]


def targets_frame(report: BimonthlyReport) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Period": [t.period.label() for t in report.targets],
            "Measure": [t.label for t in report.targets],
            "Target": [t.target for t in report.targets],
            "Result": [t.result for t in report.targets],
            "Met": ["yes" if t.met else "no" for t in report.targets],
        }
    )


def area_frame(table: pd.DataFrame, area: str) -> pd.DataFrame:
    rows = table[table["area"] == area]
    return pd.DataFrame(
        {
            "Indicator": rows["label"].to_numpy(),
            "Numerator": rows["numerator"].to_numpy(),
            "Denominator": rows["denominator"].to_numpy(),
            "Value": rows["value"].to_numpy(),
            "Unit": rows["unit"].to_numpy(),
        }
    )


def workbook_bytes(report: BimonthlyReport) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        summary = report.table.assign(area=report.table["area"].map(_nice))
        summary = summary.rename(
            columns={
                "area": "Area",
                "label": "Indicator",
                "numerator": "Numerator",
                "denominator": "Denominator",
                "value": "Value",
                "unit": "Unit",
            }
        )[["Area", "Indicator", "Numerator", "Denominator", "Value", "Unit"]]
        _sheet(writer, "Summary", "All indicators", summary, report)
        for name, area, heading in AREA_SHEETS:
            _sheet(writer, name, heading, area_frame(report.table, area), report)
        victims = report.indicators.victims.by_route_status.copy()
        victims.index = [_nice(str(i)) for i in victims.index]
        victims.columns = [_nice(str(c)) for c in victims.columns]
        victims = victims.reset_index(names="Route")
        _sheet(
            writer,
            "Victims",
            "Migration victims with the incident in the period: route × current status",
            victims,
            report,
            total_row=True,
        )
        if report.targets:
            _sheet(writer, "Targets", "Results against the targets set for the period", targets_frame(report), report)
        if report.stations is not None:
            stations = report.stations.reset_index(names="Station")
            _sheet(
                writer,
                "Stations",
                "Per-station comparison (district row: pooled ratios of sums)",
                stations,
                report,
                total_row=True,
                station_units=True,
            )
        if report.comparison is not None:
            comp = report.comparison.rename(
                columns={
                    "area": "Area",
                    "label": "Indicator",
                    "baseline": f"Baseline {report.comparison.attrs['baseline_period']}",
                    "latest": f"Latest {report.comparison.attrs['latest_period']}",
                    "change": "Change",
                    "unit": "Unit",
                }
            ).drop(columns=["indicator"])
            comp["Area"] = comp["Area"].map(_nice)
            _sheet(writer, "Baseline vs latest", "Baseline period against the latest period", comp, report)
    return buffer.getvalue()


def _sheet(
    writer: pd.ExcelWriter,
    name: str,
    heading: str,
    frame: pd.DataFrame,
    report: BimonthlyReport,
    *,
    total_row: bool = False,
    station_units: bool = False,
) -> None:
    frame.to_excel(writer, sheet_name=name, index=False, startrow=HEADER_ROWS)
    ws: Worksheet = writer.sheets[name]
    header = [
        (TITLE, ""),
        ("District", report.district),
        ("Station", report.station_label),
        ("Period", report.period.label()),
        ("Generated", fmt_generated(report)),
        (heading, ""),
    ]
    for row, (label, value) in enumerate(header, start=1):
        ws.cell(row=row, column=1, value=label)
        ws.cell(row=row, column=2, value=value or None)
        ws.cell(row=row, column=1).font = Font(bold=True, size=14 if row == 1 else 11)
    first_data = HEADER_ROWS + 2
    ws.freeze_panes = ws.cell(row=first_data, column=2 if station_units else 1)
    fill = PatternFill("solid", fgColor="DDE4EE")
    for cell in ws[HEADER_ROWS + 1]:
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    columns = list(frame.columns)
    units = frame["Unit"].tolist() if "Unit" in columns else None
    station_unit = _station_units() if station_units else {}
    for r in range(len(frame)):
        excel_row = first_data + r
        for c, column in enumerate(columns, start=1):
            cell = ws.cell(row=excel_row, column=c)
            if units is not None and column not in ("Area", "Indicator", "Unit"):
                unit = units[r]
                cell.number_format = (
                    EXCEL_FORMATS["count"]
                    if column in ("Numerator", "Denominator")
                    else ("0.0%" if unit == "share" and column == "Change" else EXCEL_FORMATS.get(unit, "#,##0.##"))
                )
            elif station_units and column in station_unit:
                cell.number_format = EXCEL_FORMATS[station_unit[column]]
            elif isinstance(cell.value, (int, float)):
                cell.number_format = "#,##0"
    if total_row and len(frame):
        for cell in ws[first_data + len(frame) - 1]:
            cell.font = Font(bold=True)
    for c, column in enumerate(columns, start=1):
        values = [str(column)] + [fmt_value(v, "count") if isinstance(v, float) else str(v) for v in frame[column]]
        width = min(60, max(10, max(len(v) for v in values) + 2))
        if station_units:
            width = min(width, 16)
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.column_dimensions["A"].width = max(ws.column_dimensions["A"].width or 0, 24)
    if station_units:
        for cell in ws[HEADER_ROWS + 1]:
            cell.value = _station_header(str(cell.value))
        ws.row_dimensions[HEADER_ROWS + 1].height = 45


def _station_units() -> dict[str, str]:
    return {key: ("share" if key.startswith("share_") else "count") for key in ind.STATION_COLUMNS}


STATION_HEADERS = {
    "inspections_total": "Inspections",
    "kiln_inspections": "Kiln inspections",
    "share_bonded": "Kiln workers in bondage",
    "share_unaware_min_wage": "Unaware of min. wage",
    "children_withdrawn": "Children withdrawn",
    "share_in_school": "In school at last visit",
    "agreements_compliant": "Agreements compliant",
    "agreements_non_compliant": "Agreements non-compliant",
    "victims_new": "New victims",
    "firs_registered": "FIRs registered",
    "convictions": "Convictions",
    "acquittals": "Acquittals",
    "overdue_total": "Follow-ups overdue",
}


def _station_header(key: str) -> str:
    return STATION_HEADERS.get(key, key)


# -- the PDF ------------------------------------------------------------------------------------------------------

PAGE_W, PAGE_H = A4
MARGIN = 15 * mm
FRAME_W = PAGE_W - 2 * MARGIN
BAR = colors.HexColor("#2F5D8C")
BAR2 = colors.HexColor("#C0504D")
GRID = colors.HexColor("#B7C3D0")
HEAD_BG = colors.HexColor("#DDE4EE")


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    """Draws "page x of y" once the page count is known (all pages are kept until save)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._report_footer: str = kwargs.pop("footer", "")
        super().__init__(*args, **kwargs)
        self._saved: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self.setFont("Helvetica", 8)
            self.setFillColor(colors.grey)
            self.setFont("Helvetica-Bold", 8)
            self.drawString(MARGIN, 9 * mm, "CONFIDENTIAL")
            self.setFont("Helvetica", 8)
            self.drawCentredString(PAGE_W / 2, 9 * mm, self._report_footer)
            self.drawRightString(PAGE_W - MARGIN, 9 * mm, f"page {self._pageNumber} of {total}")
            super().showPage()
        super().save()


def pdf_bytes(report: BimonthlyReport) -> bytes:
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    h1 = ParagraphStyle("h1", parent=styles["Title"], fontSize=15, spaceAfter=4)
    h2 = ParagraphStyle("h2", parent=styles["Heading2"], fontSize=12, spaceBefore=8, spaceAfter=4)
    small = ParagraphStyle("small", parent=styles["BodyText"], fontSize=8, leading=10, textColor=colors.grey)
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=18 * mm,
        title=TITLE,
        author="AHTC Register",
        subject=f"{report.district} {report.period.label()}",
    )
    i = report.indicators
    story: list[Any] = [
        Paragraph(TITLE, h1),
        _grid(
            [
                ["District", report.district, "Period", report.period.label()],
                ["Station", report.station_label, "Generated", fmt_generated(report)],
            ],
            [22 * mm, 58 * mm, 22 * mm, FRAME_W - 102 * mm],
            header=False,
        ),
        Spacer(1, 4 * mm),
        Paragraph("Key figures", h2),
        _grid(
            [
                ["Indicator", "Value", "Indicator", "Value"],
                [
                    "Inspections (all sites)",
                    fmt_count(i.inspections_total),
                    "FIRs registered",
                    fmt_count(i.cases.firs_registered),
                ],
                [
                    "Kiln workers in debt bondage",
                    fmt_share(i.kiln.bonded.value),
                    "Convictions",
                    fmt_count(i.cases.convictions),
                ],
                ["Children withdrawn", fmt_count(i.children.withdrawn), "Acquittals", fmt_count(i.cases.acquittals)],
                [
                    "Children in school at last visit",
                    fmt_share(i.children.in_school.value),
                    "New migration victims",
                    fmt_count(i.victims.new_victims),
                ],
                [
                    "Agreements compliant",
                    f"{fmt_count(i.agreements.compliant)} of {fmt_count(i.agreements.followed_up)}",
                    "Follow-ups overdue",
                    fmt_count(i.overdue.total),
                ],
            ],
            [58 * mm, 32 * mm, 58 * mm, FRAME_W - 148 * mm],
            numeric_cols=(1, 3),
        ),
        Spacer(1, 3 * mm),
        _bar_chart(
            "Inspections by site kind",
            [_nice(k) for k in i.inspections_by_kind],
            [[v for v in i.inspections_by_kind.values()]],
        ),
    ]
    story += _area(report, "kiln_survey", "Brick-kiln workers", h2)
    story.append(
        _hbar_chart(
            "Kiln workers: share of workers counted (%)",
            [label for _c, label in ind.KILN_MEASURES.values()],
            [round((getattr(i.kiln, key).value or 0) * 100, 1) for key in ind.KILN_MEASURES],
            percent=True,
        )
    )
    story += _area(report, "children", "Rescued children", h2)
    story.append(
        _bar_chart(
            "Children",
            ["Withdrawn", "Enrolled", "Visited", "In school", "Back at work"],
            [
                [
                    i.children.withdrawn,
                    i.children.enrolled,
                    i.children.followed_up,
                    int(i.children.in_school.numerator),
                    int(i.children.back_at_work.numerator),
                ]
            ],
        )
    )
    story += _area(report, "agreements", "Kiln wage agreements", h2)
    story.append(
        _bar_chart(
            "Agreements by compliance at the latest follow-up",
            ["Compliant", "Partial", "Non-compliant"],
            [[i.agreements.compliant, i.agreements.partial, i.agreements.non_compliant]],
        )
    )
    story += _area(report, "agencies", "Travel agencies", h2)
    story.append(CondPageBreak(90 * mm))
    story.append(Paragraph("Migration victims (incident in the period), by route and current status", h2))
    table = i.victims.by_route_status
    story.append(
        _grid(
            [["Route", *[_nice(str(c)) for c in table.columns]]]
            + [[_nice(str(idx)), *[fmt_count(v) for v in row]] for idx, row in table.iterrows()],
            [44 * mm] + [(FRAME_W - 44 * mm) / len(table.columns)] * len(table.columns),
            numeric_cols=tuple(range(1, len(table.columns) + 1)),
            total_row=True,
            wrap_header=True,
        )
    )
    story.append(Spacer(1, 2 * mm))
    story.append(
        _bar_chart(
            "New victims by route",
            [_nice(str(r)) for r in table.index if r != "total"],
            [[int(table.loc[r, "total"]) for r in table.index if r != "total"]],
        )
    )
    story.append(
        Paragraph(
            f"Paid to agents: {fmt_pkr(i.victims.amount_paid_pkr)}; ransom paid: {fmt_pkr(i.victims.ransom_paid_pkr)}.",
            styles["BodyText"],
        )
    )
    story += _area(report, "cases", "Cases", h2)
    story.append(
        _bar_chart(
            "Cases by status at the period end",
            [_nice(s) for s in i.cases.by_status],
            [list(i.cases.by_status.values())],
        )
    )
    story.append(
        _bar_chart(
            "Case steps taken in the period",
            ["FIR", "Challan", "Court", "Convicted", "Acquitted", "Closed"],
            [
                [
                    i.cases.firs_registered,
                    i.cases.challans,
                    i.cases.in_court,
                    i.cases.convictions,
                    i.cases.acquittals,
                    i.cases.closed,
                ]
            ],
        )
    )
    story += _area(report, "tips", "Tips and complaints", h2)
    story += _area(report, "outreach", "Awareness and training", h2)
    story += _area(report, "committees", "Monitoring committee and partner agencies", h2)
    story += _area(report, "followups", "Follow-ups overdue at the period end", h2)
    if report.targets:
        rows = [["Period", "Measure", "Target", "Result", "Met"]]
        rows += [
            [t.period.label(), t.label, fmt_count(t.target), fmt_count(t.result), "yes" if t.met else "no"]
            for t in report.targets
        ]
        grid = _grid(rows, [40 * mm, 76 * mm, 20 * mm, 20 * mm, FRAME_W - 156 * mm], numeric_cols=(2, 3))
        story += [CondPageBreak(40 * mm), KeepTogether([Paragraph("Results against targets", h2), grid])]
    if report.stations is not None:
        story += _stations_block(report.stations, h2)
    if report.comparison is not None:
        story += _comparison_block(report.comparison, h2)
    story.append(Spacer(1, 4 * mm))
    story.append(
        Paragraph(
            "Every figure is counted from the registers (deleted records excluded); definitions are in "
            "docs/reports.md. Aggregate figures only, no personal data. "
            "Shares are ratios of sums; “—” means there was nothing to divide by.",
            small,
        )
    )
    footer = f"{report.district} — {report.period.label()}"
    doc.build(story, canvasmaker=lambda *a, **k: _NumberedCanvas(*a, footer=footer, **k))
    return buffer.getvalue()


def _area(report: BimonthlyReport, area: str, heading: str, style: ParagraphStyle) -> list[Any]:
    rows = report.table[report.table["area"] == area]
    data: list[list[str]] = [["Indicator", "Numerator", "Denominator", "Value"]]
    for _, row in rows.iterrows():
        is_share = row["unit"] == "share"
        data.append(
            [
                str(row["label"]),
                fmt_count(row["numerator"]) if is_share else "",
                fmt_count(row["denominator"]) if is_share else "",
                fmt_value(row["value"], str(row["unit"])),
            ]
        )
    grid = _grid(data, [92 * mm, 27 * mm, 27 * mm, FRAME_W - 146 * mm], numeric_cols=(1, 2, 3))
    return [CondPageBreak(45 * mm), KeepTogether([Paragraph(heading, style), grid]), Spacer(1, 2 * mm)]


def _stations_block(stations: pd.DataFrame, style: ParagraphStyle) -> list[Any]:
    keys = [
        "inspections_total",
        "share_bonded",
        "children_withdrawn",
        "share_in_school",
        "victims_new",
        "firs_registered",
        "convictions",
        "overdue_total",
    ]
    data = [["Station", *[STATION_HEADERS[k] for k in keys]]]
    for code, row in stations.iterrows():
        data.append([str(code), *[fmt_share(row[k]) if k.startswith("share_") else fmt_count(row[k]) for k in keys]])
    first = 28 * mm
    widths = [first] + [(FRAME_W - first) / len(keys)] * len(keys)
    return [
        CondPageBreak(60 * mm),
        Paragraph("Per-station comparison", style),
        _grid(
            data,
            widths,
            numeric_cols=tuple(range(1, len(keys) + 1)),
            total_row=True,
            font_size=7,
            wrap_header=True,
            padding=3,
        ),
        Spacer(1, 2 * mm),
        _bar_chart(
            "Inspections by station",
            [str(c) for c in stations.index if c != "ALL STATIONS"],
            [[int(stations.loc[c, "inspections_total"]) for c in stations.index if c != "ALL STATIONS"]],
        ),
    ]


def _comparison_block(comparison: pd.DataFrame, style: ParagraphStyle) -> list[Any]:
    data = [
        [
            "Indicator",
            f"Baseline\n{comparison.attrs['baseline_period']}",
            f"Latest\n{comparison.attrs['latest_period']}",
            "Change",
        ]
    ]
    for _, row in comparison.iterrows():
        unit = str(row["unit"])
        change = row["change"]
        change_text = "—" if pd.isna(change) else (f"{change * 100:+.1f} pts" if unit == "share" else f"{change:+,.0f}")
        data.append([str(row["label"]), fmt_value(row["baseline"], unit), fmt_value(row["latest"], unit), change_text])
    return [
        CondPageBreak(60 * mm),
        Paragraph("Baseline against latest period", style),
        _grid(data, [80 * mm, 35 * mm, 35 * mm, FRAME_W - 150 * mm], numeric_cols=(1, 2, 3), font_size=7.5),
    ]


def _grid(
    data: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    header: bool = True,
    numeric_cols: Sequence[int] = (),
    total_row: bool = False,
    font_size: float = 8.5,
    wrap_header: bool = False,
    padding: float = 6,
) -> Table:
    cell_style = ParagraphStyle("cell", fontName="Helvetica", fontSize=font_size, leading=font_size + 2)
    head_style = ParagraphStyle("head", parent=cell_style, fontName="Helvetica-Bold")
    rows: list[list[Any]] = []
    for r, row in enumerate(data):
        if header and r == 0 and wrap_header:
            rows.append([Paragraph(str(v), head_style) for v in row])
        elif not header:
            rows.append([Paragraph(str(v), head_style if c % 2 == 0 else cell_style) for c, v in enumerate(row)])
        else:
            rows.append([Paragraph(str(v), cell_style) if c == 0 and r > 0 else str(v) for c, v in enumerate(row)])
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), "Helvetica", font_size),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEAD_BG), ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", font_size)]
    for c in numeric_cols:
        commands.append(("ALIGN", (c, 1 if header else 0), (c, -1), "RIGHT"))
    if total_row:
        commands.append(("FONT", (0, -1), (-1, -1), "Helvetica-Bold", font_size))
    table.setStyle(TableStyle(commands))
    return table


def _axis_max(values: Sequence[float]) -> float:
    top = max([0.0, *[float(v) for v in values]])
    return max(1.0, top * 1.18)


def _bar_chart(title: str, categories: Sequence[str], series: Sequence[Sequence[float]]) -> Drawing:
    height = 62 * mm
    drawing = Drawing(FRAME_W, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 14 * mm
    chart.width, chart.height = FRAME_W - 20 * mm, height - 24 * mm
    chart.data = [list(s) for s in series]
    chart.categoryAxis.categoryNames = list(categories)
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 7 if len(categories) > 6 else 8
    chart.categoryAxis.labels.angle = 20 if len(categories) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(categories) > 6 else "n"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _axis_max([v for s in series for v in s])
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    chart.bars[0].fillColor = BAR
    chart.bars.strokeColor = None
    chart.barLabelFormat = lambda v: f"{v:,.0f}"
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    drawing.add(String(0, height - 6 * mm, title, fontName="Helvetica-Bold", fontSize=9))
    return drawing


def _hbar_chart(title: str, categories: Sequence[str], values: Sequence[float], *, percent: bool) -> Drawing:
    height = 14 * mm + 9 * mm * len(categories)
    drawing = Drawing(FRAME_W, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 62 * mm, 8 * mm
    chart.width, chart.height = FRAME_W - 80 * mm, height - 18 * mm
    chart.data = [list(values)]
    chart.categoryAxis.categoryNames = list(categories)
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.reverseDirection = 1
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100 if percent else _axis_max(values)
    chart.valueAxis.valueStep = 20 if percent else None
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = BAR2
    chart.bars.strokeColor = None
    chart.barLabelFormat = (lambda v: f"{v:.1f} %") if percent else (lambda v: f"{v:,.0f}")
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    drawing.add(String(0, height - 6 * mm, title, fontName="Helvetica-Bold", fontSize=9))
    return drawing
