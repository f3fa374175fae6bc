"""The bimonthly report's files, read back: the workbook's totals equal counts taken from the registers with
plain SQL, the PDF has its pages, charts and figures, and every file written is audited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import func, select, update

from desktop_app.errors import PermissionDenied
from desktop_app.models import AuditEntry, CaseStatusChange, Inspection, RescuedChild
from desktop_app.reports.bimonthly import write_bimonthly
from desktop_app.reports.frames import Period
from desktop_app.services import accounts
from desktop_app.services.context import Context
from desktop_app.services.setup import context_for
from tests.conftest import FAST_KDF
from tests.reports.test_indicators import PERIOD, Built, build_register


@pytest.fixture
def built(ctx: Context) -> Built:
    return build_register(ctx)


@pytest.fixture
def written(ctx: Context, built: Built, tmp_path: Path) -> tuple[Path, Path]:
    xlsx, pdf = tmp_path / "bimonthly.xlsx", tmp_path / "bimonthly.pdf"
    write_bimonthly(ctx, PERIOD, xlsx, pdf)
    return xlsx, pdf


def sheet_values(path: Path, sheet: str) -> dict[str, object]:
    """Indicator label → Value, read from a sheet of the workbook."""
    ws = openpyxl.load_workbook(path)[sheet]
    header = [c.value for c in ws[7]]
    label, value = header.index("Indicator"), header.index("Value")
    return {row[label]: row[value] for row in ws.iter_rows(min_row=8, values_only=True) if row[label]}


def count(ctx: Context, stmt: object) -> int:
    with ctx.store.session() as session:
        return int(session.scalar(stmt))  # type: ignore[arg-type]


def in_period(column: object) -> object:
    return column.between(PERIOD.start, PERIOD.end)  # type: ignore[attr-defined]


def test_workbook_has_a_sheet_per_area_with_header_block_and_frozen_header(written: tuple[Path, Path]) -> None:
    wb = openpyxl.load_workbook(written[0])
    assert wb.sheetnames == [
        "Summary",
        "Inspections",
        "Kiln survey",
        "Children",
        "Agreements",
        "Agencies",
        "Cases",
        "Tips",
        "Awareness and training",
        "Committee",
        "Follow-ups",
        "Victims",
    ]
    ws = wb["Inspections"]
    assert ws["A1"].value.startswith("District Vigilance Committee")
    assert (ws["A2"].value, ws["B2"].value) == ("District", "Mandi Bahauddin")
    assert ws["B3"].value == "Phalia City (MBD-PHALIA)"
    assert ws["B4"].value == "01/01/2026 to 28/02/2026"
    assert ws["B5"].value.startswith("01/03/2026 10:00 (PKT)")
    assert ws.freeze_panes == "A8"
    assert ws.column_dimensions["A"].width >= 24


def test_workbook_totals_equal_counts_from_the_registers(ctx: Context, written: tuple[Path, Path]) -> None:
    live_inspections = count(
        ctx, select(func.count()).where(Inspection.deleted_at.is_(None), in_period(Inspection.date))
    )
    withdrawn = count(
        ctx, select(func.count()).where(RescuedChild.deleted_at.is_(None), in_period(RescuedChild.rescue_date))
    )
    firs = count(
        ctx,
        select(func.count()).where(
            CaseStatusChange.deleted_at.is_(None),
            CaseStatusChange.to_status == "fir_registered",
            in_period(CaseStatusChange.date),
        ),
    )
    assert sheet_values(written[0], "Inspections")["Inspections: all sites"] == live_inspections == 6
    assert sum(v for k, v in sheet_values(written[0], "Inspections").items() if k != "Inspections: all sites") == 6
    assert sheet_values(written[0], "Children")["Children withdrawn from labour"] == withdrawn == 3
    assert sheet_values(written[0], "Cases")["FIRs registered"] == firs == 2
    summary = openpyxl.load_workbook(written[0])["Summary"]
    assert summary.max_row - 7 == len(sheet_values(written[0], "Summary"))


def test_workbook_number_formats_show_shares_as_percent_and_money_in_pkr(written: tuple[Path, Path]) -> None:
    ws = openpyxl.load_workbook(written[0])["Agreements"]
    formats = {row[0].value: row[3].number_format for row in ws.iter_rows(min_row=8)}
    assert formats["Wage paid / committed rate"] == "0.0%"
    assert formats["Mean wage paid per 1,000 bricks"] == '"PKR "#,##0'
    assert formats["Wage agreements signed"] == "#,##0"


def test_victims_sheet_is_route_by_status_with_totals(written: tuple[Path, Path]) -> None:
    ws = openpyxl.load_workbook(written[0])["Victims"]
    rows = {row[0]: row for row in ws.iter_rows(min_row=8, values_only=True)}
    header = [c.value for c in ws[7]]
    assert header == ["Route", "Missing", "Deceased", "Detained abroad", "Returned", "In transit", "Total"]
    assert rows["Libya–Italy (sea)"][1] == 1
    assert rows["Total"][-1] == 2


def test_pdf_has_numbered_pages_charts_and_the_figures(written: tuple[Path, Path]) -> None:
    reader = PdfReader(written[1])
    pages = [p.extract_text() or "" for p in reader.pages]
    text = "\n".join(pages)
    assert len(pages) >= 3
    assert f"page 1 of {len(pages)}" in pages[0]
    assert "CONFIDENTIAL" in pages[-1]
    assert "01/01/2026 to 28/02/2026" in pages[0]
    for label in ("Inspections by site kind", "Cases by status at the period end", "Brick kiln", "Travel agency"):
        assert label in text
    assert "PKR 4,300,000" in text
    assert "Victim One" not in text


def test_each_file_written_leaves_an_audit_entry_without_personal_data(
    ctx: Context, written: tuple[Path, Path]
) -> None:
    with ctx.store.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all()
    assert [e.detail.split()[0] for e in entries] == ["bimonthly-xlsx", "bimonthly-pdf"]
    assert all(e.detail.split()[1].startswith("rows=") for e in entries)


def test_district_store_gets_a_per_station_comparison_sheet(ctx: Context, built: Built, tmp_path: Path) -> None:
    # A district store holds rows from several stations (they arrive by bundle with their own station code).
    with ctx.store.transaction() as session:
        session.execute(update(Inspection).where(Inspection.id == built.ids["i2"]).values(station_code="MBD-HELAN"))
    xlsx = tmp_path / "district.xlsx"
    write_bimonthly(ctx, PERIOD, xlsx)
    ws = openpyxl.load_workbook(xlsx)["Stations"]
    rows = {row[0]: row for row in ws.iter_rows(min_row=8, values_only=True)}
    assert set(rows) == {"MBD-HELAN", "MBD-PHALIA", "ALL STATIONS"}
    assert rows["MBD-HELAN"][1] + rows["MBD-PHALIA"][1] == rows["ALL STATIONS"][1] == 6


def test_baseline_adds_a_comparison_sheet(ctx: Context, built: Built, tmp_path: Path) -> None:
    xlsx = tmp_path / "compare.xlsx"
    write_bimonthly(ctx, PERIOD, xlsx, baseline=Period(dt.date(2025, 11, 1), dt.date(2025, 12, 31)))
    ws = openpyxl.load_workbook(xlsx)["Baseline vs latest"]
    header = [c.value for c in ws[7]]
    assert header[:3] == ["Area", "Indicator", "Unit"]
    assert header[3:6] == ["Baseline 01/11/2025 to 31/12/2025", "Latest 01/01/2026 to 28/02/2026", "Change"]


def test_a_viewer_cannot_write_the_report(ctx: Context, built: Built, tmp_path: Path) -> None:
    accounts.add_user(ctx, "viewer1", "Viewer One", "viewer", "viewer passphrase 1", kdf=FAST_KDF)
    viewer = context_for(ctx.store, "viewer1", ctx.clock)
    with pytest.raises(PermissionDenied):
        write_bimonthly(viewer, PERIOD, tmp_path / "nope.xlsx")
    assert not (tmp_path / "nope.xlsx").exists()
