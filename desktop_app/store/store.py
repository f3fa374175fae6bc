"""The installation on disk: encrypted database + key-slot file + backups folder, opened with a user's passphrase."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.errors import StoreBusy, StoreExists, StoreNotFound
from desktop_app.store import migrations_runner, rekey
from desktop_app.store.engine import sqlcipher_engine, url_engine
from desktop_app.store.keyslots import DATA_KEY_BYTES, DEFAULT_KDF, KdfParams, KeySlots, StoreLabel, UserKeys

T = TypeVar("T")


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

    @property
    def printing(self) -> Path:
        """Where printing once wrote PDFs; only a crash's leftovers can be there now (removed at start)."""
        return self.data_dir / "printing"

    @property
    def unlock_failures(self) -> Path:
        return self.data_dir / "unlock-failures.json"

    def exists(self) -> bool:
        return self.database.exists() and self.keyslots.exists()


def _memory_security(slots: KeySlots) -> bool:
    """On at stations (laptops get stolen, hibernate, page out and write crash dumps); off at a district.

    Measured (bench/bench_keys.py, docs/security.md): bulk inserts 3.2x slower with it on, single writes 1.25x,
    reads unchanged. A district applies every station's bundles in bulk, on a server that should run on an
    encrypted disk; a station writes one record at a time. SQLCipher keeps the setting for the whole process
    once on, so a district server that opened a station store first runs with it on too.
    """
    return slots.label is None or slots.label.kind != "district"


class Store:
    """An open, unlocked store. Holds the data key in memory only while unlocked; `close()` drops it.

    `user_keys` are the signed-in user's own key pair (None on a server database, or for a user whose slot
    is still in the old format until the sign-in converts it).
    """

    def __init__(
        self, paths: StorePaths, engine: Engine, data_key: bytes, slots: KeySlots, user_keys: UserKeys | None = None
    ) -> None:
        self.paths = paths
        self.engine = engine
        self._data_key = data_key
        self.slots = slots
        self.user_keys = user_keys
        self.user_keys_owner: str | None = None
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    # -- opening -------------------------------------------------------------------------------------------------

    @classmethod
    def create(cls, data_dir: Path, label: StoreLabel | None = None, default_kdf: KdfParams = DEFAULT_KDF) -> Store:
        """Make an empty store with a fresh random data key; the caller adds the first user's slot and saves."""
        paths = StorePaths(Path(data_dir))
        if paths.database.exists() or paths.keyslots.exists():
            raise StoreExists(f"a store already exists in {paths.data_dir}")
        # Only the Unix account that runs the app may even list the files (on Windows the installer sets the ACL).
        paths.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        data_key = os.urandom(DATA_KEY_BYTES)
        slots = KeySlots.new(label, default_kdf)
        engine = sqlcipher_engine(paths.database, data_key, memory_security=_memory_security(slots))
        migrations_runner.upgrade(engine)
        slots.bind(data_key)
        return cls(paths, engine, data_key, slots)

    @classmethod
    def open(cls, data_dir: Path, username: str, passphrase: str) -> Store:
        paths = cls._existing(data_dir)
        slots = KeySlots.load(paths.keyslots)
        unlocked = slots.unlock(username, passphrase)
        store = cls.open_with_key(data_dir, unlocked.data_key, slots)
        store.user_keys, store.user_keys_owner = unlocked.keys, username.strip().lower()
        return store

    @classmethod
    def open_with_key(cls, data_dir: Path, data_key: bytes, slots: KeySlots | None = None) -> Store:
        """Open with a data key already in hand (a recovery key, a backup being checked).

        The key-slot file is checked against that key first: a slot removed or edited is reported, not used.
        """
        paths = cls._existing(data_dir)
        slots = slots or KeySlots.load(paths.keyslots)
        slots.verify(data_key)
        engine = sqlcipher_engine(paths.database, data_key, memory_security=_memory_security(slots))
        store = cls(paths, engine, data_key, slots)
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
        if paths.data_dir.is_dir():
            rekey.finish_interrupted(paths.data_dir)
        if not paths.exists():
            raise StoreNotFound(f"no AHTC store in {paths.data_dir}: run 'ahtc init' or 'ahtc demo' first")
        return paths

    def _migrate_if_needed(self) -> None:
        from desktop_app.store.upgrade import ROLLBACK_COPY, upgrade_store

        # A copy left by a power cut during an upgrade is stale either way (SQLite rolled the migration back, or it
        # committed): it would only keep records a purge has since removed.
        (self.paths.data_dir / ROLLBACK_COPY).unlink(missing_ok=True)
        if not migrations_runner.needs_upgrade(self.engine):
            return
        # An older store is backed up and the backup verified before its schema changes; a failed migration puts
        # the store back exactly as it was (store/upgrade.py).
        try:
            upgrade_store(self)
        except BaseException:
            self.close()
            raise

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
        self.slots.bind(self._data_key)
        self.slots.save(self.paths.keyslots)

    def current_slots(self) -> KeySlots:
        """The slot file as it is on disk now, checked against this store's data key (another window may have
        added a user since this one unlocked; an edit by someone without the key is refused)."""
        slots = KeySlots.load(self.paths.keyslots)
        slots.verify(self._data_key)
        return slots

    def rekey(self, new_slots: Callable[[bytes], KeySlots], change: Callable[[Store], T]) -> T:
        """Move the whole store to a new random data key, with `change` applied to the new copy only.

        `new_slots(key)` builds the slot file for the new key (it may refuse, e.g. a weak passphrase, before
        anything is written). `change(store)` makes the writes that belong to the re-key (a user disabled, a
        passphrase change audited) on the new database, so they exist exactly when the new key does. Safe
        against a power cut at any point: see store/rekey.py.
        """
        if self.engine.pool.checkedout():  # type: ignore[attr-defined]
            raise StoreBusy("another task is using the register (a sync or an export); wait for it and try again")
        new_key = os.urandom(DATA_KEY_BYTES)
        slots = new_slots(new_key)
        data_dir = self.paths.data_dir
        rekey.finish_interrupted(data_dir)
        try:
            rekey.export_copy(self.paths.database, self._data_key, new_key, data_dir / rekey.NEXT_DATABASE)
            result = self._apply_to_copy(data_dir / rekey.NEXT_DATABASE, new_key, slots, change)
            self.engine.dispose()
            if Path(f"{self.paths.database}-wal").exists():
                raise StoreBusy(
                    "the register is open in another window or program; close it there and try again (nothing "
                    "was changed)"
                )
            rekey.commit(data_dir, slots.to_bytes())
        except BaseException:
            rekey.finish_interrupted(data_dir)  # no marker yet: the new copy is thrown away
            self._reopen(self._data_key, self.slots)
            raise
        rekey.finish_interrupted(data_dir)  # the marker is written: the new copy takes the old one's place
        self._reopen(new_key, slots)
        return result

    def _apply_to_copy(self, database: Path, key: bytes, slots: KeySlots, change: Callable[[Store], T]) -> T:
        copy = Store(self.paths, sqlcipher_engine(database, key, memory_security=_memory_security(slots)), key, slots)
        try:
            result = change(copy)
            # Back to a rollback journal: the copy must be one self-contained file before it is renamed.
            copy.run_outside_transaction("PRAGMA journal_mode = DELETE")
            return result
        finally:
            copy.engine.dispose()

    def _reopen(self, data_key: bytes, slots: KeySlots) -> None:
        self.engine.dispose()
        self.engine = sqlcipher_engine(self.paths.database, data_key, memory_security=_memory_security(slots))
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._data_key = data_key
        self.slots = slots

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
        self.user_keys, self.user_keys_owner = None, None
