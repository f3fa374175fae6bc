"""Results against targets, computed from the registers for each target's own period; in the bimonthly report and
on the Dashboard (the running period, so far)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import openpyxl

from desktop_app.reports.bimonthly import build_report, write_bimonthly
from desktop_app.reports.frames import Period
from desktop_app.reports.targets import current_results
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from tests.services.helpers import inspection, site

PERIOD = Period(dt.date(2026, 1, 1), dt.date(2026, 2, 28))


def build(records: Records) -> None:
    kiln = site(records)
    for day in ("2026-01-10", "2026-02-20", "2025-12-30", "2026-03-01"):  # two in the period
        inspection(records, kiln, date=day)
    jan_feb = {"period_start": "2026-01-01", "period_end": "2026-02-28"}
    records.create("targets", jan_feb | {"measure": "inspections", "target": 3})
    records.create("targets", jan_feb | {"measure": "followups_overdue", "target": 5})  # at most 5
    records.create("targets", jan_feb | {"measure": "awareness_sessions", "target": 0})
    # January alone: its own period's figure, inside the report's.
    records.create(
        "targets", {"period_start": "2026-01-01", "period_end": "2026-01-31", "measure": "inspections", "target": 1}
    )
    # March-April: not in this report, but running on 01/03/2026 (the test clock): the Dashboard's.
    records.create(
        "targets", {"period_start": "2026-03-01", "period_end": "2026-04-30", "measure": "inspections", "target": 12}
    )


def test_the_report_shows_each_target_against_its_result(ctx: Context, records: Records) -> None:
    build(records)
    report = build_report(ctx, PERIOD)
    got = [(t.period.label(), t.measure, t.target, t.result, t.met) for t in report.targets]
    assert got == [
        ("01/01/2026 to 31/01/2026", "inspections", 1, 1, True),
        ("01/01/2026 to 28/02/2026", "inspections", 3, 2, False),
        ("01/01/2026 to 28/02/2026", "followups_overdue", 5, 0, True),
        ("01/01/2026 to 28/02/2026", "awareness_sessions", 0, 0, True),
    ]
    assert report.targets[1].share == 2 / 3


def test_the_workbook_and_pdf_carry_the_targets(ctx: Context, records: Records, tmp_path: Path) -> None:
    build(records)
    written = write_bimonthly(ctx, PERIOD, tmp_path / "r.xlsx", tmp_path / "r.pdf")
    ws = openpyxl.load_workbook(written.files[0])["Targets"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=8, max_col=5)]
    assert ["01/01/2026 to 28/02/2026", "Inspections", 3, 2, "no"] in rows
    text = subprocess.run(
        ["pdftotext", "-layout", str(written.files[1]), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Results against targets" in text and "Follow-ups overdue at the period end (at most)" in text


def test_the_dashboard_shows_the_running_periods_targets_so_far(ctx: Context, records: Records) -> None:
    build(records)
    (running,) = current_results(ctx, dt.date(2026, 3, 1))
    assert (running.measure, running.target, running.result, running.met) == ("inspections", 12, 1, False)
    assert current_results(ctx, dt.date(2026, 6, 1)) == []
