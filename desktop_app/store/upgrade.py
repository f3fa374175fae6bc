"""Bringing an older store up to this program's schema without any chance of losing a record.

In order: the WAL is folded into the database file (so that file alone is the store); a backup is written to
backups/before-migration-<revision>-<time>.ahtcbak and verified (opened with the data key, integrity-checked,
every table's row count compared); a byte copy of the database file is kept beside it; the migrations run in one
transaction; the result is checked (head revision, integrity check, no table lost a row). On any failure the
byte copy is put back, so the store is exactly as it was, bit for bit, and UpgradeFailed says so and names the
verified backup. A power cut during the migrations is SQLite's job: the transaction was not committed, and the
copy left beside the store is removed on the next attempt.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.errors import UpgradeFailed
from desktop_app.store import migrations_runner
from desktop_app.store.backup import row_counts, write_verified_backup

if TYPE_CHECKING:
    from desktop_app.store.store import Store

ROLLBACK_COPY = "ahtc.db.before-upgrade"


@dataclass(frozen=True)
class UpgradeReport:
    from_revision: str
    to_revision: str
    backup: Path


def upgrade_store(store: Store) -> UpgradeReport:
    """Migrate `store` to the head revision, or leave it exactly as it was and raise UpgradeFailed."""
    paths = store.paths
    before = migrations_runner.current_revision(store.engine) or "empty"
    head = migrations_runner.head_revision()
    copy = paths.data_dir / ROLLBACK_COPY
    copy.unlink(missing_ok=True)  # left by a power cut during an earlier attempt: SQLite already rolled that back
    store.checkpoint()
    counts = row_counts(store.engine)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    paths.backups.mkdir(exist_ok=True)
    backup = paths.backups / f"before-migration-{before}-{stamp}.ahtcbak"
    write_verified_backup(store, backup, counts)  # BackupInvalid stops here: nothing was changed yet
    store.engine.dispose()  # no connection may hold the file while it is copied (Windows locks it)
    shutil.copy2(paths.database, copy)
    try:
        migrations_runner.upgrade(store.engine)
        _check_after(store, counts, head)
    except Exception as exc:
        _put_back(store, copy)
        raise UpgradeFailed(
            f"this version of AHTC Register could not update the register's format (from {before} to {head}: "
            f"{type(exc).__name__}). The register was put back exactly as it was, nothing was lost, and a checked "
            f"backup is in {backup}. Keep using the previous version and tell district IT."
        ) from exc
    copy.unlink(missing_ok=True)
    return UpgradeReport(before, head, backup)


def _check_after(store: Store, counts_before: dict[str, int], head: str) -> None:
    if migrations_runner.current_revision(store.engine) != head:
        raise RuntimeError("the store is not at the head revision after migrating")
    with store.engine.connect() as conn:
        if [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")] != ["ok"]:
            raise RuntimeError("the migrated store fails its integrity check")
    after = row_counts(store.engine)
    # A migration may add tables and rows; it must never drop a table or a row of one that was there.
    lost = sorted(t for t, n in counts_before.items() if after.get(t, 0) < n)
    if lost:
        raise RuntimeError(f"rows missing after migrating, in tables {', '.join(lost)}")


def _put_back(store: Store, copy: Path) -> None:
    store.engine.dispose()
    database = store.paths.database
    for side in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        side.unlink(missing_ok=True)
    os.replace(copy, database)
