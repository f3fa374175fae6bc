"""Benchmark of keys and revocation (issue 10), run by hand — never part of the test suite.

    .venv/bin/python bench/bench_keys.py [--records 100000] [--store DIR] [--rounds 3]

Reports, with the machine:
- the Argon2id cost `init` calibrates on this PC, and one unlock at it;
- the re-key a disable or a passphrase change runs (sqlcipher_export of the whole store under a new key, the
  change applied to the copy, commit marker and renames), on a store of `--records` demo records;
- SQLCipher's `cipher_memory_security` in isolation: the same work on the same store with only that pragma
  changed, alternating OFF and ON, median of `--rounds`: service writes one by one, a bulk insert as a bundle
  import does, and a full read of a large register.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from machine import machine  # bench/machine.py (run as python bench/<name>.py)

from desktop_app.services import accounts, demo
from desktop_app.services.records import ListQuery, Records
from desktop_app.services.setup import init_store, unlock
from desktop_app.store import store as store_module
from desktop_app.store.keyslots import calibrate_kdf

PASSPHRASE = "benchmark quiet lantern river"
OFFICER = "officer kettle monsoon copper"


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def bench_calibration() -> None:
    seconds = timed(lambda: calibrate_kdf())
    params = calibrate_kdf()
    print(
        f"calibrated Argon2id: t={params.time_cost}, m={params.memory_kib // 1024} MiB, p={params.parallelism} "
        f"(calibration took {seconds:.1f} s)"
    )


def make_store(folder: Path, records: int) -> None:
    ctx = init_store(
        folder,
        station_code="MBD-PHALIA",
        station_name="Phalia City",
        district="Mandi Bahauddin",
        district_code="MBD",
        admin="sho.bench",
        passphrase=PASSPHRASE,
    )
    start = time.perf_counter()
    summary = demo.fill(ctx, records=records)
    print(f"demo store: {summary.total:,} records in {time.perf_counter() - start:.0f} s")
    ctx.store.close()


def bench_rekey(folder: Path) -> None:
    started = time.perf_counter()
    ctx = unlock(folder, "sho.bench", PASSPHRASE)
    print(f"unlock at the calibrated cost (incl. opening the store): {time.perf_counter() - started:.2f} s")
    size = (folder / "ahtc.db").stat().st_size
    accounts.add_user(ctx, "asi.bench", "ASI Bench", "officer", OFFICER)
    disable = timed(lambda: accounts.disable_user(ctx, "asi.bench"))
    change = timed(lambda: accounts.change_own_passphrase(ctx, PASSPHRASE, PASSPHRASE + " two"))
    back = timed(lambda: accounts.change_own_passphrase(ctx, PASSPHRASE + " two", PASSPHRASE))
    print(f"re-key on disable, store of {size / 2**20:,.0f} MiB: {disable:.1f} s")
    print(f"re-key on passphrase change (incl. 2 Argon2id runs): {change:.1f} s, {back:.1f} s")
    ctx.store.close()


def memory_security_round(folder: Path, on: bool, rows: int) -> dict[str, float]:
    store_module._memory_security = lambda _slots: on  # type: ignore[assignment]  # the one thing that differs
    ctx = unlock(folder, "sho.bench", PASSPHRASE)
    records = Records(ctx)
    with ctx.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cipher_memory_security").scalar() in ((1, "1") if on else (0, "0"))
    one = timed(lambda: [records.create("persons", {"name": f"Bench {i}", "role": "witness"}) for i in range(200)])
    bulk = timed(
        lambda: records.create_many("persons", [{"name": f"Bulk {i}", "role": "witness"} for i in range(rows)])
    )
    read = timed(lambda: records.list("persons", ListQuery(limit=None)))
    ctx.store.close()
    return {"200 single writes": one, f"bulk insert of {rows:,}": bulk, "read every person": read}


def bench_memory_security(folder: Path, rounds: int, rows: int) -> None:
    # Each round in a fresh process: SQLCipher's memory security is process-wide and, once on, stays on.
    results: dict[bool, list[dict[str, float]]] = {False: [], True: []}
    for _ in range(rounds):
        for on in (False, True):
            scratch = folder.parent / f"memsec-{on}"
            shutil.copytree(folder, scratch)
            try:
                out = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--memsec-round",
                        "on" if on else "off",
                        "--store",
                        str(scratch),
                        "--bulk-rows",
                        str(rows),
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                results[on].append(json.loads(out.splitlines()[-1]))
            finally:
                shutil.rmtree(scratch)
    print(f"cipher_memory_security, median of {rounds} (OFF / ON / ON÷OFF):")
    for measure in results[False][0]:
        off = statistics.median(r[measure] for r in results[False])
        on = statistics.median(r[measure] for r in results[True])
        print(f"  {measure}: {off:.2f} s / {on:.2f} s / {on / off:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--store", type=Path, help="reuse this demo store (made by an earlier run)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bulk-rows", type=int, default=20_000)
    parser.add_argument("--only-memory-security", action="store_true", help="skip calibration and the re-key")
    parser.add_argument("--memsec-round", choices=["on", "off"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memsec_round:
        print(json.dumps(memory_security_round(args.store, args.memsec_round == "on", args.bulk_rows)))
        return
    print(machine())
    with tempfile.TemporaryDirectory(prefix="ahtc-bench-keys-") as tmp:
        folder = args.store or Path(tmp) / "store"
        if not (folder / "ahtc.db").exists():
            make_store(folder, args.records)
        if not args.only_memory_security:
            bench_calibration()
            bench_rekey(folder)
        bench_memory_security(folder, args.rounds, args.bulk_rows)


if __name__ == "__main__":
    main()
