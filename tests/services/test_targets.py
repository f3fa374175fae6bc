"""Targets: a station sets them only for itself; the period must make sense."""

from __future__ import annotations

import pytest

from desktop_app.errors import ValidationError
from desktop_app.services.context import Context
from desktop_app.services.records import ListQuery, Records

TARGET = {"period_start": "2026-01-01", "period_end": "2026-02-28", "measure": "inspections", "target": 30}


def test_a_station_cannot_set_another_stations_target(ctx: Context, records: Records) -> None:
    with pytest.raises(ValidationError) as caught:
        records.create("targets", TARGET | {"for_station": "MBD-MALAKWAL"})
    assert "for_station" in caught.value.errors
    assert records.count("targets", ListQuery()) == 0
    own = records.create("targets", TARGET | {"for_station": ctx.station.station_code}).first_id
    blank = records.create("targets", TARGET).first_id  # blank: the station that set it
    with pytest.raises(ValidationError):
        records.update("targets", blank, {"for_station": "MBD-MALAKWAL"})
    assert records.get("targets", blank)["for_station"] is None
    assert records.get("targets", own)["for_station"] == ctx.station.station_code


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"period_end": "2025-12-31"}, "period_end"),
        ({"period_end": "2027-03-01"}, "period_end"),
        ({"target": -1}, "target"),
        ({"measure": "arrests"}, "measure"),
    ],
)
def test_a_target_needs_a_sensible_period_and_measure(records: Records, values: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        records.create("targets", TARGET | values)
    assert field in caught.value.errors
