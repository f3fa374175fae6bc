"""Makes tests/store/upgrade_fixtures/<revision>/: a real store at every schema revision the app has released.

    python tests/store/upgrade_fixtures/make_fixtures.py            # every revision that has no fixture yet
    python tests/store/upgrade_fixtures/make_fixtures.py --force 0003 [0004 ...]   # make these again

Re-run it after adding a migration: the new revision gets its fixture, the old ones stay as they are (they stand
for stores already out at stations). tests/store/test_upgrade_fixtures.py fails while a revision has none.

How a fixture is made, from the schema's own code (the migration scripts), not by hand:
1. a station store is made at the head revision with this code and filled the way work fills one: the example
   record of every register (services/examples.py), a second user, enrolment with a district, a sync bundle
   written, the search index, the audit chain and the change log;
2. a new SQLCipher database with the same data key is taken by Alembic only up to the fixture's revision;
3. every table that exists at that revision gets the head store's rows, with the columns that exist at that
   revision (a column added later is left out, as it did not exist yet); the search index keeps its rowids;
   foreign keys are checked at the end: the rows must be valid at that revision;
4. the key-slot file is copied, so the fixture opens with USER / PASSPHRASE below (a cheap Argon2 cost);
5. records.json lists every row of every table, as stored, for the test to find again after the upgrade.
Synthetic data only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, inspect  # noqa: E402

from desktop_app.services.clock import FakeClock  # noqa: E402
from desktop_app.store import migrations_runner  # noqa: E402
from desktop_app.store.engine import sqlcipher_engine  # noqa: E402
from desktop_app.store.keyslots import KdfParams  # noqa: E402

USER = "sho.fixture"
PASSPHRASE = "upgrade fixture passphrase 2026"
STATION = "MBD-FIXTURE"
FAST_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
CLOCK_AT = dt.datetime(2026, 6, 1, 6, 0, tzinfo=dt.UTC)
# Tables not copied row by row: SQLite's own, Alembic's (set by the migrations), and FTS5's shadow tables
# (the search index's rows are inserted through the index itself).
SKIP_PREFIXES = ("sqlite_", "search_index_")
SKIP = {"alembic_version"}


def revisions() -> list[str]:
    """Every revision, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrations_runner.alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def make_head_store(work: Path) -> tuple[Path, bytes]:
    """A station store at head, filled by the app's own services; returns its folder and data key."""
    from desktop_app.services.examples import create_examples
    from desktop_app.services.records import Records
    from desktop_app.services.setup import init_store
    from desktop_app.sync.district import init_district
    from desktop_app.sync.enrolment import enrol_complete, enrol_request, enrol_station, own_fingerprint
    from desktop_app.sync.export import export_bundle

    clock = FakeClock(CLOCK_AT)
    ctx = init_store(
        work / "station",
        station_code=STATION,
        station_name="Fixture Station",
        district="Mandi Bahauddin",
        district_code="MBD",
        admin=USER,
        admin_name="SHO Fixture",
        passphrase=PASSPHRASE,
        clock=clock,
        kdf=FAST_KDF,
    )
    from desktop_app.services import accounts

    accounts.add_user(ctx, "asi.fixture", "ASI Fixture", "officer", "officer fixture passphrase 2026")
    create_examples(Records(ctx))
    district = init_district(
        work / "district",
        district_code="MBD",
        district="Mandi Bahauddin",
        admin="dpo.fixture",
        passphrase=PASSPHRASE,
        recovery_key_out=work / "recovery-key.json",
        clock=clock,
        kdf=FAST_KDF,
    )
    request, answer = work / "request.json", work / "answer.json"
    station_fingerprint = enrol_request(ctx, request).own_fingerprint
    enrol_station(district, request, answer, station_fingerprint=station_fingerprint)
    enrol_complete(ctx, answer, district_fingerprint=own_fingerprint(district))
    (work / "usb").mkdir()
    export_bundle(ctx, work / "usb")
    district.store.close()
    key = ctx.store.data_key
    ctx.store.checkpoint()
    ctx.store.close()
    return work / "station", key


def tables(engine: Engine) -> list[str]:
    names = inspect(engine).get_table_names()
    return sorted(n for n in names if n not in SKIP and not n.startswith(SKIP_PREFIXES))


def columns(engine: Engine, table: str) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in inspect(engine).get_columns(table)}


def copy_rows(source: Engine, target: Engine) -> None:
    source_tables = set(tables(source))
    plan = [(table, columns(target, table)) for table in tables(target)]
    src_raw, dst_raw = source.raw_connection(), target.raw_connection()
    try:
        src, dst = src_raw.driver_connection, dst_raw.driver_connection
        assert src is not None and dst is not None
        # Raw connections (isolation_level None): foreign keys off while rows arrive table by table, checked after.
        dst.execute("PRAGMA foreign_keys = OFF")
        dst.execute("BEGIN")
        for table, wanted in plan:
            if table == "search_index":
                _copy_search_index(src, dst, list(wanted))
                continue
            if table not in source_tables:
                continue
            have = {row[1] for row in src.execute(f'PRAGMA table_info("{table}")')}
            missing = [c for c, info in wanted.items() if c not in have and not info["nullable"]]
            if any(wanted[c].get("default") is None for c in missing):
                raise SystemExit(f"{table}: columns {missing} are required at this revision and the head has none")
            names = [c for c in wanted if c in have]
            quoted = ", ".join(f'"{c}"' for c in names)
            marks = ", ".join("?" for _ in names)
            rows = src.execute(f'SELECT {quoted} FROM "{table}" ORDER BY rowid').fetchall()
            dst.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', rows)
        dst.execute("COMMIT")
        problems = dst.execute("PRAGMA foreign_key_check").fetchall()
        dst.execute("PRAGMA foreign_keys = ON")
    finally:
        src_raw.close()
        dst_raw.close()
    if problems:
        raise SystemExit(f"rows not valid at this revision (foreign keys): {problems[:5]}")


def _copy_search_index(src: Any, dst: Any, wanted: list[str]) -> None:
    if not src.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_index'").fetchone():
        return
    quoted = ", ".join(f'"{c}"' for c in wanted)
    marks = ", ".join("?" for _ in range(len(wanted) + 1))
    rows = src.execute(f"SELECT rowid, {quoted} FROM search_index ORDER BY rowid").fetchall()
    dst.executemany(f"INSERT INTO search_index (rowid, {quoted}) VALUES ({marks})", rows)


def dump(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table as SQLite stores it (bytes as hex), ordered, for records.json."""
    names = tables(engine)
    if "search_index" in inspect(engine).get_table_names():
        names.append("search_index")
    plan = {table: list(columns(engine, table)) for table in names}
    out: dict[str, list[dict[str, Any]]] = {}
    raw = engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert conn is not None
        for table, cols in plan.items():
            select = ", ".join(["rowid", *(f'"{c}"' for c in cols)])
            rows = conn.execute(f'SELECT {select} FROM "{table}" ORDER BY rowid').fetchall()
            out[table] = [_as_json(table, cols, row) for row in rows]
    finally:
        raw.close()
    return out


def _as_json(table: str, cols: list[str], row: Any) -> dict[str, Any]:
    values = {name: (v.hex() if isinstance(v, bytes) else v) for name, v in zip(cols, row[1:], strict=True)}
    return values | ({"rowid": row[0]} if table == "search_index" else {})


def make_fixture(revision: str, head_dir: Path, key: bytes, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / revision
        folder.mkdir()
        target = sqlcipher_engine(folder / "ahtc.db", key)
        migrations_runner.upgrade(target, revision)
        source = sqlcipher_engine(head_dir / "ahtc.db", key)
        copy_rows(source, target)
        records = dump(target)
        source.dispose()
        raw = target.raw_connection()
        try:
            assert raw.driver_connection is not None
            # WAL, as every store the app makes; closing the last connection folds the WAL in and deletes it.
            raw.driver_connection.execute("VACUUM")
        finally:
            raw.close()
        target.dispose()
        shutil.copy2(head_dir / "keyslots.json", folder / "keyslots.json")
        (folder / "records.json").write_text(json.dumps(records, indent=1, sort_keys=True, default=str) + "\n")
        (folder / "README.txt").write_text(
            f"A station store at schema revision {revision}, made by make_fixtures.py on {dt.date.today()}.\n"
            f"User {USER}, passphrase {PASSPHRASE!r}. Synthetic data only.\n"
        )
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(folder, out)
    total = sum(len(rows) for rows in records.values())
    size = (out / "ahtc.db").stat().st_size
    print(f"{revision}: {total} rows in {len(records)} tables, ahtc.db {size // 1024} KiB -> {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", nargs="+", default=[], metavar="REVISION", help="make these fixtures again")
    args = parser.parse_args(argv)
    known = revisions()
    unknown = set(args.force) - set(known)
    if unknown:
        parser.error(f"no such revision: {', '.join(sorted(unknown))}")
    todo = [r for r in known if r in args.force or not (HERE / r / "ahtc.db").exists()]
    if not todo:
        print(f"every revision ({', '.join(known)}) has its fixture")
        return 0
    with tempfile.TemporaryDirectory() as work:
        head_dir, key = make_head_store(Path(work))
        for revision in todo:
            make_fixture(revision, head_dir, key, HERE / revision)
    return 0


if __name__ == "__main__":
    sys.exit(main())
