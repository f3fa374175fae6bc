"""Who is acting, on which installation, at what time: handed to every service call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop_app.models.enums import StoreKind
from desktop_app.services.clock import Clock, SystemClock
from desktop_app.store.store import Store


@dataclass(frozen=True)
class Actor:
    username: str
    role: str
    display_name: str


@dataclass(frozen=True)
class StationIdentity:
    kind: str
    station_code: str
    station_name: str
    district: str
    district_code: str | None
    store_id: str

    @property
    def is_district(self) -> bool:
        return self.kind == StoreKind.DISTRICT


@dataclass
class Context:
    store: Store
    actor: Actor
    station: StationIdentity
    clock: Clock = field(default_factory=SystemClock)
    # Wrong passphrases typed at this PC since the last sign-in (told to the user once, and audited).
    failed_unlocks: tuple[dt.datetime, ...] = ()
    # What the checks at sign-in found (an audit chain broken, another account's role not granted): told to the
    # user once; already in the audit (services/unlock_checks.py).
    integrity_problems: tuple[str, ...] = ()

    @property
    def signing_key(self) -> Ed25519PrivateKey | None:
        """The signed-in user's own Ed25519 key (for what they grant); None before their slot is converted."""
        keys = self.store.user_keys
        return keys.sign if keys is not None and self.store.user_keys_owner == self.actor.username else None
