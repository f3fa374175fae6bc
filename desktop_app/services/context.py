"""Who is acting, on which installation, at what time: handed to every service call."""

from __future__ import annotations

from dataclasses import dataclass, field

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
