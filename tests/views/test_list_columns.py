"""Lists that show their content (ui-review.md §2, §8): columns sized to their values with names stretching,
short headers with the full label as tooltip, each register in its natural order with the arrow shown, overdue
rows marked, and a search box that keeps a usable width."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop_app.services.records import Records
from desktop_app.views.listmodel import OVERDUE_COLOUR
from desktop_app.views.listpage import SEARCH_MIN_WIDTH, RegisterListPage

TODAY = dt.date(2026, 3, 1)


def _page(qtbot, ctx, register: str, width: int = 1170) -> RegisterListPage:
    page = RegisterListPage(ctx, register, lambda *_a: None)
    qtbot.addWidget(page)
    page.resize(width, 600)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    return page


def _column(page: RegisterListPage, name: str) -> int:
    return page.model.columns.index(name)


def _kiln(records: Records, name: str) -> str:
    return records.create("sites", {"kind": "brick_kiln", "name": name, "tehsil": "Phalia"}).first_id


def test_columns_fit_their_values_and_names_take_the_rest(qtbot, ctx, records):
    records.create(
        "children",
        {
            "name": "Hussain Mohammad Arshad Rizwan Ranjha",
            "age_years": 11,
            "sex": "male",
            "rescue_date": "2026-02-01",
            "village": "Kadhar",
            "status": "enrolled",
            "school_name": "Govt. Primary School No. 2 Helan Mandi Bahauddin",
        },
    )
    page = _page(qtbot, ctx, "children")
    header = page.table.horizontalHeader()
    age, name = header.sectionSize(_column(page, "age_years")), header.sectionSize(_column(page, "name"))
    assert age <= 130 < name  # every column was 150 px: Age wasted room while names were cut
    full = page.model.data(page.model.index(0, _column(page, "name")))
    assert name >= page.table.fontMetrics().horizontalAdvance(full)


def test_long_headers_are_short_with_the_full_label_as_tooltip(qtbot, ctx, records):
    _kiln(records, "Gondal Brick Kiln 20")
    records.create("inspections", {"site_id": _kiln(records, "K"), "date": "2026-02-20", "officers": "ASI Bilal"})
    page = _page(qtbot, ctx, "inspections")
    column = _column(page, "workers_bonded")
    shown = page.model.headerData(column, Qt.Orientation.Horizontal)
    tip = page.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert shown == "In bondage"
    assert tip == "Workers in debt bondage (peshgi)"


def test_inspections_open_newest_first_with_the_arrow_on_date(qtbot, ctx, records):
    site = _kiln(records, "Gondal Brick Kiln 20")
    for day in ("2025-12-16", "2026-02-20", "2025-11-01", "2026-01-05"):
        records.create("inspections", {"site_id": site, "date": day, "officers": "ASI Bilal"})
    page = _page(qtbot, ctx, "inspections")
    dates = [page.model._rows[r]["date"] for r in range(page.model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    header = page.table.horizontalHeader()
    assert header.isSortIndicatorShown()
    assert header.sortIndicatorSection() == _column(page, "date")
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_children_open_by_next_follow_up_due_and_overdue_rows_are_red(qtbot, ctx, records):
    for name, rescued in (("Late Child", "2025-06-01"), ("Recent Child", "2026-02-25"), ("Mid Child", "2025-12-20")):
        records.create(
            "children", {"name": name, "age_years": 10, "sex": "female", "rescue_date": rescued, "status": "withdrawn"}
        )
    page = _page(qtbot, ctx, "children")
    due = [page.model._rows[r]["next_followup_due"] for r in range(page.model.rowCount())]
    assert due == sorted(due)
    assert page.model._rows[0]["name"] == "Late Child"
    assert due[0] < TODAY <= due[-1]
    first, last = page.model.index(0, 0), page.model.index(2, 0)
    assert page.model.data(first, Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOUR
    assert page.model.data(last, Qt.ItemDataRole.ForegroundRole) is None


def test_the_search_box_keeps_a_usable_width_beside_many_filters(qtbot, ctx, records):
    victim = {"name": "Adnan Tarar", "sex": "male", "status": "missing", "route": "iran_turkey_greece"}
    records.create("victims", victim)
    page = _page(qtbot, ctx, "victims", width=1150)
    assert page.search.width() >= SEARCH_MIN_WIDTH
