"""The `ahtc` command line end to end, as separate processes the way an officer or a script runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import update

from desktop_app.models import AuditEntry
from desktop_app.services.setup import unlock

PASSPHRASE = "station passphrase 2026"


def ahtc(
    data_dir: Path, *args: str, passphrase: str = PASSPHRASE, user: str = "sho.phalia", **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "AHTC_DATA_DIR": str(data_dir),
        "AHTC_PASSPHRASE": passphrase,
        "AHTC_USER": user,
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
        stdin=subprocess.DEVNULL,
        check=False,
    )


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo store filled by `ahtc demo` (which refuses any store it did not create as a demo)."""
    folder = tmp_path_factory.mktemp("cli") / "station"
    result = ahtc(folder, "demo", "--records", "200")
    assert result.returncode == 0, result.stderr
    return folder


def test_init_makes_a_store_the_sho_signs_in_to(tmp_path: Path) -> None:
    folder = tmp_path / "station"
    result = ahtc(
        folder,
        "init",
        "--station-code",
        "MBD-PHALIA",
        "--station-name",
        "Phalia City",
        "--district",
        "Mandi Bahauddin",
        "--admin",
        "sho.phalia",
    )
    assert result.returncode == 0, result.stderr
    assert ahtc(folder, "verify").returncode == 0


def test_init_and_demo_report_what_they_did(station: Path) -> None:
    assert (station / "ahtc.db").exists() and (station / "keyslots.json").exists()
    result = ahtc(station, "verify")
    assert result.returncode == 0 and result.stdout.startswith("OK:"), result.stderr


def test_wrong_passphrase_is_one_clear_line_not_a_traceback(station: Path) -> None:
    result = ahtc(station, "verify", passphrase="this is not it")
    assert result.returncode == 3
    assert result.stderr.strip() == "ahtc verify: wrong user name or passphrase"


def test_missing_store_says_what_to_do(tmp_path: Path) -> None:
    result = ahtc(tmp_path / "nothing-here", "verify")
    assert result.returncode == 7 and "run 'ahtc init' or 'ahtc demo' first" in result.stderr
    assert "Traceback" not in result.stderr


def test_user_add_list_and_new_user_signs_in(station: Path) -> None:
    added = ahtc(
        station,
        "user",
        "add",
        "asi.aslam",
        "--name",
        "ASI Aslam",
        "--role",
        "officer",
        AHTC_NEW_PASSPHRASE="officer passphrase 1",
    )
    assert added.returncode == 0, added.stderr
    listing = ahtc(station, "user", "list")
    assert "asi.aslam\tofficer\tactive" in listing.stdout
    as_officer = ahtc(station, "user", "list", user="asi.aslam", passphrase="officer passphrase 1")
    assert as_officer.returncode == 5 and "cannot manage user accounts" in as_officer.stderr


def test_verify_reports_a_changed_audit_entry(station: Path, tmp_path: Path) -> None:
    copy = tmp_path / "tampered"
    import shutil

    shutil.copytree(station, copy)
    ctx = unlock(copy, "sho.phalia", PASSPHRASE)
    with ctx.store.transaction() as session:
        session.execute(update(AuditEntry).where(AuditEntry.seq == 10).values(detail="rewritten"))
    ctx.store.close()
    result = ahtc(copy, "verify")
    assert result.returncode == 11
    assert "audit chain broken: entry 10 was changed after it was written" in result.stderr


def test_backup_and_restore_from_the_command_line(station: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "station"
    shutil.copytree(station, copy)
    backup = tmp_path / "usb" / "backup.ahtcbak"
    made = ahtc(copy, "backup", "--out", str(backup))
    assert made.returncode == 0 and backup.exists(), made.stderr
    restored = ahtc(copy, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "new store id" in restored.stdout
    assert ahtc(copy, "verify").returncode == 0


def test_urdu_output_survives_a_windows_code_page() -> None:
    script = "from desktop_app.cli import utf8_output; utf8_output(); print('ٹکراؤ محمد')"
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8").strip() == "ٹکراؤ محمد"
