"""Integrity checks, backups and restores of an installation."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.exc import DatabaseError

from desktop_app.errors import (
    AhtcError,
    BackupInvalid,
    ConfirmationNeeded,
    PermissionDenied,
    StoreDamaged,
    ValidationError,
)
from desktop_app.models.accounts import User
from desktop_app.models.audit import AuditEntry
from desktop_app.models.enums import Role
from desktop_app.models.station import StationInfo
from desktop_app.services import accounts, anchor_verify, audit, permissions, stamps
from desktop_app.services.accounts import RekeyReport
from desktop_app.services.audit import ChainReport
from desktop_app.services.clock import Clock
from desktop_app.services.context import Context, StationIdentity
from desktop_app.services.hlc import Hlc
from desktop_app.services.setup import context_for, unlock
from desktop_app.store import stamp_mark
from desktop_app.store.backup import BackupInfo, read_backup, restore_backup, write_verified_backup
from desktop_app.store.faults import output_file, writing
from desktop_app.store.keyslots import KeySlots
from desktop_app.store.store import Store, StorePaths


class IntegrityProblem(StoreDamaged):
    """`verify` found damage or tampering."""


@dataclass(frozen=True)
class VerifyReport:
    integrity: list[str]  # "ok", or SQLite's list of problems
    cipher: list[str]  # empty when every page's HMAC is valid
    chain: ChainReport
    # Against the district's receipts, the signed grants, and records / change log / audit among themselves.
    anchored: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and not self.cipher and self.chain.ok and not self.anchored

    def problems(self) -> list[str]:
        found = [] if self.integrity == ["ok"] else _capped("database structure", self.integrity)
        found += _capped("encrypted page check", self.cipher)
        if not self.chain.ok:
            found.append(f"audit chain broken: {self.chain.problem}")
        return found + self.anchored


SHOWN_PER_CHECK = 5


def _capped(check: str, rows: list[str]) -> list[str]:
    """SQLite's findings one per line (a row can hold many), the first few, then how many more: a store damaged
    on every page would otherwise print hundreds of lines that all say the same thing."""
    lines = [line.strip() for row in rows for line in row.splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("***")]
    shown = [f"{check}: {line}" for line in lines[:SHOWN_PER_CHECK]]
    if len(lines) > SHOWN_PER_CHECK:
        shown.append(f"{check}: … and {len(lines) - SHOWN_PER_CHECK} more like these")
    return shown


def verify_store(ctx: Context, *, anchored_checks: bool = True) -> VerifyReport:
    """`anchored_checks=False` leaves out the receipts, grants and cross-checks (a backup is only checked for damage
    before a restore: what it says about roles and history is the district's to judge)."""
    permissions.require(ctx, permissions.READ)
    # Each check runs even when another one fails: on a damaged store SQLite's own check stops at the first page
    # it cannot decrypt, and the officer needs every problem, each on one line, not the first one as an error.
    with ctx.store.engine.connect() as conn:
        try:
            integrity = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA integrity_check")]
        except DatabaseError as exc:
            integrity = [f"the check stopped: {_sqlite_words(exc)}"]
        try:
            cipher = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
        except DatabaseError as exc:
            cipher = [f"the check stopped: {_sqlite_words(exc)}"]
    station = ctx.station.station_code
    anchored: list[str] = []
    try:
        with ctx.store.session() as session:
            chain = audit.verify_chain(session)
            if anchored_checks:
                anchored += anchor_verify.receipt_problems(session, station, ctx.station.store_id)
                anchored += anchor_verify.grant_problems(session, station)
                anchored += anchor_verify.cross_check(session, station)
    except DatabaseError as exc:
        chain = audit.ChainReport(0, "", 0, f"the audit log could not be read ({_sqlite_words(exc)})")
    return VerifyReport(integrity, cipher, chain, anchored)


def _sqlite_words(exc: DatabaseError) -> str:
    return str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]


def backup_store(ctx: Context, out_path: Path) -> BackupInfo:
    permissions.require(ctx, permissions.BACKUP)
    # A folder given as the file, or a drive that cannot take a new folder, is said before the audit records a
    # backup (write_backup makes missing folders, as it always has).
    with writing(out_path):
        Path(out_path).parent.mkdir(parents=True, exist_ok=True)
    output_file(out_path)
    with ctx.store.transaction() as session:
        audit.append_many(session, ctx, [("backup", None, None, Path(out_path).name)])
    # Verified before it takes its name: a backup that would not restore is never left looking like a good one.
    return write_verified_backup(ctx.store, Path(out_path)).info


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did: the store it replaced, and the accounts it checked."""

    ctx: Context
    backup_station: str
    replaced_station: str | None  # the station whose store was set aside (None: the folder was empty)
    set_aside: Path | None
    disabled_again: tuple[str, ...]  # disabled since the backup, disabled again (with a re-key)
    came_back: tuple[str, ...]  # accounts the backup brings back that could not be checked (confirmed by the SHO)
    rekey: RekeyReport | None


@dataclass(frozen=True)
class _LiveStore:
    station_code: str | None
    disabled: frozenset[str]  # disabled accounts and user-disable audit entries, if the store could be read
    readable: bool
    # The latest stamp it issued or saw: its last stamp, or its reservation beside it (store/stamp_mark.py).
    last_stamp: str | None = None


def restore_store(
    backup_path: Path,
    data_dir: Path,
    username: str,
    passphrase: str,
    clock: Clock | None = None,
    *,
    other_station: str | None = None,
    confirm_users: bool = False,
) -> Context:
    return restore(
        backup_path,
        data_dir,
        username,
        passphrase,
        clock,
        other_station=other_station,
        confirm_users=confirm_users,
    ).ctx


def restore(
    backup_path: Path,
    data_dir: Path,
    username: str,
    passphrase: str,
    clock: Clock | None = None,
    *,
    other_station: str | None = None,
    confirm_users: bool = False,
) -> RestoreReport:
    """Replace the installation with a backup. Only an active SHO of the backup may do it.

    The backup is unpacked and opened in a scratch folder first: a wrong passphrase, a damaged file or a
    user who is not the SHO there changes nothing on disk. The replaced store is kept under backups/.

    A backup of another station is refused unless `other_station` names it. Accounts disabled since the backup
    (read from the replaced store's users and audit) are disabled again, with a re-key, so an old passphrase
    does not come back with the old slot file. When the replaced store cannot be read, the accounts the backup
    would bring back are listed and the restore waits for `confirm_users`.
    """
    username = username.strip().lower()
    _, db_bytes, slot_bytes = read_backup(Path(backup_path))
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    backup_station, backup_users = _check_backup(db_bytes, slot_bytes, data_dir, username, passphrase, clock)
    live = _read_live(data_dir, username, passphrase) if StorePaths(data_dir).exists() else None
    _check_station(data_dir, backup_station, live, other_station)
    same_station = live is not None and live.station_code == backup_station.station_code
    disabled_again = tuple(sorted(backup_users & live.disabled)) if live is not None and same_station else ()
    came_back: tuple[str, ...] = ()
    if live is None or not live.readable or not same_station:
        came_back = tuple(sorted(backup_users))
        if came_back and not confirm_users:
            raise ConfirmationNeeded(
                "restoring brings back these accounts as they were when the backup was made: "
                + ", ".join(came_back)
                + ". The store being replaced could not be checked for accounts disabled since then. If that is "
                "what you want, run again with --confirm-users, then disable again anyone who should not sign in."
            )

    set_aside = restore_backup(Path(backup_path), data_dir, username, passphrase)
    ctx = unlock(data_dir, username, passphrase, clock)
    # A restored store rewinds its change-log sequence; a new store_id tells the district to expect that.
    new_store_id = str(uuid.uuid4())
    with ctx.store.transaction() as session:
        session.execute(update(StationInfo).where(StationInfo.id == 1).values(store_id=new_store_id))
        audit.append_many(session, ctx, [("restore", None, None, f"from {Path(backup_path).name}")])
    ctx = context_for(ctx.store, username, clock)
    _never_reissue(ctx, live)
    rekey = accounts.disable_users(ctx, disabled_again) if disabled_again else None
    return RestoreReport(
        ctx,
        backup_station.station_code,
        live.station_code if live is not None else None,
        set_aside,
        disabled_again,
        came_back,
        rekey,
    )


def _never_reissue(ctx: Context, live: _LiveStore | None) -> None:
    """Start the restored store's stamps above every stamp the replaced store issued (convergence F6).

    The backup's last stamp is older than the replaced store's. With the PC clock behind it, the restored store
    would count on from it and give edits stamps already given to others, which every store would take for the
    versions it already has. The replaced store's last stamp and the reservation beside it say where to start.
    """
    known = [s for s in (live.last_stamp if live is not None else None,) if s]
    here = stamps.reserved(ctx)  # written with the backup's data key (no re-key since), when the live store is lost
    if here is not None:
        known.append(here.encode())
    with ctx.store.transaction() as session:
        info = session.get(StationInfo, 1)
        assert info is not None
        floor = max([s for s in known if Hlc.parse(s).station == ctx.station.station_code], default=None)
        if floor is not None and (info.last_hlc is None or floor > info.last_hlc):
            info.last_hlc = floor
        if info.last_hlc is not None:
            stamps.reserve(ctx, Hlc.parse(info.last_hlc), again=True)


def _check_backup(
    db_bytes: bytes, slot_bytes: bytes, data_dir: Path, username: str, passphrase: str, clock: Clock | None
) -> tuple[StationIdentity, frozenset[str]]:
    """Open the backup in a scratch folder as its SHO; returns its station and its other active accounts."""
    with tempfile.TemporaryDirectory(dir=data_dir, prefix=".restore-check-") as scratch:
        (Path(scratch) / "ahtc.db").write_bytes(db_bytes)
        (Path(scratch) / "keyslots.json").write_bytes(slot_bytes)
        key = KeySlots.load_bytes(slot_bytes).unlock(username, passphrase).data_key
        probe = Store.open_with_key(Path(scratch), key)
        try:
            probe_ctx = context_for(probe, username, clock)
            if probe_ctx.actor.role != Role.SHO:
                raise PermissionDenied("only the SHO can restore a backup")
            if not verify_store(probe_ctx, anchored_checks=False).ok:
                raise BackupInvalid("the database inside the backup fails its integrity check; use another backup")
            with probe.session() as session:
                users = frozenset(session.scalars(select(User.username).where(User.active.is_(True)))) - {username}
            return probe_ctx.station, users
        finally:
            probe.close()
            shutil.rmtree(Path(scratch) / "backups", ignore_errors=True)


def _read_live(data_dir: Path, username: str, passphrase: str) -> _LiveStore:
    """What the store about to be replaced says: its station, and who was disabled in it (if it opens)."""
    try:
        label = KeySlots.load(StorePaths(data_dir).keyslots).label
    except AhtcError:
        label = None
    try:
        store = Store.open(data_dir, username, passphrase)
    except AhtcError:
        return _LiveStore(label.station_code if label else None, frozenset(), False)
    try:
        with store.session() as session:
            code, last = session.execute(
                select(StationInfo.station_code, StationInfo.last_hlc).where(StationInfo.id == 1)
            ).one()
            inactive = set(session.scalars(select(User.username).where(User.active.is_(False))))
            logged = session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "user-disable"))
            inactive |= {d for d in logged if d}
        reserved = stamp_mark.read_reserved(data_dir, store.data_key, code)
        return _LiveStore(code, frozenset(inactive), True, max([s for s in (last, reserved) if s], default=None))
    finally:
        store.close()


def _check_station(data_dir: Path, backup: StationIdentity, live: _LiveStore | None, named: str | None) -> None:
    if named is not None and named.strip().upper() != backup.station_code:
        raise ValidationError(
            {"other_station": f"the backup is of {backup.station_code}, not {named.strip().upper()}; nothing changed"}
        )
    if live is None or live.station_code == backup.station_code or named is not None:
        return
    here = live.station_code or "a station this passphrase cannot open"
    raise ConfirmationNeeded(
        f"this backup is of {backup.station_code} ({backup.station_name}), but the store in {data_dir} is {here}. "
        f"Restoring would replace that register (it is kept under backups/replaced-...). If that is what you "
        f"want, run again with --other-station {backup.station_code}."
    )
