"""A lost or stolen station can be cut off (security review finding 9).

Before there was no way to stop a station whose laptop and passphrase were taken: it kept syncing, pulling every
station's watch-listed persons and sites, and a `recover` request got every row of that station back. Now the
district revokes it: its bundles are refused by name (`revoked`) before anything is opened, nothing is sent back,
and it returns only through a new enrolment with new keys.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.errors import BundleRejected, NotFound, ValidationError
from desktop_app.models.audit import AuditEntry
from desktop_app.models.sync_state import BundleReceived, BundleSent
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.sync.client import DistrictRefused, sync_over_http
from desktop_app.sync.district import district_status, init_district, revoke_station
from desktop_app.sync.district_side import build_return_bundle
from desktop_app.sync.enrolment import EnrolmentError, enrol_request, enrol_station, own_fingerprint
from desktop_app.sync.importer import import_bundle, open_bundle
from desktop_app.sync.rotation import rotate_keys
from desktop_app.sync.server import running_server
from tests.services.helpers import one_of_each
from tests.sync import test_postgres as pg
from tests.sync.conftest import Sync, enrol
from tests.sync.helpers import export_file, round_trip

pg_schema = pg.pg_schema


def answers_sent(district: Context, station: str) -> int:
    with district.store.session() as session:
        count = session.scalar(select(func.count()).select_from(BundleSent).where(BundleSent.recipient == station))
    return int(count or 0)


def bundles_received(district: Context, station: str) -> int:
    with district.store.session() as session:
        count = session.scalar(select(func.count()).select_from(BundleReceived).where(BundleReceived.sender == station))
    return int(count or 0)


def test_a_revoked_stations_bundle_is_refused_and_gets_nothing_back(enrolled: Sync) -> None:
    Records(enrolled.b).create("persons", {"name": "Watched Agent", "role": "agent", "watchlisted": True})
    round_trip(enrolled.b, enrolled.district, enrolled.usb)  # reference data the thief would like
    one_of_each(Records(enrolled.a))
    stolen = export_file(enrolled.a, enrolled.usb)
    persons_before = Records(enrolled.district).count("persons")

    revoke_station(enrolled.district, "MBD-PHALIA", "laptop stolen")

    with pytest.raises(BundleRejected) as refused:
        import_bundle(enrolled.district, stolen.read_bytes())
    assert refused.value.check == "revoked"
    assert bundles_received(enrolled.district, "MBD-PHALIA") == 0
    assert answers_sent(enrolled.district, "MBD-PHALIA") == 0
    assert Records(enrolled.district).count("persons") == persons_before


def test_over_http_a_revoked_station_gets_a_refusal_and_no_return_bundle(enrolled: Sync) -> None:
    one_of_each(Records(enrolled.a))
    revoke_station(enrolled.district, "MBD-PHALIA")

    with running_server(enrolled.district) as url, pytest.raises(DistrictRefused) as refused:
        sync_over_http(enrolled.a, url)

    assert refused.value.check == "revoked"
    assert answers_sent(enrolled.district, "MBD-PHALIA") == 0
    with running_server(enrolled.district) as url:  # the other stations are not affected
        assert sync_over_http(enrolled.b, url).received.status == "applied"


def test_no_answer_is_built_for_a_revoked_station(enrolled: Sync) -> None:
    """A bundle opened just before the revocation still gets no return bundle (reference data, recovery rows)."""
    one_of_each(Records(enrolled.a))
    opened = open_bundle(enrolled.district, export_file(enrolled.a, enrolled.usb).read_bytes())
    revoke_station(enrolled.district, "MBD-PHALIA")

    with pytest.raises(BundleRejected, match="revoked"):
        build_return_bundle(enrolled.district, opened)
    assert answers_sent(enrolled.district, "MBD-PHALIA") == 0


def test_revocation_is_shown_and_audited(enrolled: Sync) -> None:
    status = revoke_station(enrolled.district, "mbd-phalia", "laptop stolen")

    assert status.revoked and status.revoked_by == "dpo.mbd"
    (line,) = [s.line() for s in district_status(enrolled.district) if s.code == "MBD-PHALIA"]
    assert "REVOKED 2026-03-01 by dpo.mbd" in line
    assert not next(s for s in district_status(enrolled.district) if s.code == "MBD-MALAKWAL").revoked
    with enrolled.district.store.session() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "station-revoke"))
    assert entry is not None and entry.detail == f"MBD-PHALIA keys {own_fingerprint(enrolled.a)}"
    with pytest.raises(ValidationError, match="already revoked"):
        revoke_station(enrolled.district, "MBD-PHALIA")
    with pytest.raises(NotFound):
        revoke_station(enrolled.district, "MBD-NOWHERE")


def test_the_revoked_keys_are_never_enrolled_again(enrolled: Sync, tmp_path: Path) -> None:
    revoke_station(enrolled.district, "MBD-PHALIA")
    fingerprint = enrol_request(enrolled.a, tmp_path / "req.json").own_fingerprint

    with pytest.raises(EnrolmentError, match="revoked"):
        enrol_station(enrolled.district, tmp_path / "req.json", tmp_path / "ans.json", station_fingerprint=fingerprint)
    assert not (tmp_path / "ans.json").exists()
    assert next(s for s in district_status(enrolled.district) if s.code == "MBD-PHALIA").revoked


def test_re_admission_is_by_a_new_enrolment_with_new_keys(enrolled: Sync, tmp_path: Path) -> None:
    one_of_each(Records(enrolled.a))
    old_bundle = export_file(enrolled.a, enrolled.usb)
    revoke_station(enrolled.district, "MBD-PHALIA")

    rotate_keys(enrolled.a)  # the laptop came back: new keys, then a new enrolment
    enrol(enrolled.a, enrolled.district, tmp_path / "again")

    assert not next(s for s in district_status(enrolled.district) if s.code == "MBD-PHALIA").revoked
    with pytest.raises(BundleRejected) as refused:  # what was signed with the revoked keys stays refused
        import_bundle(enrolled.district, old_bundle.read_bytes())
    assert refused.value.check == "retired-key"
    result, answer = round_trip(enrolled.a, enrolled.district, enrolled.usb)
    assert result.status == "applied" and answer.status == "applied"


@pytest.mark.postgres
def test_a_postgres_district_refuses_a_revoked_station(ctx: Context, pg_schema: str, tmp_path: Path) -> None:
    pg_district = init_district(
        tmp_path / "pg-district",
        district_code="MBD",
        district="Mandi Bahauddin",
        admin="dpo.mbd",
        passphrase=None,
        recovery_key_out=tmp_path / "recovery-key.json",
        database_url=pg.pg_url(pg_schema),
        clock=ctx.clock,
    )
    try:
        enrol(ctx, pg_district, tmp_path / "enrolment")
        one_of_each(Records(ctx))
        bundle = export_file(ctx, tmp_path)
        revoke_station(pg_district, "MBD-PHALIA")

        with pytest.raises(BundleRejected) as refused:
            import_bundle(pg_district, bundle.read_bytes())
        assert refused.value.check == "revoked"
        assert answers_sent(pg_district, "MBD-PHALIA") == 0
    finally:
        pg_district.store.close()
