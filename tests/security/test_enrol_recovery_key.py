"""The district's recovery key is its own key pair, kept offline (security review finding 11).

Before, the recovery slot wrapped the station's data key to the district's sync key, which the running server holds
and which a PostgreSQL district keeps in clear in `station_info`. Now `district init` makes a separate pair whose
private half goes only into a file for offline keeping; these tests look for it everywhere the district keeps
anything: every table of the store (SQLCipher and PostgreSQL) and every file of its data folder.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import inspect, select, text

from desktop_app.models.sync_state import RecoveryKey
from desktop_app.services.clock import FakeClock
from desktop_app.services.context import Context
from desktop_app.sync.district import init_district
from desktop_app.sync.enrolment import enrol_request, enrol_station, read_answer, read_request
from desktop_app.sync.recovery import RecoveryError, make_recovery_key, read_recovery_key
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.sync import test_postgres as pg

pg_schema = pg.pg_schema


def private_forms(key_file: Path) -> list[bytes]:
    """The private key as it could be stored: base64 (as in the file), hex, and raw bytes."""
    private, _ = read_recovery_key(key_file)
    raw = private.private_bytes_raw()
    return [base64.b64encode(raw), raw.hex().encode(), raw]


def everything_in(ctx: Context) -> bytes:
    """Every value of every table of the store, as text."""
    chunks: list[bytes] = []
    with ctx.store.session() as session:
        for table in inspect(session.get_bind()).get_table_names():
            for row in session.execute(text(f'SELECT * FROM "{table}"')):
                chunks.extend(repr(value).encode() if not isinstance(value, bytes) else value for value in row)
    return b"\n".join(chunks)


def test_the_private_half_is_only_in_the_key_file(district: Context, district_recovery_key: Path) -> None:
    stored = everything_in(district)
    files = b"".join(p.read_bytes() for p in district.store.paths.data_dir.rglob("*") if p.is_file())

    assert len(stored) > 1000  # the dump really holds the store (keys, audit, users)
    for form in private_forms(district_recovery_key):
        assert form not in stored and form not in files
    with district.store.session() as session:
        (key,) = session.scalars(select(RecoveryKey))
    assert key.fingerprint == read_recovery_key(district_recovery_key)[1]


@pytest.mark.postgres
def test_a_postgres_district_never_holds_the_private_half(pg_schema: str, tmp_path: Path) -> None:
    key_file = tmp_path / "usb" / "recovery-key.json"
    key_file.parent.mkdir()
    ctx = init_district(
        tmp_path / "pg-district",
        district_code="MBD",
        district="Mandi Bahauddin",
        admin="dpo.mbd",
        passphrase=None,
        recovery_key_out=key_file,
        database_url=pg.pg_url(pg_schema),
        clock=FakeClock(),
    )
    ctx.store.close()
    dumped: list[bytes] = []
    with psycopg.connect(pg.PG) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", (pg_schema,)
        )]  # fmt: skip
        for table in tables:
            dumped.extend(repr(row).encode() for row in conn.execute(f'SELECT * FROM "{pg_schema}"."{table}"'))
    everything = b"\n".join(dumped)

    private, fingerprint = read_recovery_key(key_file)
    public = base64.b64encode(private.public_key().public_bytes_raw())
    assert public in everything and fingerprint.encode() in everything  # the public half is there, as it should be
    for form in private_forms(key_file):
        assert form not in everything


def test_the_key_file_is_written_once_and_never_into_the_data_folder(district: Context, tmp_path: Path) -> None:
    inside = district.store.paths.data_dir / "recovery-key.json"
    with pytest.raises(RecoveryError, match="outside the district's data folder"):
        make_recovery_key(district, inside, replace=True)
    existing = tmp_path / "taken.json"
    existing.write_text("an earlier key")
    with pytest.raises(RecoveryError, match="written once"):
        make_recovery_key(district, existing, replace=True)
    assert existing.read_text() == "an earlier key" and not inside.exists()


def test_a_new_district_needs_somewhere_safe_for_the_key(tmp_path: Path) -> None:
    folder = tmp_path / "district"
    with pytest.raises(RecoveryError, match="outside the district's data folder"):
        init_district(
            folder,
            district_code="MBD",
            district="Mandi Bahauddin",
            admin="dpo.mbd",
            passphrase=PASSPHRASE,
            recovery_key_out=folder / "key.json",
            kdf=FAST_KDF,
        )
    assert not folder.exists()  # refused before anything was made


def test_the_key_file_is_readable_by_its_owner_only(district_recovery_key: Path) -> None:
    if os.name == "posix":
        assert district_recovery_key.stat().st_mode & 0o077 == 0
    document: dict[str, Any] = json.loads(district_recovery_key.read_text())
    assert "offline" in document["what_this_is"]


def test_a_replaced_recovery_key_is_no_longer_sent_to_stations(
    ctx: Context, district: Context, district_recovery_key: Path, tmp_path: Path
) -> None:
    (tmp_path / "usb").mkdir()
    with pytest.raises(RecoveryError, match="already has recovery key"):
        make_recovery_key(district, tmp_path / "usb" / "new-key.json")
    new = make_recovery_key(district, tmp_path / "usb" / "new-key.json", replace=True)

    enrol_request(ctx, tmp_path / "req.json")
    preview = read_request(district, tmp_path / "req.json")
    enrol_station(
        district, tmp_path / "req.json", tmp_path / "ans.json", station_fingerprint=preview.station_fingerprint
    )
    assert read_answer(ctx, tmp_path / "ans.json").recovery_fingerprint == new
    assert new != read_recovery_key(district_recovery_key)[1]
