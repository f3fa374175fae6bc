"""Changing the data key on disk so that a power cut at any moment leaves the old store or the new one, whole.

A re-key writes a complete new database under the new key beside the live one (`sqlcipher_export`), and a
new key-slot file beside the live one; only then does it write a small commit marker. The marker is the
moment of decision:

- no marker: the live `ahtc.db` and `keyslots.json` were never touched; leftovers are deleted;
- a marker: the new files replace the live ones (each by an atomic rename), then the marker goes.

`finish_interrupted` runs before every open and completes whichever of the two a crash interrupted, so the
store opens with the old passphrase state or the new one, never neither.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import sqlcipher3

from desktop_app.store.atomic import fsync_dir, write_atomic
from desktop_app.store.engine import key_literal, key_pragma

NEXT_DATABASE = "ahtc.db.next"
NEXT_KEYSLOTS = "keyslots.json.next"
COMMIT_MARKER = "rekey.commit"
_SIDE_FILES = ("-wal", "-shm", "-journal")


def export_copy(database: Path, old_key: bytes, new_key: bytes, target: Path) -> None:
    """A complete copy of `database` under `new_key`, read in one transaction that holds the write lock."""
    conn = sqlcipher3.connect(str(database), timeout=10)
    try:
        conn.isolation_level = None
        conn.execute(key_pragma(old_key))
        conn.execute(f"ATTACH DATABASE ? AS next KEY {key_literal(new_key)}", (str(target),))
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("SELECT sqlcipher_export('next')")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("DETACH DATABASE next")
    finally:
        conn.close()


def sync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def commit(data_dir: Path, slot_bytes: bytes) -> None:
    """Write the new slot file, then the marker: from here on the re-key happens, whatever comes next."""
    sync_file(data_dir / NEXT_DATABASE)
    write_atomic(data_dir / NEXT_KEYSLOTS, slot_bytes)
    write_atomic(data_dir / COMMIT_MARKER, json.dumps({"format": "ahtc-rekey/1"}).encode("ascii"))


def finish_interrupted(data_dir: Path) -> None:
    """Complete a re-key that has its marker, or throw away one that has not (see the module's note)."""
    data_dir = Path(data_dir)
    marker = data_dir / COMMIT_MARKER
    next_db, next_slots = data_dir / NEXT_DATABASE, data_dir / NEXT_KEYSLOTS
    if not marker.exists():
        for leftover in (next_slots, next_db, *(Path(f"{next_db}{side}") for side in _SIDE_FILES)):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        return
    if next_db.exists():
        # A journal beside the old database belongs to the old key; left there, SQLite would replay it into the new.
        for side in _SIDE_FILES:
            with contextlib.suppress(FileNotFoundError):
                (data_dir / f"ahtc.db{side}").unlink()
        os.replace(next_db, data_dir / "ahtc.db")
    if next_slots.exists():
        os.replace(next_slots, data_dir / "keyslots.json")
    fsync_dir(data_dir)
    marker.unlink()
    fsync_dir(data_dir)
