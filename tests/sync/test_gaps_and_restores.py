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


def test_a_restored_station_sends_everything_again(enrolled: Sync, tmp_path: Path) -> None:
    records = Records(enrolled.a)
    kept = _people(records, 3, "Kept")
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    backup_store(enrolled.a, tmp_path / "station.ahtcbak")
    lost_here = _people(records, 2, "After backup")
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    station = _restore(enrolled.a, tmp_path / "station.ahtcbak", "sho.phalia")
    new = _people(Records(station), 1, "New")

    result, _back = round_trip(station, enrolled.district, enrolled.usb)

    assert result.slip.seq_from == 1  # a full re-send under the new store id
    assert any("new store id" in note for note in result.report["notes"])
    held = {row["id"] for row in register_rows(enrolled.district)["persons"]}
    assert set(kept + lost_here + new) <= held  # the district lost nothing the station forgot
    assert result.report["conflicts"] == 0
    # The district's digest shows rows this store lost: re-sent once, then reported instead of looping.
    _again, back = round_trip(station, enrolled.district, enrolled.usb)
    assert any("no longer has" in note for note in back.report["notes"])
    assert export_bundle(station, enrolled.usb) is None
    station.store.close()


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
