"""Builds AHTC Register: the one-folder app under installer/dist/ and, on Windows, the station installer.

    python installer/build.py [--skip-self-test] [--smoke] [--skip-installer] [--iscc PATH]

Run it from any folder with the Python of a venv that has the app and its build tools:
`pip install -e ".[build]"` (PyInstaller, pinned in pyproject.toml). On Windows and on Linux alike it

1. runs PyInstaller with installer/ahtc.spec: installer/dist/ahtc-register/ holds ahtc-register(.exe), the
   desktop app, and ahtc(.exe), the command line, over one shared _internal/ folder;
2. runs the frozen app's own self-tests (installer/self_test_build.py: `ahtc --self-test` and
   `ahtc-register --self-test`), unless --skip-self-test; with --smoke also installer/smoke_test.py (longer:
   a demo store, reports, an upgrade on open, the GUI kept running);
3. on Windows only, unless --skip-installer: signs both executables when a certificate is given (see
   installer/signing.py), and compiles installer/ahtc.iss with Inno Setup's ISCC.exe into
   installer/dist/AHTC-Register-Setup-<version>.exe, then prints its SHA-256.

The version is pyproject.toml's (desktop_app/version.py). Exit code 0 when everything asked for was done.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = HERE / "dist"
WORK = HERE / "build"
WINDOWS = sys.platform == "win32"

sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
import bundle_files  # noqa: E402

from desktop_app.version import app_version  # noqa: E402


class BuildFailed(RuntimeError):
    pass


def run(command: list[str], secrets: tuple[str, ...] = ()) -> None:
    shown = " ".join(command)
    for secret in secrets:  # a certificate's password never reaches the build log
        shown = shown.replace(secret, "***")
    print("> " + shown, flush=True)
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        raise BuildFailed(f"{Path(command[0]).name} failed (the lines above say why)")


def check_tools() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError as exc:
        raise BuildFailed(
            f'PyInstaller is not installed in this Python ({sys.executable}): run `pip install -e ".[build]"` first'
        ) from exc


def pyinstaller() -> Path:
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
            str(HERE / "ahtc.spec"),
        ]
    )
    folder = DIST / bundle_files.DIST_NAME
    exe = ".exe" if WINDOWS else ""
    for name in ("ahtc-register", "ahtc"):
        if not (folder / f"{name}{exe}").is_file():
            raise BuildFailed(f"PyInstaller finished but {folder / (name + exe)} is missing")
    return folder


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def find_iscc(given: str | None) -> Path:
    if given:
        candidates = [Path(given)]
    else:
        on_path = shutil.which("ISCC.exe") or shutil.which("iscc")
        candidates = [Path(on_path)] if on_path else []
        for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
            if base:
                candidates.append(Path(base) / "Inno Setup 6" / "ISCC.exe")
        if os.environ.get("LOCALAPPDATA"):
            candidates.append(Path(os.environ["LOCALAPPDATA"]) / "Programs" / "Inno Setup 6" / "ISCC.exe")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise BuildFailed("ISCC.exe not found: install Inno Setup 6.3 or newer, or give --iscc PATH")


def inno_setup(folder: Path, version: str, iscc: Path) -> Path:
    import signing

    defines = [f"/DAppVersion={version}", f"/DDistDir={folder}", f"/DOutputDir={DIST}"]
    run([str(iscc), *defines, *signing.iscc_arguments(), str(HERE / "ahtc.iss")], signing.secrets())
    setup = DIST / f"AHTC-Register-Setup-{version}.exe"
    if not setup.is_file():
        raise BuildFailed(f"ISCC finished but {setup} is missing")
    return setup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-self-test", action="store_true", help="do not run the frozen app's self-test")
    parser.add_argument("--smoke", action="store_true", help="also run installer/smoke_test.py (several minutes)")
    parser.add_argument("--skip-installer", action="store_true", help="Windows: stop after the one-folder app")
    parser.add_argument("--iscc", help="Windows: path to Inno Setup's ISCC.exe (default: PATH, Program Files)")
    args = parser.parse_args(argv)
    version = app_version()
    print(f"AHTC Register {version}, Python {sys.version.split()[0]} on {sys.platform}", flush=True)
    started = time.monotonic()
    try:
        check_tools()
        folder = pyinstaller()
        print(f"Built {folder} ({folder_size(folder) / 1e6:.0f} MB) in {time.monotonic() - started:.0f} s", flush=True)
        if not args.skip_self_test:
            run([sys.executable, str(HERE / "self_test_build.py"), str(folder), "--keep", str(DIST / "self-test")])
        if args.smoke:
            run([sys.executable, str(HERE / "smoke_test.py"), str(folder)])
        if WINDOWS and not args.skip_installer:
            import signing

            signing.sign_executables(folder)
            setup = inno_setup(folder, version, find_iscc(args.iscc))
            digest = hashlib.sha256(setup.read_bytes()).hexdigest().upper()
            print(f"Installer: {setup} ({setup.stat().st_size / 1e6:.0f} MB)\nSHA-256:   {digest}")
        elif not WINDOWS:
            print("Not Windows: no installer (Inno Setup runs on Windows only); the one-folder app is built.")
    except BuildFailed as exc:
        print(f"BUILD FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
