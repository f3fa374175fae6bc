"""This installation's sync identity and the peers it has enrolled, read from the encrypted store."""

from __future__ import annotations

import base64

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import BundleRejected
from desktop_app.models.station import StationInfo
from desktop_app.models.sync_state import ReplacedPeerKey, SyncPeer
from desktop_app.services.context import Context
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


class EnrolledKeys:
    """Enrolled keys of every peer of one kind, for `read_bundle`'s sender check (`get`).

    A revoked peer is refused here, by name (`revoked`), before its signature is even checked: nothing it sends
    costs the district more than a look-up, and it gets nothing back.
    """

    def __init__(self, peers: list[SyncPeer]) -> None:
        self._keys = {peer.code: peer_keys(peer) for peer in peers if peer.revoked_at is None}
        self._revoked = {peer.code for peer in peers if peer.revoked_at is not None}

    def get(self, code: str) -> PublicKeys | None:
        if code in self._revoked:
            raise BundleRejected(
                "revoked",
                f"{code} is revoked at this district: its bundles are refused and nothing is sent back to it. "
                "Nothing was imported. If the station is in safe hands again, it enrols again with new keys "
                "(see docs/sync.md, 'Revoking a station').",
            )
        return self._keys.get(code)


def key_lookup(session: Session, kind: str) -> EnrolledKeys:
    return EnrolledKeys(list(session.scalars(select(SyncPeer).where(SyncPeer.kind == kind))))


def refuse_if_revoked(peer: SyncPeer) -> None:
    """Raise `revoked` for a revoked peer: the district sends it no answer, reference data or recovery rows."""
    EnrolledKeys([peer]).get(peer.code)


def set_peer_keys(session: Session, ctx: Context, peer: SyncPeer, keys: PublicKeys, reason: str) -> str | None:
    """Give `peer` new keys, keeping its earlier ones as replaced (`reason`); returns the earlier fingerprint."""
    if peer.fingerprint == keys.fingerprint():
        return None
    previous = peer.fingerprint
    record_replaced(session, ctx, peer, reason)
    peer.sign_public = base64.b64encode(keys.sign).decode("ascii")
    peer.enc_public = base64.b64encode(keys.enc).decode("ascii")
    peer.fingerprint = keys.fingerprint()
    session.flush()
    return previous


def record_replaced(session: Session, ctx: Context, peer: SyncPeer, reason: str) -> None:
    """Remember the peer's current keys as no longer accepted: `rotated`, `re-enrolled` or `revoked`."""
    session.add(
        ReplacedPeerKey(
            peer_code=peer.code,
            fingerprint=peer.fingerprint,
            sign_public=peer.sign_public,
            enc_public=peer.enc_public,
            reason=reason,
            replaced_at=ctx.clock.now(),
            replaced_by=ctx.actor.username,
        )
    )


def revoked_at(session: Session, fingerprint: str) -> ReplacedPeerKey | None:
    """The revocation of keys with this fingerprint, if they were ever revoked here."""
    return session.scalar(
        select(ReplacedPeerKey)
        .where(ReplacedPeerKey.fingerprint == fingerprint, ReplacedPeerKey.reason == "revoked")
        .limit(1)
    )
