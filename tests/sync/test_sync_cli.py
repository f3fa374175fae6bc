"""The sync commands end to end through `cli.main`: enrolment, USB bundles, slips, status, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.sync.conflicts import list_conflicts
from tests.conftest import PASSPHRASE
from tests.services.helpers import one_of_each
from tests.sync.conftest import Sync
from tests.sync.helpers import make_conflict, round_trip


def run(capsys: pytest.CaptureFixture[str], folder: Path, user: str, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(folder), "--user", user, *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AHTC_PASSPHRASE", PASSPHRASE)


def test_enrol_export_import_and_status(
    ctx: Context, district: Context, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    station_dir, district_dir = ctx.store.paths.data_dir, district.store.paths.data_dir
    usb = tmp_path / "usb"
    usb.mkdir()

    code, out, _ = run(capsys, station_dir, "sho.phalia", "enrol-request", "--out", usb / "req.json")
    assert code == 0 and "fingerprint" in out
    station_fingerprint = out.split("fingerprint: ")[1].split()[0]
    answer_file = usb / "ans.json"
    code, out, _ = run(
        capsys, district_dir, "dpo.mbd", "district", "enrol", usb / "req.json", "--out", answer_file,
        "--fingerprint", station_fingerprint,  # as the station's SHO reads it out
    )  # fmt: skip
    assert code == 0 and station_fingerprint in out
    district_fingerprint = out.split("District key fingerprint: ")[1].split()[0]
    code, out, _ = run(
        capsys, station_dir, "sho.phalia", "enrol-complete", usb / "ans.json", "--fingerprint", district_fingerprint
    )
    assert code == 0 and district_fingerprint in out and "recovery" in out

    one_of_each(Records(ctx))
    code, out, _ = run(capsys, station_dir, "sho.phalia", "export-bundle", "--out", usb)
    assert code == 0 and "Bundle no. 1" in out and "SHA-256" in out
    bundle = next(usb.glob("*station-changes_000001.ahtc-bundle"))

    code, out, _ = run(capsys, district_dir, "dpo.mbd", "import-bundle", bundle, "--return-out", usb / "returns")
    assert code == 0 and "created" in out and "acknowledged up to seq" in out and "Return bundle" in out
    answer = next((usb / "returns").glob("*district-return_000001.ahtc-bundle"))

    code, out, _ = run(capsys, station_dir, "sho.phalia", "import-bundle", answer)
    assert code == 0 and "acknowledged up to seq" in out
    code, out, _ = run(capsys, station_dir, "sho.phalia", "export-bundle", "--out", usb)
    assert code == 0 and "Nothing to send" in out

    code, out, _ = run(capsys, district_dir, "dpo.mbd", "district", "status")
    assert code == 0 and "MBD-PHALIA" in out and "last bundle no. 1" in out and "gaps: none" in out


def test_a_damaged_bundle_exits_6_with_the_check(
    ctx: Context, district: Context, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = tmp_path / "damaged.ahtc-bundle"
    damaged.write_bytes(b"PK\x03\x04 not really a bundle")

    code, out, err = run(capsys, district.store.paths.data_dir, "dpo.mbd", "import-bundle", damaged)

    assert code == 6 and "REFUSED (zip)" in out and "bundle refused (zip)" in err


def test_an_unenrolled_station_is_told_how_to_enrol(
    ctx: Context, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, ctx.store.paths.data_dir, "sho.phalia", "export-bundle", "--out", tmp_path)
    assert code == 1 and "enrol-request" in err


def test_district_init_and_notice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "new-district"
    code, out, _ = run(
        capsys,
        folder,
        "dpo.grw",
        "district",
        "init",
        "--district-code",
        "grw",
        "--district",
        "Gujranwala",
        "--admin",
        "dpo.grw",
        "--recovery-key-out",
        tmp_path / "recovery-key.json",
    )
    assert code == 0 and "GRW" in out and "fingerprint" in out
    assert (tmp_path / "recovery-key.json").exists() and "Keep it offline" in out
    code, out, _ = run(capsys, folder, "dpo.grw", "district", "notice", "--title", "Alert", "--text", "Check kilns")
    assert code == 0 and "issued" in out
    code, out, _ = run(capsys, folder, "dpo.grw", "district", "status")
    assert code == 0 and "No station is enrolled yet" in out


def test_conflicts_are_listed_compared_brought_back_and_reviewed(
    enrolled: Sync, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person = make_conflict(enrolled, tmp_path / "station.ahtcbak")
    round_trip(enrolled.a, enrolled.district, enrolled.usb, allow_empty=True)
    station_dir, district_dir = enrolled.a.store.paths.data_dir, enrolled.district.store.paths.data_dir
    (conflict,) = list_conflicts(enrolled.a)

    code, out, _ = run(capsys, station_dir, "sho.phalia", "conflicts", "list")
    assert code == 0 and "Tariq Mehmood" in out and "open" in out
    code, out, _ = run(capsys, station_dir, "sho.phalia", "conflicts", "show", conflict.id)
    assert code == 0 and "status: now fir_registered  |  other warned" in out
    code, out, err = run(capsys, station_dir, "sho.phalia", "conflicts", "show", 999)
    assert code == 8 and "no conflict number 999" in err
    code, out, _ = run(capsys, station_dir, "sho.phalia", "conflicts", "restore", conflict.id)
    assert code == 0 and "is the record again" in out
    assert Records(enrolled.a).get("persons", person)["status"] == "warned"

    (at_district,) = list_conflicts(enrolled.district)
    code, out, err = run(capsys, district_dir, "dpo.mbd", "conflicts", "restore", at_district.id)
    assert code == 4 and "only that station can bring the other version back" in err
    code, out, _ = run(capsys, district_dir, "dpo.mbd", "conflicts", "reviewed", at_district.id)
    assert code == 0 and "marked reviewed" in out
    code, out, _ = run(capsys, district_dir, "dpo.mbd", "conflicts", "list")
    assert code == 0 and "No conflicts to review." in out
