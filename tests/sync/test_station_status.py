"""What the station's status bar and the district's review screen read: pending changes and kept conflicts."""

from __future__ import annotations

from pathlib import Path

from desktop_app.services.records import Records
from desktop_app.services.settings import pending_change_count
from desktop_app.sync.conflicts import list_conflicts
from tests.sync.conftest import Sync
from tests.sync.helpers import make_conflict, round_trip


def test_pending_changes_fall_to_zero_once_the_district_acknowledges(enrolled: Sync) -> None:
    Records(enrolled.a).create_many("persons", [{"name": f"P {i}", "role": "witness"} for i in range(4)])
    assert pending_change_count(enrolled.a) == 4
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    assert pending_change_count(enrolled.a) == 0
    Records(enrolled.a).create("persons", {"name": "After the sync", "role": "witness"})
    assert pending_change_count(enrolled.a) == 1


def test_the_district_lists_the_version_that_lost(enrolled: Sync, tmp_path: Path) -> None:
    person = make_conflict(enrolled, tmp_path / "station.ahtcbak")
    (conflict,) = list_conflicts(enrolled.district)
    assert (conflict.table_name, conflict.row_id, conflict.lost_origin) == ("persons", person, "MBD-PHALIA")
    assert list_conflicts(enrolled.district, station="MBD-MALAKWAL") == []
    assert list_conflicts(enrolled.district, open_only=False) == [conflict]


def test_a_restored_station_has_everything_pending_again(enrolled: Sync, tmp_path: Path) -> None:
    make_conflict(enrolled, tmp_path / "station.ahtcbak")
    assert pending_change_count(enrolled.a) > 0  # the new epoch has no acknowledgement yet
