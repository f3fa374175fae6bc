"""Network sync over real HTTP on loopback: the district server in a background thread, httpx on the station."""

from __future__ import annotations

import logging

import httpx
import pytest

from desktop_app.services.records import Records
from desktop_app.sync.client import DistrictRefused, DistrictUnreachable, sync_over_http
from desktop_app.sync.export import build_station_bundle, export_bundle
from desktop_app.sync.keys import Identity
from desktop_app.sync.server import BUNDLE_PATH, ServerLimits, running_server
from tests.services.helpers import one_of_each
from tests.sync.conftest import Sync
from tests.sync.helpers import register_rows, snapshot
from tests.sync.test_import_refusals import _bundle_from


def test_two_stations_sync_over_http(enrolled: Sync) -> None:
    ids_a = one_of_each(Records(enrolled.a))
    ids_b = one_of_each(Records(enrolled.b))

    with running_server(enrolled.district) as url:
        result_a = sync_over_http(enrolled.a, url, timeout_s=30)
        result_b = sync_over_http(enrolled.b, url, timeout_s=30)
        again = sync_over_http(enrolled.a, url, timeout_s=30)  # nothing new: an empty bundle fetches the answer

    held = register_rows(enrolled.district)
    for register, record_id in [*ids_a.items(), *ids_b.items()]:
        assert record_id in {row["id"] for row in held[register]}
    assert result_a.sent.changes > 0 and result_a.received.report["acked_seq"] >= result_a.sent.seq_to
    assert result_b.received.status == "applied"
    assert again.sent.changes == 0
    assert export_bundle(enrolled.a, enrolled.usb) is None  # acknowledged by the HTTP answer
    # B's sites reached A as reference data through the second exchange.
    assert ids_b["sites"] in {row["id"] for row in register_rows(enrolled.a)["sites"]}


def test_http_and_usb_bundles_mix(enrolled: Sync) -> None:
    one_of_each(Records(enrolled.a))
    exported = build_station_bundle(enrolled.a)
    assert exported is not None
    with running_server(enrolled.district) as url:
        response = httpx.post(url + BUNDLE_PATH, content=exported.data, timeout=30)
        repeat = httpx.post(url + BUNDLE_PATH, content=exported.data, timeout=30)

    assert response.status_code == 200 and response.headers["X-AHTC-Import"] == "applied"
    assert repeat.status_code == 200 and repeat.headers["X-AHTC-Import"] == "duplicate"


def test_the_server_refuses_an_unknown_station_and_applies_nothing(enrolled: Sync) -> None:
    from desktop_app.sync.peers import load_identity

    with enrolled.district.store.session() as session:
        district_key = load_identity(session).public().enc
    data = _bundle_from(Identity.generate(), "MBD-UNKNOWN", recipient="MBD", recipient_key=district_key)
    before = snapshot(enrolled.district)

    with running_server(enrolled.district) as url:
        response = httpx.post(url + BUNDLE_PATH, content=data, timeout=30)

    # One answer for an unknown code and a bad signature alike: the network must not learn who is enrolled.
    assert response.status_code == 403 and response.json()["check"] == "signature"
    assert snapshot(enrolled.district) == before


def test_the_server_bounds_the_body_size(enrolled: Sync) -> None:
    with running_server(enrolled.district, limits=ServerLimits(max_body_bytes=1000)) as url:
        response = httpx.post(url + BUNDLE_PATH, content=b"x" * 5000, timeout=30)

        def chunks() -> object:
            for _ in range(10):
                yield b"y" * 500

        streamed = httpx.post(url + BUNDLE_PATH, content=chunks(), timeout=30)  # type: ignore[arg-type]

    assert response.status_code == 413 and response.json()["check"] == "size"
    assert streamed.status_code == 413


def test_the_server_limits_bundles_per_station(enrolled: Sync) -> None:
    limits = ServerLimits(bundles_per_station_per_minute=2)
    with running_server(enrolled.district, limits=limits) as url:
        sync_over_http(enrolled.a, url)
        sync_over_http(enrolled.a, url)
        with pytest.raises(DistrictRefused) as refused:
            sync_over_http(enrolled.a, url)
        sync_over_http(enrolled.b, url)  # another station is not held up

    assert refused.value.check == "rate"


def test_the_server_logs_no_personal_data(enrolled: Sync, caplog: pytest.LogCaptureFixture) -> None:
    Records(enrolled.a).create("persons", {"name": "Zulfiqar Secretname", "role": "agent", "cnic": "34402-7654321-9"})
    with caplog.at_level(logging.DEBUG), running_server(enrolled.district) as url:
        sync_over_http(enrolled.a, url)

    assert "MBD-PHALIA" in caplog.text  # codes and counts are logged...
    assert "Secretname" not in caplog.text and "7654321" not in caplog.text  # ...never record fields


def test_an_unreachable_district_is_reported_plainly(enrolled: Sync) -> None:
    with pytest.raises(DistrictUnreachable, match="could not be reached"):
        sync_over_http(enrolled.a, "http://127.0.0.1:9", timeout_s=2)
