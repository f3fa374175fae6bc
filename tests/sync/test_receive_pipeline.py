"""One way in for a station bundle at the district: the server, the Stations screen and `ahtc import-bundle`
all go through `importer.receive_station_bundle`, so a check added there holds for all three.

Each test sends the same bundle down the three paths and expects the same refusal from each, with the
district store left as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop_app.cli import main
from desktop_app.errors import BundleRejected
from desktop_app.services.records import Records
from desktop_app.sync import importer
from desktop_app.sync.bundle import OpenedBundle, write_bundle
from desktop_app.sync.peers import load_identity
from desktop_app.sync.server import BUNDLE_PATH, running_server
from desktop_app.views.district_pages import import_station_bundles
from tests.conftest import PASSPHRASE
from tests.services.helpers import one_of_each
from tests.sync.conftest import Sync
from tests.sync.helpers import export_file
from tests.sync.test_import_refusals import state_of


def _refusals(enrolled: Sync, bundle: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> dict[str, str]:
    """The check named by each of the three ways in, for the same file."""
    district = enrolled.district
    checks: dict[str, str] = {}
    with running_server(district) as url:
        response = httpx.post(url + BUNDLE_PATH, content=bundle.read_bytes(), timeout=30)
    assert response.status_code in (403, 422)
    checks["server"] = response.json()["check"]

    outcomes, _ = import_station_bundles(district, [bundle], tmp_path / "screen-returns")
    assert outcomes[0].refused
    checks["screen"] = outcomes[0].text

    code = main(
        ["--data-dir", str(district.store.paths.data_dir), "--user", "dpo.mbd", "import-bundle", str(bundle),
         "--return-out", str(tmp_path / "cli-returns")]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 6
    checks["cli"] = out.split("REFUSED (")[1].split(")")[0]
    return checks


def _untouched(state: dict[str, Any]) -> dict[str, Any]:
    """What a refused bundle must leave as it was (the CLI's own sign-in adds an audit entry of its own)."""
    return {name: value for name, value in state.items() if name != "audit"}


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AHTC_PASSPHRASE", PASSPHRASE)


def test_a_check_added_to_the_pipeline_holds_for_server_screen_and_cli(
    enrolled: Sync, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    one_of_each(Records(enrolled.a))
    bundle = export_file(enrolled.a, enrolled.usb)
    before = state_of(enrolled.district)
    seen: list[str] = []
    real_hold: Callable[..., None] = importer.hold_if_newer

    def a_new_check(ctx: object, opened: OpenedBundle) -> None:  # as a future check would be added
        seen.append(opened.manifest["sender"])
        raise BundleRejected("new-check", "Refused by a check added to the one pipeline. Nothing was imported.")

    monkeypatch.setattr(importer, "hold_if_newer", a_new_check)

    checks = _refusals(enrolled, bundle, capsys, tmp_path)

    assert checks["server"] == "new-check" and checks["cli"] == "new-check"
    assert "(new-check)" in checks["screen"]
    assert seen == ["MBD-PHALIA"] * 3
    assert _untouched(state_of(enrolled.district)) == _untouched(before)
    assert not list(tmp_path.glob("*-returns/*")), "no return bundle for a refused bundle"
    monkeypatch.setattr(importer, "hold_if_newer", real_hold)
    assert importer.receive_station_bundle(enrolled.district, bundle.read_bytes()).result.status == "applied"


def test_a_signed_bundle_of_the_wrong_kind_is_refused_alike_by_all_three(
    enrolled: Sync, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with enrolled.a.store.session() as session:
        station = load_identity(session)
    with enrolled.district.store.session() as session:
        district_key = load_identity(session).public().enc
    bundle = tmp_path / "wrong-kind.ahtc-bundle"
    bundle.write_bytes(
        write_bundle(
            kind="district-return",  # authentic, addressed to the district, but a kind it never takes
            sender_code="MBD-PHALIA",
            recipient_code="MBD",
            bundle_no=1,
            seq_from=1,
            seq_to=0,
            prev_bundle_sha256=None,
            store_id="0b1e6c1e-0000-4000-8000-00000000abcd",
            app_version="0.1.0",
            schema_version="0003",
            created_at="2026-03-01T05:00:00+00:00",
            entries=[],
            extra={},
            sender=station,
            recipient_enc_public=district_key,
        )
    )
    before = state_of(enrolled.district)

    checks = _refusals(enrolled, bundle, capsys, tmp_path)

    assert checks["server"] == "kind" and checks["cli"] == "kind"
    assert "(kind)" in checks["screen"]
    assert _untouched(state_of(enrolled.district)) == _untouched(before)
