"""Runs the frozen build the way a station would: the `ahtc` executable and the GUI, nothing from the source tree.

    python installer/smoke_test.py installer/dist/ahtc-register [--work DIR] [--gui-seconds 10]

Run with the build venv's Python after the build (`python installer/build.py` runs it).
The only step that uses the source package is making an old-schema store for the upgrade check; every command
under test is the frozen executable. Prints each command and the end of its output; exits non-zero on the first
failure. Not part of the test suite: it needs a PyInstaller build, which the suite never makes.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_files

EXE = ".exe" if os.name == "nt" else ""
PASSPHRASE = "smoke test passphrase 2026"


class SmokeFailed(RuntimeError):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailed(message)
    print(f"   ok: {message}")


def run(cli: Path, *args: str, env: dict[str, str], expect: int = 0) -> str:
    print(f"$ {cli.name} {' '.join(args)}", flush=True)
    done = subprocess.run(
        [str(cli), *args], env=env, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=600
    )
    output = (done.stdout + done.stderr).strip()
    for line in output.splitlines()[:12]:
        print(f"   | {line}")
    if done.returncode != expect:
        raise SmokeFailed(f"{cli.name} {' '.join(args)} exited {done.returncode}, expected {expect}")
    return done.stdout


def bundle_contents(dist: Path) -> None:
    internal = dist / "_internal"
    check(internal.is_dir(), f"{internal} exists (PyInstaller 6 one-folder layout)")
    for source, dest in bundle_files.resource_datas():
        check((internal / dest / Path(source).name).is_file(), f"bundled {dest}/{Path(source).name}")
    for path in bundle_files.package_data_files():
        rel = path.relative_to(bundle_files.ROOT)
        check((internal / rel).is_file(), f"bundled {rel.as_posix()}")
    check(not list(internal.rglob("*.ts")), "no translation source (.ts) in the bundle")
    sqlcipher = [p.name for p in (internal / "sqlcipher3").glob("_sqlite3*") if p.suffix in (".pyd", ".so")]
    check(bool(sqlcipher), f"sqlcipher3 C extension bundled: {sqlcipher}")
    platforms = internal / "PySide6" / "Qt" / "plugins" / "platforms"
    if not platforms.is_dir():
        platforms = internal / "PySide6" / "plugins" / "platforms"  # the Windows wheels' layout
    plugins = sorted(p.name for p in platforms.glob("*")) if platforms.is_dir() else []
    check(any("offscreen" in p for p in plugins), f"Qt platform plugins bundled: {plugins}")


def station_commands(cli: Path, work: Path, base_env: dict[str, str]) -> None:
    env = {**base_env, "AHTC_DATA_DIR": str(work / "station"), "AHTC_USER": "sho.smoke", "AHTC_PASSPHRASE": PASSPHRASE}
    out = run(cli, "--version", env=env)
    check(out.strip().startswith("ahtc "), f"--version says {out.strip()!r}")
    run(cli, "--help", env=env)
    run(cli, "verify", env=env, expect=7)  # no store yet: exit code 7, as README says
    run(
        cli,
        "init",
        "--station-code",
        "MBD-SMOKE",
        "--station-name",
        "Smoke Test",
        "--district",
        "Mandi Bahauddin",
        "--district-code",
        "MBD",
        "--admin",
        "sho.smoke",
        env=env,
    )
    out = run(cli, "verify", env=env)
    check(out.startswith("OK"), "a new store verifies")
    run(cli, "verify", env={**env, "AHTC_PASSPHRASE": "not the passphrase"}, expect=3)
    run(cli, "backup", "--out", str(work / "station.ahtcbak"), env=env)
    check((work / "station.ahtcbak").is_file(), "backup written")


def upgrade_on_open(cli: Path, work: Path, base_env: dict[str, str]) -> None:
    """Take the store back one schema revision (with the source package), then let the frozen app open it."""
    from sqlalchemy import text

    from desktop_app.store import migrations_runner
    from desktop_app.store.store import Store

    folder = work / "station"
    store = Store.open(folder, "sho.smoke", PASSPHRASE)
    head = migrations_runner.head_revision()
    from alembic import command
    from alembic.script import ScriptDirectory

    previous = ScriptDirectory.from_config(migrations_runner.alembic_config()).get_revision(head).down_revision
    assert isinstance(previous, str), previous
    with store.engine.begin() as conn:
        command.downgrade(migrations_runner.alembic_config(conn), previous)
        check(
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == previous,
            f"store taken back to revision {previous} (head is {head})",
        )
    store.close()
    env = {**base_env, "AHTC_DATA_DIR": str(folder), "AHTC_USER": "sho.smoke", "AHTC_PASSPHRASE": PASSPHRASE}
    out = run(cli, "verify", env=env)
    check(out.startswith("OK"), "the frozen app opened and verified the old store")
    backups = sorted((folder / "backups").glob(f"before-migration-{previous}-*.ahtcbak"))
    check(len(backups) == 1, f"backed up before migrating: {[b.name for b in backups]}")
    store = Store.open(folder, "sho.smoke", PASSPHRASE)
    check(migrations_runner.current_revision(store.engine) == head, f"store migrated to {head}")
    store.close()


def demo_commands(cli: Path, work: Path, base_env: dict[str, str]) -> None:
    env = {
        **base_env,
        "AHTC_DATA_DIR": str(work / "demo"),
        "AHTC_USER": "sho.demo",
        "AHTC_PASSPHRASE": "demo passphrase 2026",
    }
    run(cli, "demo", "--records", "120", env=env)
    cases = [line.split("\t") for line in run(cli, "case", "list", env=env).splitlines() if "\t" in line]
    check(bool(cases), f"{len(cases)} demo case(s) listed")
    case_id = cases[0][0]
    out = run(cli, "case", "sections", case_id, env=env)
    check("catalogue" in out.lower() or "PPC" in out or "section" in out.lower(), "law-section catalogue loaded")
    pdf = work / "fir-summary.pdf"
    run(cli, "fir-summary", case_id, "--out", str(pdf), env=env)
    check(pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), f"FIR summary written: {pdf}")
    fonts = pdf_fonts(pdf)
    check(any("Noto" in f or "Ahtc" in f for f in fonts), f"report fonts embedded: {sorted(fonts)}")
    run(cli, "verify-summary", str(pdf), env=env)
    today = dt.date.today()
    run(
        cli,
        "report",
        "bimonthly",
        "--from",
        "01/01/2020",
        "--to",
        today.strftime("%d/%m/%Y"),
        "--out",
        str(work / "bimonthly.xlsx"),
        "--pdf",
        str(work / "bimonthly.pdf"),
        env=env,
    )
    check((work / "bimonthly.xlsx").is_file() and (work / "bimonthly.pdf").is_file(), "bimonthly report written")
    run(cli, "export", "children", "--out", str(work / "children.csv"), env=env)
    check((work / "children.csv").is_file(), "children export written")


def pdf_fonts(pdf: Path) -> set[str]:
    from pypdf import PdfReader

    names: set[str] = set()
    for page in PdfReader(str(pdf)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object().get("/BaseFont", "")))
    return names


def gui_stays_up(gui: Path, work: Path, base_env: dict[str, str], seconds: float, language: str) -> None:
    """Start the GUI on an existing store (it waits at the unlock dialog) and check it is still running."""
    env = {
        **base_env,
        "AHTC_DATA_DIR": str(work / "demo"),
        "QT_QPA_PLATFORM": base_env.get("QT_QPA_PLATFORM", "offscreen"),
    }
    if os.name != "nt":  # QSettings' file on Linux; the preference says which language the unlock dialog uses
        config = work / f"config-{language}"
        (config / "Punjab Police").mkdir(parents=True, exist_ok=True)
        (config / "Punjab Police" / "AHTC Register.conf").write_text(f"[General]\nlanguage={language}\n", "utf-8")
        env["XDG_CONFIG_HOME"] = str(config)
    log = work / f"gui-{language}.log"
    print(f"$ QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']} {gui.name}  (language {language}, {seconds:g} s)", flush=True)
    with _windows_language(language), log.open("w") as out:
        process = subprocess.Popen([str(gui)], env=env, stdout=out, stderr=subprocess.STDOUT)
        time.sleep(seconds)
        code = process.poll()
        if code is None:
            process.terminate()
            process.wait(timeout=30)
    text = log.read_text(errors="replace").strip()
    for line in text.splitlines()[:12]:
        print(f"   | {line}")
    check(code is None, f"GUI still running after {seconds:g} s (exit code {code} otherwise)")


@contextlib.contextmanager
def _windows_language(language: str) -> Iterator[None]:
    """On Windows the preference is in the registry (HKCU): set it for the run, then put back what was there."""
    if sys.platform != "win32":
        yield
        return
    import winreg

    path = r"Software\Punjab Police\AHTC Register"
    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, path) as key:
        try:
            before: str | None = winreg.QueryValueEx(key, "language")[0]
        except FileNotFoundError:
            before = None
        winreg.SetValueEx(key, "language", 0, winreg.REG_SZ, language)
        try:
            yield
        finally:
            if before is None:
                winreg.DeleteValue(key, "language")
            else:
                winreg.SetValueEx(key, "language", 0, winreg.REG_SZ, before)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path, help="the one-folder build, e.g. installer/dist/ahtc-register")
    parser.add_argument("--work", type=Path, help="folder for the test stores (default: a new temporary one)")
    parser.add_argument("--gui-seconds", type=float, default=10)
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    cli, gui = dist / f"ahtc{EXE}", dist / f"ahtc-register{EXE}"
    work = (args.work or Path(tempfile.mkdtemp(prefix="ahtc-smoke-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    print(f"build {dist}\nwork  {work}")
    # Nothing from a developer's shell may leak in: no data dir, user or passphrase but the ones given here.
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("AHTC_")}
    try:
        check(cli.is_file() and gui.is_file(), f"both executables exist: {cli.name}, {gui.name}")
        bundle_contents(dist)
        station_commands(cli, work, base_env)
        upgrade_on_open(cli, work, base_env)
        demo_commands(cli, work, base_env)
        for language in ("en", "ur"):
            gui_stays_up(gui, work, base_env, args.gui_seconds, language)
    except SmokeFailed as exc:
        print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
