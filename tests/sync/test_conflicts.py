"""Reviewing kept losing versions: side by side, marked reviewed, or brought back by the station that owns them.

`make_conflict` (helpers.py): Phalia edits a person to "warned" and syncs, restores an older backup and edits
the same person to "fir_registered" without knowing; the district keeps the later edit and the "warned"
version as a conflict.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.errors import PermissionDenied, StaleEdit, ValidationError
from desktop_app.models.audit import AuditEntry
from desktop_app.services.records import Records
from desktop_app.sync.conflicts import conflict_detail, list_conflicts, mark_reviewed, restore_other_version
from desktop_app.sync.district_side import build_return_bundle
from desktop_app.sync.importer import import_bundle
from tests.services.test_permissions import as_role
from tests.sync.conftest import Sync
from tests.sync.helpers import export_file, make_conflict, register_rows, round_trip


def test_the_district_sees_both_versions_but_cannot_rewrite_the_station_record(enrolled: Sync, tmp_path: Path) -> None:
    make_conflict(enrolled, tmp_path / "station.ahtcbak")
    (conflict,) = list_conflicts(enrolled.district)

    detail = conflict_detail(enrolled.district, conflict.id)

    assert [(d.field, d.now, d.other) for d in detail.differences] == [("status", "fir_registered", "warned")]
    assert detail.restorable == [] and detail.not_restorable is not None
    assert "belongs to MBD-PHALIA" in detail.not_restorable
    with pytest.raises(ValidationError):
        restore_other_version(enrolled.district, conflict.id, detail.current_hlc)


def test_marking_reviewed_closes_the_conflict_and_is_audited(enrolled: Sync, tmp_path: Path) -> None:
    make_conflict(enrolled, tmp_path / "station.ahtcbak")
    (conflict,) = list_conflicts(enrolled.district)
    with pytest.raises(PermissionDenied):
        mark_reviewed(as_role(enrolled.district, "viewer"), conflict.id)

    mark_reviewed(enrolled.district, conflict.id)

    assert list_conflicts(enrolled.district) == []
    (closed,) = list_conflicts(enrolled.district, open_only=False)
    assert closed.resolved_by == "dpo.mbd" and closed.resolved_at is not None
    with enrolled.district.store.session() as session:
        actions = list(session.scalars(select(AuditEntry.action).where(AuditEntry.record_id == conflict.row_id)))
    assert "conflict-reviewed" in actions


def test_the_station_receives_the_conflict_and_brings_its_version_back(enrolled: Sync, tmp_path: Path) -> None:
    person = make_conflict(enrolled, tmp_path / "station.ahtcbak")
    bundle = export_file(enrolled.a, enrolled.usb, allow_empty=True)
    opened = import_bundle(enrolled.district, bundle.read_bytes()).opened
    assert opened is not None
    answer = build_return_bundle(enrolled.district, opened)

    back = import_bundle(enrolled.a, answer.data)

    assert any("review them under Conflicts" in note for note in back.report["notes"])
    (conflict,) = list_conflicts(enrolled.a)
    detail = conflict_detail(enrolled.a, conflict.id)
    assert detail.restorable == ["status"] and detail.not_restorable is None
    # The same answer again does not file the conflict twice.
    import_bundle(enrolled.a, build_return_bundle(enrolled.district, opened).data)
    assert len(list_conflicts(enrolled.a, open_only=False)) == 1

    restore_other_version(enrolled.a, conflict.id, detail.current_hlc)

    assert Records(enrolled.a).get("persons", person)["status"] == "warned"
    assert list_conflicts(enrolled.a) == []
    result, _ = round_trip(enrolled.a, enrolled.district, enrolled.usb)
    assert result.report["updated"] == 1
    held = {row["id"]: row for row in register_rows(enrolled.district)["persons"]}
    assert held[person]["status"] == "warned"


def test_bringing_back_refuses_when_the_record_changed_since_it_was_reviewed(enrolled: Sync, tmp_path: Path) -> None:
    person = make_conflict(enrolled, tmp_path / "station.ahtcbak")
    round_trip(enrolled.a, enrolled.district, enrolled.usb, allow_empty=True)
    (conflict,) = list_conflicts(enrolled.a)
    detail = conflict_detail(enrolled.a, conflict.id)
    Records(enrolled.a).update("persons", person, {"status": "arrested"})

    with pytest.raises(StaleEdit):
        restore_other_version(enrolled.a, conflict.id, detail.current_hlc)

    assert Records(enrolled.a).get("persons", person)["status"] == "arrested"
    assert [c.id for c in list_conflicts(enrolled.a)] == [conflict.id]  # still open


def test_a_viewer_may_look_but_not_bring_back(enrolled: Sync, tmp_path: Path) -> None:
    make_conflict(enrolled, tmp_path / "station.ahtcbak")
    round_trip(enrolled.a, enrolled.district, enrolled.usb, allow_empty=True)
    (conflict,) = list_conflicts(enrolled.a)
    viewer = as_role(enrolled.a, "viewer")

    detail = conflict_detail(viewer, conflict.id)

    assert detail.restorable == [] and detail.not_restorable is not None
    with pytest.raises(ValidationError):
        restore_other_version(viewer, conflict.id, detail.current_hlc)


def test_the_list_names_each_record_by_its_title(enrolled: Sync, tmp_path: Path) -> None:
    make_conflict(enrolled, tmp_path / "station.ahtcbak")
    (conflict,) = list_conflicts(enrolled.district)
    assert conflict.title == "Tariq Mehmood"
