"""The district's refusals hold on PostgreSQL too (the scale option): a station's bundle that changes a record the
district owns is refused (`owner`), one with a stamp from the far future is refused (`clock`), and both are kept
per station in the district's status, exactly as on SQLCipher (tests/security/test_ownership.py,
test_clock_bounds.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.errors import BundleRejected
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.sync.district import district_status, init_district
from desktop_app.sync.importer import import_bundle
from tests.security.insider import forge_local_change, latest_state
from tests.security.test_clock_bounds import POISON
from tests.security.test_ownership import hijacked
from tests.services.helpers import person
from tests.sync import test_postgres as pg
from tests.sync.conftest import enrol
from tests.sync.helpers import export_file, round_trip

pg_schema = pg.pg_schema


def refused(district: Context, station: Context, usb: Path) -> BundleRejected:
    with pytest.raises(BundleRejected) as caught:
        import_bundle(district, export_file(station, usb).read_bytes())
    return caught.value


@pytest.fixture
def pg_district(ctx: Context, pg_schema: str, tmp_path: Path) -> Iterator[Context]:
    """A district on PostgreSQL with the station `ctx` enrolled."""
    district = init_district(
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
        enrol(ctx, district, tmp_path / "enrolment")
        yield district
    finally:
        district.store.close()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.mark.postgres
def test_a_postgres_district_refuses_a_change_to_its_own_record(ctx: Context, pg_district: Context, usb: Path) -> None:
    watched = Records(pg_district).create("persons", {"name": "Zafar Iqbal", "role": "agent", "watchlisted": True})
    round_trip(ctx, pg_district, usb, allow_empty=True)
    district_row = watched.first_id
    assert latest_state(ctx, district_row)["name"] == "Zafar Iqbal"  # the station holds the district's row

    state = hijacked(ctx, district_row, watchlisted=False)
    forge_local_change(ctx, "persons", state, base_hlc=latest_state(ctx, district_row)["hlc"])

    assert refused(pg_district, ctx, usb).check == "owner"
    assert latest_state(pg_district, district_row)["watchlisted"] is True
    assert {s.code: s for s in district_status(pg_district)}["MBD-PHALIA"].refusals == {"owner": 1}


@pytest.mark.postgres
def test_a_postgres_district_refuses_a_stamp_from_the_far_future(ctx: Context, pg_district: Context, usb: Path) -> None:
    agent = person(Records(ctx))
    round_trip(ctx, pg_district, usb)
    own = latest_state(ctx, agent)
    forge_local_change(ctx, "persons", {**own, "status": "warned", "hlc": POISON}, base_hlc=own["hlc"])

    assert refused(pg_district, ctx, usb).check == "clock"
    assert latest_state(pg_district, agent)["hlc"] == own["hlc"]
    assert {s.code: s for s in district_status(pg_district)}["MBD-PHALIA"].refusals == {"clock": 1}
