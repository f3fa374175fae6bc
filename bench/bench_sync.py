"""Benchmark of sync (issue 4), run by hand — never part of the test suite.

    .venv/bin/python bench/bench_sync.py [--export-changes 10000] [--stations 10] [--per-station 10000]
                                         [--pg "host=127.0.0.1 user=postgres dbname=test"] [--no-pg]

Reports, with the machine:
- export of N changes from a real station store (build, sign, encrypt): time and bytes per record;
- district import of stations × per-station changes (verify, decrypt, check, merge, change log, search index,
  audit), on SQLCipher and on PostgreSQL, as a ratio to raw sqlcipher3 executemany of the same rows into the
  same table in the same run (one transaction, WAL, synchronous=FULL like the store). Target: ratio ≥ 0.5.
- the write floor: raw sqlcipher3 executemany, on a real district store (same schema, indexes and pragmas),
  of what any import that keeps the change log and the search index must write — the rows, their change-log
  entries, their search-index rows — one transaction per station, values prepared outside the clock. It
  shows how much of the gap to the bare-table baseline is the import's code and how much is the data itself.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import os
import random
import shutil
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import psycopg
import sqlcipher3
from machine import machine  # bench/machine.py (run as python bench/<name>.py)
from sqlalchemy import Table
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateTable

from desktop_app.models import Person
from desktop_app.models.changelog import ChangeLogEntry
from desktop_app.models.sync_state import SyncPeer
from desktop_app.services import demo, names
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.services.setup import init_store
from desktop_app.store.engine import search_rowid
from desktop_app.store.keyslots import KdfParams
from desktop_app.store.migrations_runner import head_revision
from desktop_app.sync.bundle import write_bundle
from desktop_app.sync.district import init_district
from desktop_app.sync.enrolment import enrol_complete, enrol_request, enrol_station, own_fingerprint
from desktop_app.sync.export import build_station_bundle
from desktop_app.sync.importer import import_bundle
from desktop_app.sync.keys import Identity
from desktop_app.sync.peers import load_identity

PASSPHRASE = "benchmark passphrase"
BENCH_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)  # unlock cost is bench_store's business
START = dt.datetime(2026, 3, 1, 5, 0, tzinfo=dt.UTC)


def new_district(folder: Path, url: str | None) -> Context:
    return init_district(
        folder,
        district_code="MBD",
        district="Mandi Bahauddin",
        admin="dpo",
        passphrase=None if url else PASSPHRASE,
        recovery_key_out=folder.parent / f"{folder.name}-recovery-key.json",
        database_url=url,
        kdf=BENCH_KDF,
    )


def bench_export(work: Path, changes: int) -> None:
    station = init_store(
        work / "station",
        station_code="MBD-PHALIA",
        station_name="Phalia City",
        district="Mandi Bahauddin",
        district_code="MBD",
        admin="sho",
        passphrase=PASSPHRASE,
        kdf=BENCH_KDF,
    )
    district = new_district(work / "export-district", None)
    fingerprint = enrol_request(station, work / "req.json").own_fingerprint
    enrol_station(district, work / "req.json", work / "ans.json", station_fingerprint=fingerprint)
    enrol_complete(station, work / "ans.json", district_fingerprint=own_fingerprint(district))
    people = demo._persons(demo._Maker(random.Random(7), dt.date(2026, 3, 1)), changes)
    for i in range(0, changes, 2000):
        Records(station).create_many("persons", people[i : i + 2000])
    times, size = [], 0
    for _ in range(3):
        start = time.perf_counter()
        exported = build_station_bundle(station)
        times.append(time.perf_counter() - start)
        assert exported is not None and exported.slip.changes == changes
        size = len(exported.data)
    best = min(times)
    print(
        f"export of {changes:,} changes: {best:.2f} s (best of 3; {changes / best:,.0f} changes/s), "
        f"{size:,} bytes = {size / changes:.0f} bytes per record"
    )
    start = time.perf_counter()
    result = import_bundle(district, exported.data)
    elapsed = time.perf_counter() - start
    print(f"  and its import at the district: {elapsed:.2f} s ({result.report['created']:,} created)")
    station.store.close()
    district.store.close()


def station_bundles(district: Context, stations: int, per_station: int) -> tuple[list[bytes], list[dict[str, Any]]]:
    """Signed bundles from `stations` enrolled stations, `per_station` new persons each, and the raw rows."""
    with district.store.transaction() as session:
        district_key = load_identity(session).public().enc
    maker = demo._Maker(random.Random(11), dt.date(2026, 3, 1))
    bundles: list[bytes] = []
    raw_rows: list[dict[str, Any]] = []
    for n in range(stations):
        code = f"MBD-S{n:02d}"
        identity = Identity.generate()
        with district.store.transaction() as session:
            keys = identity.public()
            session.add(
                SyncPeer(
                    code=code,
                    kind="station",
                    name=f"Station {n}",
                    sign_public=base64.b64encode(keys.sign).decode(),
                    enc_public=base64.b64encode(keys.enc).decode(),
                    fingerprint=keys.fingerprint(),
                    enrolled_at=START,
                    enrolled_by="bench",
                )
            )
        entries = []
        for seq, person in enumerate(demo._persons(maker, per_station), start=1):
            wall = int(START.timestamp() * 1000) + seq
            hlc = f"{wall:013d}.00000.{code}"
            at = dt.datetime.fromtimestamp(wall / 1000, dt.UTC).isoformat()
            state = {
                "name": None, "father_name": None, "cnic": None, "phones": None, "address": None, "tehsil": None,
                "village": None, "aliases": None, "status": "documented", "watchlisted": False, "notes": None,
                **person,
                "id": str(uuid.uuid4()), "station_code": code, "created_at": at, "created_by": "sho",
                "updated_at": at, "updated_by": "sho", "version": 1, "hlc": hlc, "deleted_at": None,
            }  # fmt: skip
            raw_rows.append(state)
            entries.append(
                {"table": "persons", "seq": seq, "row_id": state["id"], "op": "create", "hlc": hlc,
                 "base_hlc": None, "state": state}
            )  # fmt: skip
        bundles.append(
            write_bundle(
                kind="station-changes", sender_code=code, recipient_code="MBD", bundle_no=1, seq_from=1,
                seq_to=per_station, prev_bundle_sha256=None, store_id=str(uuid.uuid4()), app_version="bench",
                schema_version=head_revision(), created_at=START.isoformat(), entries=entries,
                extra={"audit_head": {"seq": 1, "hash": "0" * 64}, "reference_seq": 0}, sender=identity,
                recipient_enc_public=district_key,
            )
        )  # fmt: skip
    return bundles, raw_rows


def raw_executemany(folder: Path, rows: list[dict[str, Any]]) -> float:
    path = folder / "raw.db"
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(str(CreateTable(Person.__table__).compile(dialect=sqlite.dialect())))  # type: ignore[arg-type]
    columns = list(rows[0])
    sql = f"INSERT INTO persons ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    values = [tuple(row[c] for c in columns) for row in rows]
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(sql, values)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    path.unlink()
    return elapsed


def _db_values(table: Table, rows: list[dict[str, Any]], columns: list[str]) -> list[tuple[Any, ...]]:
    """Rows as the store holds them, converted by the columns' own SQLAlchemy type processors."""
    dialect = sqlite.dialect()
    convert = [
        (name, table.c[name].type.dialect_impl(dialect).bind_processor(dialect) or (lambda v: v)) for name in columns
    ]
    return [tuple(process(_typed(row[name])) for name, process in convert) for row in rows]


def _typed(value: Any) -> Any:
    if isinstance(value, str) and len(value) >= 25 and value[10] == "T" and value[4] == "-":
        return dt.datetime.fromisoformat(value)
    return value


def write_floor(work: Path, rows: list[dict[str, Any]], per_station: int) -> tuple[float, float]:
    """Seconds for raw executemany of (rows + change log) and of (rows + change log + search index)."""
    person_columns = list(rows[0])
    person_values = _db_values(Person.__table__, rows, person_columns)  # type: ignore[arg-type]
    log_columns = ["table_name", "row_id", "op", "hlc", "base_hlc", "origin_station", "source", "at", "state"]
    log_rows = [
        {"table_name": "persons", "row_id": r["id"], "op": "create", "hlc": r["hlc"], "base_hlc": None,
         "origin_station": r["station_code"], "source": "import", "at": START, "state": r}
        for r in rows
    ]  # fmt: skip
    log_values = _db_values(ChangeLogEntry.__table__, log_rows, log_columns)  # type: ignore[arg-type]
    fields = ("name", "father_name", "aliases", "cnic", "phones", "village", "tehsil")
    index_values = [
        (
            search_rowid(r["id"]),
            r["id"],
            "persons",
            names.index_text(*(str(r[f]) if r.get(f) is not None else None for f in fields)),
        )
        for r in rows
    ]
    person_sql = f"INSERT INTO persons ({', '.join(person_columns)}) VALUES ({', '.join('?' for _ in person_columns)})"
    log_sql = f"INSERT INTO change_log ({', '.join(log_columns)}) VALUES ({', '.join('?' for _ in log_columns)})"
    index_sql = "INSERT INTO search_index(rowid, record_id, register, body) VALUES (?, ?, ?, ?)"
    results = []
    for with_index in (False, True):
        district = new_district(work / f"floor-{with_index}", None)
        raw = district.store.engine.raw_connection()
        conn = raw.driver_connection
        assert conn is not None
        conn.isolation_level = None
        start = time.perf_counter()
        for first in range(0, len(rows), per_station):
            part = slice(first, first + per_station)
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(person_sql, person_values[part])
            conn.executemany(log_sql, log_values[part])
            if with_index:
                conn.executemany(index_sql, sorted(index_values[part]))
            conn.execute("COMMIT")
        results.append(time.perf_counter() - start)
        raw.close()
        district.store.close()
    return results[0], results[1]


def bench_import(work: Path, label: str, url: str | None, stations: int, per_station: int) -> None:
    district = new_district(work / f"district-{label}", url)
    bundles, rows = station_bundles(district, stations, per_station)
    start = time.perf_counter()
    created = 0
    for data in bundles:
        created += import_bundle(district, data).report["created"]
    elapsed = time.perf_counter() - start
    district.store.close()
    raw = raw_executemany(work, rows)
    total = stations * per_station
    assert created == total
    print(
        f"district import on {label}: {total:,} changes from {stations} stations in {elapsed:.2f} s "
        f"({total / elapsed:,.0f} changes/s); raw sqlcipher3 executemany of the same rows {raw:.2f} s "
        f"({total / raw:,.0f} rows/s); ratio {raw / elapsed:.3f}"
    )
    if url is None:
        logged, indexed = write_floor(work, rows, per_station)
        print(
            f"  write floor, raw executemany into a district store: rows + change log {logged:.2f} s "
            f"(ratio to the bare table {raw / logged:.3f}); + search index {indexed:.2f} s "
            f"(ratio {raw / indexed:.3f}); the import takes {elapsed / indexed:.1f}× the full floor"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--export-changes", type=int, default=10_000)
    parser.add_argument("--stations", type=int, default=10)
    parser.add_argument("--per-station", type=int, default=10_000)
    parser.add_argument("--pg", default="host=127.0.0.1 port=5432 user=postgres dbname=test")
    parser.add_argument("--no-pg", action="store_true")
    args = parser.parse_args()
    print(machine())
    work = Path(tempfile.mkdtemp(prefix="ahtc-bench-sync-"))
    schema = f"ahtc_bench_{uuid.uuid4().hex[:10]}"
    try:
        bench_export(work, args.export_changes)
        bench_import(work, "SQLCipher", None, args.stations, args.per_station)
        if not args.no_pg:
            parts = dict(item.split("=", 1) for item in args.pg.split())
            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f'CREATE SCHEMA "{schema}"')
            url = (
                f"postgresql+psycopg://{parts.get('user', 'postgres')}@{parts.get('host', '127.0.0.1')}:"
                f"{parts.get('port', '5432')}/{parts.get('dbname', 'test')}?options=-csearch_path%3D{schema}"
            )
            bench_import(work, "PostgreSQL", url, args.stations, args.per_station)
    finally:
        if not args.no_pg:
            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
