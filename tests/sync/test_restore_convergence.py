"""Restores never cost a record: the cases of the convergence study (shared/reference/convergence.md), each
reduced to its minimal reproduction. Every one failed before the store epochs, stamp high-water mark and
version ancestry it checks were built."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop_app.models.changelog import Conflict
from desktop_app.services.context import Context
from desktop_app.services.maintenance import backup_store, restore_store
from desktop_app.services.records import Records
from desktop_app.sync.decide import SAME_STAMP
from desktop_app.sync.export import export_bundle
from desktop_app.sync.importer import import_bundle
from tests.conftest import PASSPHRASE
from tests.sync.conftest import Sync
from tests.sync.helpers import district_import, export_file, register_rows, round_trip


def _restore(old: Context, backup: Path, user: str) -> Context:
    folder = old.store.paths.data_dir
    old.store.close()
    return restore_store(backup, folder, user, PASSPHRASE, old.clock)


def _ids(ctx: Context, register: str) -> set[str]:
    return {row["id"] for row in register_rows(ctx)[register]}


def _conflicts(ctx: Context) -> list[Conflict]:
    with ctx.store.session() as session:
        return list(session.scalars(select(Conflict)))


def _sync(station: Context, district: Context, usb: Path, times: int = 3) -> None:
    for _ in range(times):
        round_trip(station, district, usb, allow_empty=True)


def test_a_return_from_before_a_restore_does_not_skip_reference_data(enrolled: Sync, tmp_path: Path) -> None:
    """F1: the old return's reference position is past rows the restored store never got."""
    _sync(enrolled.b, enrolled.district, enrolled.usb, 1)
    backup_store(enrolled.b, tmp_path / "b.ahtcbak")  # reference position 0
    site = Records(enrolled.a).create("sites", {"kind": "brick_kiln", "name": "Kiln A", "tehsil": "Phalia"}).first_id
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    _sync(enrolled.b, enrolled.district, enrolled.usb, 1)  # B has the site
    Records(enrolled.a).create("persons", {"name": "Shahid Agent", "role": "agent", "watchlisted": True})
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    _result, old_return = district_import(
        enrolled.district, export_file(enrolled.b, enrolled.usb, allow_empty=True), tmp_path / "drawer"
    )
    b = _restore(enrolled.b, tmp_path / "b.ahtcbak", "sho.malakwal")
    assert site not in _ids(b, "sites")

    late = import_bundle(b, old_return.read_bytes())  # the answer to a bundle of the store before the restore
    _sync(b, enrolled.district, enrolled.usb)

    assert any("before this store was restored" in note for note in late.report["notes"])
    assert site in _ids(b, "sites")
    assert _ids(b, "persons") == _ids(enrolled.district, "persons")
    b.store.close()


def test_after_a_district_restore_every_station_fetches_reference_data_again(enrolled: Sync, tmp_path: Path) -> None:
    """F2: a station's reference position counted in the district's log before its restore."""
    backup_store(enrolled.district, tmp_path / "district.ahtcbak")
    records_a = Records(enrolled.a)
    for name in ("Kiln A", "Kiln B"):
        records_a.create("sites", {"kind": "brick_kiln", "name": name, "tehsil": "Phalia"})
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    _sync(enrolled.b, enrolled.district, enrolled.usb, 1)
    district = _restore(enrolled.district, tmp_path / "district.ahtcbak", "dpo.mbd")
    _sync(enrolled.a, district, enrolled.usb, 1)  # A sends its sites again (the district reports the gap)
    new_site = records_a.create("sites", {"kind": "workshop", "name": "New workshop", "tehsil": "Phalia"}).first_id
    round_trip(enrolled.a, district, enrolled.usb)

    _sync(enrolled.b, district, enrolled.usb)

    assert new_site in _ids(enrolled.b, "sites")
    assert _ids(enrolled.b, "sites") == _ids(district, "sites")
    district.store.close()


def test_a_bundle_from_before_a_restore_arriving_late_comes_back(enrolled: Sync, tmp_path: Path) -> None:
    """F3: recovery was asked for only while nothing was acknowledged."""
    records = Records(enrolled.a)
    records.create("persons", {"name": "First Witness", "role": "witness"})
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    backup_store(enrolled.a, tmp_path / "a.ahtcbak")
    victim = records.create("persons", {"name": "Late Witness", "role": "witness"}).first_id
    on_the_stick = export_file(enrolled.a, tmp_path)
    a = _restore(enrolled.a, tmp_path / "a.ahtcbak", "sho.phalia")
    Records(a).create("persons", {"name": "After Restore", "role": "witness"})
    round_trip(a, enrolled.district, enrolled.usb)  # acknowledged: no longer "first sync"
    import_bundle(enrolled.district, on_the_stick.read_bytes())  # the stick reaches the district

    _sync(a, enrolled.district, enrolled.usb)

    assert victim in _ids(a, "persons")
    assert _ids(a, "persons") == _ids(enrolled.district, "persons")
    assert export_bundle(a, enrolled.usb) is None
    a.store.close()


def test_recovery_of_a_row_edited_twice_since_the_backup_is_no_conflict(enrolled: Sync, tmp_path: Path) -> None:
    """F4: only the latest version came back, and its base was one the restored store never held."""
    records = Records(enrolled.a)
    person = records.create("persons", {"name": "Tariq Mehmood", "role": "agent"}).first_id
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    backup_store(enrolled.a, tmp_path / "a.ahtcbak")
    records.update("persons", person, {"status": "warned"})
    records.update("persons", person, {"status": "fir_registered"})
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    a = _restore(enrolled.a, tmp_path / "a.ahtcbak", "sho.phalia")

    _result, back = round_trip(a, enrolled.district, enrolled.usb, allow_empty=True)

    assert back.report["recovered"] == 1 and back.report["conflicts"] == 0
    assert Records(a).get("persons", person)["status"] == "fir_registered"
    assert _conflicts(a) == [] and _conflicts(enrolled.district) == []
    a.store.close()


def test_an_old_version_arriving_late_at_another_station_is_no_conflict(enrolled: Sync, tmp_path: Path) -> None:
    """F5a: the watch-list window skipped the first version; a late bundle's fresh return carried it."""
    records_a = Records(enrolled.a)
    person = records_a.create("persons", {"name": "Shahid Agent", "role": "agent"}).first_id
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    in_the_drawer = export_file(enrolled.b, tmp_path, allow_empty=True)
    _sync(enrolled.b, enrolled.district, enrolled.usb, 1)  # the person is not reference data yet
    records_a.update("persons", person, {"watchlisted": True})
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    _sync(enrolled.b, enrolled.district, enrolled.usb, 1)  # B gets the watch-listed version
    _result, late_return = district_import(enrolled.district, in_the_drawer, tmp_path / "late")

    late = import_bundle(enrolled.b, late_return.read_bytes())

    assert late.report["conflicts"] == 0 and _conflicts(enrolled.b) == []
    assert Records(enrolled.b).get("persons", person)["watchlisted"] is True


def test_the_import_report_counts_conflicts_filed_while_merging_recovered_rows(enrolled: Sync, tmp_path: Path) -> None:
    """F7 (and F3b): an edit after a restore loses at the district; the station hears of it and takes the winner."""
    records = Records(enrolled.a)
    person = records.create("persons", {"name": "Tariq Mehmood", "role": "agent"}).first_id
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    backup_store(enrolled.a, tmp_path / "a.ahtcbak")
    enrolled.a.clock.advance(hours=2)  # type: ignore[attr-defined]
    records.update("persons", person, {"status": "warned"})  # the district's later version
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    enrolled.a.store.close()
    enrolled.a.clock.advance(hours=-1)  # type: ignore[attr-defined]
    # A new disk: nothing of the old store is left to say which stamps it had issued.
    a = restore_store(
        tmp_path / "a.ahtcbak", tmp_path / "new-disk", "sho.phalia", PASSPHRASE, enrolled.a.clock, confirm_users=True
    )
    Records(a).update("persons", person, {"status": "fir_registered"})  # stamped before "warned"

    # The district keeps "warned" (a conflict there) and hands it back with the acknowledgement.
    results = [round_trip(a, enrolled.district, enrolled.usb, allow_empty=True)[1] for _ in range(3)]

    assert Records(a).get("persons", person)["status"] == "warned"
    assert sum(r.report["conflicts"] for r in results) == 1
    assert [c.lost_state["status"] for c in _conflicts(a)] == ["fir_registered"]
    a.store.close()


def test_a_restore_with_the_clock_behind_never_reissues_a_stamp(enrolled: Sync, tmp_path: Path) -> None:
    """F6: with the PC clock a day behind, stamps counted on from the backup's last one, re-using stamps."""
    records = Records(enrolled.a)
    person = records.create("persons", {"name": "Tariq Mehmood", "role": "agent"}).first_id
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    enrolled.a.clock.advance(hours=-6)  # type: ignore[attr-defined]  # a flat CMOS battery
    backup_store(enrolled.a, tmp_path / "a.ahtcbak")
    records.update("persons", person, {"status": "warned"})
    warned = Records(enrolled.a).get("persons", person)["hlc"]
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    a = _restore(enrolled.a, tmp_path / "a.ahtcbak", "sho.phalia")

    Records(a).update("persons", person, {"status": "fir_registered"})
    arrested = Records(a).get("persons", person)["hlc"]
    a.clock.advance(hours=6)  # type: ignore[attr-defined]  # the date corrected
    _sync(a, enrolled.district, enrolled.usb)

    assert arrested > warned
    assert Records(enrolled.district).get("persons", person)["status"] == "fir_registered"
    assert Records(a).get("persons", person)["status"] == "fir_registered"
    a.store.close()


def test_a_stamp_issued_twice_anyway_is_a_conflict_never_a_silent_duplicate(enrolled: Sync, tmp_path: Path) -> None:
    """F6, where nothing of the old store is left (a new disk): the district tells the two versions apart."""
    records = Records(enrolled.a)
    person = records.create("persons", {"name": "Tariq Mehmood", "role": "agent"}).first_id
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    enrolled.a.clock.advance(hours=-6)  # type: ignore[attr-defined]
    backup_store(enrolled.a, tmp_path / "a.ahtcbak")
    records.update("persons", person, {"status": "warned"})
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    warned = Records(enrolled.a).get("persons", person)["hlc"]
    enrolled.a.store.close()
    a = restore_store(
        tmp_path / "a.ahtcbak", tmp_path / "new-disk", "sho.phalia", PASSPHRASE, enrolled.a.clock, confirm_users=True
    )
    Records(a).update("persons", person, {"status": "fir_registered"})
    assert Records(a).get("persons", person)["hlc"] == warned  # the very stamp, for another edit

    _sync(a, enrolled.district, enrolled.usb)

    kept = Records(enrolled.district).get("persons", person)["status"]
    assert Records(a).get("persons", person)["status"] == kept
    (conflict,) = _conflicts(enrolled.district)
    assert conflict.reason == SAME_STAMP and conflict.lost_hlc == warned
    assert conflict.lost_state["status"] == ({"warned", "fir_registered"} - {kept}).pop()
    _sync(a, enrolled.district, enrolled.usb, 1)
    assert len(_conflicts(enrolled.district)) == 1  # filed once, however often the versions meet again
    a.store.close()
