"""District side of the app: the Stations screen lists an enrolled station and imports its bundles (answering
each with a return bundle), the registers show every station with a station filter, conflicts are explained."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox

from desktop_app.services.records import Records
from desktop_app.sync.district import district_status, revoke_station
from desktop_app.sync.enrolment import enrol_request
from desktop_app.views.conflicts_page import ConflictsPage
from desktop_app.views.district_pages import StationsPage
from desktop_app.views.listpage import RegisterListPage
from desktop_app.views.mainwindow import MainWindow, screen_keys
from tests.services.helpers import one_of_each
from tests.sync import conftest as sync_fixtures
from tests.sync.conftest import Sync
from tests.sync.helpers import export_file

district_template = sync_fixtures.district_template
station_b_template = sync_fixtures.station_b_template
district = sync_fixtures.district
station_b = sync_fixtures.station_b
enrolled = sync_fixtures.enrolled


def test_the_stations_screen_lists_enrolled_stations(qtbot, enrolled: Sync) -> None:
    page = StationsPage(enrolled.district)
    qtbot.addWidget(page)
    page.reload()
    codes = {page.table.item(row, 0).text() for row in range(page.table.rowCount())}
    assert codes == {"MBD-PHALIA", "MBD-MALAKWAL"}
    assert page.table.item(0, 3).text() == "none yet"


def test_importing_a_station_bundle_writes_its_return_and_shows_the_last_bundle(
    qtbot, enrolled: Sync, tmp_path: Path
) -> None:
    ids = one_of_each(Records(enrolled.a))
    bundle = export_file(enrolled.a, enrolled.usb)
    returns = tmp_path / "returns"
    returns.mkdir()
    page = StationsPage(enrolled.district)
    qtbot.addWidget(page)

    page.import_files([bundle], returns)

    assert "imported" in page.output.toPlainText() and "Return bundle for the station" in page.output.toPlainText()
    assert len(list(returns.iterdir())) == 1
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == "MBD-PHALIA")
    assert page.table.item(row, 3).text() == "1"
    assert Records(enrolled.district).get("cases", ids["cases"])["station_code"] == "MBD-PHALIA"


def test_a_damaged_bundle_is_refused_in_plain_words(qtbot, enrolled: Sync, tmp_path: Path) -> None:
    one_of_each(Records(enrolled.a))
    bundle = export_file(enrolled.a, enrolled.usb)
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    bundle.write_bytes(bytes(data))
    page = StationsPage(enrolled.district)
    qtbot.addWidget(page)

    page.import_files([bundle], tmp_path)

    text = page.output.toPlainText()
    assert "REFUSED" in text and "Refused (" in text and "Nothing was imported." in text


def test_the_district_enrols_a_station_from_the_screen(qtbot, ctx, district, tmp_path: Path) -> None:
    request, answer = tmp_path / "req.json", tmp_path / "ans.json"
    fingerprint = enrol_request(ctx, request).own_fingerprint
    page = StationsPage(district)
    qtbot.addWidget(page)

    page.load_request(request)
    assert fingerprint in page.request_details.text() and not page.confirm_panel.isHidden()
    page.enrol(request, answer, fingerprint.replace("-", " "))  # as the station's SHO reads it out

    assert answer.exists() and fingerprint in page.output.toPlainText()
    assert page.table.rowCount() == 1 and page.confirm_panel.isHidden()


def test_a_misheard_station_fingerprint_enrols_nothing(qtbot, ctx, district, tmp_path: Path) -> None:
    request, answer = tmp_path / "req.json", tmp_path / "ans.json"
    enrol_request(ctx, request)
    page = StationsPage(district)
    qtbot.addWidget(page)
    page.load_request(request)

    page.enrol(request, answer, "ABCD-EFGH-IJKL-MN23")

    assert "is not the one in the file" in page.error.text() and not page.error.isHidden()
    assert not answer.exists() and district_status(district) == []


def test_a_revoked_station_is_shown_as_revoked(qtbot, enrolled: Sync) -> None:
    revoke_station(enrolled.district, "MBD-PHALIA", "laptop stolen")
    page = StationsPage(enrolled.district)
    qtbot.addWidget(page)
    page.reload()

    status = {page.table.item(r, 0).text(): page.table.item(r, 9).text() for r in range(page.table.rowCount())}
    assert status["MBD-PHALIA"].startswith("Revoked") and status["MBD-MALAKWAL"] == "Active"


def test_district_registers_show_every_station_with_a_filter(qtbot, enrolled: Sync, tmp_path: Path) -> None:
    from desktop_app.sync.importer import import_bundle

    one_of_each(Records(enrolled.a))
    one_of_each(Records(enrolled.b))
    for station in (enrolled.a, enrolled.b):
        import_bundle(enrolled.district, export_file(station, enrolled.usb).read_bytes())
    page = RegisterListPage(enrolled.district, "cases", lambda *a: None)
    qtbot.addWidget(page)
    page.ensure_loaded()
    assert page.model.columns[0] == "station_code" and page.model.total == 2
    box = page.findChild(QComboBox, "filter-station")
    assert box is not None

    box.setCurrentIndex(box.findData("MBD-MALAKWAL"))

    assert page.model.total == 1
    assert page.model.data(page.model.index(0, 0)) == "MBD-MALAKWAL"


def test_the_district_window_has_stations_and_conflicts_instead_of_sync(qtbot, enrolled: Sync) -> None:
    keys = screen_keys(enrolled.district)
    assert "stations" in keys and "conflicts" in keys and "sync" not in keys
    window = MainWindow(enrolled.district)
    qtbot.addWidget(window)
    assert isinstance(window.show_screen("conflicts"), ConflictsPage)
    assert isinstance(window.show_screen("stations"), StationsPage)


def test_column_choice_is_remembered_per_register_and_officer(qtbot, ctx, officer) -> None:
    # (Lives here with the other list-page change this work made: the district's station column.)
    page = RegisterListPage(ctx, "children", lambda *a: None)
    qtbot.addWidget(page)
    chosen = [a for a in page.column_menu.actions() if a.isChecked()]
    chosen[-1].setChecked(False)
    kept = [a.data() for a in page.column_menu.actions() if a.isChecked()]

    again = RegisterListPage(ctx, "children", lambda *a: None)
    other_register = RegisterListPage(ctx, "persons", lambda *a: None)
    other_officer = RegisterListPage(officer, "children", lambda *a: None)
    for widget in (again, other_register, other_officer):
        qtbot.addWidget(widget)

    assert again.model.columns == kept
    assert len(other_officer.model.columns) == len(kept) + 1
    assert other_register.model.columns != kept


def test_the_stations_screen_counts_refused_bundles_by_reason(qtbot, enrolled: Sync) -> None:
    import pytest

    from desktop_app.errors import BundleRejected
    from desktop_app.sync.importer import import_bundle
    from tests.security.insider import forge_local_change, latest_state
    from tests.services.helpers import person

    agent = person(Records(enrolled.a))
    far_future = "9999999999999.99999.MBD-PHALIA"
    state = latest_state(enrolled.a, agent)
    forge_local_change(enrolled.a, "persons", {**state, "hlc": far_future}, base_hlc=state["hlc"])
    with pytest.raises(BundleRejected):
        import_bundle(enrolled.district, export_file(enrolled.a, enrolled.usb).read_bytes())

    page = StationsPage(enrolled.district)
    qtbot.addWidget(page)
    page.reload()
    refused = {page.table.item(r, 0).text(): page.table.item(r, 8) for r in range(page.table.rowCount())}
    assert refused["MBD-PHALIA"].text() == "wrong clock: 1"
    assert "clock" in refused["MBD-PHALIA"].toolTip()
    assert refused["MBD-MALAKWAL"].text() == "none"
