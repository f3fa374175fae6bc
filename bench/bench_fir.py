"""Time one FIR-support summary from a demo store: build from the store, render, sign (run by hand, not a test).

    AHTC_DATA_DIR=/tmp/firdemo .venv/bin/ahtc demo --records 1500      # once
    .venv/bin/python bench/bench_fir.py /tmp/firdemo

Target (issue 5): one FIR summary under 200 ms. The case chosen is the demo case with the most linked records
(victims with their agents, inspections, accused), so the figure is for a full summary, not an empty one.
Reported: the first (cold) run, then the median of 20 runs of build + render + sign, of each step alone, and of
the whole `print_fir_summary` (which also writes the file atomically and logs the print). Every run reads the
victims' records with purpose "print", so the bench store's audit chain grows by a few entries per run.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.reports.fir_builder import build_fir_summary, print_fir_summary, station_signer
from desktop_app.reports.fir_pdf import render_fir_summary
from desktop_app.reports.law_sections import load_catalogue
from desktop_app.services.context import Context
from desktop_app.services.demo import DEMO_PASSPHRASE, DEMO_USER
from desktop_app.services.records import ListQuery, Records
from desktop_app.services.setup import unlock


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def richest_case(ctx: Context) -> str:
    records = Records(ctx)
    everything = ListQuery(limit=None)
    weight: Counter[str] = Counter()
    agents = Counter(
        link["record_id"] for link in records.list("person_links", everything) if link["register"] == "victims"
    )
    for link in records.list("case_links", everything):
        weight[link["case_id"]] += 2 + agents[link["record_id"]] if link["register"] == "victims" else 1
    for link in records.list("person_links", everything):
        if link["register"] == "cases":
            weight[link["record_id"]] += 1
    if not weight:
        raise SystemExit("the store has no case with linked records; fill it with `ahtc demo` first")
    return weight.most_common(1)[0][0]


def timed(runs: int, step: Callable[[], Any]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return times


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", nargs="?", default=os.environ.get("AHTC_DATA_DIR", "/tmp/firdemo"))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--case", help="a case id (default: the demo case with the most linked records)")
    args = parser.parse_args()
    ctx = unlock(
        Path(args.data_dir),
        os.environ.get("AHTC_USER", DEMO_USER),
        os.environ.get("AHTC_PASSPHRASE", DEMO_PASSPHRASE),
    )
    case_id = args.case or richest_case(ctx)
    signer = station_signer(ctx)
    catalogue = load_catalogue()

    def build() -> Any:
        return build_fir_summary(ctx, case_id, copy_number=1, catalogue=catalogue)

    def build_render_sign() -> Any:
        return render_fir_summary(build(), signer=signer)

    start = time.perf_counter()
    first = build_render_sign()
    cold = time.perf_counter() - start
    data = build()
    end_to_end = timed(args.runs, build_render_sign)
    build_only = timed(args.runs, build)
    render_only = timed(args.runs, lambda: render_fir_summary(data, signer=signer))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "summary.pdf"
        printing = timed(args.runs, lambda: print_fir_summary(ctx, case_id, out))

    print(f"machine: {os.cpu_count()} CPUs ({cpu_model()}), {platform.system()} {platform.release()}")
    print(f"python {platform.python_version()}, store {args.data_dir}")
    print(
        f"case {case_id}: {len(data.victims)} victims, {len(data.accused)} accused, {len(data.facts)} facts, "
        f"{len(data.inspection_findings)} inspections, {len(data.meetings)} meetings; "
        f"{first.page_count} pages, {len(first.pdf_bytes):,} bytes"
    )
    print(f"first run (fonts loaded, cold caches): {ms(cold)}")
    print(f"median of {args.runs}:")
    print(f"  build + render + sign      {ms(statistics.median(end_to_end))}   (target < 200 ms)")
    print(f"    build from the store     {ms(statistics.median(build_only))}")
    print(f"    render + sign            {ms(statistics.median(render_only))}")
    print(f"  print_fir_summary (+ atomic write, audit entry) {ms(statistics.median(printing))}")
    print(f"  slowest build + render + sign: {ms(max(end_to_end))}")


if __name__ == "__main__":
    main()
