"""The district on PostgreSQL: same models and migrations, and the same import gives the same state.

Each test gets a schema of its own (`ahtc_test_<random>`, via the connection's search_path), dropped after.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from desktop_app.services.context import Context
from desktop_app.services.records import ListQuery, Records
from desktop_app.store import migrations_runner
from desktop_app.sync.client import sync_over_http
from desktop_app.sync.district import district_status, init_district, open_district
from desktop_app.sync.district_side import reference_entries
from desktop_app.sync.enrolment import enrol_request, enrol_station
from desktop_app.sync.importer import import_bundle
from desktop_app.sync.server import running_server
from tests.services.helpers import one_of_each
from tests.sync.conftest import Sync, enrol
from tests.sync.helpers import district_import, export_file, snapshot

pytestmark = pytest.mark.postgres

PG = os.environ.get("AHTC_TEST_PG", "host=127.0.0.1 port=5432 user=postgres dbname=test")


def pg_url(schema: str) -> str:
    parts = dict(item.split("=", 1) for item in PG.split())
    return (
        f"postgresql+psycopg://{parts.get('user', 'postgres')}@{parts.get('host', '127.0.0.1')}:"
        f"{parts.get('port', '5432')}/{parts.get('dbname', 'test')}?options=-csearch_path%3D{schema}"
    )


@pytest.fixture
def pg_schema() -> Iterator[str]:
    schema = f"ahtc_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield schema
    finally:
        with psycopg.connect(PG, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def pg_district(pg_schema: str, tmp_path: Path, clock: Any) -> Iterator[Context]:
    ctx = init_district(
        tmp_path / "pg-district",
        district_code="MBD",
        district="Mandi Bahauddin",
        admin="dpo.mbd",
        passphrase=None,
        recovery_key_out=tmp_path / "recovery-key.json",
        database_url=pg_url(pg_schema),
        clock=clock,
    )
    yield ctx
    ctx.store.close()


def test_a_postgres_district_is_migrated_to_head(pg_district: Context, pg_schema: str) -> None:
    assert pg_district.store.engine.dialect.name == "postgresql"
    assert migrations_runner.current_revision(pg_district.store.engine) == migrations_runner.head_revision()
    with psycopg.connect(PG) as conn:
        tables = {
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", (pg_schema,)
            )
        }
    assert {"persons", "change_log", "sync_peers", "sync_station_marks", "alembic_version"} <= tables


def test_the_same_import_gives_the_same_state_on_sqlcipher_and_postgres(
    enrolled: Sync, pg_district: Context, tmp_path: Path
) -> None:
    fingerprint = enrol_request(enrolled.a, tmp_path / "req.json").own_fingerprint
    enrol_station(pg_district, tmp_path / "req.json", tmp_path / "ans.json", station_fingerprint=fingerprint)
    records = Records(enrolled.a)
    ids = one_of_each(records)
    records.update("persons", ids["persons"], {"status": "warned"})
    records.delete("referrals", ids["referrals"])
    first = export_file(enrolled.a, enrolled.usb)
    records.create("persons", {"name": "Nasir Later", "role": "witness"})
    second = export_file(enrolled.a, enrolled.usb)  # overlaps the first

    # The station's bundles are encrypted to one district key: give the PG district the same identity.
    _share_identity(enrolled.district, pg_district)
    for bundle in (first, second, first):
        sqlcipher_result = import_bundle(enrolled.district, bundle.read_bytes())
        postgres_result = import_bundle(pg_district, bundle.read_bytes())
        assert sqlcipher_result.report == postgres_result.report

    assert _comparable(snapshot(enrolled.district)) == _comparable(snapshot(pg_district))
    assert any(s.code == "MBD-PHALIA" and s.acked_seq > 0 for s in district_status(pg_district))
    # The case's number came with it and is found by the search box on PostgreSQL too, whole or in part.
    number = Records(pg_district).get("cases", ids["cases"])["case_number"]
    assert number == "AHTC/MBD-PHALIA/2026/001"
    for typed in (number, "2026/001", "phalia/2026"):
        assert [r["id"] for r in Records(pg_district).list("cases", ListQuery(text=typed))] == [ids["cases"]], typed


def test_a_postgres_district_answers_over_http_and_reopens(
    ctx: Context, pg_district: Context, tmp_path: Path, clock: Any
) -> None:
    enrol(ctx, pg_district, tmp_path)
    one_of_each(Records(ctx))

    with running_server(pg_district) as url:
        result = sync_over_http(ctx, url)

    assert result.received.report["acked_seq"] >= result.sent.seq_to
    reopened = open_district(tmp_path / "pg-district", "dpo.mbd", None, clock)
    try:
        assert Records(reopened).count("persons") == Records(ctx).count("persons")
        _result, answer = district_import(reopened, export_file(ctx, tmp_path, allow_empty=True), tmp_path / "r")
        assert import_bundle(ctx, answer.read_bytes()).status == "applied"
    finally:
        reopened.store.close()


def _share_identity(source: Context, target: Context) -> None:
    from desktop_app.models.station import StationInfo

    with source.store.session() as session:
        identity = dict(session.get(StationInfo, 1).identity)  # type: ignore[union-attr]
    with target.store.transaction() as session:
        session.get(StationInfo, 1).identity = identity  # type: ignore[union-attr]


def _comparable(state: dict[str, Any]) -> dict[str, Any]:
    """Floats and times as text, so the two engines' Python types compare equal."""

    def plain(value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value.astimezone(dt.UTC).isoformat()
        return value

    rows = {name: [{k: plain(v) for k, v in row.items()} for row in table] for name, table in state["rows"].items()}
    return {"rows": rows, "log": state["log"], "conflicts": state["conflicts"]}


def test_a_postgres_district_sends_watch_listing_and_de_listing_to_other_stations(
    ctx: Context, pg_district: Context, tmp_path: Path
) -> None:
    enrol(ctx, pg_district, tmp_path)
    records = Records(ctx)
    agent = records.create("persons", {"name": "Shahid Agent", "role": "agent", "watchlisted": True}).first_id
    witness = records.create("persons", {"name": "Plain Witness", "role": "witness"}).first_id
    with running_server(pg_district) as url:
        sync_over_http(ctx, url)
        records.update("persons", agent, {"watchlisted": False})
        records.update("persons", witness, {"status": "warned"})
        sync_over_http(ctx, url)

    with pg_district.store.session() as session:
        sent = reference_entries(session, "MBD-MALAKWAL", 0, 10**9)
    persons = [(entry["row_id"], entry["state"]["watchlisted"]) for entry in sent if entry["table"] == "persons"]
    assert persons == [(agent, True), (agent, False)]
