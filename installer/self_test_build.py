"""Runs a built one-folder app's own self-tests, the way a station's copy would run them.

    python installer/self_test_build.py installer/dist/ahtc-register [--keep DIR]

1. the bundle holds what installer/bundle_files.py lists (smoke_test.bundle_contents);
2. `ahtc --version` says pyproject.toml's version;
3. `ahtc --self-test DIR` (the command line) and `ahtc-register --self-test DIR` (the desktop app, offscreen:
   also draws the dashboard in Urdu) both exit 0. DIR keeps the summary PDF, the Urdu screen's PNG and the GUI's
   log (the windowed Windows executable has no console: its log file is how its steps are read).
Nothing from the source tree is run except this script; no AHTC_* variable of the caller's shell reaches the app.
Exit code 0 when all passed. `python installer/build.py` runs it after PyInstaller; the GitHub workflow runs it on
the installed copy under Program Files.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import smoke_test  # noqa: E402

EXE = ".exe" if os.name == "nt" else ""


def run(command: list[str], env: dict[str, str]) -> tuple[int, str]:
    print("> " + " ".join(command), flush=True)
    started = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True, text=True, encoding="utf-8", errors="replace")
    output = (done.stdout + done.stderr).strip()
    for line in output.splitlines():
        print(f"  | {line}")
    print(f"  exit {done.returncode} after {time.monotonic() - started:.0f} s", flush=True)
    return done.returncode, done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path, help="the one-folder app, e.g. installer/dist/ahtc-register")
    parser.add_argument("--keep", type=Path, help="keep the PDF, the Urdu screen and the log here")
    parser.add_argument("--skip-contents", action="store_true", help="an installed copy: skip the bundle check")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    keep = (args.keep or Path(tempfile.mkdtemp(prefix="ahtc-build-check-"))).resolve()
    keep.mkdir(parents=True, exist_ok=True)
    cli, gui = dist / f"ahtc{EXE}", dist / f"ahtc-register{EXE}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("AHTC_")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    failures: list[str] = []
    try:
        smoke_test.check(cli.is_file() and gui.is_file(), f"both executables in {dist}")
        if not args.skip_contents:
            smoke_test.bundle_contents(dist)
    except smoke_test.SmokeFailed as exc:
        failures.append(str(exc))
    expected = tomllib.loads((HERE.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    if not failures:
        code, out = run([str(cli), "--version"], env)
        if code != 0 or out.strip() != f"ahtc {expected}":
            failures.append(f"ahtc --version said {out.strip()!r}, expected 'ahtc {expected}'")
        if run([str(cli), "--self-test", str(keep / "cli")], env)[0] != 0:
            failures.append("the command line's self-test failed")
        code, out = run([str(gui), "--self-test", str(keep / "gui")], env)
        log = keep / "gui" / "self-test.log"
        if not out.strip() and log.is_file():  # the windowed Windows executable has no console: its log says
            print(log.read_text(encoding="utf-8"))
        if code != 0:
            failures.append("the desktop app's self-test failed")
    print(f"kept in {keep}")
    if failures:
        for failure in failures:
            print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    print("build self-test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
