"""Enrolment: a station and its district exchange public keys once, checked by fingerprints read over the phone.

station `enrol_request` → file R → district `enrol_station` → file A → station `enrol_complete`.
The files hold only public keys and codes; each is signed by its writer (proof that it holds the private
key), but trust comes from the fingerprints the two officers compare, never from the file itself. So nothing is
trusted before that comparison: `read_request` and `read_answer` only show what a file says, and each side
records the other's keys only when given the fingerprint the other side read out, and it matches.

The answer also carries the district's recovery public key (signed with the district's keys, so the fingerprint
check covers it too). Completing enrolment wraps the station's data key to it — the recovery slot — and removes
every other recovery slot, so an earlier enrolment, forged or not, leaves no key behind.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import AhtcError
from desktop_app.models.sync_state import SyncPeer
from desktop_app.services import audit, grants, permissions
from desktop_app.services.context import Context
from desktop_app.store.atomic import write_atomic
from desktop_app.sync.bundle_manifest import canonical_json
from desktop_app.sync.keys import KEY_BYTES, Identity, PublicKeys, key_fingerprint, normalise_fingerprint
from desktop_app.sync.peers import find_peer, load_identity, revoked_at, set_peer_keys
from desktop_app.sync.recovery import current_recovery_key, replace_recovery_slots
from desktop_app.sync.station_anchor import take_enrolment_grants
from desktop_app.sync.tls import CertificateError, district_certificate, take_pin

REQUEST_FORMAT = "ahtc-enrol-request/1"
ANSWER_FORMAT = "ahtc-enrol-answer/1"
# Domain separation: an enrolment signature can never be taken for a bundle manifest or a receipt.
_REQUEST_LABEL = b"ahtc-enrol-request/1\x00"
_ANSWER_LABEL = b"ahtc-enrol-answer/1\x00"
MAX_ENROLMENT_FILE_BYTES = 64 * 1024


class EnrolmentError(AhtcError):
    """An enrolment file is not usable here; the message says what to do."""


class FingerprintMismatch(EnrolmentError):
    """The fingerprint the other side read out is not the one in the file: nothing was trusted or written."""

    def __init__(self, whose: str, typed: str, in_file: str) -> None:
        self.whose, self.typed, self.in_file = whose, typed, in_file
        super().__init__(
            f"the fingerprint you were given ({typed}) is not the {whose} fingerprint in this file ({in_file}). "
            "Nothing was changed. If it was read out and typed correctly, the file was swapped or changed on the "
            "way: do not use it, and ask for a new one"
        )


@dataclass(frozen=True)
class EnrolmentResult:
    peer_code: str
    peer_name: str
    peer_fingerprint: str
    own_fingerprint: str
    replaced_fingerprint: str | None = None  # the peer's previous keys, when enrolment was repeated
    recovery_fingerprint: str | None = None  # the district recovery key (answer sent, or slot added)
    removed_recovery_slots: int = 0


@dataclass(frozen=True)
class RequestPreview:
    """What the district officer sees before confirming a station's request; nothing is recorded yet."""

    station_code: str
    station_name: str
    station_fingerprint: str  # from the file: compare with what the station reads out
    district_fingerprint: str  # ours, to read out to the station


@dataclass(frozen=True)
class AnswerPreview:
    """What the SHO sees before confirming the district's answer; nothing is recorded yet."""

    district_code: str
    district_name: str
    district_fingerprint: str  # from the file: compare with what the district reads out
    station_fingerprint: str  # ours, as the district should have read it back
    recovery_fingerprint: str  # the district recovery key the answer carries


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
            # The station's role grants, from its first SHO's grant to himself: signed with the station's key
            # below, so the fingerprint read out by phone vouches for the SHO key the district will trust.
            "grants": grants.own_grants(session, ctx.station.station_code),
            "created_at": ctx.clock.now().isoformat(),
        }
        _write_signed(out, body, identity, _REQUEST_LABEL)
        audit.append_many(session, ctx, [("enrol-request", None, None, f"to {ctx.station.district_code}")])
    fingerprint = identity.public().fingerprint()
    return EnrolmentResult(ctx.station.district_code, ctx.station.district, "", fingerprint)


def read_request(ctx: Context, request_path: Path) -> RequestPreview:
    """District: what a request file says, checked but not trusted (no writes)."""
    request, keys = _checked_request(ctx, request_path)
    return RequestPreview(
        _text(request, "station_code"), _text(request, "station_name"), keys.fingerprint(), own_fingerprint(ctx)
    )


def enrol_station(ctx: Context, request_path: Path, out: Path, *, station_fingerprint: str) -> EnrolmentResult:
    """District: register the station named in the request, and write the answer file for it.

    `station_fingerprint` is what the station's SHO read out by phone; only if it matches the request's keys is
    anything recorded or written.
    """
    request, keys = _checked_request(ctx, request_path)
    code = _text(request, "station_code")
    _confirm("station's", station_fingerprint, keys.fingerprint())
    with ctx.store.transaction() as session:
        _refuse_unusable_station_keys(session, code, keys)
        recovery = current_recovery_key(session)
        if recovery is None:
            raise EnrolmentError(
                "this district has no recovery key yet: run 'ahtc district recovery-key --out FILE' first (see "
                "docs/sync.md), then enrol the station"
            )
        identity = load_identity(session)
        peer, previous = _save_peer(session, ctx, code, "station", _text(request, "station_name"), keys)
        peer.store_id = _text(request, "store_id")
        peer.recovery_public = recovery.public_key
        peer.revoked_at = peer.revoked_by = peer.revoked_reason = None
        take_enrolment_grants(session, code, request.get("grants"), ctx.clock.now())
        answer = {
            "format": ANSWER_FORMAT,
            "district_code": ctx.station.station_code,
            "district_name": ctx.station.district,
            "station_code": code,
            "station_fingerprint": keys.fingerprint(),
            "keys": identity.public().to_json(),
            "recovery_key": recovery.public_key,
            "created_at": ctx.clock.now().isoformat(),
        }
        certificate = district_certificate(session)
        if certificate is not None:  # the station pins it: signed with the answer, covered by the phone check
            answer["tls_certificate"] = certificate
        _write_signed(out, answer, identity, _ANSWER_LABEL)
        detail = f"{code} {keys.fingerprint()} recovery {recovery.fingerprint}"
        audit.append_many(session, ctx, [("enrol-station", None, None, detail)])
    return EnrolmentResult(
        code,
        _text(request, "station_name"),
        keys.fingerprint(),
        identity.public().fingerprint(),
        previous,
        recovery.fingerprint,
    )


def read_answer(ctx: Context, answer_path: Path) -> AnswerPreview:
    """Station: what the district's answer says, checked but not trusted (no writes)."""
    answer, keys, recovery = _checked_answer(ctx, answer_path)
    return AnswerPreview(
        _text(answer, "district_code"),
        _text(answer, "district_name"),
        keys.fingerprint(),
        own_fingerprint(ctx),
        key_fingerprint(recovery),
    )


def enrol_complete(ctx: Context, answer_path: Path, *, district_fingerprint: str) -> EnrolmentResult:
    """Station: record the district's keys and put the district recovery key slot in place of any other.

    `district_fingerprint` is what the district read out by phone; only if it matches the answer's keys is the
    district trusted and the recovery slot written.
    """
    answer, keys, recovery = _checked_answer(ctx, answer_path)
    code = _text(answer, "district_code")
    _confirm("district's", district_fingerprint, keys.fingerprint())
    with ctx.store.transaction() as session:
        mine = load_identity(session).public().fingerprint()
        peer, previous = _save_peer(session, ctx, code, "district", _text(answer, "district_name"), keys)
        peer.recovery_public = base64.b64encode(recovery).decode("ascii")
        try:
            take_pin(session, ctx, peer, answer.get("tls_certificate"))
        except CertificateError as exc:
            raise EnrolmentError(f"the answer's server certificate cannot be used ({exc})") from None
        recovery_fp, removed = replace_recovery_slots(ctx, recovery)
        detail = f"{code} {keys.fingerprint()} recovery {recovery_fp}; {len(removed)} other recovery slot(s) removed"
        audit.append_many(session, ctx, [("enrol-complete", None, None, detail)])
    return EnrolmentResult(
        code, _text(answer, "district_name"), keys.fingerprint(), mine, previous, recovery_fp, len(removed)
    )


# --- checks -----------------------------------------------------------------------------------------------------


def _confirm(whose: str, typed: str, in_file: str) -> None:
    try:
        given = normalise_fingerprint(typed)
    except ValueError as exc:
        raise EnrolmentError(
            f"'{typed.strip()[:40]}' is not a fingerprint: {exc}. Type the {whose} fingerprint as it is read out"
        ) from None
    if given != in_file:
        raise FingerprintMismatch(whose, given, in_file)


def _checked_request(ctx: Context, request_path: Path) -> tuple[dict[str, Any], PublicKeys]:
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
    _text(request, "station_name")
    _text(request, "store_id")
    return request, keys


def _refuse_unusable_station_keys(session: Session, code: str, keys: PublicKeys) -> None:
    revocation = revoked_at(session, keys.fingerprint())
    if revocation is not None:
        raise EnrolmentError(
            f"the keys in this request ({keys.fingerprint()}) were revoked here on "
            f"{revocation.replaced_at:%Y-%m-%d} and are never accepted again: the station makes new keys "
            "('ahtc rotate-keys') and a new request"
        )
    other = session.scalar(
        select(SyncPeer.code).where(SyncPeer.fingerprint == keys.fingerprint(), SyncPeer.code != code)
    )
    if other is not None:
        raise EnrolmentError(f"these keys are already enrolled here for {other}; a station needs keys of its own")


def _checked_answer(ctx: Context, answer_path: Path) -> tuple[dict[str, Any], PublicKeys, bytes]:
    permissions.require(ctx, permissions.MANAGE_USERS)
    if ctx.station.is_district:
        raise EnrolmentError("this is a district store; 'enrol-complete' is run on the station")
    answer, keys = _read_signed(answer_path, ANSWER_FORMAT, _ANSWER_LABEL)
    code = _text(answer, "district_code")
    _text(answer, "district_name")
    mine = own_fingerprint(ctx)
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
    return answer, keys, _recovery_key(answer)


def _recovery_key(answer: dict[str, Any]) -> bytes:
    try:
        raw = base64.b64decode(str(answer["recovery_key"]), validate=True)
        if len(raw) != KEY_BYTES:
            raise ValueError
        X25519PublicKey.from_public_bytes(raw)
    except (KeyError, ValueError, binascii.Error):
        raise EnrolmentError(
            "this answer carries no usable district recovery key: the district runs an older version of AHTC "
            "Register, or has no recovery key yet. Ask district IT to update it, run 'ahtc district recovery-key', "
            "and enrol this station again"
        ) from None
    return raw


def _save_peer(
    session: Session, ctx: Context, code: str, kind: str, name: str, keys: PublicKeys
) -> tuple[SyncPeer, str | None]:
    peer = find_peer(session, code, kind) or session.get(SyncPeer, code)
    previous = None
    if peer is None:
        peer = SyncPeer(
            code=code,
            sign_public=base64.b64encode(keys.sign).decode("ascii"),
            enc_public=base64.b64encode(keys.enc).decode("ascii"),
            fingerprint=keys.fingerprint(),
        )
        session.add(peer)
    else:
        previous = set_peer_keys(session, ctx, peer, keys, "re-enrolled")
    peer.kind = kind
    peer.name = name
    peer.enrolled_at = ctx.clock.now()
    peer.enrolled_by = ctx.actor.username
    session.flush()
    return peer, previous


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
