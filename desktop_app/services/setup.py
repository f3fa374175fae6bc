"""Creating an installation and signing in to one."""

from __future__ import annotations

import base64
import uuid
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from desktop_app.errors import PermissionDenied, ValidationError, WrongPassphrase
from desktop_app.models.accounts import User
from desktop_app.models.enums import Role, StoreKind
from desktop_app.models.station import StationInfo
from desktop_app.services import audit
from desktop_app.services.accounts import check_username
from desktop_app.services.clock import Clock, SystemClock
from desktop_app.services.context import Actor, Context, StationIdentity
from desktop_app.services.validation import Field, validate_record
from desktop_app.store.keyslots import DEFAULT_KDF, KdfParams, check_passphrase_strength
from desktop_app.store.store import Store

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
    kdf: KdfParams = DEFAULT_KDF,
) -> Context:
    """A new encrypted store whose first user (the in-charge, role SHO) is `admin`; returns it signed in."""
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
    check_passphrase_strength(passphrase)
    store = Store.create(Path(data_dir))
    identity = StationIdentity(
        kind=StoreKind(kind).value,
        station_code=info["station_code"].upper(),
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
        store.slots.set_passphrase(admin, passphrase, store.data_key, kdf)
        store.save_slots()
    return ctx


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
    """Open the store with the user's own passphrase; a wrong one raises WrongPassphrase and changes nothing."""
    username = username.strip().lower()
    store = Store.open(Path(data_dir), username, passphrase)
    try:
        ctx = context_for(store, username, clock)
    except PermissionDenied:
        store.close()
        raise WrongPassphrase("wrong user name or passphrase") from None
    with store.transaction() as session:
        audit.append_many(session, ctx, [("unlock", None, None, None)])
    return ctx
