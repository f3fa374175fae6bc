"""Bimonthly report and register export timings over a large demo store (run by hand, not a test).

    AHTC_DATA_DIR=/tmp/bench100k .venv/bin/ahtc demo --records 100000     # once, takes a few minutes
    .venv/bin/python bench/bench_reports.py /tmp/bench100k

Target (issue 5): the bimonthly report over 100,000 records under 3 s. Each step is timed on its own (load the
registers, compute the indicators, write the workbook, write the PDF) and end to end as `write_bimonthly`,
for a two-month period and for the store's whole history; the best of a few runs is reported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.reports import bimonthly, indicators
from desktop_app.reports.exports import export_register
from desktop_app.reports.frames import Period, load_frames
from desktop_app.services.clock import local_today
from desktop_app.services.demo import DEMO_PASSPHRASE, DEMO_USER
from desktop_app.services.setup import unlock


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def best_of(runs: int, step: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = step()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", nargs="?", default=os.environ.get("AHTC_DATA_DIR", "/tmp/bench100k"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ctx = unlock(
        Path(args.data_dir),
        os.environ.get("AHTC_USER", DEMO_USER),
        os.environ.get("AHTC_PASSPHRASE", DEMO_PASSPHRASE),
    )
    today = local_today(ctx.clock)
    print(f"machine: {os.cpu_count()} CPUs (nproc), {cpu_model()}, {platform.system()} {platform.release()}")
    print(f"python {platform.python_version()}; store {args.data_dir}")
    periods = {
        "two months": Period(today - dt.timedelta(days=59), today),
        "whole history": Period(dt.date(2016, 1, 1), today),
    }
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for name, period in periods.items():
            t_load, frames = best_of(args.runs, lambda p=period: load_frames(ctx, p))
            t_compute, latest = best_of(args.runs, lambda f=frames: indicators.compute(f))
            report = bimonthly.report_from_frames(ctx, frames)
            t_xlsx, xlsx = best_of(args.runs, lambda r=report: bimonthly.workbook_bytes(r))
            t_pdf, pdf = best_of(args.runs, lambda r=report: bimonthly.pdf_bytes(r))
            t_all, _ = best_of(
                args.runs,
                lambda p=period: bimonthly.write_bimonthly(ctx, p, out / "b.xlsx", out / "b.pdf"),
            )
            t_xlsx_only, _ = best_of(args.runs, lambda p=period: bimonthly.write_bimonthly(ctx, p, out / "x.xlsx"))
            print(
                f"\n{name} ({period.label()}): {frames.row_count():,} register rows loaded, "
                f"{latest.inspections_total:,} inspections in the period"
            )
            print(f"  load registers      {t_load * 1000:8.0f} ms")
            print(f"  compute indicators  {t_compute * 1000:8.0f} ms")
            print(f"  workbook bytes      {t_xlsx * 1000:8.0f} ms  ({len(xlsx) / 1024:.0f} KiB)")
            print(f"  PDF bytes           {t_pdf * 1000:8.0f} ms  ({len(pdf) / 1024:.0f} KiB)")
            print(f"  end to end, xlsx        {t_xlsx_only * 1000:8.0f} ms  (load + compute + write + audit)")
            print(f"  end to end, xlsx + pdf  {t_all * 1000:8.0f} ms")
        for register in ("children", "victims"):
            t_csv, res = best_of(1, lambda r=register: export_register(ctx, r, out / f"{r}.csv"))
            t_x, _ = best_of(1, lambda r=register: export_register(ctx, r, out / f"{r}.xlsx"))
            rows, csv_ms, xlsx_ms = res.rows, t_csv * 1000, t_x * 1000
            print(f"\nexport {register} pseudonymised: {rows:,} rows, csv {csv_ms:.0f} ms, xlsx {xlsx_ms:.0f} ms")
    ctx.store.close()


if __name__ == "__main__":
    main()
