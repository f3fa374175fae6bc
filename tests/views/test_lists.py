"""Register lists: incremental loading, search as you type, filters, and reload on the one change signal."""

from __future__ import annotations

from desktop_app.services.records import Records
from desktop_app.views import ops
from desktop_app.views.listmodel import PAGE, RecordTableModel
from desktop_app.views.listpage import RegisterListPage


def people(ctx, count):
    rows = [
        {
            "name": f"Person {i:04d}",
            "cnic": f"34401{i:07d}{i % 10}",
            "role": "agent" if i % 2 else "witness",
            "tehsil": "Phalia" if i % 3 else "Malakwal",
        }
        for i in range(count)
    ]
    Records(ctx).create_many("persons", rows)


def test_the_model_passes_qt_model_checks(qtbot, qtmodeltester, ctx):
    people(ctx, 30)
    model = RecordTableModel(ctx, "persons")
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 30


def test_a_long_list_loads_a_page_at_a_time(qtbot, qtmodeltester, ctx):
    people(ctx, PAGE + 50)
    model = RecordTableModel(ctx, "persons")
    model.reload()
    assert model.total == PAGE + 50
    assert model.rowCount() == PAGE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE + 50
    assert not model.canFetchMore()
    qtmodeltester.check(model)


def test_search_by_part_of_a_cnic_as_the_officer_types(qtbot, ctx):
    people(ctx, 20)
    page = RegisterListPage(ctx, "persons", lambda *a: None)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 20
    qtbot.keyClicks(page.search, "0000007")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert page.model.data(page.model.index(0, 0)) == "Person 0007"
    assert page.count_label.text() == "1 records"


def test_filters_narrow_the_list(qtbot, ctx):
    people(ctx, 12)
    page = RegisterListPage(ctx, "persons", lambda *a: None)
    qtbot.addWidget(page)
    page.show()
    role = page.filter_boxes["role"]
    role.setCurrentIndex(role.findData("agent"))
    assert page.model.rowCount() == 6
    page.tehsil.setText("Malakwal")
    page.apply_filters()
    assert page.model.rowCount() == 2


def test_sorting_asks_the_service_for_that_order(qtbot, ctx):
    people(ctx, 5)
    model = RecordTableModel(ctx, "persons")
    model.reload()
    model.sort(0)
    assert [model.data(model.index(r, 0)) for r in range(5)] == [f"Person {i:04d}" for i in range(5)]


def test_a_write_reloads_open_lists_of_that_register(qtbot, ctx):
    model = RecordTableModel(ctx, "persons")
    model.reload()
    assert model.rowCount() == 0
    ops.write(lambda: Records(ctx).create("persons", {"name": "New One", "role": "agent"}))
    assert model.rowCount() == 1


def test_opening_a_row_opens_its_record(qtbot, ctx):
    people(ctx, 3)
    opened = []
    page = RegisterListPage(ctx, "persons", lambda register, rid: opened.append((register, rid)))
    qtbot.addWidget(page)
    page.show()
    page.table.activated.emit(page.model.index(1, 0))
    assert opened == [("persons", page.model.record_id(1))]


def test_money_and_dates_are_shown_the_pakistani_way(qtbot, ctx):
    import datetime as dt

    site = Records(ctx).create("sites", {"kind": "brick_kiln", "name": "Kiln", "tehsil": "Phalia"}).first_id
    Records(ctx).create(
        "agreements",
        {
            "site_id": site,
            "date": dt.date(2026, 2, 3),
            "committed_rate_per_1000": 1600,
            "notified_min_rate_per_1000": 1295,
            "workers_covered": 30,
        },
    )
    model = RecordTableModel(ctx, "agreements")
    model.reload()
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[:3] == ["03/02/2026", "Kiln", "PKR 1,600"]
