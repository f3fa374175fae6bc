"""Two stations and their district exchange bundles through files: everything arrives, once."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.models.audit import AuditEntry
from desktop_app.models.changelog import ChangeLogEntry
from desktop_app.models.station import StationInfo
from desktop_app.models.sync_state import DistrictNotice, SyncPeer, SyncReceipt
from desktop_app.services.records import ListQuery, Records
from desktop_app.sync.district import add_notice, district_status
from desktop_app.sync.export import export_bundle
from desktop_app.sync.importer import import_bundle
from desktop_app.sync.peers import peer_keys
from desktop_app.sync.receipts import receipt_is_valid
from tests.services.helpers import one_of_each
from tests.sync.conftest import Sync
from tests.sync.helpers import district_import, export_file, register_rows, round_trip, snapshot


def test_two_stations_reach_the_district(enrolled: Sync) -> None:
    ids_a = one_of_each(Records(enrolled.a))
    ids_b = one_of_each(Records(enrolled.b))

    result_a, back_a = round_trip(enrolled.a, enrolled.district, enrolled.usb)
    result_b, back_b = round_trip(enrolled.b, enrolled.district, enrolled.usb)

    held = register_rows(enrolled.district)
    for register, record_id in [*ids_a.items(), *ids_b.items()]:
        assert record_id in {row["id"] for row in held[register]}, register
    assert result_a.report["created"] == len(register_rows(enrolled.a)["persons"]) + sum(
        len(rows) for name, rows in register_rows(enrolled.a).items() if name != "persons"
    )
    assert result_a.report["conflicts"] == 0 and result_b.report["conflicts"] == 0
    assert back_a.report["acked_seq"] > 0 and back_b.report["acked_seq"] > 0


def test_reimporting_a_bundle_changes_nothing(enrolled: Sync) -> None:
    one_of_each(Records(enrolled.a))
    bundle = export_file(enrolled.a, enrolled.usb)
    district_import(enrolled.district, bundle, enrolled.usb / "returns")
    before = snapshot(enrolled.district)

    again = import_bundle(enrolled.district, bundle.read_bytes())

    assert again.status == "duplicate"
    assert snapshot(enrolled.district) == before


def test_the_acknowledgement_moves_only_with_the_return(enrolled: Sync) -> None:
    one_of_each(Records(enrolled.a))
    first = export_file(enrolled.a, enrolled.usb)
    second = export_file(enrolled.a, enrolled.usb)  # no return yet: the same changes again
    opened_first = import_bundle(enrolled.district, first.read_bytes())
    opened_second = import_bundle(enrolled.district, second.read_bytes())

    assert opened_first.report["created"] > 0
    assert opened_second.report["created"] == 0 and opened_second.report["unchanged"] == opened_second.slip.changes
    _result, answer = district_import(enrolled.district, second, enrolled.usb / "returns")
    import_bundle(enrolled.a, answer.read_bytes())
    assert export_bundle(enrolled.a, enrolled.usb) is None  # everything acknowledged: nothing to send


def test_later_changes_travel_in_the_next_bundle(enrolled: Sync) -> None:
    records = Records(enrolled.a)
    person = records.create("persons", {"name": "Tariq Mehmood", "role": "agent"}).first_id
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    records.update("persons", person, {"status": "warned"})

    result, _back = round_trip(enrolled.a, enrolled.district, enrolled.usb)

    assert result.report["updated"] == 1 and result.report["created"] == 0
    assert result.slip.seq_from > 1
    held = {row["id"]: row for row in register_rows(enrolled.district)["persons"]}
    assert held[person]["status"] == "warned"


def test_watch_listed_persons_sites_and_notices_reach_the_other_station(enrolled: Sync) -> None:
    records_a = Records(enrolled.a)
    agent = records_a.create("persons", {"name": "Shahid Agent", "role": "agent", "watchlisted": True}).first_id
    witness = records_a.create("persons", {"name": "Plain Witness", "role": "witness"}).first_id
    kiln = records_a.create("sites", {"kind": "brick_kiln", "name": "Kiln A", "tehsil": "Phalia"}).first_id
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    add_notice(enrolled.district, "Agent alert", "Watch for agents recruiting near Helan.")
    Records(enrolled.b).create("sites", {"kind": "workshop", "name": "B's workshop", "tehsil": "Malakwal"})

    _result, back = round_trip(enrolled.b, enrolled.district, enrolled.usb)

    held_b = register_rows(enrolled.b)
    assert agent in {row["id"] for row in held_b["persons"]}
    assert witness not in {row["id"] for row in held_b["persons"]}  # not reference data
    assert kiln in {row["id"] for row in held_b["sites"]}
    assert back.report["notices"] == 1
    with enrolled.b.store.session() as session:
        assert [n.title for n in session.scalars(select(DistrictNotice))] == ["Agent alert"]
        # Imported rows are logged as imports, so station B never sends A's rows back.
        sources = set(session.scalars(select(ChangeLogEntry.source).where(ChangeLogEntry.row_id == agent)))
    assert sources == {"import"}
    assert Records(enrolled.b).get("persons", agent)["station_code"] == "MBD-PHALIA"


def test_taking_a_person_off_the_watch_list_reaches_the_stations_that_had_them(enrolled: Sync) -> None:
    records_a = Records(enrolled.a)
    agent = records_a.create("persons", {"name": "Shahid Agent", "role": "agent", "watchlisted": True}).first_id
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    round_trip(enrolled.b, enrolled.district, enrolled.usb, allow_empty=True)
    assert Records(enrolled.b).get("persons", agent)["watchlisted"] is True

    records_a.update("persons", agent, {"watchlisted": False, "status": "warned"})
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    round_trip(enrolled.b, enrolled.district, enrolled.usb, allow_empty=True)

    # A wrongly watch-listed person must not stay flagged at the other stations.
    held = Records(enrolled.b).get("persons", agent)
    assert held["watchlisted"] is False and held["status"] == "warned"


def test_a_person_never_watch_listed_stays_at_their_own_station(enrolled: Sync) -> None:
    records_a = Records(enrolled.a)
    witness = records_a.create("persons", {"name": "Plain Witness", "role": "witness"}).first_id
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    records_a.update("persons", witness, {"status": "warned"})
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    round_trip(enrolled.b, enrolled.district, enrolled.usb, allow_empty=True)

    assert witness not in {row["id"] for row in register_rows(enrolled.b)["persons"]}


def test_the_station_keeps_a_receipt_over_its_audit_head(enrolled: Sync) -> None:
    one_of_each(Records(enrolled.a))
    result, _back = round_trip(enrolled.a, enrolled.district, enrolled.usb)

    with enrolled.a.store.session() as session:
        receipt = session.scalars(select(SyncReceipt)).one()
        entry = session.scalars(select(AuditEntry).where(AuditEntry.seq == receipt.audit_seq)).one()
        district_keys = peer_keys(session.scalars(select(SyncPeer)).one())
    assert entry.hash == receipt.audit_hash and entry.action == "sync-export"
    assert receipt.acked_seq == result.report["acked_seq"]
    names = ("audit_seq", "audit_hash", "acked_seq", "signed_at", "version", "grants_serial", "grants_hash")
    fields = {name: getattr(receipt, name) for name in names}
    signed = {"district": "MBD", "station": "MBD-PHALIA", "store_id": receipt.store_id, **fields}
    assert receipt.version == 2 and receipt.grants_serial == 1  # it covers the grants too (the SHO's root)
    assert receipt_is_valid({**signed, "signature": receipt.signature}, district_keys)
    assert not receipt_is_valid({**signed, "acked_seq": 10**6, "signature": receipt.signature}, district_keys)
    assert not receipt_is_valid({**signed, "grants_serial": 5, "signature": receipt.signature}, district_keys)


def test_district_status_lists_stations(enrolled: Sync) -> None:
    one_of_each(Records(enrolled.a))
    round_trip(enrolled.a, enrolled.district, enrolled.usb)

    status = {s.code: s for s in district_status(enrolled.district)}

    assert set(status) == {"MBD-PHALIA", "MBD-MALAKWAL"}
    assert status["MBD-PHALIA"].last_bundle_no == 1 and status["MBD-PHALIA"].acked_seq > 0
    assert status["MBD-MALAKWAL"].last_received_at is None and status["MBD-PHALIA"].gaps == []
    assert "open conflicts: 0" in status["MBD-PHALIA"].line()


def test_imported_rows_are_searchable_at_the_district(enrolled: Sync) -> None:
    Records(enrolled.a).create("persons", {"name": "Tariq Mehmood", "role": "agent", "cnic": "34402-1234567-1"})
    round_trip(enrolled.a, enrolled.district, enrolled.usb)

    found = Records(enrolled.district).list("persons", ListQuery(text="34402-12345"))

    assert [row["name"] for row in found] == ["Tariq Mehmood"]


def test_the_district_clock_folds_in_imported_stamps(enrolled: Sync) -> None:
    records = Records(enrolled.a)
    enrolled.a.clock.advance(days=2)  # type: ignore[attr-defined]
    records.create("persons", {"name": "Later Person", "role": "agent"})
    round_trip(enrolled.a, enrolled.district, enrolled.usb)

    with enrolled.a.store.session() as session:
        station_last = session.get(StationInfo, 1).last_hlc  # type: ignore[union-attr]
    with enrolled.district.store.session() as session:
        district_last = session.get(StationInfo, 1).last_hlc  # type: ignore[union-attr]
    assert district_last is not None and station_last is not None
    assert district_last >= max(row["hlc"] for rows in register_rows(enrolled.district).values() for row in rows)
