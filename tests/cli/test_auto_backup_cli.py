"""`ahtc auto-backup`: status, the SHO's schedule and folder, a run now; a missing drive is exit code 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.services.context import Context
from tests.conftest import PASSPHRASE


@pytest.fixture
def env(ctx: Context, station_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AHTC_DATA_DIR", str(station_dir))
    monkeypatch.setenv("AHTC_USER", "sho.phalia")
    monkeypatch.setenv("AHTC_PASSPHRASE", PASSPHRASE)
    return station_dir


def test_set_run_and_status(env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["auto-backup", "status"]) == 0
    assert "Last good backup: none yet." in capsys.readouterr().out
    assert main(["auto-backup", "set", "--every", "weekly", "--folder", str(usb)]) == 0
    assert f"Schedule: weekly; folders: the data folder's backups/auto and {usb}" in capsys.readouterr().out
    assert main(["auto-backup", "run"]) == 0
    out = capsys.readouterr().out
    assert out.count("Backup written and verified") == 2 and len(list(usb.glob("auto-*.ahtcbak"))) == 1
    assert main(["auto-backup", "run", "--if-due"]) == 0
    assert "No backup is due." in capsys.readouterr().out
    assert main(["auto-backup", "status"]) == 0
    assert "None is due." in capsys.readouterr().out


def test_a_missing_drive_fails_the_run_but_the_data_folder_is_backed_up(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["auto-backup", "set", "--folder", str(usb)]) == 0
    usb.rmdir()
    assert main(["auto-backup", "run"]) == 1
    captured = capsys.readouterr()
    assert "is not there (is the USB drive plugged in?)" in captured.err
    assert len(list((env / "backups" / "auto").glob("auto-*.ahtcbak"))) == 1
    assert main(["auto-backup", "set", "--folder", str(tmp_path / "nowhere")]) == 4
