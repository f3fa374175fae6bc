"""Integrity checks, backups and restores of an installation."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import update

from desktop_app.errors import AhtcError, BackupInvalid, PermissionDenied
from desktop_app.models.enums import Role
from desktop_app.models.station import StationInfo
from desktop_app.services import audit, permissions
from desktop_app.services.audit import ChainReport
from desktop_app.services.clock import Clock
from desktop_app.services.context import Context
from desktop_app.services.setup import context_for, unlock
from desktop_app.store.backup import BackupInfo, read_backup, restore_backup, write_backup
from desktop_app.store.keyslots import KeySlots
from desktop_app.store.store import Store


class IntegrityProblem(AhtcError):
    """`verify` found damage or tampering."""


@dataclass(frozen=True)
class VerifyReport:
    integrity: list[str]  # "ok", or SQLite's list of problems
    cipher: list[str]  # empty when every page's HMAC is valid
    chain: ChainReport

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and not self.cipher and self.chain.ok

    def problems(self) -> list[str]:
        found = [] if self.integrity == ["ok"] else [f"database structure: {p}" for p in self.integrity]
        found += [f"encrypted page check: {p}" for p in self.cipher]
        if not self.chain.ok:
            found.append(f"audit chain broken: {self.chain.problem}")
        return found


def verify_store(ctx: Context) -> VerifyReport:
    permissions.require(ctx, permissions.READ)
    with ctx.store.engine.connect() as conn:
        integrity = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
        cipher = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
    with ctx.store.session() as session:
        chain = audit.verify_chain(session)
    return VerifyReport(integrity, cipher, chain)


def backup_store(ctx: Context, out_path: Path) -> BackupInfo:
    permissions.require(ctx, permissions.EXPORT)
    with ctx.store.transaction() as session:
        audit.append_many(session, ctx, [("backup", None, None, Path(out_path).name)])
    return write_backup(ctx.store, Path(out_path))


def restore_store(
    backup_path: Path, data_dir: Path, username: str, passphrase: str, clock: Clock | None = None
) -> Context:
    """Replace the installation with a backup. Only an active SHO of the backup may do it.

    The backup is unpacked and opened in a scratch folder first: a wrong passphrase, a damaged file or a
    user who is not the SHO there changes nothing on disk. The replaced store is kept under backups/.
    """
    _, db_bytes, slot_bytes = read_backup(Path(backup_path))
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=data_dir, prefix=".restore-check-") as scratch:
        (Path(scratch) / "ahtc.db").write_bytes(db_bytes)
        (Path(scratch) / "keyslots.json").write_bytes(slot_bytes)
        key = KeySlots.load_bytes(slot_bytes).unlock(username, passphrase)
        probe = Store.open_with_key(Path(scratch), key)
        try:
            probe_ctx = context_for(probe, username, clock)
            if probe_ctx.actor.role != Role.SHO:
                raise PermissionDenied("only the SHO can restore a backup")
            if not verify_store(probe_ctx).ok:
                raise BackupInvalid("the database inside the backup fails its integrity check; use another backup")
        finally:
            probe.close()
        shutil.rmtree(Path(scratch) / "backups", ignore_errors=True)
    restore_backup(Path(backup_path), data_dir, username, passphrase)
    ctx = unlock(data_dir, username, passphrase, clock)
    # A restored store rewinds its change-log sequence; a new store_id tells the district to expect that.
    new_store_id = str(uuid.uuid4())
    with ctx.store.transaction() as session:
        session.execute(update(StationInfo).where(StationInfo.id == 1).values(store_id=new_store_id))
        audit.append_many(session, ctx, [("restore", None, None, f"from {Path(backup_path).name}")])
    return context_for(ctx.store, username, clock)
