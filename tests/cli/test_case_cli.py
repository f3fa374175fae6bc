"""`ahtc case list`, `case sections`, `fir-summary` and `verify-summary` end to end through cli.main."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop_app.cli import main
from desktop_app.reports.fir_pdf import render_fir_summary
from desktop_app.reports.summary_seal import ed25519_signer
from desktop_app.services import accounts
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.reports.conftest import sample_summary
from tests.reports.test_fir_builder import BuiltCase, build_case
from tests.services import helpers

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def station(ctx: Context, station_dir: Path, monkeypatch: pytest.MonkeyPatch) -> BuiltCase:
    built = build_case(Records(ctx))
    monkeypatch.setenv("AHTC_DATA_DIR", str(station_dir))
    monkeypatch.setenv("AHTC_USER", "sho.phalia")
    monkeypatch.setenv("AHTC_PASSPHRASE", PASSPHRASE)
    return built


def test_case_list_prints_one_case_a_line_number_first(
    station: BuiltCase, ctx: Context, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx.clock.advance(minutes=5)  # type: ignore[attr-defined]  # the fixture's FakeClock
    other = helpers.case(Records(ctx), title="Children\tat the\nkiln", offence_category="child_labour_kiln")
    assert main(["case", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [line.split("\t") for line in lines]
    assert [r[1] for r in rows] == [station.case_id, other]
    assert [r[0] for r in rows] == ["AHTC/MBD-PHALIA/2026/001", "AHTC/MBD-PHALIA/2026/002"]
    assert rows[0][2:] == ["draft", "migrant_smuggling", "Agent sent youth by sea to Libya"]
    assert rows[1][4] == "Children at the kiln"  # a title never breaks the one-line, tab-separated form


def test_case_list_filters_by_status(station: BuiltCase, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["case", "list", "--status", "with_sho"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["case", "list", "--status", "draft"]) == 0
    assert capsys.readouterr().out.startswith(f"AHTC/MBD-PHALIA/2026/001\t{station.case_id}\t")


def test_case_sections_marks_suggestions_and_confirmed_sections(
    station: BuiltCase, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["case", "sections", station.case_id]) == 0
    out = capsys.readouterr().out
    assert "[confirmed] s. 420 PPC" in out and "[confirmed] s. 363 PPC" in out
    assert any(line.startswith("[suggested] ") for line in out.splitlines())
    assert "for the officer to confirm" in out and "not legal advice" in out


def test_fir_summary_writes_a_pdf_that_verify_summary_accepts(
    station: BuiltCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "case.pdf"
    assert main(["fir-summary", station.case_id, "--out", str(out), "--audience", "prosecutor"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert f"Wrote {out}" in capsys.readouterr().out
    assert main(["verify-summary", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"OK {station.case_id} ")


def test_verify_summary_refuses_a_pdf_with_one_changed_byte_in_its_embedded_content(
    station: BuiltCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "case.pdf"
    assert main(["fir-summary", station.case_id, "--out", str(out)]) == 0
    raw = bytearray(out.read_bytes())
    # The embedded content is stored uncompressed: change one letter of the sealed case title in place.
    at = raw.index(b'"case_title":"Agent') + len(b'"case_title":"')
    raw[at] = ord("B")
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(raw))
    capsys.readouterr()
    assert main(["verify-summary", str(tampered)]) != 0
    err = capsys.readouterr().err
    assert "The sealed content was changed after sealing" in err
    assert err.strip().splitlines()[-1].startswith("ahtc verify-summary: ")
    assert "not a verified summary" in err


def test_verify_summary_says_it_cannot_check_another_stations_signature(
    station: BuiltCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "kamoke.pdf"
    render_fir_summary(sample_summary(), signer=ed25519_signer(Ed25519PrivateKey.generate()), out_path=other)
    assert main(["verify-summary", str(other)]) != 0
    err = capsys.readouterr().err
    assert "station GRW-07" in err and "--keys" in err


def test_fir_summary_of_an_unknown_case_exits_not_found(
    station: BuiltCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["fir-summary", "00000000-0000-4000-8000-000000000000", "--out", str(out)]) == 8
    assert capsys.readouterr().err.startswith("ahtc fir-summary: ")
    assert not out.exists()


def test_fir_summary_refuses_an_out_file_that_is_not_a_pdf(station: BuiltCase, tmp_path: Path) -> None:
    assert main(["fir-summary", station.case_id, "--out", str(tmp_path / "x.txt")]) == 2


def test_a_viewer_cannot_print_a_summary(
    station: BuiltCase,
    ctx: Context,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    accounts.add_user(ctx, "viewer1", "Viewer One", "viewer", "viewer passphrase 1", kdf=FAST_KDF)
    monkeypatch.setenv("AHTC_USER", "viewer1")
    monkeypatch.setenv("AHTC_PASSPHRASE", "viewer passphrase 1")
    out = tmp_path / "v.pdf"
    assert main(["fir-summary", station.case_id, "--out", str(out)]) == 5
    assert "cannot print summaries" in capsys.readouterr().err
    assert not out.exists()


def test_the_console_script_prints_and_verifies_in_a_subprocess(
    station: BuiltCase, station_dir: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "AHTC_DATA_DIR": str(station_dir), "AHTC_USER": "sho.phalia", "AHTC_PASSPHRASE": PASSPHRASE}

    def ahtc(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop_app", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
        )

    listed = ahtc("case", "list")
    assert listed.returncode == 0 and listed.stdout.split("\t")[:2] == ["AHTC/MBD-PHALIA/2026/001", station.case_id]
    out = tmp_path / "sub.pdf"
    assert ahtc("fir-summary", "AHTC/MBD-PHALIA/2026/001", "--out", str(out)).returncode == 0  # by its number
    verified = ahtc("verify-summary", str(out))
    assert verified.returncode == 0, verified.stderr
