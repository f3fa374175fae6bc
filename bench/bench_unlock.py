"""Benchmark of what each sign-in checks (issue 10 item 3), run by hand — never part of the test suite.

    .venv/bin/python bench/bench_unlock.py [--entries 300000] [--users 12]

A store with `--entries` audit entries (appended in bulk, as years of use leave them) and `--users` accounts with
their signed grants. Reports, with the machine:
- the sign-in checks alone (roles against grants, the audit chain from the last point found intact), at the first
  sign-in after the entries were written (it reads all of them) and at the next (it reads only what is new);
- the whole chain as `ahtc verify` reads it, for comparison;
- a whole sign-in, with a cheap Argon2id cost so the passphrase derivation does not hide the checks.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from machine import machine  # bench/machine.py (run as python bench/<name>.py)

from desktop_app.services import accounts, audit, unlock_checks
from desktop_app.services.setup import init_store, unlock
from desktop_app.store.keyslots import KdfParams

PASSPHRASE = "benchmark quiet lantern river"
CHEAP = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)


def checks(folder: Path) -> tuple[float, float]:
    """(roles, chain) seconds of the sign-in checks, run as sign-in runs them, on a store opened without them."""
    ctx = unlock(folder, "sho.bench", PASSPHRASE)
    try:
        with ctx.store.transaction() as session:
            start = time.perf_counter()
            unlock_checks.check_roles(session, ctx)
            roles = time.perf_counter() - start
            start = time.perf_counter()
            unlock_checks.check_chain(session, ctx)
            chain = time.perf_counter() - start
            session.rollback()  # leave the checked point where the real sign-in put it
    finally:
        ctx.store.close()
    return roles, chain


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=300_000)
    parser.add_argument("--users", type=int, default=12)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "station"
        ctx = init_store(
            folder,
            station_code="MBD-PHALIA",
            station_name="Phalia City",
            district="Mandi Bahauddin",
            district_code="MBD",
            admin="sho.bench",
            passphrase=PASSPHRASE,
            kdf=CHEAP,
        )
        for number in range(args.users - 1):
            accounts.add_user(ctx, f"asi.bench{number}", "ASI Bench", "officer", PASSPHRASE + f" {number}", CHEAP)
        start = time.perf_counter()
        head = None
        with ctx.store.transaction() as session:
            for number in range(args.entries):
                head = audit.append_many(session, ctx, [("read:open", "children", None, f"bench {number}")], head)
        print(f"{args.entries:,} audit entries written in {time.perf_counter() - start:.0f} s")
        with ctx.store.session() as session:
            start = time.perf_counter()
            report = audit.verify_chain(session)
            took = time.perf_counter() - start
            print(f"whole chain as 'ahtc verify' reads it: {report.entries:,} entries in {took:.2f} s")
        ctx.store.close()
        start = time.perf_counter()
        first = unlock(folder, "sho.bench", PASSPHRASE)  # no point checked yet: reads the whole chain
        print(f"first sign-in after the entries (whole chain, cheap Argon2id): {time.perf_counter() - start:.2f} s")
        first.store.close()
        start = time.perf_counter()
        second = unlock(folder, "sho.bench", PASSPHRASE)
        print(f"next sign-in (entries since the last one only, cheap Argon2id): {time.perf_counter() - start:.2f} s")
        second.store.close()
        roles, chain = checks(folder)
        print(f"sign-in checks alone: roles of {args.users} users {roles * 1000:.1f} ms, chain {chain * 1000:.1f} ms")


if __name__ == "__main__":
    main()
