"""The Sync screen: a verified bundle on a "drive", a tampered return refused in plain words, background sync
over real HTTP on loopback (success, and an unreachable server that never freezes the screen), enrolment."""

from __future__ import annotations

import hashlib
import socket
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.errors import BundleRejected
from desktop_app.models.sync_state import SyncPeer
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.services.settings import save_settings
from desktop_app.sync.client import DistrictRefused, DistrictUnreachable
from desktop_app.sync.enrolment import enrol_station, own_fingerprint
from desktop_app.sync.server import running_server
from desktop_app.views import ops
from desktop_app.views.sync_page import BackgroundSync, SyncPage, check_sentence, sync_error_text
from tests.services.helpers import one_of_each
from tests.sync import conftest as sync_fixtures
from tests.sync.conftest import Sync
from tests.sync.helpers import district_import, export_file, round_trip, snapshot

# The sync tests' real district and second station, enrolled through files.
district_template = sync_fixtures.district_template
station_b_template = sync_fixtures.station_b_template
district = sync_fixtures.district
station_b = sync_fixtures.station_b
enrolled = sync_fixtures.enrolled


def test_a_bundle_written_to_a_drive_is_read_back_and_its_slip_shows_the_sha256(
    qtbot, enrolled: Sync, tmp_path: Path
) -> None:
    one_of_each(Records(enrolled.a))
    drive = tmp_path / "media" / "USB STICK"
    drive.mkdir(parents=True)
    page = SyncPage(enrolled.a)
    qtbot.addWidget(page)
    page.use_folder(drive)

    page.write_bundle()

    files = list(drive.iterdir())
    assert len(files) == 1
    sha = hashlib.sha256(files[0].read_bytes()).hexdigest()
    text = page.slip.toPlainText()
    assert f"SHA-256: {sha}" in text
    assert "Bundle no.: 1" in text and "reads back identical" in text
    assert page.copy_button.isEnabled() and page.usb_error.isHidden()


def test_nothing_to_send_says_so(qtbot, enrolled: Sync, tmp_path: Path) -> None:
    # A new station's first bundles carry its SHO's signed role grants until the district acknowledges them.
    round_trip(enrolled.a, enrolled.district, enrolled.usb, allow_empty=True)
    page = SyncPage(enrolled.a)
    qtbot.addWidget(page)
    page.write_bundle(tmp_path)
    assert "Nothing to send" in page.slip.toPlainText()


def test_a_station_not_enrolled_is_told_in_plain_words(qtbot, ctx: Context, tmp_path: Path) -> None:
    one_of_each(Records(ctx))
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    drive = tmp_path / "drive"
    drive.mkdir()
    page.write_bundle(drive)
    assert "not enrolled" in page.usb_error.text()
    assert list(drive.iterdir()) == []


def test_a_tampered_return_bundle_is_refused_with_the_check_in_plain_words(
    qtbot, enrolled: Sync, tmp_path: Path
) -> None:
    one_of_each(Records(enrolled.a))
    _result, answer = district_import(enrolled.district, export_file(enrolled.a, enrolled.usb), tmp_path / "returns")
    damaged = bytearray(answer.read_bytes())
    damaged[len(damaged) // 2] ^= 0x01
    tampered = tmp_path / "tampered.ahtc-bundle"
    tampered.write_bytes(bytes(damaged))
    before = snapshot(enrolled.a)
    page = SyncPage(enrolled.a)
    qtbot.addWidget(page)

    page.import_return(tampered)

    assert not page.import_error.isHidden()
    text = page.import_error.text()
    assert text.startswith("Refused (") and "Nothing was imported." in text
    assert snapshot(enrolled.a) == before
    # The genuine answer still imports afterwards.
    page.import_return(answer)
    assert "acknowledged changes up to" in page.import_result.toPlainText()
    # The same answer again: only that nothing changed, not the acknowledgement as if it were new.
    page.import_return(answer)
    text = page.import_result.toPlainText()
    assert "Already imported earlier: nothing changed." in text and "acknowledged" not in text


def test_background_sync_with_a_real_district_server_updates_the_last_success(qtbot, enrolled: Sync) -> None:
    one_of_each(Records(enrolled.a))
    with running_server(enrolled.district) as url:
        save_settings(enrolled.a, district_url=url)
        page = SyncPage(enrolled.a)
        qtbot.addWidget(page)
        assert page.success_label.text().endswith("never")
        assert page.sync_now()

    assert page.background.last_success is not None
    assert not page.success_label.text().endswith("never")
    assert page.error_label.isHidden()
    assert page.background.last_result is not None and page.background.last_result.sent.changes > 0


def test_an_unreachable_server_shows_the_last_error_without_freezing(qtbot, enrolled: Sync) -> None:
    # A server that accepts the connection but never answers: the worst case for a frozen screen.
    silent = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    url = f"http://127.0.0.1:{silent.getsockname()[1]}"
    save_settings(enrolled.a, district_url=url)
    ops.use_synchronous_runner(False)
    try:
        background = BackgroundSync(enrolled.a, timeout_s=1.5)
        page = SyncPage(enrolled.a, background)
        qtbot.addWidget(page)
        started = time.monotonic()
        assert page.sync_now()
        assert time.monotonic() - started < 0.5, "sync ran on the UI thread"
        assert background.running and not page.sync_button.isEnabled()
        qtbot.waitUntil(lambda: not page.error_label.isHidden(), timeout=15_000)
    finally:
        ops.wait_idle()
        ops.use_synchronous_runner(True)
        silent.close()
    assert "could not be reached" in page.error_label.text()
    assert page.sync_button.isEnabled() and background.last_success is None
    # The problem is remembered for the next start.
    assert BackgroundSync(enrolled.a).last_error == background.last_error


def test_the_sho_enrols_the_station_from_the_screen(qtbot, ctx: Context, district: Context, tmp_path: Path) -> None:
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    request, answer = tmp_path / "request.json", tmp_path / "answer.json"

    page.make_request(request)
    station_fp = enrol_station(district, request, answer, station_fingerprint=own_fingerprint(ctx)).peer_fingerprint
    page.load_answer(answer)
    assert not page.confirm_panel.isHidden()
    assert own_fingerprint(district) in page.answer_details.text() and station_fp in page.answer_details.text()
    page.district_fp_edit.setText(own_fingerprint(district).lower())  # as typed while the district reads it out
    page.confirm_enrolment()

    text = page.fingerprints.text()
    assert station_fp in text and "District’s fingerprint" in text and "recovery key" in text
    assert page.enrol_error.isHidden() and page.confirm_panel.isHidden()


def test_a_misheard_district_fingerprint_enrols_nothing(qtbot, ctx: Context, district: Context, tmp_path: Path) -> None:
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    request, answer = tmp_path / "request.json", tmp_path / "answer.json"
    page.make_request(request)
    enrol_station(district, request, answer, station_fingerprint=own_fingerprint(ctx))
    slots_before = ctx.store.paths.keyslots.read_bytes()
    page.load_answer(answer)

    page.confirm_enrolment("ABCD-EFGH-IJKL-MN23")

    assert "is not the one in the file" in page.enrol_error.text() and not page.enrol_error.isHidden()
    assert not page.confirm_panel.isHidden()  # the SHO can check by phone again and retype
    assert ctx.store.paths.keyslots.read_bytes() == slots_before
    with ctx.store.session() as session:
        assert session.scalar(select(SyncPeer)) is None


def test_an_officer_is_not_offered_enrolment(qtbot, officer: Context) -> None:
    page = SyncPage(officer)
    qtbot.addWidget(page)
    assert page.findChild(object, "enrol-request") is None


@pytest.mark.parametrize(
    "check",
    [
        "size",
        "zip",
        "manifest",
        "format",
        "recipient",
        "sender",
        "signature",
        "payload-hash",
        "decryption",
        "kind",
        "revoked",
        "retired-key",
        "key-change",
        "clock",
        "owner",
    ],
)
def test_every_refusal_has_its_own_sentence(check: str) -> None:
    text = sync_error_text(BundleRejected(check, "detail"))
    assert check_sentence(check) in text and check_sentence(check) != check_sentence("unknown-check")


def test_network_errors_read_as_sentences() -> None:
    assert "could not be reached" in sync_error_text(DistrictUnreachable("x"))
    assert "refused" in sync_error_text(DistrictRefused("sender", "unknown")) and "(sender)" in sync_error_text(
        DistrictRefused("sender", "unknown")
    )


def test_the_sync_screen_warns_when_the_pc_clock_is_behind_the_last_change(qtbot, ctx: Context) -> None:
    one_of_each(Records(ctx))
    ctx.clock.advance(days=-30)  # a dead CMOS battery: the PC thinks it is a month earlier
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.refresh_status()
    assert not page.clock_warning.isHidden()
    assert "30 days behind the last change" in page.clock_warning.text()
    assert "correct the date and time" in page.clock_warning.text()


def test_the_sync_screen_says_nothing_about_a_clock_that_is_right(qtbot, ctx: Context) -> None:
    one_of_each(Records(ctx))
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.refresh_status()
    assert page.clock_warning.isHidden()


def test_clock_warnings_read_in_urdu(qtbot, ctx: Context) -> None:
    from desktop_app.views.i18n import set_language

    one_of_each(Records(ctx))
    ctx.clock.advance(days=-30)
    set_language("ur")
    try:
        page = SyncPage(ctx)
        qtbot.addWidget(page)
        page.refresh_status()
        text = page.clock_warning.text()
    finally:
        set_language("en")
    assert "30" in text and "behind" not in text
