"""Enrolment through files: fingerprints both sides can compare, and the district's recovery key slot."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.models.sync_state import SyncPeer
from desktop_app.services.context import Context
from desktop_app.store.keyslots import KeySlots
from desktop_app.sync.enrolment import EnrolmentError, enrol_complete, enrol_request, enrol_station, own_fingerprint
from desktop_app.sync.keys import FINGERPRINT_PATTERN
from desktop_app.sync.peers import load_identity


def test_both_sides_show_matching_fingerprints(ctx: Context, district: Context, tmp_path: Path) -> None:
    request = enrol_request(ctx, tmp_path / "req.json")
    registered = enrol_station(district, tmp_path / "req.json", tmp_path / "ans.json")
    completed = enrol_complete(ctx, tmp_path / "ans.json")

    assert registered.peer_fingerprint == request.own_fingerprint == own_fingerprint(ctx)
    assert completed.peer_fingerprint == registered.own_fingerprint == own_fingerprint(district)
    assert re.fullmatch(FINGERPRINT_PATTERN, completed.peer_fingerprint)
    with district.store.session() as session:
        peer = session.scalar(select(SyncPeer).where(SyncPeer.code == "MBD-PHALIA"))
        assert peer is not None and peer.kind == "station" and peer.store_id == ctx.station.store_id


def test_enrolment_adds_the_district_recovery_slot(ctx: Context, district: Context, tmp_path: Path) -> None:
    enrol_request(ctx, tmp_path / "req.json")
    enrol_station(district, tmp_path / "req.json", tmp_path / "ans.json")
    result = enrol_complete(ctx, tmp_path / "ans.json")

    slots = KeySlots.load(ctx.store.paths.keyslots)
    assert result.recovery_fingerprint in slots.recovery_fingerprints()
    with district.store.session() as session:
        district_key = load_identity(session).encryption_key
    assert slots.unlock_with_recovery(district_key) == ctx.store.data_key


def test_a_changed_request_is_refused(ctx: Context, district: Context, tmp_path: Path) -> None:
    enrol_request(ctx, tmp_path / "req.json")
    document = json.loads((tmp_path / "req.json").read_text())
    document["station_code"] = "MBD-OTHER"
    (tmp_path / "req.json").write_text(json.dumps(document))

    with pytest.raises(EnrolmentError, match="changed after it was written"):
        enrol_station(district, tmp_path / "req.json", tmp_path / "ans.json")
    assert not (tmp_path / "ans.json").exists()


def test_an_answer_for_another_station_is_refused(
    ctx: Context, station_b: Context, district: Context, tmp_path: Path
) -> None:
    enrol_request(station_b, tmp_path / "req-b.json")
    enrol_station(district, tmp_path / "req-b.json", tmp_path / "ans-b.json")

    with pytest.raises(EnrolmentError, match="not for this station"):
        enrol_complete(ctx, tmp_path / "ans-b.json")
    with ctx.store.session() as session:
        assert session.scalar(select(SyncPeer)) is None


def test_a_request_for_another_district_is_refused(ctx: Context, district: Context, tmp_path: Path) -> None:
    enrol_request(ctx, tmp_path / "req.json")
    other = dataclasses.replace(district, station=dataclasses.replace(district.station, station_code="GRW"))
    with pytest.raises(EnrolmentError, match="not for"):
        enrol_station(other, tmp_path / "req.json", tmp_path / "ans.json")
