"""Migrations: a new store is at head; an older filled store is backed up, then migrated, losing nothing."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlalchemy import text

from desktop_app.store import migrations_runner
from desktop_app.store.backup import read_backup
from desktop_app.store.engine import sqlcipher_engine
from desktop_app.store.keyslots import KdfParams, KeySlots
from desktop_app.store.store import Store, StorePaths


def test_new_store_is_at_the_head_revision(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "s")
    assert migrations_runner.current_revision(store.engine) == migrations_runner.head_revision()
    assert not migrations_runner.needs_upgrade(store.engine)


def _store_at_first_revision(folder: Path, key: bytes) -> None:
    """A store as version 0.0 of the app left it: schema 0001, one person, no search index."""
    folder.mkdir()
    engine = sqlcipher_engine(StorePaths(folder).database, key)
    migrations_runner.upgrade(engine, "0001")
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC).replace(tzinfo=None)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO persons (id, station_code, created_at, created_by, updated_at, updated_by, version, hlc, "
                "name, role, status, watchlisted) VALUES ('0b1e6c1e-0000-4000-8000-000000000001', 'MBD-PHALIA', "
                ":now, 'sho', :now, 'sho', 1, '1767225600000.00000.MBD-PHALIA', 'Old Record Person', 'agent', "
                "'documented', 0)"
            ),
            {"now": now},
        )
    engine.dispose()
    slots = KeySlots.new()
    slots.set_passphrase("sho.phalia", "old store passphrase", key, KdfParams(1, 8192, 1))
    slots.save(StorePaths(folder).keyslots)


def test_empty_store_at_an_old_revision_is_migrated_on_open(tmp_path: Path) -> None:
    key = os.urandom(32)
    folder = tmp_path / "old-empty"
    folder.mkdir()
    engine = sqlcipher_engine(StorePaths(folder).database, key)
    migrations_runner.upgrade(engine, "0001")
    engine.dispose()
    slots = KeySlots.new()
    slots.bind(key)
    slots.save(StorePaths(folder).keyslots)
    store = Store.open_with_key(folder, key)
    assert migrations_runner.current_revision(store.engine) == migrations_runner.head_revision()


def test_filled_old_store_is_backed_up_then_migrated(tmp_path: Path) -> None:
    key = os.urandom(32)
    folder = tmp_path / "old"
    _store_at_first_revision(folder, key)

    store = Store.open(folder, "sho.phalia", "old store passphrase")

    assert migrations_runner.current_revision(store.engine) == migrations_runner.head_revision()
    with store.session() as session:
        assert session.execute(text("SELECT name FROM persons")).scalar_one() == "Old Record Person"
        # The new revision's table is there and usable.
        assert session.execute(text("SELECT count(*) FROM search_index")).scalar_one() == 0
    backups = list((folder / "backups").glob("before-migration-0001-*.ahtcbak"))
    assert len(backups) == 1
    info, db_bytes, _ = read_backup(backups[0])
    assert info.schema_revision == "0001" and len(db_bytes) == info.database_bytes


def test_migrations_build_exactly_the_schema_the_models_describe(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from desktop_app.models import Base

    store = Store.create(tmp_path / "s")
    with store.engine.connect() as conn:
        drift = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    # The FTS5 search index is made by migration 0002 and has no model (it is written through SQL).
    assert [d for d in drift if "search_index" not in str(d)] == []


def test_existing_cases_are_numbered_per_station_and_year_in_creation_order(tmp_path: Path) -> None:
    key = os.urandom(32)
    folder = tmp_path / "cases-0009"
    folder.mkdir()
    engine = sqlcipher_engine(StorePaths(folder).database, key)
    migrations_runner.upgrade(engine, "0009")
    c1, c2, c3, b1, old, eve = (f"{n}c000000-0000-4000-8000-00000000000{n}" for n in range(1, 7))
    created = {  # inserted out of creation order; one case of another station, one from the year before
        c3: ("MBD-PHALIA", dt.datetime(2026, 3, 1)),
        c1: ("MBD-PHALIA", dt.datetime(2026, 1, 5)),
        c2: ("MBD-PHALIA", dt.datetime(2026, 2, 1)),
        b1: ("MBD-MALAKWAL", dt.datetime(2026, 2, 2)),
        old: ("MBD-PHALIA", dt.datetime(2025, 12, 30)),
        eve: ("MBD-PHALIA", dt.datetime(2025, 12, 31, 20, 0)),  # UTC: already 1 January 2026 in Pakistan
    }
    with engine.begin() as conn:
        for row_id, (station, at) in created.items():
            conn.execute(
                text(
                    "INSERT INTO cases (id, station_code, created_at, created_by, updated_at, updated_by, version, "
                    "hlc, title, offence_category, status, sections, fact_tags) VALUES (:id, :st, :at, 'sho', :at, "
                    "'sho', 1, :hlc, 'Case title', 'child_labour_kiln', 'draft', '[]', '[]')"
                ),
                {"id": row_id, "st": station, "at": at, "hlc": f"{int(at.timestamp() * 1000)}.00000.{station}"},
            )
            conn.execute(
                text(
                    "INSERT INTO change_log (table_name, row_id, op, hlc, origin_station, source, at, state) "
                    "VALUES ('cases', :id, 'create', 'h', :st, 'local', :at, :state)"
                ),
                {"id": row_id, "st": station, "at": at, "state": f'{{"id": "{row_id}"}}'},
            )

    migrations_runner.upgrade(engine)

    with engine.connect() as conn:
        numbers = dict(conn.execute(text("SELECT id, case_number FROM cases")).all())
        states = dict(conn.execute(text("SELECT row_id, state FROM change_log WHERE table_name = 'cases'")).all())
    engine.dispose()
    assert numbers == {
        old: "AHTC/MBD-PHALIA/2025/001",
        eve: "AHTC/MBD-PHALIA/2026/001",
        c1: "AHTC/MBD-PHALIA/2026/002",
        c2: "AHTC/MBD-PHALIA/2026/003",
        c3: "AHTC/MBD-PHALIA/2026/004",
        b1: "AHTC/MBD-MALAKWAL/2026/001",
    }
    # Nothing stored before is rewritten: export gives old versions the number (tests/sync/test_case_numbers_sync.py).
    assert all(state == f'{{"id": "{row_id}"}}' for row_id, state in states.items())
