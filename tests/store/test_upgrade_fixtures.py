"""Upgrades lose nothing: a real store of every released schema opens with this code, is backed up, migrated and
checked, and every row it held is found again; a migration that fails half-way leaves the store bit for bit as
it was.

The fixtures are made by tests/store/upgrade_fixtures/make_fixtures.py from the migration scripts themselves
(run it after adding a migration); each holds the example record of every register, users, enrolment, a sent
bundle, the search index, the audit chain and the change log, as that revision stored them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import text

from desktop_app.errors import UpgradeFailed
from desktop_app.services.clock import FakeClock
from desktop_app.services.records import Records
from desktop_app.services.registry import load_all
from desktop_app.services.setup import unlock
from desktop_app.store import migrations_runner
from desktop_app.store.backup import verify_backup
from desktop_app.store.upgrade import ROLLBACK_COPY

FIXTURES = Path(__file__).resolve().parent / "upgrade_fixtures"


def _maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_upgrade_fixtures", FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKER = _maker()
REVISIONS = MAKER.revisions()
CLOCK = FakeClock(dt.datetime(2026, 12, 1, 6, 0, tzinfo=dt.UTC))


def test_every_revision_has_its_fixture() -> None:
    missing = [r for r in REVISIONS if not (FIXTURES / r / "ahtc.db").is_file()]
    assert missing == [], (
        f"no upgrade fixture for {missing}: run `python tests/store/upgrade_fixtures/make_fixtures.py` and commit "
        "what it writes under tests/store/upgrade_fixtures/"
    )


def copy_fixture(revision: str, tmp_path: Path) -> Path:
    folder = tmp_path / f"store-{revision}"
    shutil.copytree(FIXTURES / revision, folder)
    return folder


def recorded(revision: str) -> dict[str, list[dict[str, Any]]]:
    data: dict[str, list[dict[str, Any]]] = json.loads((FIXTURES / revision / "records.json").read_text("utf-8"))
    return data


def rows_now(store_engine: Any, table: str, names: list[str]) -> list[dict[str, Any]]:
    select = ", ".join(["rowid", *(f'"{c}"' for c in names)])
    with store_engine.connect() as conn:
        rows = conn.exec_driver_sql(f'SELECT {select} FROM "{table}" ORDER BY rowid').fetchall()
    # Through JSON, as records.json was written: the same types compare equal.
    loaded: list[dict[str, Any]] = json.loads(
        json.dumps([dict(zip(["rowid", *names], row, strict=True)) for row in rows], default=str)
    )
    return loaded


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("revision", [r for r in REVISIONS if (FIXTURES / r / "ahtc.db").is_file()])
def test_a_store_of_every_revision_upgrades_and_keeps_every_row(revision: str, tmp_path: Path) -> None:
    folder = copy_fixture(revision, tmp_path)
    head = migrations_runner.head_revision()

    ctx = unlock(folder, MAKER.USER, MAKER.PASSPHRASE, CLOCK)
    try:
        assert migrations_runner.current_revision(ctx.store.engine) == head
        before = recorded(revision)
        assert sum(len(rows) for rows in before.values()) > 40
        for table, rows in before.items():
            if not rows:
                continue
            names = [c for c in rows[0] if c != "rowid"]
            now = rows_now(ctx.store.engine, table, names)
            found = [{k: v for k, v in row.items() if k != "rowid" or table == "search_index"} for row in now]
            for row in rows:
                assert row in found, f"{table}: a row stored at revision {revision} is missing or changed"
        # The registers read through the services as any screen reads them.
        records = Records(ctx)
        registers = {spec.name for spec in load_all().values()}
        checked = 0
        for table, rows in before.items():
            if table in registers:
                for row in rows:
                    if row.get("deleted_at") is None:
                        assert records.get(table, row["id"])["id"] == row["id"]
                        checked += 1
        assert checked >= 10
        with ctx.store.session() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        backups = sorted((folder / "backups").glob(f"before-migration-{revision}-*.ahtcbak"))
        if revision == head:
            assert backups == []  # nothing to migrate, nothing backed up
        else:
            assert len(backups) == 1
            assert verify_backup(backups[0], ctx.store.data_key).info.schema_revision == revision
        assert not (folder / ROLLBACK_COPY).exists()
    finally:
        ctx.store.close()


FAILING_MIGRATION = '''
"""A migration that does half its work and then fails (tests only)."""

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("persons", sa.Column("half_done_note", sa.String(20), nullable=True))
    op.execute("UPDATE persons SET half_done_note = 'touched'")
    op.execute("DELETE FROM audit_log")
    {ending}


def downgrade() -> None:
    pass
'''


def migrations_with(tmp_path: Path, ending: str) -> Path:
    """This code's migrations and one more after the head, in a scratch copy of the migrations folder."""
    copy = tmp_path / "migrations"
    shutil.copytree(migrations_runner.MIGRATIONS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrations_runner.head_revision()
    (copy / "versions" / "9999_half_done.py").write_text(FAILING_MIGRATION.format(head=head, ending=ending))
    return copy


@pytest.mark.parametrize(
    "ending",
    [
        'raise RuntimeError("the migration fails half-way")',
        "pass  # no error, but the audit rows are gone: the check after migrating must catch it",
    ],
    ids=["raises", "loses-rows"],
)
def test_a_failed_upgrade_leaves_the_store_exactly_as_it_was(
    ending: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    oldest = REVISIONS[0]
    folder = copy_fixture(oldest, tmp_path)
    database, slots = folder / "ahtc.db", folder / "keyslots.json"
    digests = (file_digest(database), file_digest(slots))
    monkeypatch.setattr(migrations_runner, "MIGRATIONS_DIR", migrations_with(tmp_path, ending))

    with pytest.raises(UpgradeFailed) as failed:
        unlock(folder, MAKER.USER, MAKER.PASSPHRASE, CLOCK)

    message = failed.value.user_message()
    assert "put back exactly as it was" in message and "nothing was lost" in message
    assert (file_digest(database), file_digest(slots)) == digests
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith("ahtc.db")) == ["ahtc.db"]
    backups = list((folder / "backups").glob(f"before-migration-{oldest}-*.ahtcbak"))
    assert len(backups) == 1 and str(backups[0]) in message
    # No name, no value from the store in the sentence: only revisions, an error class and the backup's path.
    assert "Old" not in message and "touched" not in message

    monkeypatch.undo()  # the real migrations: the same store now upgrades and keeps every row
    ctx = unlock(folder, MAKER.USER, MAKER.PASSPHRASE, CLOCK)
    try:
        assert migrations_runner.current_revision(ctx.store.engine) == migrations_runner.head_revision()
        with ctx.store.session() as session:
            audit_rows = session.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
        assert audit_rows >= len(recorded(oldest)["audit_log"])
    finally:
        ctx.store.close()
