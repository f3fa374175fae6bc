"""A station can never create, change or delete a record another station (or the district) owns.

Before: the owner check looked only at the incoming row, so station A could send B's row id with its own
station code and a later stamp and win the merge — at the district, and through reference data at B itself,
which then could not correct its own record (security review finding 2, experiment E5).
"""

from __future__ import annotations

import pytest

from desktop_app.errors import BundleRejected
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.sync.district import district_status
from desktop_app.sync.importer import import_bundle
from tests.security.insider import forge_local_change, latest_state
from tests.services.helpers import person, site, victim
from tests.sync.conftest import Sync
from tests.sync.helpers import export_file, round_trip


def next_stamp(ctx: Context, after: str) -> str:
    wall, counter, _station = after.split(".", 2)
    return f"{wall}.{int(counter) + 1:05d}.{ctx.station.station_code}"


def hijacked(attacker: Context, row_id: str, **fields: object) -> dict[str, object]:
    """The row as the attacker knows it, claimed as the attacker's own, with a newer stamp."""
    state = latest_state(attacker, row_id)
    code = attacker.station.station_code
    return {**state, **fields, "station_code": code, "hlc": next_stamp(attacker, str(state["hlc"]))}


def refused_at_district(enrolled: Sync) -> BundleRejected:
    with pytest.raises(BundleRejected) as caught:
        import_bundle(enrolled.district, export_file(enrolled.a, enrolled.usb).read_bytes())
    return caught.value


@pytest.fixture
def b_kiln(enrolled: Sync) -> str:
    """A kiln of station B, known at station A as reference data."""
    kiln = site(Records(enrolled.b), name="Rana Brick Kiln")
    round_trip(enrolled.b, enrolled.district, enrolled.usb)
    round_trip(enrolled.a, enrolled.district, enrolled.usb, allow_empty=True)
    return kiln


def test_a_station_cannot_overwrite_another_stations_record_at_the_district(enrolled: Sync, b_kiln: str) -> None:
    state = hijacked(enrolled.a, b_kiln, name="HIJACKED BY PHALIA")
    forge_local_change(enrolled.a, "sites", state, base_hlc=latest_state(enrolled.a, b_kiln)["hlc"])

    refusal = refused_at_district(enrolled)

    assert refusal.check == "owner"
    assert "MBD-MALAKWAL" in refusal.detail and "Nothing was imported" in refusal.detail
    held = latest_state(enrolled.district, b_kiln)
    assert held["name"] == "Rana Brick Kiln" and held["station_code"] == "MBD-MALAKWAL"
    status = {s.code: s for s in district_status(enrolled.district)}
    assert status["MBD-PHALIA"].refusals == {"owner": 1}
    assert status["MBD-MALAKWAL"].refusals == {}


def test_a_station_cannot_delete_another_stations_record(enrolled: Sync, b_kiln: str) -> None:
    state = hijacked(enrolled.a, b_kiln, deleted_at="2026-03-01T06:00:00+00:00")
    forge_local_change(enrolled.a, "sites", state, op="delete", base_hlc=latest_state(enrolled.a, b_kiln)["hlc"])
    assert refused_at_district(enrolled).check == "owner"
    assert latest_state(enrolled.district, b_kiln)["deleted_at"] is None


def test_a_station_cannot_create_a_row_under_an_id_the_district_holds_for_another(enrolled: Sync) -> None:
    """B's victim never reaches A, but an id is enough: a create under it must not replace B's record."""
    lost = victim(Records(enrolled.b))
    round_trip(enrolled.b, enrolled.district, enrolled.usb)
    made_up = person(Records(enrolled.a))
    state = {**latest_state(enrolled.a, made_up)}
    forge_local_change(
        enrolled.a, "persons", {**state, "id": lost, "hlc": next_stamp(enrolled.a, state["hlc"])}, op="create"
    )
    assert refused_at_district(enrolled).check == "owner"
    assert latest_state(enrolled.district, lost)["station_code"] == "MBD-MALAKWAL"


def test_a_station_cannot_rewrite_the_districts_own_watch_list(enrolled: Sync) -> None:
    agent = (
        Records(enrolled.district)
        .create("persons", {"name": "Zafar Iqbal", "role": "agent", "watchlisted": True})
        .first_id
    )
    round_trip(enrolled.a, enrolled.district, enrolled.usb, allow_empty=True)
    state = hijacked(enrolled.a, agent, watchlisted=False)
    forge_local_change(enrolled.a, "persons", state, base_hlc=latest_state(enrolled.a, agent)["hlc"])
    assert refused_at_district(enrolled).check == "owner"
    assert latest_state(enrolled.district, agent)["watchlisted"] is True


def test_reference_data_never_changes_a_stations_own_record(enrolled: Sync, b_kiln: str) -> None:
    """Stands in for a district that took a hijack before this fix: B refuses it and keeps its kiln."""
    held = latest_state(enrolled.district, b_kiln)
    state = {**held, "name": "HIJACKED", "station_code": "MBD-PHALIA", "hlc": next_stamp(enrolled.a, held["hlc"])}
    forge_local_change(enrolled.district, "sites", state, base_hlc=held["hlc"])

    _, returned = round_trip(enrolled.b, enrolled.district, enrolled.usb, allow_empty=True)

    assert returned.report["refused"] == 1
    assert any("another station" in note for note in returned.report["notes"])
    assert latest_state(enrolled.b, b_kiln)["name"] == "Rana Brick Kiln"
    Records(enrolled.b).update("sites", b_kiln, {"name": "Rana Brick Kiln (renamed)"})  # B still owns it


def test_reference_data_claiming_to_be_the_stations_own_is_refused(enrolled: Sync) -> None:
    """A reference row that says it belongs to the receiving station was never written by it."""
    forged = person(Records(enrolled.district), name="Forged Own Row", watchlisted=True)
    state = latest_state(enrolled.district, forged)
    claimed = {**state, "station_code": "MBD-PHALIA", "hlc": next_stamp(enrolled.a, str(state["hlc"]))}
    # The district's log says the version came from the district itself, so it goes out as reference data.
    forge_local_change(enrolled.district, "persons", claimed, base_hlc=state["hlc"], origin="MBD")

    _, returned = round_trip(enrolled.a, enrolled.district, enrolled.usb, allow_empty=True)

    assert returned.report["refused"] == 1
    assert latest_state(enrolled.a, forged)["station_code"] == "MBD"  # the district's own version, taken
