"""Enrolment through files: fingerprints both sides compare, confirmed before anything is trusted, and the district's
recovery key slot. (The attacks on enrolment are in tests/security/test_enrol_*.py.)
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select

from desktop_app.cli import main
from desktop_app.errors import WrongPassphrase
from desktop_app.models.sync_state import RecoveryKey, SyncPeer
from desktop_app.services.context import Context
from desktop_app.services.setup import unlock
from desktop_app.store import migrations_runner
from desktop_app.store.keyslots import KeySlots
from desktop_app.sync.enrolment import (
    EnrolmentError,
    FingerprintMismatch,
    enrol_complete,
    enrol_request,
    enrol_station,
    own_fingerprint,
    read_answer,
    read_request,
)
from desktop_app.sync.keys import FINGERPRINT_PATTERN, normalise_fingerprint
from desktop_app.sync.peers import load_identity
from desktop_app.sync.recovery import make_recovery_key, read_recovery_key, recovery_slots
from tests.conftest import PASSPHRASE
from tests.sync.conftest import Sync, enrol
from tests.sync.helpers import round_trip


def test_both_sides_show_matching_fingerprints(ctx: Context, district: Context, tmp_path: Path) -> None:
    request = enrol_request(ctx, tmp_path / "req.json")
    preview = read_request(district, tmp_path / "req.json")
    assert preview.station_fingerprint == request.own_fingerprint
    registered = enrol_station(
        district, tmp_path / "req.json", tmp_path / "ans.json", station_fingerprint=request.own_fingerprint
    )
    shown = read_answer(ctx, tmp_path / "ans.json")
    completed = enrol_complete(ctx, tmp_path / "ans.json", district_fingerprint=shown.district_fingerprint)

    assert registered.peer_fingerprint == request.own_fingerprint == own_fingerprint(ctx) == shown.station_fingerprint
    assert completed.peer_fingerprint == registered.own_fingerprint == own_fingerprint(district)
    assert re.fullmatch(FINGERPRINT_PATTERN, completed.peer_fingerprint)
    with district.store.session() as session:
        peer = session.scalar(select(SyncPeer).where(SyncPeer.code == "MBD-PHALIA"))
        assert peer is not None and peer.kind == "station" and peer.store_id == ctx.station.store_id


def test_previews_write_nothing(ctx: Context, district: Context, tmp_path: Path) -> None:
    fingerprint = enrol_request(ctx, tmp_path / "req.json").own_fingerprint
    read_request(district, tmp_path / "req.json")
    with district.store.session() as session:
        assert session.scalar(select(SyncPeer)) is None
    enrol_station(district, tmp_path / "req.json", tmp_path / "ans.json", station_fingerprint=fingerprint)
    slots_before = ctx.store.paths.keyslots.read_bytes()

    read_answer(ctx, tmp_path / "ans.json")

    assert ctx.store.paths.keyslots.read_bytes() == slots_before
    with ctx.store.session() as session:
        assert session.scalar(select(SyncPeer)) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("abcd-efgh-ijkl-mn23", "ABCD-EFGH-IJKL-MN23"),
        ("ABCD EFGH IJKL MN23", "ABCD-EFGH-IJKL-MN23"),
        ("ABCDEFGHIJKLMN23", "ABCD-EFGH-IJKL-MN23"),
        ("0BCD-EFGH-1JKL-MN23", "OBCD-EFGH-IJKL-MN23"),  # 0 and 1 are not in base32: heard as O and I
    ],
)
def test_a_fingerprint_is_read_however_it_was_typed(typed: str, expected: str) -> None:
    assert normalise_fingerprint(typed) == expected


@pytest.mark.parametrize("typed", ["", "ABCD-EFGH-IJKL", "ABCD-EFGH-IJKL-MN23-X", "ABCD-EFGH-IJKL-MN29"])
def test_something_that_is_not_a_fingerprint_is_refused(typed: str) -> None:
    with pytest.raises(ValueError, match="16 letters"):
        normalise_fingerprint(typed)


def test_the_typed_fingerprint_may_be_written_loosely(ctx: Context, district: Context, tmp_path: Path) -> None:
    fingerprint = enrol_request(ctx, tmp_path / "req.json").own_fingerprint
    loose = fingerprint.lower().replace("-", " ")
    result = enrol_station(district, tmp_path / "req.json", tmp_path / "ans.json", station_fingerprint=loose)
    assert result.peer_fingerprint == fingerprint


def test_a_misheard_fingerprint_is_refused_and_says_both(ctx: Context, district: Context, tmp_path: Path) -> None:
    fingerprint = enrol_request(ctx, tmp_path / "req.json").own_fingerprint
    wrong = ("B" if fingerprint[0] != "B" else "C") + fingerprint[1:]

    with pytest.raises(FingerprintMismatch) as refused:
        enrol_station(district, tmp_path / "req.json", tmp_path / "ans.json", station_fingerprint=wrong)
    assert wrong in str(refused.value) and fingerprint in str(refused.value)
    assert not (tmp_path / "ans.json").exists()
    with pytest.raises(EnrolmentError, match="not a fingerprint"):
        enrol_station(district, tmp_path / "req.json", tmp_path / "ans.json", station_fingerprint="call me")


def test_enrolment_adds_the_district_recovery_slot(
    ctx: Context, district: Context, district_recovery_key: Path, tmp_path: Path
) -> None:
    fingerprint = enrol_request(ctx, tmp_path / "req.json").own_fingerprint
    enrol_station(district, tmp_path / "req.json", tmp_path / "ans.json", station_fingerprint=fingerprint)
    result = enrol_complete(ctx, tmp_path / "ans.json", district_fingerprint=own_fingerprint(district))

    private, recovery_fp = read_recovery_key(district_recovery_key)
    assert result.recovery_fingerprint == recovery_fp
    assert re.fullmatch(FINGERPRINT_PATTERN, recovery_fp)
    slots = KeySlots.load(ctx.store.paths.keyslots)
    assert len(slots.recovery_fingerprints()) == 1
    assert slots.unlock_with_recovery(private) == ctx.store.data_key


def test_a_changed_request_is_refused(ctx: Context, district: Context, tmp_path: Path) -> None:
    fingerprint = enrol_request(ctx, tmp_path / "req.json").own_fingerprint
    document = json.loads((tmp_path / "req.json").read_text())
    document["station_code"] = "MBD-OTHER"
    (tmp_path / "req.json").write_text(json.dumps(document))

    with pytest.raises(EnrolmentError, match="changed after it was written"):
        enrol_station(district, tmp_path / "req.json", tmp_path / "ans.json", station_fingerprint=fingerprint)
    assert not (tmp_path / "ans.json").exists()


def test_an_answer_for_another_station_is_refused(
    ctx: Context, station_b: Context, district: Context, tmp_path: Path
) -> None:
    fingerprint = enrol_request(station_b, tmp_path / "req-b.json").own_fingerprint
    enrol_station(district, tmp_path / "req-b.json", tmp_path / "ans-b.json", station_fingerprint=fingerprint)

    with pytest.raises(EnrolmentError, match="not for this station"):
        enrol_complete(ctx, tmp_path / "ans-b.json", district_fingerprint=own_fingerprint(district))
    with ctx.store.session() as session:
        assert session.scalar(select(SyncPeer)) is None


def test_a_request_for_another_district_is_refused(ctx: Context, district: Context, tmp_path: Path) -> None:
    fingerprint = enrol_request(ctx, tmp_path / "req.json").own_fingerprint
    other = dataclasses.replace(district, station=dataclasses.replace(district.station, station_code="GRW"))
    with pytest.raises(EnrolmentError, match="not for"):
        enrol_station(other, tmp_path / "req.json", tmp_path / "ans.json", station_fingerprint=fingerprint)


def test_a_district_without_a_recovery_key_enrols_nobody(ctx: Context, district: Context, tmp_path: Path) -> None:
    with district.store.transaction() as session:
        for row in session.scalars(select(RecoveryKey)):
            session.delete(row)  # as a district made before recovery keys existed
    fingerprint = enrol_request(ctx, tmp_path / "req.json").own_fingerprint

    with pytest.raises(EnrolmentError, match="district recovery-key"):
        enrol_station(district, tmp_path / "req.json", tmp_path / "ans.json", station_fingerprint=fingerprint)
    assert not (tmp_path / "ans.json").exists()


def test_stores_enrolled_before_recovery_keys_migrate_and_move_to_the_offline_key(
    enrolled: Sync, tmp_path: Path
) -> None:
    """Upgrade path (docs/sync.md): both stores at schema 0005, the station's slot wrapped to the district's sync
    key. They open and migrate; the district makes its recovery key; one re-enrolment moves the station to it."""
    station, district = enrolled.a, enrolled.district
    with district.store.session() as session:
        sync_key = load_identity(session).encryption_key
    for slot_id in station.store.slots.recovery_fingerprints():
        station.store.slots.remove_recovery(slot_id)
    station.store.slots.set_recovery(sync_key.public_key().public_bytes_raw(), station.store.data_key)
    station.store.save_slots()
    folders = {}
    for name, ctx in (("station", station), ("district", district)):
        with ctx.store.engine.begin() as conn:
            command.downgrade(migrations_runner.alembic_config(conn), "0005")
        folders[name] = ctx.store.paths.data_dir
        ctx.store.close()

    station = unlock(folders["station"], "sho.phalia", PASSPHRASE, enrolled.a.clock)
    district = unlock(folders["district"], "dpo.mbd", PASSPHRASE, enrolled.a.clock)
    try:
        for ctx in (station, district):
            assert migrations_runner.current_revision(ctx.store.engine) == migrations_runner.head_revision()
            assert list(ctx.store.paths.backups.glob("before-migration-0005-*.ahtcbak"))
        (old_style,) = recovery_slots(station)
        assert "old style" in old_style.what and not old_style.current
        assert round_trip(station, district, enrolled.usb, allow_empty=True)[1].status == "applied"
        with pytest.raises(EnrolmentError, match="no recovery key yet"):
            enrol(station, district, tmp_path / "too-early")
        (tmp_path / "usb-stick").mkdir()
        recovery_fp = make_recovery_key(district, tmp_path / "usb-stick" / "mbd-recovery-key.json")

        enrol(station, district, tmp_path / "again")

        (slot,) = recovery_slots(station)
        assert slot.current and slot.fingerprint == recovery_fp
        with pytest.raises(WrongPassphrase):
            KeySlots.load(station.store.paths.keyslots).unlock_with_recovery(sync_key)
        assert round_trip(station, district, enrolled.usb, allow_empty=True)[1].status == "applied"
    finally:
        station.store.close()
        district.store.close()


def test_the_cli_shows_both_fingerprints_and_asks_for_the_one_read_out(
    ctx: Context, district: Context, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AHTC_PASSPHRASE", PASSPHRASE)
    fingerprint = enrol_request(ctx, tmp_path / "req.json").own_fingerprint
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or fingerprint.lower())
    folder = str(district.store.paths.data_dir)

    code = main(["--data-dir", folder, "--user", "dpo.mbd", "district", "enrol", str(tmp_path / "req.json"),
                 "--out", str(tmp_path / "ans.json")])  # fmt: skip

    out = capsys.readouterr().out
    assert code == 0 and asked == ["The station's fingerprint, as its SHO reads it out: "]
    shown = out.split("Enrolled station")[0]  # before the question: both fingerprints
    assert fingerprint in shown and own_fingerprint(district) in shown


def test_the_cli_without_a_terminal_needs_the_fingerprint_given(
    ctx: Context, district: Context, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AHTC_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    enrol_request(ctx, tmp_path / "req.json")
    folder = str(district.store.paths.data_dir)

    code = main(["--data-dir", folder, "--user", "dpo.mbd", "district", "enrol", str(tmp_path / "req.json"),
                 "--out", str(tmp_path / "ans.json")])  # fmt: skip

    assert code == 2 and "--fingerprint" in capsys.readouterr().err
    assert not (tmp_path / "ans.json").exists()
