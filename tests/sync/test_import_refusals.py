"""Every refused bundle names its check and leaves the importing store exactly as it was.

The format core's own tests (test_bundle.py) flip every byte of a bundle and craft each bad ZIP against
`read_bundle`; here the same kinds of damage go through the real importer into a real district store.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop_app.errors import BundleRejected
from desktop_app.models.audit import AuditEntry
from desktop_app.models.sync_state import BundleReceived, StationMark
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.sync.bundle import MANIFEST_NAME, PAYLOAD_NAME, SIGNATURE_NAME, write_bundle
from desktop_app.sync.bundle_manifest import canonical_json
from desktop_app.sync.bundle_zip import write_stored_zip
from desktop_app.sync.district import district_status
from desktop_app.sync.importer import BundleHeld, import_bundle
from desktop_app.sync.keys import Identity
from desktop_app.sync.peers import load_identity
from tests.services.helpers import one_of_each
from tests.sync.conftest import Sync
from tests.sync.helpers import district_import, export_file, snapshot


def state_of(ctx: Context) -> dict[str, Any]:
    """Everything an import could touch: registers, change log, conflicts, audit chain, sync bookkeeping."""
    with ctx.store.session() as session:
        extra = {
            "audit": session.scalar(select(func.count()).select_from(AuditEntry)),
            "received": session.scalar(select(func.count()).select_from(BundleReceived)),
            "marks": [(m.station_code, m.acked_seq, m.ranges) for m in session.scalars(select(StationMark))],
        }
    return {**snapshot(ctx), **extra}


def refused(ctx: Context, data: bytes) -> BundleRejected:
    before = state_of(ctx)
    with pytest.raises(BundleRejected) as caught:
        import_bundle(ctx, data)
    assert state_of(ctx) == before, "a refused bundle changed the store"
    assert caught.value.detail  # a sentence for the officer
    return caught.value


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def resigned(data: bytes, signer: Identity, **changes: Any) -> bytes:
    members = members_of(data)
    raw = canonical_json({**json.loads(members[MANIFEST_NAME]), **changes})
    return write_stored_zip(
        [(MANIFEST_NAME, raw), (SIGNATURE_NAME, signer.signing_key.sign(raw)), (PAYLOAD_NAME, members[PAYLOAD_NAME])]
    )


@pytest.fixture
def bundle(enrolled: Sync) -> bytes:
    one_of_each(Records(enrolled.a))
    return export_file(enrolled.a, enrolled.usb).read_bytes()


def test_any_flipped_byte_is_refused_and_changes_nothing(enrolled: Sync, bundle: bytes) -> None:
    members = members_of(bundle)
    manifest_at = bundle.index(members[MANIFEST_NAME])
    signature_at = bundle.index(members[SIGNATURE_NAME])
    payload_at = bundle.index(members[PAYLOAD_NAME])
    positions = {
        0,
        10,
        manifest_at + 5,
        manifest_at + len(members[MANIFEST_NAME]) // 2,
        signature_at,
        signature_at + 63,
        payload_at,
        payload_at + len(members[PAYLOAD_NAME]) // 2,
        payload_at + len(members[PAYLOAD_NAME]) - 1,
        len(bundle) - 30,
        len(bundle) - 1,
        *range(0, len(bundle), max(1, len(bundle) // 25)),
    }
    for position in sorted(positions):
        damaged = bytearray(bundle)
        damaged[position] ^= 0x01
        rejected = refused(enrolled.district, bytes(damaged))
        assert rejected.check in {"zip", "manifest", "format", "recipient", "sender", "signature", "payload-hash"}
    # The undamaged bundle still imports afterwards: the refusals left nothing behind that blocks it.
    assert import_bundle(enrolled.district, bundle).report["created"] > 0


@pytest.mark.parametrize("keep", [0.0, 0.1, 0.5, 0.9, 0.999])
def test_a_truncated_bundle_is_refused(enrolled: Sync, bundle: bytes, keep: float) -> None:
    assert refused(enrolled.district, bundle[: int(len(bundle) * keep)]).check in {"size", "zip"}


def test_a_bundle_relabelled_as_another_station_is_refused(enrolled: Sync, bundle: bytes) -> None:
    with enrolled.a.store.session() as session:
        identity_a = load_identity(session)
    relabelled = resigned(bundle, identity_a, sender="MBD-MALAKWAL")
    assert refused(enrolled.district, relabelled).check == "signature"


def test_a_station_cannot_replay_a_bundle_meant_for_the_district(enrolled: Sync, bundle: bytes) -> None:
    assert refused(enrolled.b, bundle).check == "recipient"


def test_a_return_bundle_for_one_station_is_refused_at_another(enrolled: Sync, bundle: bytes, tmp_path: Path) -> None:
    _result, answer = district_import(enrolled.district, export_file(enrolled.a, enrolled.usb), tmp_path)
    rejected = refused(enrolled.b, answer.read_bytes())
    assert rejected.check == "recipient" and "MBD-PHALIA" in rejected.detail


def test_a_bundle_addressed_to_another_district_is_refused(enrolled: Sync) -> None:
    with enrolled.a.store.session() as session:
        identity_a = load_identity(session)
    data = _bundle_from(identity_a, "MBD-PHALIA", recipient="GRW", recipient_key=identity_a.public().enc)
    rejected = refused(enrolled.district, data)
    assert rejected.check == "recipient" and "GRW" in rejected.detail


def test_a_bundle_from_an_unknown_station_is_refused(enrolled: Sync) -> None:
    stranger = Identity.generate()
    with enrolled.district.store.session() as session:
        district_key = load_identity(session).public().enc
    data = _bundle_from(stranger, "MBD-UNKNOWN", recipient="MBD", recipient_key=district_key)
    rejected = refused(enrolled.district, data)
    assert rejected.check == "sender" and "not enrolled" in rejected.detail


def test_a_station_cannot_send_another_stations_rows(enrolled: Sync) -> None:
    with enrolled.a.store.session() as session:
        identity_a = load_identity(session)
    with enrolled.district.store.session() as session:
        district_key = load_identity(session).public().enc
    hlc = "1772341200000.00000.MBD-MALAKWAL"
    state = _person_state("MBD-MALAKWAL", hlc)
    entry = {"table": "persons", "seq": 1, "row_id": state["id"], "op": "create", "hlc": hlc, "base_hlc": None}
    data = _bundle_from(
        identity_a, "MBD-PHALIA", recipient="MBD", recipient_key=district_key, entries=[{**entry, "state": state}]
    )
    before = snapshot(enrolled.district)
    with pytest.raises(BundleRejected) as caught:
        import_bundle(enrolled.district, data)
    assert caught.value.check == "owner" and "belong to MBD-MALAKWAL" in caught.value.detail
    assert snapshot(enrolled.district) == before  # nothing applied; only the attempt is kept, for district status
    assert {s.code: s.refusals for s in district_status(enrolled.district)}["MBD-PHALIA"] == {"owner": 1}


@pytest.mark.parametrize("name", ["../payload.enc", "/etc/passwd", "C:/x", "..\\evil"])
def test_a_path_traversal_member_is_refused(enrolled: Sync, bundle: bytes, name: str) -> None:
    data = write_stored_zip([*members_of(bundle).items(), (name, b"x")])
    assert refused(enrolled.district, data).check == "zip"


def test_an_oversized_member_is_refused(enrolled: Sync, bundle: bytes) -> None:
    members = members_of(bundle)
    members[SIGNATURE_NAME] += b"\0" * 1000
    assert refused(enrolled.district, write_stored_zip(list(members.items()))).check == "zip"


def test_a_zip_bomb_is_refused(enrolled: Sync, bundle: bytes) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in members_of(bundle).items():
            if name == PAYLOAD_NAME:
                archive.writestr(name, bytes(64 * 2**20), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
            else:
                archive.writestr(name, body)
    rejected = refused(enrolled.district, buffer.getvalue())
    assert rejected.check == "zip" and "ZIP bomb" in rejected.detail


def test_a_bundle_from_a_newer_schema_is_held_unapplied(enrolled: Sync, bundle: bytes) -> None:
    with enrolled.a.store.session() as session:
        identity_a = load_identity(session)
    newer = resigned(bundle, identity_a, schema_version="9999")
    before = snapshot(enrolled.district)

    with pytest.raises(BundleHeld, match="newer version"):
        import_bundle(enrolled.district, newer)

    assert snapshot(enrolled.district) == before
    phalia = next(s for s in district_status(enrolled.district) if s.code == "MBD-PHALIA")
    assert phalia.held_bundles == 1 and "held" in phalia.line()


def _person_state(station: str, hlc: str) -> dict[str, Any]:
    at = "2026-03-01T05:00:00+00:00"
    return {
        "id": "7d7f1b2c-0000-4000-8000-000000000001",
        "station_code": station,
        "created_at": at,
        "created_by": "x",
        "updated_at": at,
        "updated_by": "x",
        "version": 1,
        "hlc": hlc,
        "deleted_at": None,
        "name": "Someone Else",
        "role": "agent",
        "status": "documented",
        "watchlisted": False,
    }


def _bundle_from(
    signer: Identity,
    sender: str,
    *,
    recipient: str,
    recipient_key: bytes,
    entries: list[dict[str, Any]] | None = None,
) -> bytes:
    return write_bundle(
        kind="station-changes",
        sender_code=sender,
        recipient_code=recipient,
        bundle_no=1,
        seq_from=1,
        seq_to=1,
        prev_bundle_sha256=None,
        store_id="0b1e6c1e-0000-4000-8000-00000000abcd",
        app_version="0.1.0",
        schema_version="0003",
        created_at="2026-03-01T05:00:00+00:00",
        entries=entries or [],
        extra={},
        sender=signer,
        recipient_enc_public=recipient_key,
    )
