"""The Conflicts screen: the district compares and marks reviewed; the owning station brings a version back."""

from __future__ import annotations

from pathlib import Path

from desktop_app.services.records import Records
from desktop_app.sync.conflicts import list_conflicts
from desktop_app.views.conflicts_page import ConflictsPage
from desktop_app.views.mainwindow import MainWindow, screen_keys
from tests.sync import conftest as sync_fixtures
from tests.sync.conftest import Sync
from tests.sync.helpers import make_conflict, round_trip

district_template = sync_fixtures.district_template
station_b_template = sync_fixtures.station_b_template
district = sync_fixtures.district
station_b = sync_fixtures.station_b
enrolled = sync_fixtures.enrolled


def cells(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_district_compares_the_versions_and_marks_the_conflict_reviewed(
    qtbot, enrolled: Sync, tmp_path: Path
) -> None:
    make_conflict(enrolled, tmp_path / "station.ahtcbak")
    page = ConflictsPage(enrolled.district)
    qtbot.addWidget(page)
    page.reload()
    assert [row[:3] for row in cells(page.table)] == [["MBD-PHALIA", "Persons", "Tariq Mehmood"]]

    page.table.setCurrentCell(0, 0)

    assert cells(page.differences) == [["Status", "FIR registered", "Warned"]]
    assert "Tariq Mehmood" in page.heading.text()
    assert "only that station can bring the other version back" in page.advice.text()
    assert page.keep_button.isEnabled() and not page.restore_button.isEnabled()

    page.keep_button.click()

    assert page.table.rowCount() == 0 and list_conflicts(enrolled.district) == []
    page.show_reviewed.setChecked(True)
    assert cells(page.table)[0][5] == "Reviewed"


def test_the_station_brings_its_version_back(qtbot, enrolled: Sync, tmp_path: Path, answers) -> None:
    person = make_conflict(enrolled, tmp_path / "station.ahtcbak")
    round_trip(enrolled.a, enrolled.district, enrolled.usb, allow_empty=True)
    page = ConflictsPage(enrolled.a)
    qtbot.addWidget(page)
    page.reload()
    page.table.setCurrentCell(0, 0)
    assert page.restore_button.isEnabled()

    page.restore_button.click()

    assert answers.asked == ["Bring the other version back"]
    assert Records(enrolled.a).get("persons", person)["status"] == "warned"
    assert page.table.rowCount() == 0


def test_saying_no_changes_nothing(qtbot, enrolled: Sync, tmp_path: Path, answers) -> None:
    person = make_conflict(enrolled, tmp_path / "station.ahtcbak")
    round_trip(enrolled.a, enrolled.district, enrolled.usb, allow_empty=True)
    page = ConflictsPage(enrolled.a)
    qtbot.addWidget(page)
    page.reload()
    page.table.setCurrentCell(0, 0)
    answers.queue.append(False)

    page.restore_button.click()

    assert Records(enrolled.a).get("persons", person)["status"] == "fir_registered"
    assert page.table.rowCount() == 1


def test_a_station_reaches_its_conflicts_from_the_navigation(qtbot, enrolled: Sync) -> None:
    assert "conflicts" in screen_keys(enrolled.a)
    window = MainWindow(enrolled.a)
    qtbot.addWidget(window)
    assert isinstance(window.show_screen("conflicts"), ConflictsPage)
