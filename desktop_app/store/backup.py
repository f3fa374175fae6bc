"""Backups: one file holding the encrypted database and its key slots; restore keeps the old copy aside.

A backup is as safe to carry as the store itself: the database inside stays encrypted with the data key,
and the key slots are the same passphrase/recovery envelopes as on the station.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError

from desktop_app.errors import BackupInvalid
from desktop_app.store.atomic import write_atomic
from desktop_app.store.faults import (
    database_fault,
    file_fault,
    input_file,
    is_database_error,
    is_file_system_error,
    output_file,
    writing,
)
from desktop_app.store.keyslots import KeySlots

if TYPE_CHECKING:
    from desktop_app.store.store import Store

BACKUP_FORMAT = "ahtc-backup/1"
MAX_BACKUP_MEMBER = 8 * 1024**3


@dataclass(frozen=True)
class BackupInfo:
    created_at: str
    database_sha256: str
    schema_revision: str | None
    database_bytes: int


def write_backup(store: Store, out_path: Path) -> BackupInfo:
    """Snapshot the live database with VACUUM INTO (consistent, still encrypted) and pack it with the slots."""
    from desktop_app.store.migrations_runner import current_revision

    out_path = Path(out_path)
    with writing(out_path):
        out_path.parent.mkdir(parents=True, exist_ok=True)
    output_file(out_path)
    with writing(out_path), tempfile.TemporaryDirectory(dir=out_path.parent, prefix=".ahtc-backup-") as tmp:
        snapshot = Path(tmp) / "ahtc.db"
        try:
            store.run_outside_transaction("VACUUM INTO ?", (str(snapshot),))
        except Exception as exc:
            # A full stick, or a store SQLite finds damaged while copying it: each its own sentence.
            if is_database_error(exc):
                raise database_fault(exc, out_path, store.paths.data_dir) from None
            raise
        db_bytes = snapshot.read_bytes()
    info = BackupInfo(
        created_at=dt.datetime.now(dt.UTC).isoformat(),
        database_sha256=hashlib.sha256(db_bytes).hexdigest(),
        schema_revision=current_revision(store.engine),
        database_bytes=len(db_bytes),
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("backup.json", json.dumps({"format": BACKUP_FORMAT, **info.__dict__}, indent=1))
        archive.writestr("keyslots.json", store.paths.keyslots.read_bytes())
        archive.writestr("ahtc.db", db_bytes)
    write_atomic(out_path, buffer.getvalue())
    return info


def read_backup(path: Path) -> tuple[BackupInfo, bytes, bytes]:
    """Check a backup file completely and return (info, database bytes, key-slot bytes)."""
    input_file(path)
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if names != {"backup.json", "keyslots.json", "ahtc.db"}:
                raise BackupInvalid(f"{path.name} is not an AHTC backup (unexpected contents)")
            if any(item.file_size > MAX_BACKUP_MEMBER for item in archive.infolist()):
                raise BackupInvalid(f"{path.name} has a member larger than any store")
            meta = json.loads(archive.read("backup.json"))
            db_bytes = archive.read("ahtc.db")
            slot_bytes = archive.read("keyslots.json")
    except OSError as exc:
        if is_file_system_error(exc):
            raise file_fault(exc, path, writing=False) from None
        raise BackupInvalid(f"{path.name} is damaged or incomplete; use another backup") from None
    except (zipfile.BadZipFile, ValueError, KeyError) as exc:
        raise BackupInvalid(
            f"{path.name} is damaged or incomplete ({exc.__class__.__name__}); use another backup"
        ) from exc
    if meta.get("format") != BACKUP_FORMAT:
        raise BackupInvalid(f"{path.name} is not an AHTC backup")
    if hashlib.sha256(db_bytes).hexdigest() != meta.get("database_sha256"):
        raise BackupInvalid(f"{path.name} is damaged: the database inside does not match its checksum")
    info = BackupInfo(
        meta["created_at"], meta["database_sha256"], meta.get("schema_revision"), int(meta["database_bytes"])
    )
    return info, db_bytes, slot_bytes


def restore_backup(backup_path: Path, data_dir: Path, username: str, passphrase: str) -> Path | None:
    """Replace the store in `data_dir` with the backup, after proving the passphrase opens the backup.

    The store being replaced is moved to `backups/replaced-<time>/` (never deleted). Returns that folder, or
    None when there was no store. The caller must then give the restored store a new store_id.
    """
    _, db_bytes, slot_bytes = read_backup(Path(backup_path))
    slots = KeySlots.load_bytes(slot_bytes)
    slots.unlock(username, passphrase)  # raises WrongPassphrase before anything on disk changes

    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    set_aside: Path | None = None
    live_files = [data_dir / name for name in ("ahtc.db", "ahtc.db-wal", "ahtc.db-shm", "keyslots.json")]
    if any(f.exists() for f in live_files):
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        set_aside = data_dir / "backups" / f"replaced-{stamp}"
        set_aside.mkdir(parents=True)
        for f in live_files:
            if f.exists():
                shutil.move(str(f), set_aside / f.name)
    write_atomic(data_dir / "ahtc.db", db_bytes)
    write_atomic(data_dir / "keyslots.json", slot_bytes)
    return set_aside


@dataclass(frozen=True)
class BackupCheck:
    """What opening a backup proved: its checksum, its key slots and its database's own checks."""

    info: BackupInfo
    row_counts: dict[str, int]


def verify_backup(path: Path, data_key: bytes, expected_counts: dict[str, int] | None = None) -> BackupCheck:
    """Open a backup as a restore would, and check everything in it; BackupInvalid if anything is wrong.

    The checksum of the database inside; the key slots, which must belong to `data_key`; the database opened with
    that key in a scratch folder beside the backup (never the system's temp folder: on a USB drive the copy stays
    on that drive), SQLite's integrity check, SQLCipher's check of every page's HMAC, and its schema revision.
    With `expected_counts`, every table must hold exactly as many rows as the store held when it was written.
    """
    from desktop_app.errors import AhtcError
    from desktop_app.store.engine import sqlcipher_engine
    from desktop_app.store.migrations_runner import current_revision

    path = Path(path)
    info, db_bytes, slot_bytes = read_backup(path)
    try:
        slots = KeySlots.load_bytes(slot_bytes)
        slots.verify(data_key)
    except AhtcError as exc:
        raise BackupInvalid(f"{path.name}: its key slots do not belong to this store ({exc.user_message()})") from exc
    district = slots.label is not None and slots.label.kind == "district"
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".ahtc-verify-") as scratch:
        copy = Path(scratch) / "ahtc.db"
        copy.write_bytes(db_bytes)
        try:
            engine = sqlcipher_engine(copy, data_key, memory_security=not district)
        except AhtcError as exc:
            raise BackupInvalid(f"{path.name}: the database inside cannot be opened with this store's key") from exc
        try:
            with engine.connect() as conn:
                integrity = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
                cipher = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
            revision = current_revision(engine)
            counts = row_counts(engine)
        except DatabaseError as exc:  # a page that does not decrypt stops SQLite before its checks can list it
            raise BackupInvalid(f"{path.name}: the database inside is damaged; it cannot be trusted") from exc
        finally:
            engine.dispose()
    if integrity != ["ok"] or cipher:
        raise BackupInvalid(f"{path.name}: the database inside fails its integrity check; it cannot be trusted")
    if revision != info.schema_revision:
        raise BackupInvalid(f"{path.name}: the database inside is not at the revision its label says")
    if expected_counts is not None and counts != expected_counts:
        differ = sorted(t for t in set(counts) | set(expected_counts) if counts.get(t) != expected_counts.get(t))
        raise BackupInvalid(f"{path.name}: the backup does not hold what the store held (tables {', '.join(differ)})")
    return BackupCheck(info, counts)


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows in every table of a SQLCipher store, except SQLite's own, Alembic's and the rebuildable search index."""
    from sqlalchemy import text

    with engine.connect() as conn:
        names = conn.execute(
            text(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'search_index%' AND name != 'alembic_version' ORDER BY name"
            )
        ).scalars()
        return {name: int(conn.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar_one()) for name in names}


def write_verified_backup(store: Store, out_path: Path, expected_counts: dict[str, int] | None = None) -> BackupCheck:
    """Write a backup and prove it restorable (verify_backup); a backup that fails its check is not kept.

    It is written under a temporary name beside `out_path` and takes its name only once verified, so a file with
    the final name is always a good backup, even after a power cut or a USB stick pulled out half-way.
    """
    out_path = Path(out_path)
    partial = out_path.with_name(f".{out_path.name}.partial")
    try:
        write_backup(store, partial)
        check = verify_backup(partial, store.data_key, expected_counts)
        with writing(out_path):
            os.replace(partial, out_path)
    finally:
        partial.unlink(missing_ok=True)
    return check
