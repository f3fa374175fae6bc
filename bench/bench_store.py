"""Benchmark of the foundation (issue 2), run by hand — never part of the test suite.

    .venv/bin/python bench/bench_store.py [--records 100000] [--store DIR] [--bulk-rows 20000]

Reports, with the machine: unlock time at the production Argon2id cost; demo generation time; a single service
write (p50/p95, change log and audit included) and search (p95) on a store of `--records` demo records; bulk insert
through the services as a ratio to raw sqlcipher3 executemany of the same rows in the same run.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import sqlcipher3
from machine import machine  # bench/machine.py (run as python bench/<name>.py)
from sqlalchemy.schema import CreateTable

from desktop_app.models import Person
from desktop_app.services import demo, search
from desktop_app.services.records import ListQuery, Records, json_state
from desktop_app.services.setup import init_store, unlock
from desktop_app.store.keyslots import DEFAULT_KDF, KeySlots

PASSPHRASE = "benchmark passphrase"


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def bench_unlock() -> None:
    slots, key = KeySlots.new(), os.urandom(32)
    slots.set_passphrase("sho", PASSPHRASE, key, DEFAULT_KDF)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        slots.unlock("sho", PASSPHRASE)
        times.append(time.perf_counter() - start)
    print(
        f"unlock (Argon2id t={DEFAULT_KDF.time_cost}, m={DEFAULT_KDF.memory_kib // 1024} MiB, "
        f"p={DEFAULT_KDF.parallelism}): median {statistics.median(times) * 1000:.0f} ms over 5"
    )


def bench_demo(folder: Path, records: int) -> None:
    ctx = init_store(
        folder,
        station_code="MBD-PHALIA",
        station_name="Phalia City",
        district="Mandi Bahauddin",
        admin="sho",
        passphrase=PASSPHRASE,
    )
    start = time.perf_counter()
    summary = demo.fill(ctx, records=records)
    elapsed = time.perf_counter() - start
    print(f"demo generation: {summary.total:,} records in {elapsed:.1f} s ({summary.total / elapsed:,.0f} records/s)")
    ctx.store.close()


def bench_single_writes_and_search(folder: Path) -> None:
    ctx = unlock(folder, "sho", PASSPHRASE) if (folder / "ahtc.db").exists() else None
    assert ctx is not None
    records = Records(ctx)
    total = sum(records.count(r) for r in ("persons", "children", "victims", "sites"))
    times = []
    for i in range(200):
        start = time.perf_counter()
        records.create(
            "persons", {"name": f"Bench Person {i}", "role": "witness", "cnic": f"34401{i:07d}1", "village": "Helan"}
        )
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"single service write (persons, {total:,} searchable rows in store): p50 {percentile(times, 50):.2f} ms, "
        f"p95 {percentile(times, 95):.2f} ms over 200"
    )

    sample = records.list("persons", ListQuery(limit=300, order_by="id"))
    rng = random.Random(1)
    queries = []
    for person in rng.sample(sample, 50):
        queries += [person["cnic"][6:11], person["name"].split()[0], person["name"], person.get("village") or "Helan"]
    queries += ["mohammad", "muhammed tariq", "عمران", "محمد", "0300-12", "gondal", "kuthiala"] * 10
    search_times = []
    with ctx.store.session() as session:
        for query in queries:
            start = time.perf_counter()
            hits = search.matching(session, query, limit=200)
            search.rank(query, [(r, i, query) for r, i in hits[:50]])
            search_times.append((time.perf_counter() - start) * 1000)
    print(
        f"search (matching + ranking, top 200): p50 {percentile(search_times, 50):.2f} ms, "
        f"p95 {percentile(search_times, 95):.2f} ms over {len(queries)} queries"
    )
    ctx.store.close()


def bench_bulk(folder: Path, rows: int) -> None:
    ctx = init_store(
        folder / "bulk",
        station_code="MBD-PHALIA",
        station_name="Phalia City",
        district="Mandi Bahauddin",
        admin="sho",
        passphrase=PASSPHRASE,
    )
    make = demo._Maker(random.Random(3), __import__("datetime").date(2026, 3, 1))
    people = demo._persons(make, rows)
    start = time.perf_counter()
    for i in range(0, rows, 2000):
        Records(ctx).create_many("persons", people[i : i + 2000])
    service_rate = rows / (time.perf_counter() - start)
    stored = [json_state(p) for p in Records(ctx).list("persons", ListQuery(limit=None))]
    ctx.store.close()

    raw_path = folder / "raw.db"
    conn = sqlcipher3.connect(str(raw_path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(str(CreateTable(Person.__table__).compile(dialect=__import__("sqlalchemy").dialects.sqlite.dialect())))
    columns = list(stored[0])
    sql = f"INSERT INTO persons ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    values = [tuple(row[c] for c in columns) for row in stored]
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(sql, values)
    conn.execute("COMMIT")
    raw_rate = rows / (time.perf_counter() - start)
    conn.close()
    print(
        f"bulk insert of {rows:,} persons: services {service_rate:,.0f} rows/s (validation, change log, audit chain, "
        f"search index), raw sqlcipher3 executemany {raw_rate:,.0f} rows/s; ratio {service_rate / raw_rate:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--store", type=Path, help="reuse a demo store made by an earlier run (user sho)")
    parser.add_argument("--bulk-rows", type=int, default=20_000)
    args = parser.parse_args()
    print(machine())
    bench_unlock()
    work = Path(tempfile.mkdtemp(prefix="ahtc-bench-"))
    try:
        store = args.store
        if store is None:
            store = work / "demo"
            bench_demo(store, args.records)
        bench_single_writes_and_search(store)
        bench_bulk(work, args.bulk_rows)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
