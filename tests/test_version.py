"""One version, pyproject.toml's, everywhere the program states it."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import desktop_app
from desktop_app import version

ROOT = Path(__file__).resolve().parents[1]


def pyproject_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def test_the_version_is_pyprojects() -> None:
    assert version.app_version() == pyproject_version()
    assert desktop_app.__version__ == pyproject_version()  # what bundles and the district server state


def test_ahtc_version_prints_it() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--version"], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"ahtc {pyproject_version()}"


def test_another_projects_pyproject_is_not_taken_for_ours(tmp_path: Path) -> None:
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "something-else"\nversion = "9.9.9"\n', encoding="utf-8")
    assert version._from_pyproject(other) is None
    assert version._from_pyproject(tmp_path / "missing.toml") is None
    ours = tmp_path / "ours.toml"
    ours.write_text('[project]\nname = "ahtc-register"\nversion = "2.3.4"\n', encoding="utf-8")
    assert version._from_pyproject(ours) == "2.3.4"
