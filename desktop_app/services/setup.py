"""Creating an installation and signing in to one."""

from __future__ import annotations

import base64
import dataclasses
import uuid
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from desktop_app.errors import PermissionDenied, RoleNotGranted, TooManyAttempts, ValidationError, WrongPassphrase
from desktop_app.models.accounts import User
from desktop_app.models.enums import Role, StoreKind
from desktop_app.models.station import StationInfo
from desktop_app.models.sync_state import SyncPeer
from desktop_app.services import audit, grants, unlock_checks
from desktop_app.services.accounts import check_username
from desktop_app.services.clock import Clock, SystemClock
from desktop_app.services.context import Actor, Context, StationIdentity
from desktop_app.services.validation import Field, validate_record
from desktop_app.store.keyslots import (
    KdfParams,
    KeySlots,
    StoreLabel,
    calibrate_kdf,
    check_passphrase_strength,
    recovery_fingerprint,
)
from desktop_app.store.store import Store, StorePaths
from desktop_app.store.unlock_guard import UnlockGuard

_STATION_FIELDS = {
    "station_code": Field(required=True, max_len=32),
    "station_name": Field(required=True, max_len=200),
    "district": Field(required=True, max_len=100),
    "district_code": Field(max_len=32),
}


def _new_identity() -> dict[str, str]:
    """The installation's signing (Ed25519) and encryption (X25519) keys, kept inside the encrypted database."""
    sign = Ed25519PrivateKey.generate().private_bytes_raw()
    enc = X25519PrivateKey.generate().private_bytes_raw()
    return {"sign": base64.b64encode(sign).decode(), "enc": base64.b64encode(enc).decode()}


def init_store(
    data_dir: Path,
    *,
    kind: str = StoreKind.STATION,
    station_code: str,
    station_name: str,
    district: str,
    district_code: str | None = None,
    admin: str,
    admin_name: str | None = None,
    passphrase: str,
    clock: Clock | None = None,
    kdf: KdfParams | None = None,
    demo: bool = False,
) -> Context:
    """A new encrypted store whose first user (the in-charge, role SHO) is `admin`; returns it signed in.

    Without `kdf`, the Argon2id cost is calibrated on this PC (at least 0.5 s per unlock) and kept in the slot
    file for every later passphrase. `demo` marks a store made for trying the app: only such a store takes
    `ahtc demo`'s synthetic records.
    """
    clock = clock or SystemClock()
    info = validate_record(
        _STATION_FIELDS,
        {
            "station_code": station_code,
            "station_name": station_name,
            "district": district,
            "district_code": district_code,
        },
        clock.now().date(),
    )
    if not info["station_code"].replace("-", "").isalnum():
        raise ValidationError({"station_code": "use letters, digits and dashes only, e.g. MBD-PHALIA"})
    admin = check_username(admin)
    check_passphrase_strength(passphrase, station_words(info))
    station_code = info["station_code"].upper()
    label = StoreLabel(station_code, StoreKind(kind).value, demo)
    store = Store.create(Path(data_dir), label, kdf or calibrate_kdf())
    identity = StationIdentity(
        kind=StoreKind(kind).value,
        station_code=station_code,
        station_name=info["station_name"],
        district=info["district"],
        district_code=(info["district_code"] or "").upper() or None,
        store_id=str(uuid.uuid4()),
    )
    actor = Actor(admin, Role.SHO.value, admin_name or admin)
    ctx = Context(store, actor, identity, clock)
    with store.transaction() as session:
        session.add(
            StationInfo(
                id=1,
                kind=identity.kind,
                station_code=identity.station_code,
                station_name=identity.station_name,
                district=identity.district,
                district_code=identity.district_code,
                store_id=identity.store_id,
                created_at=clock.now(),
                identity=_new_identity(),
                settings={},
            )
        )
        session.add(
            User(
                username=admin,
                display_name=actor.display_name,
                role=Role.SHO.value,
                active=True,
                created_at=clock.now(),
                created_by=admin,
            )
        )
        audit.append_many(session, ctx, [("init", None, None, f"{identity.kind} {identity.station_code}")])
        keys = store.slots.set_passphrase(admin, passphrase, store.data_key, avoid=station_words(info))
        store.user_keys, store.user_keys_owner = keys, admin
        # The root of the station's grants: the first SHO grants himself, with his own key (services/grants.py).
        session.flush()
        grants.sign_grant(session, ctx, keys.sign, admin, Role.SHO.value, True, keys.sign_public)
        store.save_slots()
    return ctx


def station_words(station: dict[str, str | None] | StationIdentity) -> list[str]:
    """Words a guesser tries first at this station: its code, name and district."""
    if isinstance(station, StationIdentity):
        values = [station.station_code, station.station_name, station.district, station.district_code]
    else:
        values = [station.get(k) for k in ("station_code", "station_name", "district", "district_code")]
    return [v for v in values if v]


def station_identity(store: Store) -> StationIdentity:
    with store.session() as session:
        info = session.get(StationInfo, 1)
        assert info is not None, "store has no station_info row"
        return StationIdentity(
            info.kind, info.station_code, info.station_name, info.district, info.district_code, info.store_id
        )


def context_for(store: Store, username: str, clock: Clock | None = None) -> Context:
    """A context for a user of an already unlocked store (the user must exist and be active)."""
    with store.session() as session:
        user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None or not user.active:
        raise PermissionDenied("this account is disabled or unknown; ask the SHO")
    return Context(
        store, Actor(user.username, user.role, user.display_name), station_identity(store), clock or SystemClock()
    )


def unlock(data_dir: Path, username: str, passphrase: str, clock: Clock | None = None) -> Context:
    """Open the store with the user's own passphrase; a wrong one raises WrongPassphrase and changes nothing.

    Wrong passphrases are counted beside the store; after three in a row each try waits longer
    (store/unlock_guard.py). The next successful unlock reports them to the user (`ctx.failed_unlocks`) and
    to the audit. A user whose slot is still in the old format gets a key pair now (store/keyslots.py).
    """
    clock = clock or SystemClock()
    username = username.strip().lower()
    guard = UnlockGuard(StorePaths(Path(data_dir)).unlock_failures)
    wait = guard.seconds_to_wait(clock.now())
    if wait > 0:
        raise TooManyAttempts(wait)
    try:
        store = Store.open(Path(data_dir), username, passphrase)
    except WrongPassphrase:
        guard.record_failure(clock.now())
        raise
    try:
        ctx = context_for(store, username, clock)
    except PermissionDenied:
        store.close()
        guard.record_failure(clock.now())
        raise WrongPassphrase("wrong user name or passphrase") from None
    count, times = guard.take()
    events: list[audit.AuditItem] = [("unlock", None, None, None)]
    if count:
        shown = ", ".join(t.isoformat(timespec="seconds") for t in times[-10:])
        events.append(("unlock-failures", None, None, f"{count} failed since the last sign-in: {shown}"))
    if store.slots.is_legacy_user(username):
        _convert_slot(store, username, passphrase, ctx.station)
        events.append(("keyslot-upgrade", "users", None, username))
    with store.transaction() as session:
        chain = unlock_checks.check_chain(session, ctx)
        roles = unlock_checks.check_roles(session, ctx)
        refused = roles.refused
        if refused is not None:
            events = [("unlock-refused", "users", None, refused.text())]
        audit.append_many(session, ctx, [*events, *chain.events, *roles.events])
    if refused is not None:
        store.close()
        raise RoleNotGranted(
            f"your role in this register is not the one the SHO granted you ({refused.text()}): sign-in refused "
            "and recorded in the audit. Ask the SHO to check the user accounts"
        )
    return dataclasses.replace(
        ctx, failed_unlocks=times if count else (), integrity_problems=tuple(chain.problems + roles.problems)
    )


def _convert_slot(store: Store, username: str, passphrase: str, station: StationIdentity) -> None:
    """Give the user of an old-format slot a key pair; label the file; name old recovery slots' keys where we can."""
    slots = store.current_slots()
    if slots.label is None:
        slots.label = StoreLabel(station.station_code, station.kind, False)
    store.user_keys = slots.convert_user(username, passphrase, store.data_key)
    store.user_keys_owner = username
    unnamed = set(slots.recovery_without_public_key())
    if unnamed:
        with store.session() as session:
            for peer in session.query(SyncPeer).filter(SyncPeer.enc_public.is_not(None)):
                public = base64.b64decode(peer.enc_public)
                if recovery_fingerprint(public) in unnamed:
                    slots.set_recovery(public, store.data_key)
    store.slots = slots
    store.save_slots()


def read_slots(data_dir: Path) -> KeySlots | None:
    """The slot file of the store in `data_dir` (before any unlock), or None if there is none."""
    paths = StorePaths(Path(data_dir))
    return KeySlots.load(paths.keyslots) if paths.keyslots.exists() else None
