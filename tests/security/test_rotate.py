"""Keys can change (security review finding 9): `rotate-keys` at a station and at the district.

A station's new keys reach the district in a bundle that carries a key-change statement signed by the old keys;
the district records them (audited) and from then on accepts only the new keys. The district's new keys reach the
stations the same way in return bundles; its old encryption key still reads bundles that were on their way, until
it is retired by hand or after the period. Forged statements, and bundles signed with keys no longer in use, are
refused.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.errors import BundleRejected
from desktop_app.models.audit import AuditEntry
from desktop_app.models.station import StationInfo
from desktop_app.models.sync_state import OwnOldKey, ReplacedPeerKey, SyncPeer
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.sync.bundle_zip import read_stored_zip
from desktop_app.sync.client import sync_over_http
from desktop_app.sync.district import revoke_station
from desktop_app.sync.enrolment import own_fingerprint
from desktop_app.sync.importer import import_bundle
from desktop_app.sync.keys import Identity, key_change_statement, key_fingerprint
from desktop_app.sync.peers import find_peer, load_identity, peer_keys
from desktop_app.sync.rotation import retire_old_keys, rotate_keys
from desktop_app.sync.server import running_server
from tests.sync.conftest import Sync
from tests.sync.helpers import district_import, export_file, round_trip


def peer_fingerprint(ctx: Context, code: str) -> str:
    with ctx.store.session() as session:
        peer = session.scalar(select(SyncPeer).where(SyncPeer.code == code))
        assert peer is not None
        return peer.fingerprint


def audit_details(ctx: Context, action: str) -> list[str]:
    with ctx.store.session() as session:
        return [e.detail or "" for e in session.scalars(select(AuditEntry).where(AuditEntry.action == action))]


def manifest_of(bundle: Path) -> dict[str, object]:
    members = read_stored_zip(bundle.read_bytes(), {"manifest.json": 2**22, "manifest.sig": 64, "payload.enc": 2**28})
    return dict(json.loads(members["manifest.json"]))


# --- a station rotates ----------------------------------------------------------------------------------------


def test_a_stations_new_keys_are_announced_under_the_old_ones_and_then_only_they_count(enrolled: Sync) -> None:
    records = Records(enrolled.a)
    records.create("persons", {"name": "Before Rotation", "role": "witness"})
    in_flight = export_file(enrolled.a, enrolled.usb)  # signed with the old keys, still on its way
    old = own_fingerprint(enrolled.a)

    rotation = rotate_keys(enrolled.a)
    records.create("persons", {"name": "After Rotation", "role": "witness"})
    announcing = export_file(enrolled.a, enrolled.usb)
    # In the clear manifest (ahtc-bundle/2): the new keys are checked before anything is decrypted.
    statement = manifest_of(announcing)["key_change"]
    assert [s["old"] for s in statement] == [old] and rotation.new_fingerprint == own_fingerprint(enrolled.a)

    result, answer = district_import(enrolled.district, announcing, enrolled.usb / "returns")

    assert peer_fingerprint(enrolled.district, "MBD-PHALIA") == rotation.new_fingerprint
    assert any("changed its keys" in note for note in result.report["notes"])
    assert audit_details(enrolled.district, "peer-keys") == [f"MBD-PHALIA {old} to {rotation.new_fingerprint}"]
    with enrolled.district.store.session() as session:
        (replaced,) = session.scalars(select(ReplacedPeerKey))
    assert (replaced.fingerprint, replaced.reason) == (old, "rotated")
    # The answer is encrypted to the new keys, and reading it tells the station the change is done.
    assert import_bundle(enrolled.a, answer.read_bytes()).status == "applied"
    with enrolled.a.store.session() as session:
        (kept,) = session.scalars(select(OwnOldKey))
    assert kept.retire_after == enrolled.a.clock.now() + dt.timedelta(days=60)
    # From now on only the new keys: the bundle signed with the old ones is refused, by name.
    with pytest.raises(BundleRejected) as refused:
        import_bundle(enrolled.district, in_flight.read_bytes())
    assert refused.value.check == "retired-key" and old in refused.value.detail
    assert round_trip(enrolled.a, enrolled.district, enrolled.usb, allow_empty=True)[0].status == "applied"


def test_a_statement_not_signed_by_the_enrolled_keys_is_refused(enrolled: Sync) -> None:
    """Mallory (who never had the station's keys) announces her own keys for MBD-PHALIA."""
    Records(enrolled.a).create("persons", {"name": "Someone", "role": "witness"})
    mallory, her_other = Identity.generate(), Identity.generate()
    enrolled_fingerprint = own_fingerprint(enrolled.a)
    with enrolled.a.store.transaction() as session:
        info = session.get(StationInfo, 1)
        assert info is not None
        info.identity = mallory.to_private_bytes()  # she signs the whole bundle with her keys...
        session.add(
            OwnOldKey(
                fingerprint=her_other.public().fingerprint(),
                enc_private=base64.b64encode(her_other.encryption_key.private_bytes_raw()).decode(),
                # ...and the statement too: it names the enrolled fingerprint but is not signed by its key.
                statement={
                    **key_change_statement("MBD-PHALIA", her_other, mallory.public()),
                    "old": enrolled_fingerprint,
                },
                created_at=enrolled.a.clock.now(),
                keep_days=60,
            )
        )
    forged = export_file(enrolled.a, enrolled.usb)
    before = peer_fingerprint(enrolled.district, "MBD-PHALIA")

    with pytest.raises(BundleRejected) as refused:
        import_bundle(enrolled.district, forged.read_bytes())

    assert refused.value.check == "signature"
    assert peer_fingerprint(enrolled.district, "MBD-PHALIA") == before != mallory.public().fingerprint()


def test_a_statement_for_keys_that_did_not_sign_the_bundle_changes_nothing(enrolled: Sync) -> None:
    """A genuine statement copied into a bundle signed by other keys does not move the district to anything."""
    Records(enrolled.a).create("persons", {"name": "Someone", "role": "witness"})
    rotate_keys(enrolled.a)
    genuine = export_file(enrolled.a, enrolled.usb)
    statement = manifest_of(genuine)["key_change"]
    with enrolled.a.store.transaction() as session:
        info = session.get(StationInfo, 1)
        assert info is not None
        info.identity = Identity.generate().to_private_bytes()  # a thief's keys, with the copied statement
        (row,) = session.scalars(select(OwnOldKey))
        row.statement = statement[0]
    copied = export_file(enrolled.a, enrolled.usb)

    with pytest.raises(BundleRejected) as refused:
        import_bundle(enrolled.district, copied.read_bytes())
    assert refused.value.check == "signature"


def test_announced_keys_that_were_revoked_are_refused(enrolled: Sync) -> None:
    revoked_keys = own_fingerprint(enrolled.b)
    revoke_station(enrolled.district, "MBD-MALAKWAL")
    # A station announcing as its new keys the ones revoked for another: refused, whatever it signs.
    Records(enrolled.a).create("persons", {"name": "Someone", "role": "witness"})
    with enrolled.a.store.transaction() as session:
        info = session.get(StationInfo, 1)
        assert info is not None
        old = Identity.from_private_bytes(info.identity)
        with enrolled.b.store.session() as b_session:
            stolen = Identity.from_private_bytes(b_session.get(StationInfo, 1).identity)  # type: ignore[union-attr]
        info.identity = stolen.to_private_bytes()
        session.add(
            OwnOldKey(
                fingerprint=old.public().fingerprint(),
                enc_private=base64.b64encode(old.encryption_key.private_bytes_raw()).decode(),
                statement=key_change_statement("MBD-PHALIA", old, stolen.public()),
                created_at=enrolled.a.clock.now(),
                keep_days=60,
            )
        )
    bundle = export_file(enrolled.a, enrolled.usb)

    with pytest.raises(BundleRejected) as refused:
        import_bundle(enrolled.district, bundle.read_bytes())
    assert refused.value.check == "key-change" and revoked_keys in refused.value.detail
    assert peer_fingerprint(enrolled.district, "MBD-PHALIA") == old.public().fingerprint()


# --- the district rotates -------------------------------------------------------------------------------------


def test_stations_learn_the_districts_new_keys_from_a_return_signed_by_the_old_ones(enrolled: Sync) -> None:
    Records(enrolled.a).create("persons", {"name": "On Its Way", "role": "witness"})
    in_flight = export_file(enrolled.a, enrolled.usb)  # encrypted to the district's old key
    round_trip(enrolled.b, enrolled.district, enrolled.usb, allow_empty=True)
    stale_answer = district_import(
        enrolled.district, export_file(enrolled.b, enrolled.usb, allow_empty=True), enrolled.usb / "stale"
    )[1]  # a return signed with the old keys, not yet carried to MBD-MALAKWAL
    old = own_fingerprint(enrolled.district)

    rotation = rotate_keys(enrolled.district)

    # The old encryption key still reads what was on its way.
    result, answer = district_import(enrolled.district, in_flight, enrolled.usb / "returns")
    assert result.status == "applied"
    assert [s["old"] for s in manifest_of(answer)["key_change"]] == [old]
    applied = import_bundle(enrolled.a, answer.read_bytes())
    assert any("MBD changed its keys" in note for note in applied.report["notes"])
    assert peer_fingerprint(enrolled.a, "MBD") == rotation.new_fingerprint
    assert audit_details(enrolled.a, "peer-keys") == [f"MBD {old} to {rotation.new_fingerprint}"]
    # The station's next bundle is encrypted to the new key.
    nxt = export_file(enrolled.a, enrolled.usb, allow_empty=True)
    with enrolled.district.store.session() as session:
        new_enc = load_identity(session).public().enc
    assert manifest_of(nxt)["encryption"]["recipient_key"] == key_fingerprint(new_enc)  # type: ignore[index]
    # MBD-MALAKWAL learns the new keys from its next answer; the stale answer, signed with the old keys, is refused
    # once it has them.
    round_trip(enrolled.b, enrolled.district, enrolled.usb, allow_empty=True)
    assert peer_fingerprint(enrolled.b, "MBD") == rotation.new_fingerprint
    with pytest.raises(BundleRejected) as refused:
        import_bundle(enrolled.b, stale_answer.read_bytes())
    assert refused.value.check == "retired-key"


def test_the_old_district_key_is_retired_by_hand(enrolled: Sync) -> None:
    Records(enrolled.a).create("persons", {"name": "Late Bundle", "role": "witness"})
    late = export_file(enrolled.a, enrolled.usb)
    rotate_keys(enrolled.district)

    retired = retire_old_keys(enrolled.district)

    assert len(retired) == 1 and audit_details(enrolled.district, "retire-keys") == [f"{retired[0]} by hand"]
    with enrolled.district.store.session() as session:
        assert session.scalar(select(OwnOldKey)) is None  # the private key is gone from the store
    with pytest.raises(BundleRejected) as refused:
        import_bundle(enrolled.district, late.read_bytes())
    assert refused.value.check == "decryption"


def test_the_old_district_key_is_retired_after_the_period(enrolled: Sync) -> None:
    Records(enrolled.a).create("persons", {"name": "Very Late Bundle", "role": "witness"})
    late = export_file(enrolled.a, enrolled.usb)
    rotate_keys(enrolled.district, keep_old_days=30)
    round_trip(enrolled.b, enrolled.district, enrolled.usb, allow_empty=True)  # MBD-MALAKWAL syncs in time
    enrolled.district.clock.advance(days=31)

    with pytest.raises(BundleRejected) as refused:
        import_bundle(enrolled.district, late.read_bytes())
    assert refused.value.check == "decryption"
    round_trip(enrolled.b, enrolled.district, enrolled.usb, allow_empty=True)  # any import tidies up
    with enrolled.district.store.session() as session:
        assert session.scalar(select(OwnOldKey)) is None
    assert any(d.endswith("after the period") for d in audit_details(enrolled.district, "retire-keys"))


def test_both_sides_rotate_and_sync_over_http_in_one_exchange(enrolled: Sync) -> None:
    rotate_keys(enrolled.district)
    rotate_keys(enrolled.a)
    Records(enrolled.a).create("persons", {"name": "Over The Wire", "role": "witness"})

    with running_server(enrolled.district) as url:
        first = sync_over_http(enrolled.a, url)
        second = sync_over_http(enrolled.a, url)

    assert first.received.status == second.received.status == "applied"
    assert peer_fingerprint(enrolled.a, "MBD") == own_fingerprint(enrolled.district)
    assert peer_fingerprint(enrolled.district, "MBD-PHALIA") == own_fingerprint(enrolled.a)


def test_two_rotations_before_the_other_side_heard(enrolled: Sync) -> None:
    rotate_keys(enrolled.a)
    rotate_keys(enrolled.a)
    Records(enrolled.a).create("persons", {"name": "Twice Rotated", "role": "witness"})

    result, answer = round_trip(enrolled.a, enrolled.district, enrolled.usb)

    assert result.status == answer.status == "applied"
    assert peer_fingerprint(enrolled.district, "MBD-PHALIA") == own_fingerprint(enrolled.a)
    with enrolled.district.store.session() as session:
        peer = find_peer(session, "MBD-PHALIA", "station")
        assert peer is not None and peer_keys(peer).fingerprint() == own_fingerprint(enrolled.a)
