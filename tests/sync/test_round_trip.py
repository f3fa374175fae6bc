"""Two stations and their district exchange bundles through files: everything arrives, once."""

from __future__ import annotations

from desktop_app.services.records import Records
from desktop_app.sync.importer import import_bundle
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
