"""Deleting forgets: a tombstone carries no personal field, and a purge after the district's retention period
removes the earlier versions' personal fields everywhere the record travelled.

Before: a deleted victim stayed in the table with name and CNIC, the deletion's change-log entry (and so the
bundle) carried the whole row again, and nothing ever removed the earlier versions (security review finding
13, experiment E9).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.errors import PermissionDenied, ValidationError
from desktop_app.models.changelog import ChangeLogEntry, Conflict
from desktop_app.models.drafts import Draft
from desktop_app.models.victims import MigrationVictim as Victim
from desktop_app.services.context import Context
from desktop_app.services.drafts import save_draft
from desktop_app.services.purge import purge_deleted, set_retention
from desktop_app.services.records import Records
from desktop_app.services.setup import context_for
from desktop_app.sync.importer import import_bundle
from tests.security.insider import forge_local_change, latest_state
from tests.services.helpers import person, victim
from tests.sync.conftest import Sync
from tests.sync.helpers import export_file, round_trip

NAME, CNIC = "Shabbir Hussain Malik", "34401-7654321-9"


def mentions(value: Any) -> bool:
    text = json.dumps(value, default=str)
    return NAME in text or CNIC in text


def log_states(ctx: Context, row_id: str) -> list[dict[str, Any]]:
    with ctx.store.session() as session:
        return [dict(s) for s in session.scalars(select(ChangeLogEntry.state).where(ChangeLogEntry.row_id == row_id))]


def row_of(ctx: Context, model: Any, row_id: str) -> dict[str, Any]:
    with ctx.store.session() as session:
        row = session.get(model, row_id)
        return {c.key: getattr(row, c.key) for c in model.__table__.c}


@pytest.fixture
def deleted_victim(enrolled: Sync) -> str:
    records = Records(enrolled.a)
    lost = victim(records, name=NAME, cnic=CNIC, notes=f"brother of {NAME}")
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    records.update("victims", lost, {"status": "returned"})
    records.delete("victims", lost)
    return lost


def test_a_tombstone_keeps_no_personal_field(enrolled: Sync, deleted_victim: str) -> None:
    assert not mentions(row_of(enrolled.a, Victim, deleted_victim))
    delete_entry = log_states(enrolled.a, deleted_victim)[-1]
    assert delete_entry["deleted_at"] and not mentions(delete_entry)
    assert delete_entry["id"] == deleted_victim and delete_entry["station_code"] == "MBD-PHALIA"


def test_the_deletion_travels_without_the_record(enrolled: Sync, deleted_victim: str) -> None:
    result = import_bundle(enrolled.district, export_file(enrolled.a, enrolled.usb).read_bytes())
    assert result.opened is not None
    deletion = [e for e in result.opened.entries if e.get("row_id") == deleted_victim and e.get("op") == "delete"]
    assert deletion and not mentions(deletion)
    # The grants, users and audit entries that travel beside the changes name no one either.
    anchor = [e for e in result.opened.entries if e["table"] == "station_anchor"]
    assert anchor and anchor[0]["audit"] and not mentions(anchor)
    assert not mentions(row_of(enrolled.district, Victim, deleted_victim))


def test_purge_waits_for_the_districts_retention_period(enrolled: Sync, deleted_victim: str) -> None:
    with pytest.raises(ValidationError, match="retention"):
        purge_deleted(enrolled.a)  # the district has not set one yet
    set_retention(enrolled.district, days=30)
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    assert purge_deleted(enrolled.a).purged == {}  # deleted today: kept for 30 days
    assert any(mentions(s) for s in log_states(enrolled.a, deleted_victim))


def test_purge_forgets_every_earlier_version_at_the_station_and_the_district(
    enrolled: Sync, deleted_victim: str
) -> None:
    set_retention(enrolled.district, days=30)
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    save_draft(enrolled.a, f"victims:{deleted_victim}", {"name": NAME})
    enrolled.a.clock.advance(days=31)

    report = purge_deleted(enrolled.a)

    assert report.purged == {"victims": 1}
    assert not any(mentions(s) for s in log_states(enrolled.a, deleted_victim))
    with enrolled.a.store.session() as session:
        assert session.scalar(select(Draft).where(Draft.form_key == f"victims:{deleted_victim}")) is None
    assert any(mentions(s) for s in log_states(enrolled.district, deleted_victim))  # until the marker arrives
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    assert not any(mentions(s) for s in log_states(enrolled.district, deleted_victim))
    assert purge_deleted(enrolled.a).purged == {}  # once is enough


def test_a_purge_reaches_every_station_holding_reference_copies(enrolled: Sync) -> None:
    records = Records(enrolled.a)
    agent = person(records, name=NAME, cnic=CNIC, watchlisted=True)
    set_retention(enrolled.district, days=30)
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    round_trip(enrolled.b, enrolled.district, enrolled.usb, allow_empty=True)
    assert any(mentions(s) for s in log_states(enrolled.b, agent))
    records.delete("persons", agent)
    enrolled.a.clock.advance(days=31)
    purge_deleted(enrolled.a)
    round_trip(enrolled.a, enrolled.district, enrolled.usb)

    round_trip(enrolled.b, enrolled.district, enrolled.usb, allow_empty=True)

    assert log_states(enrolled.b, agent) and not any(mentions(s) for s in log_states(enrolled.b, agent))


def test_purge_rewrites_conflicts_on_the_record(enrolled: Sync, deleted_victim: str) -> None:
    with enrolled.a.store.transaction() as session:
        session.add(
            Conflict(
                table_name="victims",
                row_id=deleted_victim,
                kept_hlc="x",
                lost_hlc="y",
                lost_origin="MBD-PHALIA",
                lost_state={**latest_state(enrolled.a, deleted_victim), "name": NAME, "cnic": CNIC},
                reason="concurrent edits: the later one wins",
                detected_at=enrolled.a.clock.now(),
            )
        )
    set_retention(enrolled.district, days=30)
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    enrolled.a.clock.advance(days=31)
    purge_deleted(enrolled.a)
    with enrolled.a.store.session() as session:
        assert not any(mentions(c.lost_state) for c in session.scalars(select(Conflict)))


def test_only_the_sho_purges(enrolled: Sync, deleted_victim: str) -> None:
    from desktop_app.services.accounts import add_user
    from tests.conftest import FAST_KDF

    add_user(enrolled.a, "asi.aslam", "ASI Aslam", "officer", "officer pass phrase 2026", FAST_KDF)
    with pytest.raises(PermissionDenied):
        purge_deleted(context_for(enrolled.a.store, "asi.aslam", enrolled.a.clock))


def test_a_purge_marker_for_another_stations_record_is_refused(enrolled: Sync) -> None:
    """A hostile station cannot wipe another station's record history at the district."""
    b_agent = person(Records(enrolled.b), name=NAME, cnic=CNIC, watchlisted=True)
    round_trip(enrolled.b, enrolled.district, enrolled.usb)
    round_trip(enrolled.a, enrolled.district, enrolled.usb, allow_empty=True)
    state = latest_state(enrolled.a, b_agent)
    mine = str(state["hlc"]).rsplit(".", 1)[0] + ".MBD-PHALIA"
    forge_local_change(enrolled.a, "persons", {**state, "station_code": "MBD-PHALIA", "hlc": mine}, op="purge")
    with pytest.raises(Exception) as refused:
        import_bundle(enrolled.district, export_file(enrolled.a, enrolled.usb).read_bytes())
    assert getattr(refused.value, "check", None) == "owner"
    assert any(mentions(s) for s in log_states(enrolled.district, b_agent))


def test_retention_and_purge_on_the_command_line(
    enrolled: Sync, deleted_victim: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop_app.cli import main
    from tests.conftest import PASSPHRASE

    monkeypatch.setenv("AHTC_PASSPHRASE", PASSPHRASE)
    district_dir = enrolled.district.store.paths.data_dir
    station_dir = enrolled.a.store.paths.data_dir
    assert main(["--data-dir", str(district_dir), "--user", "dpo.mbd", "district", "retention", "--days", "7"]) == 4
    assert main(["--data-dir", str(district_dir), "--user", "dpo.mbd", "district", "retention", "--days", "30"]) == 0
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    enrolled.a.store.close()
    assert main(["--data-dir", str(station_dir), "--user", "sho.phalia", "purge", "--dry-run"]) == 0
    out = capsys.readouterr().out
    # The command line runs on the PC's real clock, months after the tests' fake one: the deletion is old enough.
    assert "Deleted records purged: victims 1." in out and "Dry run: nothing was changed." in out
