"""A station whose clock is wrong (or a hostile one) cannot push stamps from the future into other stores.

Before: the district folded any incoming stamp into its clock and passed it on as reference data; the next
write's counter overflowed to six digits and from then on every write and every bundle everywhere failed
(security review finding 1, experiment E5).
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop_app.cli import main
from desktop_app.errors import BundleRejected
from desktop_app.models.station import StationInfo
from desktop_app.services.clock import FakeClock
from desktop_app.services.clock_repair import repair_clock
from desktop_app.services.context import Context
from desktop_app.services.hlc import MAX_COUNTER, Hlc, tick
from desktop_app.services.records import Records
from desktop_app.services.settings import save_settings
from desktop_app.sync.district import district_status
from desktop_app.sync.export import clock_warnings
from desktop_app.sync.importer import import_bundle
from tests.conftest import PASSPHRASE
from tests.security.insider import forge_local_change, latest_state
from tests.services.helpers import person, site
from tests.sync.conftest import Sync
from tests.sync.helpers import export_file, round_trip

POISON = "9999999999999.99999.MBD-PHALIA"


def stamp_at(moment: dt.datetime, station: str, counter: int = 0) -> str:
    return Hlc(int(moment.timestamp() * 1000), counter, station).encode()


def last_hlc(ctx: Context) -> str | None:
    with ctx.store.session() as session:
        return session.scalar(select(StationInfo.last_hlc))


def forge_edit(ctx: Context, row_id: str, table: str, hlc: str, **fields: object) -> None:
    state = latest_state(ctx, row_id)
    forge_local_change(ctx, table, {**state, **fields, "hlc": hlc}, base_hlc=state["hlc"])


def test_a_stamp_from_the_far_future_is_refused_and_never_enters_the_districts_clock(enrolled: Sync) -> None:
    agent = person(Records(enrolled.a))
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    before = last_hlc(enrolled.district)
    forge_edit(enrolled.a, agent, "persons", POISON, status="warned")

    with pytest.raises(BundleRejected) as refused:
        import_bundle(enrolled.district, export_file(enrolled.a, enrolled.usb).read_bytes())

    assert refused.value.check == "clock"
    assert "clock" in refused.value.detail and "Nothing was imported" in refused.value.detail
    assert last_hlc(enrolled.district) == before
    Records(enrolled.district).create("persons", {"name": "Zafar Iqbal", "role": "agent", "watchlisted": True})
    Records(enrolled.district).create("persons", {"name": "Zafar Iqbal 2", "role": "agent", "watchlisted": True})
    status = {s.code: s for s in district_status(enrolled.district)}
    assert status["MBD-PHALIA"].refusals.get("clock") == 1
    assert "MBD-MALAKWAL" not in {code for code, s in status.items() if s.refusals}


def test_a_stamp_a_few_hours_ahead_is_taken(enrolled: Sync) -> None:
    agent = person(Records(enrolled.a))
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    ahead = stamp_at(enrolled.a.clock.now() + dt.timedelta(hours=20), "MBD-PHALIA")
    forge_edit(enrolled.a, agent, "persons", ahead, status="warned")
    result = import_bundle(enrolled.district, export_file(enrolled.a, enrolled.usb).read_bytes())
    assert result.report["updated"] == 1


def test_the_allowed_skew_is_a_setting(enrolled: Sync) -> None:
    agent = person(Records(enrolled.a))
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    ahead = stamp_at(enrolled.a.clock.now() + dt.timedelta(hours=30), "MBD-PHALIA")
    forge_edit(enrolled.a, agent, "persons", ahead, status="warned")
    bundle = export_file(enrolled.a, enrolled.usb).read_bytes()
    with pytest.raises(BundleRejected):
        import_bundle(enrolled.district, bundle)
    save_settings(enrolled.district, max_clock_skew_hours=48)
    assert import_bundle(enrolled.district, bundle).report["updated"] == 1


def test_the_counter_carries_into_the_wall_time_instead_of_overflowing() -> None:
    last = Hlc(1_772_341_200_000, MAX_COUNTER, "MBD")
    nxt = tick(last, 1_772_341_100_000, "MBD").stamp
    assert nxt == Hlc(1_772_341_200_001, 0, "MBD")
    assert Hlc.parse(nxt.encode()) == nxt


def test_a_store_whose_clock_holds_a_full_counter_keeps_writing(ctx: Context) -> None:
    with ctx.store.transaction() as session:
        session.get(StationInfo, 1).last_hlc = f"{int(ctx.clock.now().timestamp() * 1000) + 5000:013d}.99999.MBD"
    records = Records(ctx)
    for number in range(3):
        person(records, name=f"Agent {number} Khan")
    assert Hlc.parse(last_hlc(ctx) or "").counter == 2


def test_a_station_skips_future_reference_rows_and_keeps_its_clock(enrolled: Sync) -> None:
    """A district poisoned before this fix passes a future stamp on; the station refuses that row only."""
    kiln = site(Records(enrolled.b))
    round_trip(enrolled.b, enrolled.district, enrolled.usb)
    # Stands in for a district that took a future stamp before stamps were bounded.
    state = latest_state(enrolled.district, kiln)
    forge_local_change(
        enrolled.district, "sites", {**state, "hlc": "9999999999999.99999.MBD-MALAKWAL"}, base_hlc=state["hlc"]
    )
    before = last_hlc(enrolled.a)

    _, returned = round_trip(enrolled.a, enrolled.district, enrolled.usb, allow_empty=True)

    assert returned.report["refused"] == 1
    assert any("clock" in note for note in returned.report["notes"])
    assert before is None and not (last_hlc(enrolled.a) or "").startswith("9999")
    person(Records(enrolled.a))  # still writes


def test_repair_clock_restamps_own_future_rows_so_the_district_takes_them(enrolled: Sync) -> None:
    agent = person(Records(enrolled.a))
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    # The PC's clock was a year ahead for a while and an edit was saved then; then the date was put right.
    right = enrolled.a.clock.now()
    enrolled.a.clock = FakeClock(right + dt.timedelta(days=365))
    Records(enrolled.a).update("persons", agent, {"status": "arrested"})
    ahead = latest_state(enrolled.a, agent)["hlc"]
    enrolled.a.clock = FakeClock(right + dt.timedelta(minutes=5))
    with pytest.raises(BundleRejected):
        import_bundle(enrolled.district, export_file(enrolled.a, enrolled.usb).read_bytes())
    assert clock_warnings(enrolled.a)  # the officer is told before the next export

    report = repair_clock(enrolled.a)

    assert report.restamped == {"persons": 1} and report.withdrawn == 1
    assert Hlc.parse(last_hlc(enrolled.a) or "").wall_ms <= int(enrolled.a.clock.now().timestamp() * 1000)
    assert clock_warnings(enrolled.a) == []
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    held = latest_state(enrolled.district, agent)
    assert held["status"] == "arrested" and held["hlc"] < ahead
    with enrolled.district.store.session() as session:
        from desktop_app.models.changelog import Conflict

        assert session.scalar(select(Conflict.id)) is None  # a fast-forward at the district, not a conflict
    person(Records(enrolled.a), name="Another Agent")  # writes carry on with sane stamps


def test_repair_clock_on_the_command_line(enrolled: Sync, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    folder = enrolled.a.store.paths.data_dir
    with enrolled.a.store.transaction() as session:
        session.get(StationInfo, 1).last_hlc = POISON
    enrolled.a.store.close()
    monkeypatch.setenv("AHTC_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("AHTC_USER", "sho.phalia")
    assert main(["--data-dir", str(folder), "repair-clock"]) == 0
    out = capsys.readouterr().out
    assert "clock" in out.lower()


def test_a_station_is_told_before_export_when_its_clock_is_far_off(enrolled: Sync) -> None:
    person(Records(enrolled.a))
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    assert clock_warnings(enrolled.a) == []
    # The station's PC is three days ahead of the district's: the district's answer shows it.
    enrolled.a.clock = FakeClock(enrolled.district.clock.now() + dt.timedelta(days=3))
    round_trip(enrolled.a, enrolled.district, enrolled.usb, allow_empty=True)
    warnings = [w.text() for w in clock_warnings(enrolled.a)]
    assert len(warnings) == 1 and "3 days ahead" in warnings[0] and "date and time" in warnings[0]


def test_a_station_is_told_when_its_clock_runs_behind_its_last_stamp(ctx: Context) -> None:
    person(Records(ctx))
    ctx.clock.advance(days=-30)  # a dead CMOS battery: the PC thinks it is a month earlier
    warnings = [w.text() for w in clock_warnings(ctx)]
    assert len(warnings) == 1 and "30 days behind" in warnings[0]


def test_changes_stamped_while_the_clock_was_ahead_are_named_before_export(enrolled: Sync) -> None:
    agent = person(Records(enrolled.a))
    ahead = stamp_at(enrolled.a.clock.now() + dt.timedelta(days=10), "MBD-PHALIA")
    forge_edit(enrolled.a, agent, "persons", ahead, status="warned")
    warnings = [w.text() for w in clock_warnings(enrolled.a)]
    assert any("repair-clock" in w for w in warnings)


def test_export_on_the_command_line_warns_about_the_clock(
    enrolled: Sync, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    person(Records(enrolled.a))
    enrolled.a.clock = FakeClock(enrolled.district.clock.now() + dt.timedelta(days=3))
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    folder = enrolled.a.store.paths.data_dir
    enrolled.a.store.close()
    monkeypatch.setenv("AHTC_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("AHTC_USER", "sho.phalia")
    assert main(["--data-dir", str(folder), "export-bundle", "--out", str(enrolled.usb)]) == 0
    err = capsys.readouterr().err
    assert "WARNING: At the last sync this PC's clock was 3 days ahead of the district's" in err
