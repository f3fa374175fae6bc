"""The installation on disk: encrypted database + key-slot file + backups folder, opened with a user's passphrase."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.errors import StoreExists, StoreNotFound
from desktop_app.store import migrations_runner
from desktop_app.store.engine import sqlcipher_engine, url_engine
from desktop_app.store.keyslots import DATA_KEY_BYTES, KeySlots


@dataclass(frozen=True)
class StorePaths:
    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "ahtc.db"

    @property
    def keyslots(self) -> Path:
        return self.data_dir / "keyslots.json"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    def exists(self) -> bool:
        return self.database.exists() and self.keyslots.exists()


class Store:
    """An open, unlocked store. Holds the data key in memory only while unlocked; `close()` drops it."""

    def __init__(self, paths: StorePaths, engine: Engine, data_key: bytes, slots: KeySlots) -> None:
        self.paths = paths
        self.engine = engine
        self._data_key = data_key
        self.slots = slots
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    # -- opening -------------------------------------------------------------------------------------------------

    @classmethod
    def create(cls, data_dir: Path) -> Store:
        """Make an empty store with a fresh random data key; the caller adds the first user's slot and saves."""
        paths = StorePaths(Path(data_dir))
        if paths.database.exists() or paths.keyslots.exists():
            raise StoreExists(f"a store already exists in {paths.data_dir}")
        # Only the Windows/Unix account that runs the app may even list the files (the data is encrypted anyway).
        paths.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        data_key = os.urandom(DATA_KEY_BYTES)
        engine = sqlcipher_engine(paths.database, data_key)
        migrations_runner.upgrade(engine)
        return cls(paths, engine, data_key, KeySlots.new())

    @classmethod
    def open(cls, data_dir: Path, username: str, passphrase: str) -> Store:
        paths = cls._existing(data_dir)
        slots = KeySlots.load(paths.keyslots)
        return cls.open_with_key(data_dir, slots.unlock(username, passphrase), slots)

    @classmethod
    def open_with_key(cls, data_dir: Path, data_key: bytes, slots: KeySlots | None = None) -> Store:
        paths = cls._existing(data_dir)
        slots = slots or KeySlots.load(paths.keyslots)
        store = cls(paths, sqlcipher_engine(paths.database, data_key), data_key, slots)
        store._migrate_if_needed()
        return store

    @classmethod
    def from_url(cls, url: str, data_dir: Path | None = None) -> Store:
        """A store in a server database (PostgreSQL) for a district or province that outgrows one file.

        Same models and migrations as SQLCipher, migrated to head on open. There are no key slots and no
        data key: protecting this database (disk encryption, TLS, roles, backups) is the DBA's job.
        `data_dir` only says where local files (backups of the configuration, outgoing bundles) belong.
        """
        engine = url_engine(url)
        if migrations_runner.needs_upgrade(engine):
            migrations_runner.upgrade(engine)
        return cls(StorePaths(Path(data_dir) if data_dir is not None else Path.cwd()), engine, b"", KeySlots.new())

    @staticmethod
    def _existing(data_dir: Path) -> StorePaths:
        paths = StorePaths(Path(data_dir))
        if not paths.exists():
            raise StoreNotFound(f"no AHTC store in {paths.data_dir}: run 'ahtc init' or 'ahtc demo' first")
        return paths

    def _migrate_if_needed(self) -> None:
        if not migrations_runner.needs_upgrade(self.engine):
            return
        # An older store is backed up before its schema changes, so a failed migration loses nothing.
        from desktop_app.store.backup import write_backup

        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        revision = migrations_runner.current_revision(self.engine) or "empty"
        self.paths.backups.mkdir(exist_ok=True)
        write_backup(self, self.paths.backups / f"before-migration-{revision}-{stamp}.ahtcbak")
        migrations_runner.upgrade(self.engine)

    # -- using -----------------------------------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One all-or-nothing unit of work: commits on success, rolls back on any exception."""
        with self._sessions() as session, session.begin():
            yield session

    def session(self) -> Session:
        return self._sessions()

    @property
    def data_key(self) -> bytes:
        return self._data_key

    def save_slots(self) -> None:
        self.slots.save(self.paths.keyslots)

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (before a backup, or when the power goes to battery)."""
        self.run_outside_transaction("PRAGMA wal_checkpoint(TRUNCATE)")

    def run_outside_transaction(self, sql: str, params: tuple[object, ...] = ()) -> None:
        """Statements SQLite refuses inside a transaction (VACUUM INTO, checkpoints), on a raw connection."""
        raw = self.engine.raw_connection()
        try:
            raw.driver_connection.execute(sql, params)  # type: ignore[union-attr]
        finally:
            raw.close()

    def close(self) -> None:
        self.engine.dispose()
        self._data_key = b""
