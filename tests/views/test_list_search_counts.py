"""A broad search counts its matches only up to listmodel.COUNT_UP_TO and says so ("1,000+ records")."""

from __future__ import annotations

import pytest

from desktop_app.services.records import ListQuery, Records
from desktop_app.views import listmodel
from desktop_app.views.listmodel import PAGE, RecordTableModel
from desktop_app.views.listpage import RegisterListPage


def people(ctx, count):
    Records(ctx).create_many(
        "persons",
        [{"name": f"Person {i:04d}", "cnic": f"34401{i:07d}{i % 10}", "role": "agent"} for i in range(count)],
    )


def test_a_search_past_the_count_limit_says_so_and_still_scrolls_to_its_end(qtbot, qtmodeltester, ctx, monkeypatch):
    monkeypatch.setattr(listmodel, "COUNT_UP_TO", PAGE + 20)
    people(ctx, PAGE + 90)
    page = RegisterListPage(ctx, "persons", lambda *a: None)
    qtbot.addWidget(page)
    page.show()
    assert page.count_label.text() == f"{PAGE + 90} records"  # no search: always the exact count
    page.search.setText("34401")
    page.apply_filters()
    model = page.model
    assert (model.rowCount(), model.total, model.more) == (PAGE, PAGE + 20, True)
    assert page.count_label.text() == f"{PAGE + 20}+ records"
    assert model.canFetchMore()
    model.fetchMore()  # the last page: now the end, and so the exact count, is known
    assert (model.rowCount(), model.total, model.more) == (PAGE + 90, PAGE + 90, False)
    assert not model.canFetchMore()
    assert page.count_label.text() == f"{PAGE + 90} records"
    every_match = Records(ctx).list("persons", ListQuery(text="34401", limit=None))
    # Every match exactly once (the list shows them in its own natural order, by name).
    shown = [model.record_id(r) for r in range(model.rowCount())]
    assert len(shown) == len(set(shown)) and set(shown) == {row["id"] for row in every_match}
    qtmodeltester.check(model)


@pytest.mark.parametrize("extra", [0, 1])
def test_a_search_at_the_count_limit_is_counted_exactly(qtbot, ctx, monkeypatch, extra):
    monkeypatch.setattr(listmodel, "COUNT_UP_TO", PAGE + 20)
    people(ctx, PAGE + 20 + extra)
    model = RecordTableModel(ctx, "persons")
    model.set_query(text="34401")
    assert (model.total, model.more) == ((PAGE + 20, False) if extra == 0 else (PAGE + 20, True))


def test_a_search_that_fills_pages_past_the_count_limit_keeps_saying_more(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(listmodel, "COUNT_UP_TO", PAGE // 2)
    people(ctx, 2 * PAGE + 10)
    model = RecordTableModel(ctx, "persons")
    model.set_query(text="34401")
    assert (model.rowCount(), model.total, model.more) == (PAGE, PAGE, True)
    model.fetchMore()
    assert (model.rowCount(), model.total, model.more) == (2 * PAGE, 2 * PAGE, True)
    model.fetchMore()
    assert (model.rowCount(), model.total, model.more) == (2 * PAGE + 10, 2 * PAGE + 10, False)
    assert not model.canFetchMore()
