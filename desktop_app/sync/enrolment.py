"""Enrolment: a station and its district exchange public keys once, checked by fingerprints read over the phone.

station `enrol_request` → file R → district `enrol_station` → file A → station `enrol_complete`.
The files hold only public keys and codes; each is signed by its writer (proof that it holds the private
key), but trust comes from the fingerprints the two officers compare, never from the file itself.
Completing enrolment also wraps the station's data key to the district's key (the recovery slot).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from sqlalchemy.orm import Session

from desktop_app.errors import AhtcError
from desktop_app.models.sync_state import SyncPeer
from desktop_app.services import audit, permissions
from desktop_app.services.context import Context
from desktop_app.store.atomic import write_atomic
from desktop_app.sync.bundle_manifest import canonical_json
from desktop_app.sync.keys import Identity, PublicKeys
from desktop_app.sync.peers import find_peer, load_identity

REQUEST_FORMAT = "ahtc-enrol-request/1"
ANSWER_FORMAT = "ahtc-enrol-answer/1"
# Domain separation: an enrolment signature can never be taken for a bundle manifest or a receipt.
_REQUEST_LABEL = b"ahtc-enrol-request/1\x00"
_ANSWER_LABEL = b"ahtc-enrol-answer/1\x00"
MAX_ENROLMENT_FILE_BYTES = 64 * 1024


class EnrolmentError(AhtcError):
    """An enrolment file is not usable here; the message says what to do."""


@dataclass(frozen=True)
class EnrolmentResult:
    peer_code: str
    peer_name: str
    peer_fingerprint: str
    own_fingerprint: str
    replaced_fingerprint: str | None = None  # the peer's previous keys, when enrolment was repeated
    recovery_fingerprint: str | None = None


def own_fingerprint(ctx: Context) -> str:
    with ctx.store.session() as session:
        return load_identity(session).public().fingerprint()


def enrol_request(ctx: Context, out: Path) -> EnrolmentResult:
    """Station: write the request file for the district."""
    permissions.require(ctx, permissions.MANAGE_USERS)
    if ctx.station.is_district:
        raise EnrolmentError("this is a district store; enrol stations with 'ahtc district enrol'")
    if not ctx.station.district_code:
        raise EnrolmentError("this store has no district code; it was initialised without --district-code")
    with ctx.store.transaction() as session:
        identity = load_identity(session)
        body = {
            "format": REQUEST_FORMAT,
            "station_code": ctx.station.station_code,
            "station_name": ctx.station.station_name,
            "district_code": ctx.station.district_code,
            "store_id": ctx.station.store_id,
            "keys": identity.public().to_json(),
            "created_at": ctx.clock.now().isoformat(),
        }
        _write_signed(out, body, identity, _REQUEST_LABEL)
        audit.append_many(session, ctx, [("enrol-request", None, None, f"to {ctx.station.district_code}")])
    fingerprint = identity.public().fingerprint()
    return EnrolmentResult(ctx.station.district_code, ctx.station.district, "", fingerprint)


def enrol_station(ctx: Context, request_path: Path, out: Path) -> EnrolmentResult:
    """District: register the station named in the request, and write the answer file for it."""
    permissions.require(ctx, permissions.MANAGE_USERS)
    if not ctx.station.is_district:
        raise EnrolmentError("only a district store enrols stations; on a station use 'ahtc enrol-complete'")
    request, keys = _read_signed(request_path, REQUEST_FORMAT, _REQUEST_LABEL)
    code = _text(request, "station_code")
    if request.get("district_code") != ctx.station.station_code:
        raise EnrolmentError(
            f"this request from {code} is for district {request.get('district_code')!s:.32}, not for "
            f"{ctx.station.station_code}; hand it to that district"
        )
    if code == ctx.station.station_code:
        raise EnrolmentError("a station cannot have the district's own code")
    with ctx.store.transaction() as session:
        identity = load_identity(session)
        previous = _save_peer(
            session, ctx, code, "station", _text(request, "station_name"), keys, _text(request, "store_id")
        )
        answer = {
            "format": ANSWER_FORMAT,
            "district_code": ctx.station.station_code,
            "district_name": ctx.station.district,
            "station_code": code,
            "station_fingerprint": keys.fingerprint(),
            "keys": identity.public().to_json(),
            "created_at": ctx.clock.now().isoformat(),
        }
        _write_signed(out, answer, identity, _ANSWER_LABEL)
        audit.append_many(session, ctx, [("enrol-station", None, None, f"{code} {keys.fingerprint()}")])
    return EnrolmentResult(
        code, _text(request, "station_name"), keys.fingerprint(), identity.public().fingerprint(), previous
    )


def enrol_complete(ctx: Context, answer_path: Path) -> EnrolmentResult:
    """Station: record the district's keys and add the district recovery key slot."""
    permissions.require(ctx, permissions.MANAGE_USERS)
    if ctx.station.is_district:
        raise EnrolmentError("this is a district store; 'enrol-complete' is run on the station")
    answer, keys = _read_signed(answer_path, ANSWER_FORMAT, _ANSWER_LABEL)
    code = _text(answer, "district_code")
    with ctx.store.transaction() as session:
        identity = load_identity(session)
        mine = identity.public().fingerprint()
        if answer.get("station_code") != ctx.station.station_code or answer.get("station_fingerprint") != mine:
            raise EnrolmentError(
                f"this answer is for {answer.get('station_code')!s:.32} with key "
                f"{answer.get('station_fingerprint')!s:.32}, not for this station "
                f"({ctx.station.station_code}, {mine}); ask the district to enrol this station's latest request"
            )
        if code != ctx.station.district_code:
            raise EnrolmentError(
                f"this answer comes from district {code}, but this station belongs to {ctx.station.district_code}"
            )
        previous = _save_peer(session, ctx, code, "district", _text(answer, "district_name"), keys)
        recovery = ctx.store.slots.set_recovery(keys.enc, ctx.store.data_key)
        ctx.store.save_slots()
        audit.append_many(session, ctx, [("enrol-complete", None, None, f"{code} {keys.fingerprint()}")])
    return EnrolmentResult(code, _text(answer, "district_name"), keys.fingerprint(), mine, previous, recovery)


def _save_peer(
    session: Session, ctx: Context, code: str, kind: str, name: str, keys: PublicKeys, store_id: str | None = None
) -> str | None:
    peer = find_peer(session, code, kind) or session.get(SyncPeer, code)
    previous = peer.fingerprint if peer is not None and peer.fingerprint != keys.fingerprint() else None
    if peer is None:
        peer = SyncPeer(code=code)
        session.add(peer)
    peer.kind = kind
    peer.name = name
    peer.sign_public = base64.b64encode(keys.sign).decode("ascii")
    peer.enc_public = base64.b64encode(keys.enc).decode("ascii")
    peer.fingerprint = keys.fingerprint()
    peer.enrolled_at = ctx.clock.now()
    peer.enrolled_by = ctx.actor.username
    if store_id is not None:
        peer.store_id = store_id
    session.flush()
    return previous


def _write_signed(out: Path, body: dict[str, Any], identity: Identity, label: bytes) -> None:
    signature = identity.signing_key.sign(label + canonical_json(body))
    document = {**body, "signature": base64.b64encode(signature).decode("ascii")}
    write_atomic(out, json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8") + b"\n")


def _read_signed(path: Path, fmt: str, label: bytes) -> tuple[dict[str, Any], PublicKeys]:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise EnrolmentError(f"cannot read {path}: {exc.strerror}") from None
    if len(raw) > MAX_ENROLMENT_FILE_BYTES:
        raise EnrolmentError(f"{Path(path).name} is too large to be an enrolment file")
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise EnrolmentError(f"{Path(path).name} is not an enrolment file (not JSON)") from None
    if not isinstance(document, dict) or document.get("format") != fmt:
        raise EnrolmentError(f"{Path(path).name} is not an {fmt} file")
    body = {k: v for k, v in document.items() if k != "signature"}
    try:
        keys = PublicKeys.from_json(body["keys"])
        signature = base64.b64decode(str(document.get("signature", "")), validate=True)
        keys.signing_key().verify(signature, label + canonical_json(body))
    except (KeyError, TypeError, ValueError, InvalidSignature):
        raise EnrolmentError(
            f"{Path(path).name} is damaged or was changed after it was written; ask for a new one"
        ) from None
    return body, keys


def _text(document: dict[str, Any], name: str) -> str:
    value = document.get(name)
    if not isinstance(value, str) or not value or len(value) > 200 or not value.isprintable():
        raise EnrolmentError(f"the enrolment file has no valid {name}")
    return value
