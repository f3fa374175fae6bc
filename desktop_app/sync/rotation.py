"""Changing keys (`ahtc rotate-keys`), and taking the other side's new keys.

A station and the district rotate the same way. The new key pair becomes current at once. The old one is kept
as *retiring*, but only its encryption key (to read bundles that were already on their way, encrypted to it)
and a key-change statement its signing key makes at the rotation; the old signing key is thrown away. Every
bundle sent while a retiring key exists is signed with the new keys and carries the statements in
`extra.key_change`: "the holder of the keys you trust hands over to these".

The other side accepts the new keys only when a statement verifies with the keys it has enrolled and the bundle
verifies with the new ones (`keys.Keyring.signer`, called by the bundle reader, so this happens before anything
is decrypted). It records them (audited), and from then on accepts only them: a bundle signed with the old keys
is refused by name (`retired-key`).

Retiring keys are retired (deleted) by hand (`ahtc rotate-keys --retire-old`) or after a period: at the district
`keep_old_days` after the rotation (a station that did not sync by then must enrol again); at a station
`keep_old_days` after the district first answered with the new keys (until then it keeps announcing them).
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import BundleRejected, ValidationError
from desktop_app.models.sync_state import OwnOldKey, ReplacedPeerKey, SyncPeer
from desktop_app.services import audit, permissions
from desktop_app.services.context import Context
from desktop_app.sync.bundle import OpenedBundle
from desktop_app.sync.keys import MAX_KEY_CHANGES, Identity, Keyring, PublicKeys, key_change_statement, key_fingerprint
from desktop_app.sync.peers import find_peer, revoked_at, set_peer_keys, station_info

DEFAULT_KEEP_OLD_DAYS = 60
MAX_KEEP_OLD_DAYS = 365


@dataclass(frozen=True)
class Rotation:
    old_fingerprint: str
    new_fingerprint: str
    retire_after: dt.datetime | None  # None at a station: counted from the district's first answer
    keep_old_days: int


def rotate_keys(ctx: Context, *, keep_old_days: int = DEFAULT_KEEP_OLD_DAYS) -> Rotation:
    """New signing and encryption keys for this installation, announced with every bundle it sends from now on."""
    permissions.require(ctx, permissions.MANAGE_USERS)
    if not 1 <= keep_old_days <= MAX_KEEP_OLD_DAYS:
        raise ValidationError({"keep_old_days": f"keep the old keys between 1 and {MAX_KEEP_OLD_DAYS} days"})
    now = ctx.clock.now()
    with ctx.store.transaction() as session:
        info = station_info(session)
        old = Identity.from_private_bytes(info.identity)
        new = Identity.generate()
        retire_after = now + dt.timedelta(days=keep_old_days) if ctx.station.is_district else None
        session.add(
            OwnOldKey(
                fingerprint=old.public().fingerprint(),
                enc_private=base64.b64encode(old.encryption_key.private_bytes_raw()).decode("ascii"),
                statement=key_change_statement(ctx.station.station_code, old, new.public()),
                created_at=now,
                keep_days=keep_old_days,
                retire_after=retire_after,
            )
        )
        info.identity = new.to_private_bytes()
        rotation = Rotation(old.public().fingerprint(), new.public().fingerprint(), retire_after, keep_old_days)
        audit.append_many(
            session, ctx, [("rotate-keys", None, None, f"{rotation.old_fingerprint} to {rotation.new_fingerprint}")]
        )
    return rotation


def retire_old_keys(ctx: Context) -> list[str]:
    """Delete every retiring key now; returns their fingerprints. Bundles still encrypted to them are refused."""
    permissions.require(ctx, permissions.MANAGE_USERS)
    with ctx.store.transaction() as session:
        rows = list(session.scalars(select(OwnOldKey).order_by(OwnOldKey.id)))
        return _retire(session, ctx, rows, "by hand")


def _retire(session: Session, ctx: Context, rows: list[OwnOldKey], how: str) -> list[str]:
    for row in rows:
        session.delete(row)
    if rows:
        audit.append_many(session, ctx, [("retire-keys", None, None, f"{row.fingerprint} {how}") for row in rows])
    return [row.fingerprint for row in rows]


def _live(session: Session, now: dt.datetime) -> list[OwnOldKey]:
    rows = session.scalars(select(OwnOldKey).order_by(OwnOldKey.id))
    return [row for row in rows if row.retire_after is None or row.retire_after > now]


# --- hooks for the bundle reader and writers ------------------------------------------------------------------


def keyring(session: Session, now: dt.datetime) -> Keyring:
    """Our retiring encryption keys, and every peer's replaced public keys, for `read_bundle`."""
    decryption = tuple(
        X25519PrivateKey.from_private_bytes(base64.b64decode(row.enc_private)) for row in _live(session, now)
    )
    replaced: dict[str, tuple[PublicKeys, ...]] = {}
    for row in session.scalars(select(ReplacedPeerKey).order_by(ReplacedPeerKey.id)):
        keys = PublicKeys(sign=base64.b64decode(row.sign_public), enc=base64.b64decode(row.enc_public))
        replaced[row.peer_code] = (*replaced.get(row.peer_code, ()), keys)
    return Keyring(decryption=decryption, replaced=replaced)


def announcements(session: Session, now: dt.datetime) -> dict[str, Any]:
    """Fields for the `extra` of every bundle we send: the statements of our keys still retiring, oldest first."""
    statements = [row.statement for row in _live(session, now)][-MAX_KEY_CHANGES:]
    return {"key_change": statements} if statements else {}


def take_new_keys(session: Session, ctx: Context, opened: OpenedBundle) -> list[str]:
    """After a bundle is opened: record the sender's new keys if it announced them, and keep ours up to date.

    Called inside the import's transaction, so a refusal here leaves nothing applied.
    """
    manifest = opened.manifest
    kind = "station" if ctx.station.is_district else "district"
    peer = find_peer(session, manifest["sender"], kind)
    if peer is None:  # the reader refuses unknown senders; nothing to record
        return []
    notes = _take_peer_keys(session, ctx, peer, opened.sender_keys)
    notes.extend(_count_down_after_answer(session, ctx, manifest))
    now = ctx.clock.now()
    expired = [row for row in session.scalars(select(OwnOldKey)) if row.retire_after and row.retire_after <= now]
    _retire(session, ctx, expired, "after the period")
    return notes


def _take_peer_keys(session: Session, ctx: Context, peer: SyncPeer, keys: PublicKeys) -> list[str]:
    if keys.fingerprint() == peer.fingerprint:
        return []
    if revoked_at(session, keys.fingerprint()) is not None:
        raise BundleRejected(
            "key-change",
            f"{peer.code} announced keys {keys.fingerprint()}, which were revoked here. Nothing was imported; "
            "report it to district IT.",
        )
    other = session.scalar(select(SyncPeer.code).where(SyncPeer.fingerprint == keys.fingerprint()))
    if other is not None:
        raise BundleRejected(
            "key-change",
            f"{peer.code} announced keys {keys.fingerprint()}, which belong to another installation here. Nothing "
            "was imported; report it to district IT.",
        )
    previous = set_peer_keys(session, ctx, peer, keys, "rotated")
    audit.append_many(session, ctx, [("peer-keys", None, None, f"{peer.code} {previous} to {keys.fingerprint()}")])
    return [
        f"{peer.code} changed its keys to {keys.fingerprint()} (before: {previous}); from now on only the new "
        "keys are accepted"
    ]


def _count_down_after_answer(session: Session, ctx: Context, manifest: dict[str, Any]) -> list[str]:
    """A station's old keys start their period when the district first encrypts to the new ones."""
    if ctx.station.is_district:
        return []
    current = Identity.from_private_bytes(station_info(session).identity).public()
    if manifest["encryption"]["recipient_key"] != key_fingerprint(current.enc):
        return []
    waiting = list(session.scalars(select(OwnOldKey).where(OwnOldKey.retire_after.is_(None))))
    for row in waiting:
        row.retire_after = ctx.clock.now() + dt.timedelta(days=row.keep_days)
    if not waiting:
        return []
    return [
        f"the district uses this station's new keys {current.fingerprint()} now; the old ones are kept "
        f"{waiting[-1].keep_days} days for answers still on their way"
    ]
