"""The district's recovery key, kept offline, and what a station does with it.

The district has an X25519 key pair of its own for recovery, separate from its sync keys. It is made at
`ahtc district init` (or by `ahtc district recovery-key` for a district made before), and its private half is
written once to a file for offline keeping (a USB stick in the district's safe) and stored nowhere else: not in
the district store, not in PostgreSQL, never in the server process. The public half is kept in the district store
and sent, signed, in every enrolment answer; the station wraps its data key to it (the recovery slot) only after
the officer has confirmed the district's fingerprint. With the file, `ahtc recover` opens a station store whose
passphrases are all lost and sets a new SHO passphrase.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import AhtcError, NotFound, StoreNotFound, WrongPassphrase
from desktop_app.models.enums import Role
from desktop_app.models.sync_state import RecoveryKey
from desktop_app.services import audit, permissions
from desktop_app.services.accounts import reset_passphrase
from desktop_app.services.clock import Clock
from desktop_app.services.context import Context
from desktop_app.services.setup import context_for
from desktop_app.store.atomic import write_atomic
from desktop_app.store.keyslots import KeySlots, check_passphrase_strength, recovery_fingerprint
from desktop_app.store.store import Store, StorePaths
from desktop_app.sync.keys import key_fingerprint, normalise_fingerprint
from desktop_app.sync.peers import district_peer

KEY_FILE_FORMAT = "ahtc-recovery-key/1"
MAX_KEY_FILE_BYTES = 16 * 1024
KEEPING_ADVICE = (
    "Whoever holds this file can open every station store enrolled with this district. Keep it offline: copy it to "
    "two USB sticks kept apart in locked safes (or print it and seal it), then delete it from this computer. "
    "Never keep it on the district server or a networked PC, never e-mail it. It is needed only for "
    "'ahtc recover --key-file' when every passphrase of a station is lost."
)


UNKNOWN_KEY = "unknown key: not from an enrolment this store knows; remove it unless you know where it came from"


class RecoveryError(AhtcError):
    """A recovery key file or recovery slot cannot be used as asked; the message says what to do."""


# --- the district's recovery key pair -------------------------------------------------------------------------


def check_key_file_target(out: Path, data_dir: Path) -> Path:
    """Refuse a place where the private key must not go, before anything is made."""
    out = Path(out)
    if out.exists():
        raise RecoveryError(
            f"{out} already exists: a recovery key file is written once and never overwritten; choose a new name"
        )
    if out.resolve().is_relative_to(Path(data_dir).resolve()):
        raise RecoveryError(
            "write the recovery key to a USB stick or a folder outside the district's data folder: a key kept beside "
            "the store protects nothing"
        )
    if not out.parent.is_dir():
        raise RecoveryError(f"the folder {out.parent} does not exist (is the USB stick plugged in?)")
    return out


def make_recovery_key(ctx: Context, out: Path, *, replace: bool = False) -> str:
    """A new district recovery key pair: the private half into `out` (once), the public half into the store.

    Returns its fingerprint. With `replace`, an existing recovery key stops being sent in enrolment answers;
    station slots already wrapped to it stay until each station enrols again (docs/sync.md).
    """
    permissions.require(ctx, permissions.MANAGE_USERS)
    if not ctx.station.is_district:
        raise RecoveryError("only a district has a recovery key; on a station see 'ahtc recovery list'")
    check_key_file_target(out, ctx.store.paths.data_dir)
    with ctx.store.session() as session:
        existing = current_recovery_key(session)
    if existing is not None and not replace:
        raise RecoveryError(
            f"this district already has recovery key {existing.fingerprint}; to make a new one (because the file "
            "was lost or exposed) add --replace, then enrol the stations again"
        )
    private = X25519PrivateKey.generate()
    public = private.public_key().public_bytes_raw()
    fingerprint = key_fingerprint(public)
    _write_key_file(out, private, fingerprint, ctx)
    try:
        with ctx.store.transaction() as session:
            now = ctx.clock.now()
            for row in session.scalars(select(RecoveryKey).where(RecoveryKey.replaced_at.is_(None))):
                row.replaced_at = now
            session.add(
                RecoveryKey(
                    fingerprint=fingerprint,
                    public_key=base64.b64encode(public).decode("ascii"),
                    created_at=now,
                    created_by=ctx.actor.username,
                )
            )
            replaced = f" replacing {existing.fingerprint}" if existing is not None else ""
            audit.append_many(session, ctx, [("recovery-key", None, None, f"{fingerprint}{replaced}")])
    except BaseException:
        # A key the store does not know would only mislead whoever finds the file later.
        with contextlib.suppress(OSError):
            Path(out).unlink()
        raise
    return fingerprint


def current_recovery_key(session: Session) -> RecoveryKey | None:
    return session.scalar(
        select(RecoveryKey).where(RecoveryKey.replaced_at.is_(None)).order_by(RecoveryKey.created_at.desc()).limit(1)
    )


def _write_key_file(out: Path, private: X25519PrivateKey, fingerprint: str, ctx: Context) -> None:
    document = {
        "format": KEY_FILE_FORMAT,
        "district_code": ctx.station.station_code,
        "fingerprint": fingerprint,
        "created_at": ctx.clock.now().isoformat(),
        "private_key": base64.b64encode(private.private_bytes_raw()).decode("ascii"),
        "what_this_is": f"The recovery key of district {ctx.station.station_code}. {KEEPING_ADVICE}",
    }
    # write_atomic makes the file readable by its owner only (mkstemp), on the stick as anywhere.
    write_atomic(out, json.dumps(document, indent=2).encode("utf-8") + b"\n")


def read_recovery_key(path: Path) -> tuple[X25519PrivateKey, str]:
    """The private key in a recovery key file, and its fingerprint; RecoveryError says what is wrong."""
    name = Path(path).name
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise RecoveryError(f"cannot read {path}: {exc.strerror}") from None
    if len(raw) > MAX_KEY_FILE_BYTES:
        raise RecoveryError(f"{name} is too large to be a recovery key file")
    try:
        document = json.loads(raw.decode("utf-8"))
        if document.get("format") != KEY_FILE_FORMAT:
            raise ValueError
        private = X25519PrivateKey.from_private_bytes(base64.b64decode(document["private_key"], validate=True))
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, binascii.Error):
        raise RecoveryError(f"{name} is not a district recovery key file ({KEY_FILE_FORMAT})") from None
    fingerprint = key_fingerprint(private.public_key().public_bytes_raw())
    if document.get("fingerprint") != fingerprint:
        raise RecoveryError(f"{name} is damaged: its key does not match the fingerprint written in it")
    return private, fingerprint


# --- a station's recovery slots -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecoverySlot:
    slot_id: str  # the slot's tag in keyslots.json
    fingerprint: str | None  # the key's fingerprint as people compare it, when this store knows the key
    what: str  # whose key it is, in plain words
    current: bool  # the district's recovery key agreed at the latest enrolment


def recovery_slots(ctx: Context) -> list[RecoverySlot]:
    """Every recovery slot in the key-slot file, named where this store knows whose key it is."""
    permissions.require(ctx, permissions.MANAGE_USERS)
    with ctx.store.session() as session:
        district = district_peer(session)
    known: dict[str, tuple[str, str, bool]] = {}
    if district is not None:
        old_style = base64.b64decode(district.enc_public)
        known[recovery_fingerprint(old_style)] = (
            key_fingerprint(old_style),
            f"district {district.code}'s sync key (old style: the district server holds it; enrol again to move "
            "to the district's offline recovery key, which removes this slot)",
            False,
        )
        if district.recovery_public:
            public = base64.b64decode(district.recovery_public)
            what = f"district {district.code}'s recovery key"
            known[recovery_fingerprint(public)] = (key_fingerprint(public), what, True)
    slots = []
    for slot_id in ctx.store.slots.recovery_fingerprints():
        fingerprint, what, current = known.get(slot_id, (None, UNKNOWN_KEY, False))
        slots.append(RecoverySlot(slot_id, fingerprint, what, current))
    return slots


def remove_recovery_slot(ctx: Context, which: str) -> RecoverySlot:
    """Remove the recovery slot named by its key's fingerprint (or, for an unknown key, its slot id)."""
    wanted = which.strip()
    slot = next(
        (s for s in recovery_slots(ctx) if wanted in (s.slot_id, s.fingerprint) or _same_fingerprint(wanted, s)),
        None,
    )
    if slot is None:
        raise NotFound(f"this store has no recovery slot {wanted[:40]}; 'ahtc recovery list' shows them")
    with ctx.store.transaction() as session:
        audit.append_many(session, ctx, [("recovery-remove", None, None, slot.fingerprint or slot.slot_id)])
        slots = ctx.store.current_slots()  # another window may have changed the file since this one unlocked
        slots.remove_recovery(slot.slot_id)
        ctx.store.slots = slots
        ctx.store.save_slots()
    return slot


def _same_fingerprint(typed: str, slot: RecoverySlot) -> bool:
    try:
        return slot.fingerprint is not None and normalise_fingerprint(typed) == slot.fingerprint
    except ValueError:
        return False


def replace_recovery_slots(ctx: Context, recovery_public: bytes) -> tuple[str, list[str]]:
    """Wrap the data key to `recovery_public` and remove every other recovery slot (slot file saved).

    Returns the new key's fingerprint and the slot ids removed. The caller holds the transaction that records
    the enrolment, so the file and the database change together (the file is written first: an extra slot
    opens nothing that an enrolment did not allow; a missing one is what we are replacing anyway).
    """
    slots = ctx.store.current_slots()  # another window may have changed the file since this one unlocked
    ctx.store.slots = slots
    new_slot = slots.set_recovery(recovery_public, ctx.store.data_key)
    removed = [slot_id for slot_id in slots.recovery_fingerprints() if slot_id != new_slot]
    for slot_id in removed:
        slots.remove_recovery(slot_id)
    ctx.store.save_slots()
    return key_fingerprint(recovery_public), removed


# --- recovering a station store -------------------------------------------------------------------------------


def recover_store(
    data_dir: Path, key_file: Path, username: str, new_passphrase: str, clock: Clock | None = None
) -> Context:
    """Open a station store with the district recovery key and give the SHO `username` a new passphrase.

    Audited as `recover` (with the key's fingerprint) and `passwd-reset`. Returns the store signed in as that SHO.
    """
    private, fingerprint = read_recovery_key(key_file)
    check_passphrase_strength(new_passphrase)
    paths = StorePaths(Path(data_dir))
    if not paths.exists():
        raise StoreNotFound(f"no AHTC store in {paths.data_dir}")
    slots = KeySlots.load(paths.keyslots)
    try:
        data_key = slots.unlock_with_recovery(private)
    except WrongPassphrase:
        raise RecoveryError(
            f"this store has no recovery slot for district recovery key {fingerprint}: it was enrolled with another "
            "district key (or never enrolled). Ask district IT which key file belongs to this station."
        ) from None
    store = Store.open_with_key(paths.data_dir, data_key, slots)
    try:
        ctx = context_for(store, username, clock)
        if ctx.actor.role != Role.SHO.value:
            raise RecoveryError(f"{ctx.actor.username} is not an SHO of this station; name the SHO's account")
        reset_passphrase(ctx, ctx.actor.username, new_passphrase)
        with store.transaction() as session:
            audit.append_many(
                session, ctx, [("recover", "users", None, f"{ctx.actor.username} with recovery key {fingerprint}")]
            )
    except BaseException:
        store.close()
        raise
    return ctx
