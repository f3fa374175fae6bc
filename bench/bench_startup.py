"""How long `ahtc` takes before it does anything: `ahtc --help` and `ahtc COMMAND --help` for every command, each
against `python -c pass` measured alternately in the same run (the interpreter's own start is not ours).

    .venv/bin/python bench/bench_startup.py [--runs 7] [--baseline-ref REF]

`--baseline-ref` also times the CLI of another commit (e.g. the one before lazy imports) from a scratch
worktree, so before and after are measured side by side on the same loaded machine. Prints a Markdown table
for bench/RESULTS.md. Target (issue 14): every line under 0.3 s of its own.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.machine import machine  # noqa: E402
from desktop_app.cli import COMMANDS  # noqa: E402


def timed(argv: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, capture_output=True, check=False, env={**os.environ, "PYTHONPATH": str(cwd)})
    return time.perf_counter() - start


def median_own(words: list[str], runs: int, cwd: Path) -> tuple[float, float]:
    """(median of the command, median of `python -c pass`), alternated run by run."""
    ours, base = [], []
    for _ in range(runs):
        base.append(timed([sys.executable, "-c", "pass"], cwd))
        ours.append(timed([sys.executable, "-m", "desktop_app", *words], cwd))
    return statistics.median(ours), statistics.median(base)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--baseline-ref", help="a git commit to time side by side (its CLI, same interpreter)")
    args = parser.parse_args()
    print(machine())
    cases = [["--help"]] + [[name, "--help"] for name in COMMANDS]
    baseline_dir: Path | None = None
    scratch = tempfile.TemporaryDirectory()
    if args.baseline_ref:
        baseline_dir = Path(scratch.name) / "baseline"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(baseline_dir), args.baseline_ref],
                       check=True, capture_output=True)  # fmt: skip
    try:
        header = "| command | ours − `python -c pass` (median) |"
        header += " baseline − `python -c pass` |" if baseline_dir else ""
        print(header)
        print("|---|---|" + ("---|" if baseline_dir else ""))
        for words in cases:
            ours, base = median_own(words, args.runs, ROOT)
            line = f"| `ahtc {' '.join(words)}` | {ours - base:.3f} s |"
            if baseline_dir is not None:
                then, base_then = median_own(words, args.runs, baseline_dir)
                line += f" {then - base_then:.3f} s |"
            print(line, flush=True)
    finally:
        if baseline_dir is not None:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(baseline_dir)],
                           check=False, capture_output=True)  # fmt: skip
        scratch.cleanup()


if __name__ == "__main__":
    main()
