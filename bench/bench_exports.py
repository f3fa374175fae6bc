"""XLSX export of 10,000 children: the writer now in use (xlsxwriter, in memory) against the previous one (pandas'
openpyxl engine, kept in tests/reports/test_xlsx_writer.py as the oracle for content), on the same frame.

    .venv/bin/python bench/bench_exports.py [--rows 10000] [--runs 3]

The frame is the children register of a demo store (`ahtc demo`), its rows repeated up to --rows, pseudonymised
and made readable exactly as `ahtc export children --out F.xlsx` does. Target (issue 14): under 2 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.machine import machine  # noqa: E402
from desktop_app.reports.exports import (  # noqa: E402
    neutralise,
    pseudonym_secret,
    pseudonymise,
    readable,
    register_frame,
    xlsx_bytes,
)
from desktop_app.services import demo  # noqa: E402
from desktop_app.services.clock import FakeClock  # noqa: E402
from desktop_app.services.registry import spec_for  # noqa: E402
from tests.conftest import FAST_KDF  # noqa: E402
from tests.reports.test_xlsx_writer import previous_xlsx_bytes  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as scratch:
        ctx = demo.ensure_demo_store(Path(scratch) / "demo", demo.DEMO_PASSPHRASE, demo.DEMO_USER, kdf=FAST_KDF)
        demo.fill(ctx, records=2000, seed=2026)
        ctx.clock = FakeClock(dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
        spec = spec_for("children")
        base = pseudonymise(register_frame(ctx, "children"), spec, pseudonym_secret(ctx))
        repeat = -(-args.rows // len(base))
        frame = neutralise(readable(pd.concat([base] * repeat, ignore_index=True).head(args.rows)))
        print(f"{len(frame):,} children rows x {len(frame.columns)} columns")
        for label, write in (("xlsxwriter (now)", xlsx_bytes), ("openpyxl (before)", previous_xlsx_bytes)):
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                data = write(frame, sheet=spec.label)
                times.append(time.perf_counter() - start)
            print(f"| {label} | {statistics.median(times):.2f} s (median of {args.runs}) | {len(data):,} bytes |")


if __name__ == "__main__":
    main()
