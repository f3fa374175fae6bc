"""`ahtc sync` over real HTTP on loopback, and the README's first commands working in the order given."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.services.records import Records
from desktop_app.sync.server import running_server
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.sync.conftest import Sync
from tests.sync.helpers import register_rows


@pytest.fixture
def as_station_a(enrolled: Sync, monkeypatch: pytest.MonkeyPatch) -> Sync:
    monkeypatch.setenv("AHTC_DATA_DIR", str(enrolled.a.store.paths.data_dir))
    monkeypatch.setenv("AHTC_USER", "sho.phalia")
    monkeypatch.setenv("AHTC_PASSPHRASE", PASSPHRASE)
    return enrolled


def test_ahtc_sync_sends_the_changes_and_applies_the_answer(
    as_station_a: Sync, capsys: pytest.CaptureFixture[str]
) -> None:
    person = Records(as_station_a.a).create("persons", {"name": "Tariq Mehmood", "role": "agent"}).first_id
    with running_server(as_station_a.district) as url:
        assert main(["sync", "--url", url]) == 0
    out = capsys.readouterr().out
    assert "Bundle no. 1 (station-changes)" in out
    assert "The district's answer, applied here:" in out
    assert person in {row["id"] for row in register_rows(as_station_a.district)["persons"]}


def test_ahtc_sync_without_an_address_or_a_server_says_so(
    as_station_a: Sync, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sync"]) == 2
    assert "no district server address" in capsys.readouterr().err
    assert main(["sync", "--url", "http://127.0.0.1:9"]) == 12
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "could not be reached" in err


def test_init_then_enrol_request_work_in_the_readmes_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's `init` line without --district-code: the code comes from the station code (MBD-PHALIA)."""
    monkeypatch.setenv("AHTC_DATA_DIR", str(tmp_path / "station"))
    monkeypatch.setenv("AHTC_USER", "sho.phalia")
    monkeypatch.setenv("AHTC_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("desktop_app.services.setup.calibrate_kdf", lambda *a, **k: FAST_KDF)
    init = ["init", "--station-code", "MBD-PHALIA", "--station-name", "Phalia City", "--district", "Mandi Bahauddin"]
    assert main([*init, "--admin", "sho.phalia"]) == 0
    assert "district MBD" in capsys.readouterr().out
    assert main(["enrol-request", "--out", str(tmp_path / "phalia.enrol")]) == 0
    assert (tmp_path / "phalia.enrol").stat().st_size > 0


def test_init_with_a_station_code_that_names_no_district_asks_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AHTC_DATA_DIR", str(tmp_path / "station"))
    monkeypatch.setenv("AHTC_PASSPHRASE", PASSPHRASE)
    code = main(["init", "--station-code", "PHALIA", "--station-name", "P", "--district", "M", "--admin", "sho.p"])
    assert code == 2 and "--district-code" in capsys.readouterr().err
    assert not (tmp_path / "station").exists()


def test_a_bundle_imported_again_says_only_that_nothing_changed(
    enrolled: Sync, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.services.helpers import one_of_each
    from tests.sync.helpers import export_file

    one_of_each(Records(enrolled.a))
    bundle = export_file(enrolled.a, enrolled.usb)
    district_dir = enrolled.district.store.paths.data_dir
    argv = ["--data-dir", str(district_dir), "--user", "dpo.mbd", "import-bundle", str(bundle)]
    monkeypatch.setenv("AHTC_PASSPHRASE", PASSPHRASE)
    assert main([*argv, "--return-out", str(tmp_path / "r1")]) == 0
    first = capsys.readouterr().out
    assert "created" in first
    assert main([*argv, "--return-out", str(tmp_path / "r2")]) == 0
    again = capsys.readouterr().out
    assert "already imported: nothing changed" in again
    assert " created" not in again.replace("  created:", "") and "result:" not in again  # no counts again
