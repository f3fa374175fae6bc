"""`ahtc report bimonthly` and `ahtc export` end to end through desktop_app.cli.main, on a real store."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.services import accounts
from desktop_app.services.context import Context
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.reports.test_indicators import build_register


@pytest.fixture
def station(ctx: Context, station_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    build_register(ctx)
    monkeypatch.setenv("AHTC_DATA_DIR", str(station_dir))
    monkeypatch.setenv("AHTC_USER", "sho.phalia")
    monkeypatch.setenv("AHTC_PASSPHRASE", PASSPHRASE)
    return station_dir


def test_report_bimonthly_writes_the_workbook_and_the_pdf(
    station: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx, pdf = tmp_path / "bimonthly.xlsx", tmp_path / "bimonthly.pdf"
    code = main(
        ["report", "bimonthly", "--from", "01/01/2026", "--to", "28/02/2026", "--out", str(xlsx), "--pdf", str(pdf)]
    )
    assert code == 0
    assert "Inspections" in openpyxl.load_workbook(xlsx).sheetnames
    assert len(PdfReader(pdf).pages) >= 3
    out = capsys.readouterr().out
    assert "6 inspections" in out and f"Wrote {xlsx}" in out and f"Wrote {pdf}" in out


def test_report_bimonthly_with_a_baseline_and_iso_dates(station: Path, tmp_path: Path) -> None:
    xlsx = tmp_path / "b.xlsx"
    code = main(
        [
            "report",
            "bimonthly",
            "--from",
            "2026-01-01",
            "--to",
            "2026-02-28",
            "--out",
            str(xlsx),
            "--baseline-from",
            "01/11/2025",
            "--baseline-to",
            "31/12/2025",
            "--station",
            "MBD-PHALIA",
        ]
    )
    assert code == 0
    assert "Baseline vs latest" in openpyxl.load_workbook(xlsx).sheetnames


@pytest.mark.parametrize(
    "dates",
    [["--from", "31/02/2026", "--to", "28/02/2026"], ["--from", "01/03/2026", "--to", "28/02/2026"]],
)
def test_report_bimonthly_refuses_bad_dates_with_usage_code(
    station: Path, tmp_path: Path, dates: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "bimonthly", *dates, "--out", str(tmp_path / "b.xlsx")]) == 2
    assert capsys.readouterr().err.startswith("ahtc report:")
    assert not (tmp_path / "b.xlsx").exists()


def test_export_is_pseudonymised_by_default(station: Path, tmp_path: Path) -> None:
    out = tmp_path / "children.csv"
    assert main(["export", "children", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "Child c1" not in text and "CHILD-" in text


def test_export_full_by_the_sho(station: Path, tmp_path: Path) -> None:
    out = tmp_path / "victims.xlsx"
    assert main(["export", "victims", "--out", str(out), "--full"]) == 0
    names = [r[2] for r in openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True)]
    assert "Victim One" in names


def test_a_viewer_cannot_export_from_the_command_line(
    ctx: Context, station: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    accounts.add_user(ctx, "viewer1", "Viewer One", "viewer", "viewer passphrase 1", kdf=FAST_KDF)
    monkeypatch.setenv("AHTC_USER", "viewer1")
    monkeypatch.setenv("AHTC_PASSPHRASE", "viewer passphrase 1")
    out = tmp_path / "children.csv"
    assert main(["export", "children", "--out", str(out)]) == 5
    assert "cannot export data" in capsys.readouterr().err
    assert not out.exists()


def test_export_into_a_missing_folder_is_a_file_problem(station: Path, tmp_path: Path) -> None:
    assert main(["export", "children", "--out", str(tmp_path / "no" / "such" / "c.csv")]) == 10
