"""The Reports screen: the same figures as reports.indicators on the same store, charts drawn, exports written,
and full (named) exports offered to the SHO only."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest

from desktop_app.reports import indicators as ind
from desktop_app.reports.frames import Period, load_frames
from desktop_app.services.context import Context
from desktop_app.services.demo import fill
from desktop_app.views.reports_page import ReportsPage, preset_period, value_text

START, END = dt.date(2025, 1, 1), dt.date(2026, 3, 1)


@pytest.fixture
def filled(ctx: Context) -> Context:
    fill(ctx, records=120)
    return ctx


def test_the_screen_shows_the_indicators_of_the_store(qtbot, filled: Context) -> None:
    page = ReportsPage(filled)
    qtbot.addWidget(page)
    page.set_period(START, END)

    page.show_figures()

    expected = ind.indicator_table(ind.compute(load_frames(filled, Period(START, END))))
    shown = {
        page.table.item(row, 0).data(0x0100): page.table.item(row, 2).text() for row in range(page.table.rowCount())
    }
    assert len(shown) == len(expected)
    for item in expected.itertuples(index=False):
        value = None if math.isnan(item.value) else float(item.value)
        assert shown[item.indicator] == value_text(value, item.unit), item.indicator
    assert expected.loc[expected.indicator == "inspections_total", "value"].iloc[0] > 0
    assert page.kind_chart.series() and page.kiln_chart.series() and page.case_chart.series()


def test_baseline_versus_latest(qtbot, filled: Context) -> None:
    page = ReportsPage(filled)
    qtbot.addWidget(page)
    page.set_period(dt.date(2026, 1, 1), END)
    page.baseline_on.setChecked(True)
    page.baseline_from.setDate(page.baseline_from.date().fromString("01/01/2025", "dd/MM/yyyy"))
    page.baseline_to.setDate(page.baseline_to.date().fromString("31/12/2025", "dd/MM/yyyy"))

    page.show_figures()

    assert page.figures is not None and page.figures.comparison is not None
    assert page.comparison.rowCount() == len(page.figures.comparison)


def test_presets() -> None:
    today = dt.date(2026, 3, 15)
    assert preset_period("this_month", today) == Period(dt.date(2026, 3, 1), today)
    assert preset_period("last_two_months", today) == Period(dt.date(2026, 2, 1), today)
    assert preset_period("last_two_months", dt.date(2026, 1, 5)) == Period(dt.date(2025, 12, 1), dt.date(2026, 1, 5))
    assert preset_period("this_year", today) == Period(dt.date(2026, 1, 1), today)


def test_exports_write_files(qtbot, filled: Context, tmp_path: Path) -> None:
    page = ReportsPage(filled)
    qtbot.addWidget(page)
    page.set_period(START, END)

    page.export_bimonthly(tmp_path)
    page.register.setCurrentIndex(page.register.findData("children"))
    page.export_register(tmp_path)

    names = sorted(p.name for p in tmp_path.iterdir())
    assert any(n.endswith(".xlsx") and n.startswith("bimonthly") for n in names)
    assert any(n.endswith(".pdf") for n in names)
    csv = tmp_path / "children-MBD-PHALIA-pseudonymised.csv"
    assert csv.exists() and "CHILD-" in csv.read_text("utf-8-sig")
    assert "Written:" in page.export_status.text()


def test_full_export_is_offered_to_the_sho_only(qtbot, ctx: Context, officer: Context) -> None:
    sho_page, officer_page = ReportsPage(ctx), ReportsPage(officer)
    qtbot.addWidget(sho_page)
    qtbot.addWidget(officer_page)
    modes = lambda page: [page.mode.itemData(i) for i in range(page.mode.count())]  # noqa: E731
    assert modes(sho_page) == ["pseudonymised", "full"]
    assert modes(officer_page) == ["pseudonymised"]
