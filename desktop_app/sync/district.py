"""The district installation: creating it (SQLCipher file, or PostgreSQL), opening it, its status, notices.

A district store is a store of kind "district" whose code is the district code (e.g. MBD). By default it is
the same encrypted SQLCipher store as a station's; with a database URL it lives in PostgreSQL, with the same
models and migrations, and `district.json` in the data folder says where. A PostgreSQL store has no key
slots: the DBA protects that database (see docs/sync.md).

Every district gets a recovery key pair at init; its private half goes only into the file named by the caller
(sync/recovery.py). A station that is lost or stolen is revoked here (`revoke_station`).
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.errors import NotFound, StoreExists, StoreNotFound, ValidationError
from desktop_app.models.accounts import User
from desktop_app.models.changelog import Conflict
from desktop_app.models.enums import Role, StoreKind
from desktop_app.models.station import StationInfo
from desktop_app.models.sync_state import BundleReceived, DistrictNotice, StationMark
from desktop_app.services import audit, permissions
from desktop_app.services.accounts import check_username
from desktop_app.services.clock import Clock, SystemClock
from desktop_app.services.context import Actor, Context, StationIdentity
from desktop_app.services.setup import context_for, init_store, unlock
from desktop_app.store.atomic import write_atomic
from desktop_app.store.keyslots import KdfParams
from desktop_app.store.store import Store, StorePaths
from desktop_app.sync.district_side import acked_and_gaps, enrolled_stations
from desktop_app.sync.keys import Identity, key_fingerprint
from desktop_app.sync.peers import find_peer, record_replaced
from desktop_app.sync.recovery import check_key_file_target, make_recovery_key
from desktop_app.sync.refusals import latest_refusal, refusals_by_station
from desktop_app.sync.station_anchor import flags_by_station, latest_flag

CONFIG_NAME = "district.json"


def init_district(
    data_dir: Path,
    *,
    district_code: str,
    district: str,
    admin: str,
    passphrase: str | None,
    recovery_key_out: Path,
    database_url: str | None = None,
    clock: Clock | None = None,
    kdf: KdfParams | None = None,
) -> Context:
    """A new district store, signed in as its first user (role SHO: the district in-charge).

    Its recovery key pair is made too: the private half is written to `recovery_key_out` (which must not exist
    and must not be inside `data_dir`), the public half kept in the store.
    """
    code = district_code.strip().upper()
    if not code or not code.replace("-", "").isalnum() or len(code) > 32:
        raise ValidationError({"district_code": "use letters, digits and dashes only, e.g. MBD"})
    name = f"District AHTC {district.strip()}"
    check_key_file_target(recovery_key_out, data_dir)
    if database_url is None:
        if passphrase is None:
            raise ValidationError({"passphrase": "a SQLCipher district store needs a passphrase"})
        ctx = init_store(
            Path(data_dir),
            kind=StoreKind.DISTRICT,
            station_code=code,
            station_name=name,
            district=district,
            district_code=code,
            admin=admin,
            passphrase=passphrase,
            clock=clock,
            kdf=kdf,
        )
    else:
        ctx = _init_on_server(Path(data_dir), code, name, district, admin, database_url, clock or SystemClock())
    make_recovery_key(ctx, recovery_key_out)
    return ctx


def _init_on_server(data_dir: Path, code: str, name: str, district: str, admin: str, url: str, clock: Clock) -> Context:
    paths = StorePaths(data_dir)
    if paths.exists() or (data_dir / CONFIG_NAME).exists():
        raise StoreExists(f"a store already exists in {data_dir}")
    admin = check_username(admin)
    store = Store.from_url(url, data_dir)
    with store.session() as session:
        if session.get(StationInfo, 1) is not None:
            store.close()
            raise StoreExists("that database already holds an AHTC store")
    identity = StationIdentity(StoreKind.DISTRICT.value, code, name, district, code, str(uuid.uuid4()))
    ctx = Context(store, Actor(admin, Role.SHO.value, admin), identity, clock)
    with store.transaction() as session:
        session.add(
            StationInfo(
                id=1,
                kind=identity.kind,
                station_code=code,
                station_name=name,
                district=district,
                district_code=code,
                store_id=identity.store_id,
                created_at=clock.now(),
                identity=Identity.generate().to_private_bytes(),
                settings={},
            )
        )
        session.add(
            User(
                username=admin,
                display_name=admin,
                role=Role.SHO.value,
                active=True,
                created_at=clock.now(),
                created_by=admin,
            )
        )
        audit.append_many(session, ctx, [("init", None, None, f"district {code} (server database)")])
    data_dir.mkdir(parents=True, exist_ok=True)
    write_atomic(data_dir / CONFIG_NAME, json.dumps({"database_url": url}, indent=2).encode("utf-8"))
    return ctx


def server_url(data_dir: Path) -> str | None:
    config = Path(data_dir) / CONFIG_NAME
    if not config.exists():
        return None
    url = json.loads(config.read_text("utf-8")).get("database_url")
    return str(url) if url else None


def open_district(data_dir: Path, username: str, passphrase: str | None, clock: Clock | None = None) -> Context:
    """Sign in to a district store, on SQLCipher (passphrase) or on PostgreSQL (the database's own access rules)."""
    url = server_url(data_dir)
    if url is None:
        if passphrase is None:
            raise ValidationError({"passphrase": "needed to open the district store"})
        ctx = unlock(Path(data_dir), username, passphrase, clock)
    else:
        store = Store.from_url(url, Path(data_dir))
        with store.session() as session:
            if session.get(StationInfo, 1) is None:
                store.close()
                raise StoreNotFound("that database holds no AHTC store: run 'ahtc district init' first")
        ctx = context_for(store, username, clock)
    if not ctx.station.is_district:
        ctx.store.close()
        raise StoreNotFound(f"the store in {data_dir} is a station store, not a district store")
    return ctx


@dataclass(frozen=True)
class StationStatus:
    code: str
    name: str
    fingerprint: str
    store_id: str | None
    last_bundle_no: int
    last_received_at: str | None
    acked_seq: int
    gaps: list[list[int]]
    open_conflicts: int
    held_bundles: int
    refusals: dict[str, int] = field(default_factory=dict)  # check → authentic bundles refused ("clock", "owner")
    last_refusal: str | None = None  # the newest refusal's sentence, for the district officer
    revoked_at: str | None = None
    revoked_by: str | None = None
    recovery_fingerprint: str | None = None  # the district recovery key its latest answer carried
    # check → findings in applied bundles (a role without a grant, an audit chain rewritten): sync/station_anchor.py
    flags: dict[str, int] = field(default_factory=dict)
    last_flag: str | None = None

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def line(self) -> str:
        last = (
            f"last bundle no. {self.last_bundle_no} at {self.last_received_at}"
            if self.last_received_at
            else "no bundle yet"
        )
        gaps = ", ".join(f"{a}–{b}" for a, b in self.gaps) or "none"
        held = f", {self.held_bundles} held (newer app)" if self.held_bundles else ""
        refused = "".join(f"\tREFUSED ({check}): {n}" for check, n in sorted(self.refusals.items()))
        refused += "".join(f"\tFLAGGED ({check}): {n}" for check, n in sorted(self.flags.items()))
        revoked = f"REVOKED {self.revoked_at[:10]} by {self.revoked_by}\t" if self.revoked_at else ""
        recovery = f"recovery key {self.recovery_fingerprint}" if self.recovery_fingerprint else "no recovery key"
        return (
            f"{self.code}\t{self.name}\t{revoked}keys {self.fingerprint}\t{recovery}\t{last}\t"
            f"acknowledged to seq {self.acked_seq}\tgaps: {gaps}\topen conflicts: {self.open_conflicts}{held}{refused}"
        )


def district_status(ctx: Context) -> list[StationStatus]:
    permissions.require(ctx, permissions.READ)
    out: list[StationStatus] = []
    with ctx.store.session() as session:
        refused = refusals_by_station(session)
        flagged = flags_by_station(session)
        for peer in enrolled_stations(session):
            mark = None
            if peer.store_id is not None:
                mark = session.get(StationMark, (peer.code, peer.store_id))
            gaps = acked_and_gaps(list(mark.ranges))[1] if mark is not None else []
            conflicts = session.scalar(
                select(func.count())
                .select_from(Conflict)
                .where(Conflict.lost_origin == peer.code, Conflict.resolved_at.is_(None))
            )
            held = session.scalar(
                select(func.count())
                .select_from(BundleReceived)
                .where(BundleReceived.sender == peer.code, BundleReceived.status == "held")
            )
            out.append(
                StationStatus(
                    peer.code,
                    peer.name,
                    peer.fingerprint,
                    peer.store_id,
                    mark.last_bundle_no if mark else 0,
                    mark.last_received_at.isoformat() if mark and mark.last_received_at else None,
                    mark.acked_seq if mark else 0,
                    gaps,
                    int(conflicts or 0),
                    int(held or 0),
                    dict(refused.get(peer.code, {})),
                    _last_refusal_text(session, peer.code) if peer.code in refused else None,
                    peer.revoked_at.isoformat() if peer.revoked_at else None,
                    peer.revoked_by,
                    key_fingerprint(base64.b64decode(peer.recovery_public)) if peer.recovery_public else None,
                    dict(flagged.get(peer.code, {})),
                    _last_flag_text(session, peer.code) if peer.code in flagged else None,
                )
            )
    return out


def _last_flag_text(session: Session, station: str) -> str | None:
    latest = latest_flag(session, station)
    return None if latest is None else f"{latest.at.isoformat()} bundle {latest.bundle_no}: {latest.detail}"


def _last_refusal_text(session: Session, station: str) -> str | None:
    latest = latest_refusal(session, station)
    return None if latest is None else f"{latest.at.isoformat()} bundle {latest.bundle_no}: {latest.detail}"


def revoke_station(ctx: Context, code: str, reason: str = "") -> StationStatus:
    """Cut a lost or stolen station off: its bundles are refused (`revoked`) and nothing is sent back to it.

    Its keys are recorded as revoked and are never enrolled again; the station comes back only through a new
    enrolment with new keys. `reason` is kept with the station for the record: never a name or anything personal.
    """
    permissions.require(ctx, permissions.MANAGE_USERS)
    if not ctx.station.is_district:
        raise ValidationError({"station": "only the district revokes stations"})
    code = code.strip().upper()
    if len(reason) > 200:
        raise ValidationError({"reason": "keep the reason under 200 characters"})
    with ctx.store.transaction() as session:
        peer = find_peer(session, code, "station")
        if peer is None:
            raise NotFound(f"no station {code[:32]} is enrolled here; 'ahtc district status' lists them")
        if peer.revoked_at is not None:
            raise ValidationError({"station": f"{code} was already revoked on {peer.revoked_at:%Y-%m-%d}"})
        # The peer keeps its keys for the record; listed as revoked, no enrolment or key change takes them again.
        record_replaced(session, ctx, peer, "revoked")
        peer.revoked_at, peer.revoked_by = ctx.clock.now(), ctx.actor.username
        peer.revoked_reason = reason.strip() or None
        audit.append_many(session, ctx, [("station-revoke", None, None, f"{code} keys {peer.fingerprint}")])
    return next(s for s in district_status(ctx) if s.code == code)


def add_notice(ctx: Context, title: str, body: str) -> str:
    """A notice for every station, sent with each return bundle. Never put personal data in it."""
    permissions.require(ctx, permissions.MANAGE_USERS)
    if not ctx.station.is_district:
        raise ValidationError({"notice": "only the district issues notices"})
    errors: dict[str, Any] = {}
    if not title.strip() or len(title) > 200:
        errors["title"] = "give a title of at most 200 characters"
    if not body.strip():
        errors["body"] = "the notice is empty"
    if errors:
        raise ValidationError(errors)
    notice_id = str(uuid.uuid4())
    with ctx.store.transaction() as session:
        session.add(
            DistrictNotice(
                id=notice_id,
                issued_by=ctx.station.station_code,
                title=title.strip(),
                body=body.strip(),
                issued_at=ctx.clock.now(),
            )
        )
        audit.append_many(session, ctx, [("notice", None, notice_id, None)])
    return notice_id
