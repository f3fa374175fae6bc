"""Replays cost nothing and burn nothing (security review finding 19, issue 9 item 5).

Before, each replay of a captured bundle made a new return bundle (a row and an audit entry at the district)
and used up the real station's per-minute budget, so a replayer on the wire could lock it out of sync. And a
bundle number was used as soon as a bundle was made: a stick pulled out mid-write, or an HTTP sync refused or
unanswered, left the district a "bundle N did not arrive" gap for a bundle that never existed for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from desktop_app.models.sync_state import BundleSent
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.sync import export
from desktop_app.sync.client import DistrictRefused, DistrictUnreachable, sync_over_http
from desktop_app.sync.export import WriteNotVerified, build_station_bundle, export_bundle
from desktop_app.sync.importer import receive_station_bundle
from desktop_app.sync.server import BUNDLE_PATH, ServerLimits, running_server
from tests.services.helpers import one_of_each
from tests.sync.conftest import Sync
from tests.sync.test_import_refusals import state_of


def district_state(district: Context) -> dict[str, Any]:
    with district.store.session() as session:
        sent = session.scalar(select(func.count()).select_from(BundleSent))
    return {**state_of(district), "answers": sent}


def notes_of(district: Context, bundle: Path) -> list[str]:
    return list(receive_station_bundle(district, bundle.read_bytes()).result.report["notes"])


def test_replays_are_answered_from_the_stored_answer_write_nothing_and_cost_no_rate(enrolled: Sync) -> None:
    one_of_each(Records(enrolled.a))
    captured = build_station_bundle(enrolled.a)
    assert captured is not None
    limits = ServerLimits(bundles_per_station_per_minute=2)
    with running_server(enrolled.district, limits=limits) as url:
        first = httpx.post(url + BUNDLE_PATH, content=captured.data, timeout=30)
        assert first.status_code == 200 and first.headers["X-AHTC-Import"] == "applied"
        before = district_state(enrolled.district)

        replays = [httpx.post(url + BUNDLE_PATH, content=captured.data, timeout=30) for _ in range(5)]

        assert [r.status_code for r in replays] == [200] * 5
        assert {r.headers["X-AHTC-Import"] for r in replays} == {"duplicate"}
        assert {r.content for r in replays} == {first.content}, "the stored answer, byte for byte"
        assert district_state(enrolled.district) == before, "a replay wrote at the district"
        # The station's one remaining bundle this minute is still its own.
        Records(enrolled.a).create("sites", {"kind": "brick_kiln", "name": "Brick kiln 7", "tehsil": "Phalia"})
        honest = sync_over_http(enrolled.a, url, timeout_s=30)
    assert honest.received.status == "applied" and honest.sent.bundle_no == 2


def test_a_replay_of_an_older_bundle_gets_the_latest_answer_and_writes_nothing(enrolled: Sync) -> None:
    one_of_each(Records(enrolled.a))
    older = enrolled.usb / "older.ahtc-bundle"
    exported = build_station_bundle(enrolled.a)
    assert exported is not None
    older.write_bytes(exported.data)
    receive_station_bundle(enrolled.district, exported.data)
    newer = build_station_bundle(enrolled.a, allow_empty=True)
    assert newer is not None
    latest = receive_station_bundle(enrolled.district, newer.data).answer
    before = district_state(enrolled.district)

    again = receive_station_bundle(enrolled.district, older.read_bytes())

    assert again.result.status == "duplicate" and again.answer.data == latest.data
    assert district_state(enrolled.district) == before


def test_a_failed_usb_write_gives_its_number_back(enrolled: Sync, monkeypatch: pytest.MonkeyPatch) -> None:
    one_of_each(Records(enrolled.a))

    def stick_pulled_out(data: bytes, out_dir: Path, name: str) -> Path:  # the drive is the boundary here
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(export, "save_bundle", stick_pulled_out)
    with pytest.raises(OSError):
        export_bundle(enrolled.a, enrolled.usb)
    monkeypatch.undo()
    slip = export_bundle(enrolled.a, enrolled.usb)

    assert slip is not None and slip.bundle_no == 1
    assert slip.file is not None and notes_of(enrolled.district, slip.file) == []


def test_a_bundle_that_does_not_read_back_the_same_gives_its_number_back(
    enrolled: Sync, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_of_each(Records(enrolled.a))
    first = export_bundle(enrolled.a, enrolled.usb)
    assert first is not None and first.file is not None
    receive_station_bundle(enrolled.district, first.file.read_bytes())
    real_save = export.save_bundle

    def faulty_stick(data: bytes, out_dir: Path, name: str) -> Path:
        path = real_save(data, out_dir, name)
        damaged = bytearray(path.read_bytes())
        damaged[len(damaged) // 2] ^= 0xFF
        path.write_bytes(bytes(damaged))
        return path

    Records(enrolled.a).create("sites", {"kind": "brick_kiln", "name": "Brick kiln 7", "tehsil": "Phalia"})
    monkeypatch.setattr(export, "save_bundle", faulty_stick)
    with pytest.raises(WriteNotVerified):
        export_bundle(enrolled.a, enrolled.usb)
    monkeypatch.undo()
    slip = export_bundle(enrolled.a, enrolled.usb)

    assert slip is not None and slip.bundle_no == 2
    assert slip.file is not None and notes_of(enrolled.district, slip.file) == []


def test_an_unanswered_or_refused_http_sync_leaves_no_gap(enrolled: Sync) -> None:
    one_of_each(Records(enrolled.a))
    with running_server(enrolled.district) as url:
        pass  # stopped: nothing listens at that address any more
    with pytest.raises(DistrictUnreachable):
        sync_over_http(enrolled.a, url, timeout_s=5)
    with running_server(enrolled.district, limits=ServerLimits(bundles_per_station_per_minute=1)) as url:
        first = sync_over_http(enrolled.a, url, timeout_s=30)
        Records(enrolled.a).create("sites", {"kind": "brick_kiln", "name": "Brick kiln 7", "tehsil": "Phalia"})
        with pytest.raises(DistrictRefused) as refused:
            sync_over_http(enrolled.a, url, timeout_s=30)
    assert refused.value.check == "rate"
    with running_server(enrolled.district) as url:
        second = sync_over_http(enrolled.a, url, timeout_s=30)

    assert (first.sent.bundle_no, second.sent.bundle_no) == (1, 2)
    assert first.received.report["notes"] == [] and second.received.report["notes"] == []
    with enrolled.a.store.session() as session:
        numbers = list(session.scalars(select(BundleSent.bundle_no).order_by(BundleSent.bundle_no)))
    assert numbers == [1, 2]


def test_the_station_reads_no_more_of_an_answer_than_it_accepts(enrolled: Sync) -> None:
    """A hostile server (or a man in the middle without TLS) answering endlessly cannot fill the station's memory."""
    sent: list[int] = []

    def endless(request: httpx.Request) -> httpx.Response:
        sent.append(len(request.read()))

        def chunks() -> Iterator[bytes]:
            for _ in range(64):  # 64 MiB, far past the 1 MiB this station accepts here
                yield b"\0" * 2**20

        return httpx.Response(200, content=chunks())

    with pytest.raises(DistrictRefused) as refused:
        sync_over_http(
            enrolled.a, "http://district.invalid", transport=httpx.MockTransport(endless), max_answer_bytes=2**20
        )

    assert refused.value.check == "size" and sent
