"""Enrolment trusts nothing before the fingerprint is confirmed (security review finding 4, experiment E6).

Mallory swaps the file on the USB stick (or sends one by e-mail): an answer or a request signed with her own keys,
for the right station and district. Before, the station wrapped its data key to whatever key the answer held and
printed the fingerprint afterwards, and re-enrolling left her slot in place. Now each side records the other's keys,
and the station writes its recovery slot, only once the fingerprint the other side reads out by phone matches.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from desktop_app.errors import WrongPassphrase
from desktop_app.models.sync_state import SyncPeer
from desktop_app.services.context import Context
from desktop_app.store.keyslots import KeySlots
from desktop_app.sync.bundle_manifest import canonical_json
from desktop_app.sync.enrolment import (
    FingerprintMismatch,
    enrol_complete,
    enrol_request,
    enrol_station,
    own_fingerprint,
    read_answer,
)
from desktop_app.sync.keys import Identity
from desktop_app.sync.peers import load_identity
from desktop_app.sync.recovery import read_recovery_key
from tests.sync.conftest import enrol


def forged_answer(station: Context, path: Path) -> tuple[Identity, X25519PrivateKey]:
    """An answer for `station` that looks like district MBD's but is signed with Mallory's keys."""
    mallory, mallory_recovery = Identity.generate(), X25519PrivateKey.generate()
    body = {
        "format": "ahtc-enrol-answer/1",
        "district_code": "MBD",
        "district_name": "Mandi Bahauddin",
        "station_code": station.station.station_code,
        "station_fingerprint": own_fingerprint(station),
        "keys": mallory.public().to_json(),
        "recovery_key": base64.b64encode(mallory_recovery.public_key().public_bytes_raw()).decode(),
        "created_at": "2026-03-01T05:00:00+00:00",
    }
    signature = mallory.signing_key.sign(b"ahtc-enrol-answer/1\x00" + canonical_json(body))
    path.write_text(json.dumps({**body, "signature": base64.b64encode(signature).decode()}))
    return mallory, mallory_recovery


def forged_request(path: Path) -> Identity:
    """A request that says it is station MBD-PHALIA's, signed with Mallory's keys."""
    mallory = Identity.generate()
    body = {
        "format": "ahtc-enrol-request/1",
        "station_code": "MBD-PHALIA",
        "station_name": "Phalia City",
        "district_code": "MBD",
        "store_id": "00000000-0000-4000-8000-000000000000",
        "keys": mallory.public().to_json(),
        "created_at": "2026-03-01T05:00:00+00:00",
    }
    signature = mallory.signing_key.sign(b"ahtc-enrol-request/1\x00" + canonical_json(body))
    path.write_text(json.dumps({**body, "signature": base64.b64encode(signature).decode()}))
    return mallory


def test_a_forged_answer_leaves_no_recovery_slot_and_no_peer(ctx: Context, district: Context, tmp_path: Path) -> None:
    _mallory, mallory_recovery = forged_answer(ctx, tmp_path / "answer.json")
    slots_before = ctx.store.paths.keyslots.read_bytes()
    shown = read_answer(ctx, tmp_path / "answer.json")  # the SHO sees Mallory's fingerprint in the file...

    with pytest.raises(FingerprintMismatch):  # ...but types the one the real district reads out
        enrol_complete(ctx, tmp_path / "answer.json", district_fingerprint=own_fingerprint(district))

    assert shown.district_fingerprint != own_fingerprint(district)
    assert ctx.store.paths.keyslots.read_bytes() == slots_before
    slots = KeySlots.load(ctx.store.paths.keyslots)
    assert slots.recovery_fingerprints() == []
    with pytest.raises(WrongPassphrase):
        slots.unlock_with_recovery(mallory_recovery)
    with ctx.store.session() as session:
        assert session.scalar(select(SyncPeer)) is None


def test_a_forged_request_leaves_no_peer_and_no_answer(ctx: Context, district: Context, tmp_path: Path) -> None:
    forged_request(tmp_path / "request.json")
    real_fingerprint = enrol_request(ctx, tmp_path / "real-request.json").own_fingerprint  # the real SHO reads it

    with pytest.raises(FingerprintMismatch):
        enrol_station(
            district, tmp_path / "request.json", tmp_path / "answer.json", station_fingerprint=real_fingerprint
        )

    assert not (tmp_path / "answer.json").exists()
    with district.store.session() as session:
        assert session.scalar(select(SyncPeer)) is None


def test_re_enrolment_leaves_exactly_one_recovery_slot(
    ctx: Context, district: Context, district_recovery_key: Path, tmp_path: Path
) -> None:
    # What an earlier enrolment may have left: Mallory's slot (E6), and an old-style slot to the district's sync key.
    mallory_recovery = X25519PrivateKey.generate()
    ctx.store.slots.set_recovery(mallory_recovery.public_key().public_bytes_raw(), ctx.store.data_key)
    with district.store.session() as session:
        district_sync_key = load_identity(session).encryption_key
    ctx.store.slots.set_recovery(district_sync_key.public_key().public_bytes_raw(), ctx.store.data_key)
    ctx.store.save_slots()

    enrol(ctx, district, tmp_path)

    slots = KeySlots.load(ctx.store.paths.keyslots)
    assert len(slots.recovery_fingerprints()) == 1
    recovery_key, _fingerprint = read_recovery_key(district_recovery_key)
    assert slots.unlock_with_recovery(recovery_key) == ctx.store.data_key
    for stale in (mallory_recovery, district_sync_key):
        with pytest.raises(WrongPassphrase):
            slots.unlock_with_recovery(stale)


def test_the_recovery_slot_is_not_wrapped_to_the_district_sync_key(
    ctx: Context, district: Context, tmp_path: Path
) -> None:
    """The sync key is loaded in the running server (and in clear in PostgreSQL): it must not open stations."""
    enrol(ctx, district, tmp_path)
    with district.store.session() as session:
        district_sync_key = load_identity(session).encryption_key

    with pytest.raises(WrongPassphrase):
        KeySlots.load(ctx.store.paths.keyslots).unlock_with_recovery(district_sync_key)


def test_a_confirmed_enrolment_still_works_after_a_refused_one(ctx: Context, district: Context, tmp_path: Path) -> None:
    forged_answer(ctx, tmp_path / "forged.json")
    with pytest.raises(FingerprintMismatch):
        enrol_complete(ctx, tmp_path / "forged.json", district_fingerprint=own_fingerprint(district))

    enrol(ctx, district, tmp_path / "real")

    with ctx.store.session() as session:
        peer = session.scalar(select(SyncPeer))
        assert peer is not None and peer.fingerprint == own_fingerprint(district)
    assert len(KeySlots.load(ctx.store.paths.keyslots).recovery_fingerprints()) == 1
