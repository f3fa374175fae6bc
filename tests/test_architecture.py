"""The layering of DESIGN.md §3 is a rule, checked by import-linter on every test run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    result = subprocess.run(
        [command, str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_core_packages_type_check_strictly() -> None:
    """STYLE habit 14: mypy --strict on everything below the views that the core depends on."""
    packages = ["desktop_app/models", "desktop_app/store", "desktop_app/services", "desktop_app/sync"]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", *packages], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
