"""The district sets targets on its own store; each station receives them with the reference data and measures
itself against the ones for it, not against another station's or the district's."""

from __future__ import annotations

import datetime as dt

from desktop_app.reports.targets import current_results
from desktop_app.services.records import Records
from tests.services.helpers import inspection, site
from tests.sync.conftest import Sync
from tests.sync.helpers import register_rows, round_trip

RUNNING = {"period_start": "2026-02-01", "period_end": "2026-03-31", "measure": "inspections"}  # today: 01/03/2026


def test_district_targets_reach_the_station_that_measures_itself_against_its_own(enrolled: Sync) -> None:
    district = Records(enrolled.district)
    for_a = district.create("targets", RUNNING | {"for_station": "MBD-PHALIA", "target": 5}).first_id
    for_b = district.create("targets", RUNNING | {"for_station": "MBD-MALAKWAL", "target": 9}).first_id
    whole = district.create("targets", RUNNING | {"target": 40}).first_id
    inspection(Records(enrolled.a), site(Records(enrolled.a)), date="2026-02-10")

    round_trip(enrolled.a, enrolled.district, enrolled.usb)

    held = {row["id"] for row in register_rows(enrolled.a)["targets"]}
    assert {for_a, for_b, whole} <= held
    (mine,) = current_results(enrolled.a, dt.date(2026, 3, 1))
    assert (mine.target, mine.result) == (5, 1)
    (districts,) = current_results(enrolled.district, dt.date(2026, 3, 1))
    assert (districts.target, districts.result) == (40, 1)  # every station together: A's one inspection
