"""Every figure the Reports screen lists reads in Urdu: each indicator's label is in the catalogue and each area has
a heading (a new area or indicator added to reports/indicators.py without its words fails here)."""

from __future__ import annotations

import datetime as dt

from desktop_app.reports import indicators as ind
from desktop_app.reports.frames import Period, load_frames
from desktop_app.services.context import Context
from desktop_app.views.catalogue import translated
from desktop_app.views.reports_page import area_label


def test_every_indicator_label_and_area_has_its_words(qtbot, ctx: Context) -> None:
    table = ind.indicator_table(ind.compute(load_frames(ctx, Period(dt.date(2026, 1, 1), dt.date(2026, 2, 28)))))
    have = translated()
    assert sorted(set(table["label"]) - set(have)) == []
    assert [area for area in table["area"].unique() if area_label(area) == area] == []
