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


def test_a_version_logged_before_the_upgrade_is_sent_with_the_number(enrolled: Sync) -> None:
    """A change-log version from before revision 0010 has no case number; the district must not take the row
    without one. Export gives it the row's number."""
    from sqlalchemy import select, update

    from desktop_app.models.changelog import ChangeLogEntry

    (case,) = _cases(enrolled.a, 1)
    with enrolled.a.store.transaction() as session:
        entry = session.scalars(select(ChangeLogEntry).where(ChangeLogEntry.row_id == case)).one()
        old_state = {k: v for k, v in entry.state.items() if k != "case_number"}
        session.execute(update(ChangeLogEntry).where(ChangeLogEntry.seq == entry.seq).values(state=old_state))

    round_trip(enrolled.a, enrolled.district, enrolled.usb)

    assert Records(enrolled.district).get("cases", case)["case_number"] == "AHTC/MBD-PHALIA/2026/001"
    with enrolled.a.store.session() as session:  # the station's own log stays as it was
        assert "case_number" not in session.scalars(select(ChangeLogEntry.state)).one()


def test_a_station_not_yet_upgraded_does_not_blank_the_districts_number(enrolled: Sync) -> None:
    """A version from a sender whose schema has no case numbers yet leaves the held number as it is."""
    import datetime as dt

    from sqlalchemy import select

    from desktop_app.models.changelog import ChangeLogEntry
    from desktop_app.sync.apply import apply_entries, check_entries
    from desktop_app.sync.export import entry_json

    (case,) = _cases(enrolled.a, 1)
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    Records(enrolled.a).update("cases", case, {"title": "Renamed at a station still on the old version"})
    with enrolled.a.store.session() as session:
        latest = session.execute(
            select(ChangeLogEntry.__table__).where(ChangeLogEntry.row_id == case).order_by(ChangeLogEntry.seq.desc())
        ).first()
        entry = entry_json(latest)
    entry["state"] = {k: v for k, v in entry["state"].items() if k != "case_number"}  # as the old schema wrote it

    with enrolled.district.store.transaction() as session:
        report = apply_entries(session, check_entries([entry]), now=dt.datetime(2026, 3, 1, 6, tzinfo=dt.UTC))

    assert report.updated["cases"] == 1
    held = Records(enrolled.district).get("cases", case)
    assert held["title"] == "Renamed at a station still on the old version"
    assert held["case_number"] == "AHTC/MBD-PHALIA/2026/001"
