"""The command line cannot hurt a real store by accident (field trial D1, D10, D16).

Each test runs `ahtc` as a separate process, the way an SHO's script or a typo at the prompt would, with the
SHO's own AHTC_USER/AHTC_PASSPHRASE in the environment.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PASSPHRASE = "station passphrase 2026"


def ahtc(data_dir: Path, *args: str, passphrase: str = PASSPHRASE, user: str = "sho.phalia", **env: str):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("AHTC_")}
    environment.update(AHTC_DATA_DIR=str(data_dir), AHTC_PASSPHRASE=passphrase, AHTC_USER=user, **env)
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def init(folder: Path, code: str, admin: str = "sho.phalia") -> None:
    made = ahtc(
        folder,
        "init",
        "--station-code",
        code,
        "--station-name",
        code.title(),
        "--district",
        "Mandi Bahauddin",
        "--district-code",
        "MBD",
        "--admin",
        admin,
        user=admin,
    )
    assert made.returncode == 0, made.stderr


@pytest.fixture(scope="module")
def real_station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("real") / "station"
    init(folder, "MBD-PHALIA")
    return folder


@pytest.fixture
def station(real_station: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "station"
    shutil.copytree(real_station, copy)
    return copy


def files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_user_add_without_a_new_passphrase_is_refused(station: Path) -> None:
    added = ahtc(station, "user", "add", "asi.aslam", "--name", "ASI Aslam", "--role", "officer")
    assert added.returncode == 2, added.stdout + added.stderr
    assert "AHTC_NEW_PASSPHRASE" in added.stderr
    # The SHO's own passphrase must not have become the new officer's.
    assert ahtc(station, "verify", user="asi.aslam").returncode == 3


def test_user_passwd_without_a_new_passphrase_is_refused(station: Path) -> None:
    changed = ahtc(station, "user", "passwd")
    assert changed.returncode == 2, changed.stdout + changed.stderr
    assert ahtc(station, "verify").returncode == 0


def test_changing_ones_passphrase_to_the_same_one_is_refused(station: Path) -> None:
    same = ahtc(station, "user", "passwd", AHTC_NEW_PASSPHRASE=PASSPHRASE)
    assert same.returncode == 4, same.stdout + same.stderr
    assert "same" in same.stderr


def test_demo_refuses_a_real_store_and_changes_nothing(station: Path) -> None:
    before = files(station)
    filled = ahtc(station, "demo", "--records", "50")
    assert filled.returncode != 0, filled.stdout
    assert "not a demo" in filled.stderr and "Traceback" not in filled.stderr
    assert files(station) == before


def test_demo_still_fills_its_own_demo_store(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    first = ahtc(folder, "demo", "--records", "40", passphrase="", user="")
    assert first.returncode == 0, first.stderr
    again = ahtc(folder, "demo", "--records", "40", "--seed", "7", passphrase="", user="")
    assert again.returncode == 0, again.stderr


def test_restoring_another_stations_backup_needs_its_code_named(station: Path, tmp_path: Path) -> None:
    other = tmp_path / "conc"
    init(other, "MBD-CONC")
    backup = tmp_path / "usb" / "conc.ahtcbak"
    assert ahtc(other, "backup", "--out", str(backup)).returncode == 0
    before = files(station)

    refused = ahtc(station, "restore", str(backup))
    assert refused.returncode != 0
    assert "MBD-CONC" in refused.stderr and "MBD-PHALIA" in refused.stderr and "--other-station" in refused.stderr
    assert files(station) == before

    wrong_code = ahtc(station, "restore", str(backup), "--other-station", "MBD-ELSE")
    assert wrong_code.returncode != 0 and files(station) == before

    named = ahtc(station, "restore", str(backup), "--other-station", "MBD-CONC")
    assert named.returncode == 0, named.stderr
    assert "MBD-PHALIA" in named.stdout  # says what it replaced
