"""Case numbers across stations: given offline at each station, unique at the district, carried by sync."""

from __future__ import annotations

from pathlib import Path

from desktop_app.services.case_numbers import HIGH_WATER_FILE
from desktop_app.services.context import Context
from desktop_app.services.maintenance import backup_store, restore_store
from desktop_app.services.records import ListQuery, Records
from tests.conftest import PASSPHRASE
from tests.sync.conftest import Sync
from tests.sync.helpers import register_rows, round_trip


def _cases(ctx: Context, n: int) -> list[str]:
    records = Records(ctx)
    return [
        records.create("cases", {"title": f"Case {i}", "offence_category": "child_labour_kiln"}).first_id
        for i in range(n)
    ]


def _numbers(ctx: Context) -> dict[str, str]:
    return {row["id"]: row["case_number"] for row in register_rows(ctx)["cases"]}


def test_two_stations_number_offline_and_the_district_holds_every_number_once(enrolled: Sync) -> None:
    a_ids, b_ids = _cases(enrolled.a, 3), _cases(enrolled.b, 2)  # neither station has seen the other's

    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    round_trip(enrolled.b, enrolled.district, enrolled.usb)

    held = _numbers(enrolled.district)
    assert set(held) == set(a_ids + b_ids)
    assert len(set(held.values())) == 5  # unique
    assert [held[i] for i in a_ids] == [f"AHTC/MBD-PHALIA/2026/00{n}" for n in (1, 2, 3)]
    station_b = enrolled.b.station.station_code
    assert [held[i] for i in b_ids] == [f"AHTC/{station_b}/2026/00{n}" for n in (1, 2)]
    # The number travelled with the case: the district holds what each station gave.
    assert {i: held[i] for i in a_ids} == _numbers(enrolled.a)
    assert {i: held[i] for i in b_ids} == _numbers(enrolled.b)
    # An edit at the station travels without changing the number.
    Records(enrolled.a).update("cases", a_ids[0], {"title": "Case 0, amended"})
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    assert Records(enrolled.district).get("cases", a_ids[0])["case_number"] == "AHTC/MBD-PHALIA/2026/001"


def test_a_number_given_twice_after_a_restore_on_a_new_pc_is_kept_apart_not_refused(
    enrolled: Sync, tmp_path: Path
) -> None:
    """A restore on another PC has no high-water file: the station may give 002 again before the district's
    copy of the lost case comes back. The district keeps both cases, the later under a marked number."""
    first = _cases(enrolled.a, 1)
    backup_store(enrolled.a, tmp_path / "station.ahtcbak")
    lost = _cases(enrolled.a, 1)  # 002: synced, then the PC is lost
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    folder = enrolled.a.store.paths.data_dir
    enrolled.a.store.close()
    (folder / HIGH_WATER_FILE).unlink()  # the new PC never had it
    station = restore_store(tmp_path / "station.ahtcbak", folder, "sho.phalia", PASSPHRASE, enrolled.a.clock)
    station.clock.advance(hours=2)  # type: ignore[attr-defined]
    again = _cases(station, 1)  # 002 once more

    result, back = round_trip(station, enrolled.district, enrolled.usb)

    assert result.report["kept_apart"] == 1
    held = _numbers(enrolled.district)
    assert held[lost[0]] == "AHTC/MBD-PHALIA/2026/002"  # the older case keeps what was printed for it
    assert held[again[0]].startswith("AHTC/MBD-PHALIA/2026/002-")
    assert len(set(held.values())) == len(held) == 3
    # The station got the lost case back and gave way the same way: both copies name each case alike.
    mine = _numbers(station)
    assert set(mine) == set(first + lost + again)
    assert mine == held
    found = Records(station).list("cases", ListQuery(text="AHTC/MBD-PHALIA/2026/002"))
    assert {r["id"] for r in found} >= set(lost) and len(found) == 2  # 002 and 002-…: both show, the plain first
    assert back.report["recovered"] >= 1
    station.store.close()
