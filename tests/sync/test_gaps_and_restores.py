"""Gaps, restored stores and concurrent edits: reported, healed by re-sending, and nothing lost."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from desktop_app.models.changelog import Conflict
from desktop_app.services.context import Context
from desktop_app.services.maintenance import backup_store, restore_store
from desktop_app.services.records import Records
from desktop_app.services.setup import unlock
from desktop_app.sync.export import export_bundle
from desktop_app.sync.importer import import_bundle
from tests.conftest import PASSPHRASE
from tests.sync.conftest import Sync
from tests.sync.helpers import district_import, export_file, register_rows, round_trip


def _restore(old: Context, backup: Path, user: str) -> Context:
    folder = old.store.paths.data_dir
    old.store.close()
    return restore_store(backup, folder, user, PASSPHRASE, old.clock)


def _people(records: Records, n: int, prefix: str) -> list[str]:
    return [records.create("persons", {"name": f"{prefix} {i}", "role": "witness"}).first_id for i in range(n)]


def test_a_gap_is_reported_and_healed_by_the_next_export(enrolled: Sync, tmp_path: Path) -> None:
    records = Records(enrolled.a)
    _people(records, 3, "First")
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    backup_store(enrolled.district, tmp_path / "district.ahtcbak")
    second = _people(records, 3, "Second")
    round_trip(enrolled.a, enrolled.district, enrolled.usb)  # acknowledged... then the district loses it
    district = _restore(enrolled.district, tmp_path / "district.ahtcbak", "dpo.mbd")
    third = _people(records, 2, "Third")

    result, back = round_trip(enrolled.a, district, enrolled.usb)

    assert result.report["gaps"] and result.report["gaps"][0][0] == result.report["acked_seq"] + 1
    assert any("missing seq" in note for note in back.report["notes"])
    held = {row["id"] for row in register_rows(district)["persons"]}
    assert set(third) <= held and not set(second) & held  # applied despite the gap

    healed, _ = round_trip(enrolled.a, district, enrolled.usb)

    assert healed.report["gaps"] == [] and healed.report["created"] == len(second)
    assert set(second) <= {row["id"] for row in register_rows(district)["persons"]}
    assert export_bundle(enrolled.a, enrolled.usb) is None
    district.store.close()


def test_a_restored_station_sends_everything_again_and_gets_back_what_it_lost(enrolled: Sync, tmp_path: Path) -> None:
    records = Records(enrolled.a)
    kept = _people(records, 3, "Kept")
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    backup_store(enrolled.a, tmp_path / "station.ahtcbak")
    lost_here = _people(records, 2, "After backup")
    records.update("persons", kept[0], {"status": "warned"})  # an edit the backup does not hold
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    station = _restore(enrolled.a, tmp_path / "station.ahtcbak", "sho.phalia")
    new = _people(Records(station), 1, "New")

    result, back = round_trip(station, enrolled.district, enrolled.usb)

    assert result.slip.seq_from == 1  # a full re-send under the new store id
    assert any("new store id" in note for note in result.report["notes"])
    held = {row["id"] for row in register_rows(enrolled.district)["persons"]}
    assert set(kept + lost_here + new) <= held  # the district lost nothing the station forgot
    assert result.report["conflicts"] == 0
    # What the restore took from this computer came back with the district's answer.
    assert back.report["recovered"] == 3 and back.report["conflicts"] == 0
    assert any("came back from the district" in note for note in back.report["notes"])
    restored = Records(station)
    assert {row["id"] for row in register_rows(station)["persons"]} == set(kept + lost_here + new)
    assert restored.get("persons", kept[0])["status"] == "warned"
    # Recovered rows are the district's already: never sent again, and the digests now agree.
    _again, again_back = round_trip(station, enrolled.district, enrolled.usb, allow_empty=True)
    assert _again.report["created"] == 0 and _again.report["updated"] == 0
    assert not any("differs" in note or "no longer has" in note for note in again_back.report["notes"])
    assert export_bundle(station, enrolled.usb) is None
    # Editing a recovered record sends it like any other.
    restored.update("persons", lost_here[0], {"status": "warned"})
    edited, _ = round_trip(station, enrolled.district, enrolled.usb)
    assert edited.report["updated"] == 1
    station.store.close()


def test_a_first_sync_does_not_echo_the_station_rows_back(enrolled: Sync) -> None:
    _people(Records(enrolled.a), 3, "Fresh")

    _result, back = round_trip(enrolled.a, enrolled.district, enrolled.usb)

    assert back.report["recovered"] == 0
    assert back.opened is not None and not any(e.get("recovery") for e in back.opened.entries)


def test_a_concurrent_edit_keeps_both_versions(enrolled: Sync, tmp_path: Path) -> None:
    records = Records(enrolled.a)
    person = records.create("persons", {"name": "Tariq Mehmood", "role": "agent"}).first_id
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    backup_store(enrolled.a, tmp_path / "station.ahtcbak")
    records.update("persons", person, {"status": "warned"})
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    station = _restore(enrolled.a, tmp_path / "station.ahtcbak", "sho.phalia")
    station.clock.advance(hours=1)  # type: ignore[attr-defined]
    Records(station).update("persons", person, {"status": "fir_registered"})  # not knowing about "warned"

    first = export_file(station, enrolled.usb)
    repeat = export_file(station, enrolled.usb)  # the same changes again, as a new bundle
    result = import_bundle(enrolled.district, first.read_bytes())

    assert result.report["conflicts"] == 1
    assert Records(enrolled.district).get("persons", person)["status"] == "fir_registered"  # the later edit
    with enrolled.district.store.session() as session:
        conflict = session.scalars(select(Conflict)).one()
    assert conflict.row_id == person and conflict.lost_state["status"] == "warned"  # kept, never dropped
    assert conflict.kept_hlc > conflict.lost_hlc and conflict.lost_origin == "MBD-PHALIA"
    again = import_bundle(enrolled.district, repeat.read_bytes())
    assert again.report["conflicts"] == 0 and again.report["created"] == 0  # the same clash is not logged twice
    station.store.close()


def test_overlapping_bundles_give_the_same_state_in_either_order(enrolled: Sync, tmp_path: Path) -> None:
    records = Records(enrolled.a)
    ids = _people(records, 3, "Early")
    older = export_file(enrolled.a, enrolled.usb)
    records.update("persons", ids[0], {"status": "warned"})
    records.delete("persons", ids[1])
    newer = export_file(enrolled.a, enrolled.usb)  # covers the older one's changes too
    enrolled.district.store.checkpoint()
    shutil.copytree(enrolled.district.store.paths.data_dir, tmp_path / "district-copy")
    other = unlock(tmp_path / "district-copy", "dpo.mbd", PASSPHRASE, enrolled.district.clock)

    for bundle in (older, newer):
        district_import(enrolled.district, bundle, tmp_path / "r1")
    for bundle in (newer, older):
        district_import(other, bundle, tmp_path / "r2")

    assert register_rows(enrolled.district) == register_rows(other)
    with other.store.session() as session:
        assert session.scalars(select(Conflict)).first() is None
    other.store.close()
