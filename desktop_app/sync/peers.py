"""This installation's sync identity and the peers it has enrolled, read from the encrypted store."""

from __future__ import annotations

import base64

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.models.station import StationInfo
from desktop_app.models.sync_state import SyncPeer
from desktop_app.sync.keys import Identity, PublicKeys


def station_info(session: Session) -> StationInfo:
    info = session.get(StationInfo, 1)
    if info is None:
        raise LookupError("this store has no station_info row")
    return info


def load_identity(session: Session) -> Identity:
    """The private keys `services.setup` wrote at init (base64 raw Ed25519 and X25519, inside the database)."""
    return Identity.from_private_bytes(station_info(session).identity)


def peer_keys(peer: SyncPeer) -> PublicKeys:
    return PublicKeys(sign=base64.b64decode(peer.sign_public), enc=base64.b64decode(peer.enc_public))


def find_peer(session: Session, code: str, kind: str) -> SyncPeer | None:
    return session.scalar(select(SyncPeer).where(SyncPeer.code == code, SyncPeer.kind == kind))


def district_peer(session: Session) -> SyncPeer | None:
    """On a station: the district it is enrolled with (one)."""
    return session.scalar(select(SyncPeer).where(SyncPeer.kind == "district").limit(1))


def key_lookup(session: Session, kind: str) -> dict[str, PublicKeys]:
    """Enrolled keys of every peer of one kind, for `read_bundle`'s sender check."""
    return {peer.code: peer_keys(peer) for peer in session.scalars(select(SyncPeer).where(SyncPeer.kind == kind))}
