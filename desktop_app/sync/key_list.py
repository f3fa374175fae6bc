"""The district's published list of station signing keys, for checking FIR-support summaries without an account.

A prosecutor's office (or a court) has no station store. The district writes a key list: every enrolled
station's Ed25519 public signing key, the keys it replaced (rotation, re-enrolment) with the date, and the keys
it revoked. The list is signed by the district; `read_key_list` checks that signature and gives the district's
fingerprint, computed from the keys in the file, for the reader to compare once by phone with the district
(the same `XXXX-XXXX-XXXX-XXXX` the stations compared at enrolment).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from sqlalchemy import select

from desktop_app.errors import AhtcError
from desktop_app.models.sync_state import ReplacedPeerKey, SyncPeer
from desktop_app.services import permissions
from desktop_app.services.context import Context
from desktop_app.store.atomic import write_atomic
from desktop_app.sync.keys import PublicKeys
from desktop_app.sync.peers import load_identity

FORMAT = "ahtc-district-keys/1"
MAX_BYTES = 2_000_000


class KeyListInvalid(AhtcError):
    """The key list file is not one the district wrote, or it was changed."""


@dataclass(frozen=True)
class StationKey:
    station_code: str
    station_name: str
    sign_public: bytes
    status: str  # current | replaced | revoked
    since: dt.datetime | None  # enrolled (current), replaced or revoked at

    @property
    def label(self) -> str:
        if self.status == "current":
            return "current key"
        when = f" on {self.since:%d/%m/%Y}" if self.since else ""
        return f"key {self.status}{when}"


@dataclass(frozen=True)
class KeyList:
    district_code: str
    district_name: str
    issued_at: dt.datetime
    fingerprint: str  # computed from the district keys in the file, never read from it
    stations: tuple[StationKey, ...]


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


# Domain separation: a key-list signature can never pass for a manifest, a receipt or a key change.
_LABEL = b"ahtc-district-keys/1\x00"


def _canonical(body: dict[str, Any]) -> bytes:
    return _LABEL + json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _when(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).astimezone(dt.UTC).isoformat()


def write_key_list(ctx: Context, path: Path) -> KeyList:
    """District: write every station's signing keys (current, replaced, revoked), signed by the district."""
    permissions.require(ctx, permissions.READ)
    if not ctx.station.is_district:
        raise AhtcError("only the district publishes the key list; run this on the district installation")
    with ctx.store.session() as session:
        identity = load_identity(session)
        peers = list(session.scalars(select(SyncPeer).where(SyncPeer.kind == "station").order_by(SyncPeer.code)))
        names = {peer.code: peer.name for peer in peers}
        stations: list[dict[str, Any]] = []
        for peer in peers:
            revoked = peer.revoked_at is not None
            stations.append(
                {
                    "code": peer.code,
                    "name": peer.name,
                    "sign_public": peer.sign_public,
                    "status": "revoked" if revoked else "current",
                    "since": _when(peer.revoked_at if revoked else peer.enrolled_at),
                }
            )
        for old in session.scalars(select(ReplacedPeerKey).order_by(ReplacedPeerKey.id)):
            if old.peer_code not in names:
                continue
            status = "revoked" if old.reason == "revoked" else "replaced"
            entry = {
                "code": old.peer_code,
                "name": names[old.peer_code],
                "sign_public": old.sign_public,
                "status": status,
                "since": _when(old.replaced_at),
            }
            if entry not in stations:
                stations.append(entry)
    public = identity.public()
    body = {
        "format": FORMAT,
        "district_code": ctx.station.station_code,
        "district_name": ctx.station.station_name,
        "issued_at": _when(ctx.clock.now()),
        "district_sign_public": _b64(public.sign),
        "district_enc_public": _b64(public.enc),
        "stations": stations,
    }
    signature = identity.signing_key.sign(_canonical(body))
    write_atomic(path, json.dumps({**body, "signature": _b64(signature)}, indent=1, ensure_ascii=False).encode())
    return read_key_list(path)


def read_key_list(path: Path) -> KeyList:
    """Read and check a key list; raises KeyListInvalid with one sentence saying what is wrong."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise KeyListInvalid(f"the key list {path} cannot be read: {exc.strerror or exc}") from exc
    if len(raw) > MAX_BYTES:
        raise KeyListInvalid(f"{path} is too large to be a district key list")
    try:
        data = json.loads(raw.decode("utf-8"))
        signature = base64.b64decode(data.pop("signature"), validate=True)
        if data.get("format") != FORMAT:
            raise ValueError("format")
        district = PublicKeys(
            sign=base64.b64decode(data["district_sign_public"], validate=True),
            enc=base64.b64decode(data["district_enc_public"], validate=True),
        )
        district.signing_key().verify(signature, _canonical(data))
        stations = tuple(
            StationKey(
                station_code=str(s["code"]),
                station_name=str(s["name"]),
                sign_public=base64.b64decode(s["sign_public"], validate=True),
                status=str(s["status"]),
                since=dt.datetime.fromisoformat(s["since"]) if s.get("since") else None,
            )
            for s in data["stations"]
        )
        if any(s.status not in ("current", "replaced", "revoked") for s in stations):
            raise ValueError("status")
        issued = dt.datetime.fromisoformat(data["issued_at"])
    except InvalidSignature as exc:
        raise KeyListInvalid(f"{path} was changed after the district signed it: do not use it") from exc
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise KeyListInvalid(f"{path} is not a district key list ({FORMAT})") from exc
    return KeyList(
        district_code=str(data["district_code"]),
        district_name=str(data["district_name"]),
        issued_at=issued,
        fingerprint=district.fingerprint(),
        stations=stations,
    )
