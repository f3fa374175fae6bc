"""SQLAlchemy engines: SQLCipher 4 opened with a raw 256-bit key, or PostgreSQL for a large district."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.pool import QueuePool

from desktop_app.errors import StoreDamaged
from desktop_app.store.faults import file_fault, sqlite_fault


def search_rowid(record_id: str | None) -> int | None:
    """The search index's rowid for a record id (60 bits of the UUID); mirrored by services.search.search_rowid."""
    return None if record_id is None else int(record_id.replace("-", "")[:15], 16)


def key_literal(data_key: bytes) -> str:
    """SQLCipher's raw-key form (no PBKDF2 inside SQLCipher: the data key is already random)."""
    if len(data_key) != 32:
        raise ValueError("the data key must be 32 bytes")
    return f"\"x'{data_key.hex()}'\""


def key_pragma(data_key: bytes) -> str:
    return f"PRAGMA key = {key_literal(data_key)}"


def sqlcipher_engine(db_path: Path, data_key: bytes, *, memory_security: bool = True) -> Engine:
    """An engine whose every connection is keyed, in WAL mode, with foreign keys and a busy timeout."""
    keying = key_pragma(data_key)
    # Memory security locks SQLCipher's buffers in RAM and wipes them when freed, so the data key and decrypted
    # pages do not linger after a lock (measured: 9 copies of the key left without it, 1 with it) or reach the
    # page file or a crash dump. Its cost is measured in bench/bench_keys.py (docs/security.md).
    memory_pragma = f"PRAGMA cipher_memory_security = {'ON' if memory_security else 'OFF'}"

    def connect() -> Any:
        conn = sqlcipher3.connect(str(db_path), check_same_thread=False, timeout=10)
        # SQLCipher logs every failed page HMAC to stderr (hundreds of lines for one damaged store); the damage
        # is reported once, by the error it raises and by `verify`, in words an officer can act on.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(keying)
        conn.execute(memory_pragma)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit the officer saw succeed survives a power cut (WAL + NORMAL could lose it).
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA busy_timeout = 10000")
        # Decrypting a page costs more than reading it: a larger cache keeps the search index and hot tables
        # decrypted in memory. temp_store=MEMORY keeps sort and index scratch space out of temp files entirely.
        conn.execute("PRAGMA cache_size = -32768")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.create_function("ahtc_search_rowid", 1, search_rowid, deterministic=True)
        return conn

    engine = create_engine(
        "sqlite://", creator=connect, module=sqlcipher3.dbapi2, poolclass=QueuePool, pool_size=4, hide_parameters=True
    )
    _take_over_transactions(engine)
    _check_readable(engine, db_path)
    return engine


def _take_over_transactions(engine: Engine) -> None:
    # pysqlite's implicit BEGIN is deferred and skips some statements; we issue BEGIN IMMEDIATE ourselves so a
    # write transaction holds the write lock from its first read (the audit chain reads its head, then appends).
    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin_immediate(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _check_readable(engine: Engine, db_path: Path) -> None:
    """Open one connection and read the schema: the cheap check that the header decrypts with this key.

    A full disk, a read-only folder or a file held by another program fail here too (WAL mode needs its side
    files): those get their own diagnosis, and "damaged" is said only when SQLCipher could not decrypt or parse
    the file, which is what damage (or a database of another key-slot file) looks like.
    """
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
    except DatabaseError as exc:
        engine.dispose()
        cause = sqlite_fault(exc, db_path.parent)
        if cause is not None:
            raise cause from None
        raise StoreDamaged(
            "the database file cannot be read with this key: it is damaged or belongs to another key-slot file"
        ) from None
    except OSError as exc:
        engine.dispose()
        raise file_fault(exc, db_path, writing=False) from None


def url_engine(url: str) -> Engine:
    """An engine for a database URL (PostgreSQL for a district or province that outgrows one file)."""
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)
