"""The district's key list: a prosecutor's office checks a station's summary with no station account."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.reports.fir_builder import print_fir_summary
from desktop_app.services.records import Records
from desktop_app.sync.district import revoke_station
from desktop_app.sync.key_list import KeyListInvalid, read_key_list, write_key_list
from tests.services import helpers
from tests.sync.conftest import Sync


def printed_summary(enrolled: Sync, folder: Path) -> Path:
    case = helpers.case(Records(enrolled.a), title="Agent sent youth by sea to Libya", sections=["PSMA-2018-s3"])
    out = folder / "summary.pdf"
    print_fir_summary(enrolled.a, case, out, audience="prosecutor")
    return out


@pytest.fixture
def no_account(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A prosecutor's PC: no data folder, no user, no passphrase."""
    empty = tmp_path / "prosecutor"
    empty.mkdir()
    monkeypatch.setenv("AHTC_DATA_DIR", str(empty))
    monkeypatch.delenv("AHTC_USER", raising=False)
    monkeypatch.delenv("AHTC_PASSPHRASE", raising=False)


def test_a_summary_verifies_with_the_district_key_list_and_no_account(
    enrolled: Sync, tmp_path: Path, no_account: None, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = printed_summary(enrolled, tmp_path)
    keys = write_key_list(enrolled.district, tmp_path / "district-keys.json")
    station = enrolled.a.station.station_code
    assert station in {s.station_code for s in keys.stations}
    assert main(["verify-summary", str(pdf), "--keys", str(tmp_path / "district-keys.json")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK ") and f"signed by {station} (current key)" in out
    assert keys.fingerprint in out  # read out once by phone against the district's


def test_a_key_list_changed_after_signing_is_refused(enrolled: Sync, tmp_path: Path) -> None:
    path = tmp_path / "district-keys.json"
    write_key_list(enrolled.district, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["stations"][0]["sign_public"] = data["stations"][1]["sign_public"]  # swap in another station's key
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(KeyListInvalid, match="changed after the district signed it"):
        read_key_list(path)


def test_a_revoked_stations_summary_is_refused(
    enrolled: Sync, tmp_path: Path, no_account: None, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = printed_summary(enrolled, tmp_path)
    revoke_station(enrolled.district, enrolled.a.station.station_code, "computer stolen")
    write_key_list(enrolled.district, tmp_path / "keys.json")
    assert main(["verify-summary", str(pdf), "--keys", str(tmp_path / "keys.json")]) != 0
    err = capsys.readouterr().err
    assert "revoked" in err and "can no longer be trusted" in err
