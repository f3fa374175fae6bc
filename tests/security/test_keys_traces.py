"""Keys and plaintext leave no trace (findings 14, 15): memory security at stations, and bulk reads of the
sensitive registers audited (the GUI side, findings 16 and 18a, is in tests/views/test_keys_traces.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.models import AuditEntry
from desktop_app.services.context import Context
from desktop_app.services.records import ListQuery, Records
from tests.conftest import PASSPHRASE
from tests.services.helpers import child, victim


def test_a_station_store_runs_with_memory_security_on(ctx: Context) -> None:
    with ctx.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cipher_memory_security").scalar() in (1, "1")


def read_entries(ctx: Context) -> list[tuple[str, str | None, str | None]]:
    with ctx.store.session() as session:
        rows = session.execute(
            select(AuditEntry.action, AuditEntry.register, AuditEntry.detail).where(
                AuditEntry.action.like("read:%"), AuditEntry.action != "read:view"
            )
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


def test_listing_searching_and_counting_children_each_leave_one_audit_entry(ctx: Context) -> None:
    records = Records(ctx)
    child(records, name="Imran Ali")
    child(records, name="Sajid Khan")
    before = read_entries(ctx)
    records.list("children", ListQuery(text="Imran"))
    records.count("children", ListQuery(filters={"sex": "male"}))
    records.list("victims")
    after = read_entries(ctx)[len(before) :]
    assert [(a, r) for a, r, _d in after] == [
        ("read:list", "children"),
        ("read:count", "children"),
        ("read:list", "victims"),
    ]
    assert "search" in (after[0][2] or "") and "rows 1" in (after[0][2] or "")
    assert "sex" in (after[1][2] or "") and "rows 2" in (after[1][2] or "")
    assert all("Imran" not in (d or "") and "male" not in (d or "") for _a, _r, d in after)


def test_listing_a_register_that_is_not_sensitive_leaves_no_entry(ctx: Context) -> None:
    records = Records(ctx)
    victim(records)
    before = read_entries(ctx)
    records.list("persons")
    records.count("sites")
    assert read_entries(ctx) == before
    assert PASSPHRASE  # the fixture store is the usual one


DISTRICT_PROBE = """
import sys
from pathlib import Path
from desktop_app.services.setup import init_store
from desktop_app.store.keyslots import KdfParams
ctx = init_store(Path(sys.argv[1]), kind=sys.argv[2], station_code="MBD", station_name="Mandi Bahauddin",
                 district="Mandi Bahauddin", admin="sho.mbd", passphrase="district quiet lantern 2026",
                 kdf=KdfParams(1, 8192, 1))
with ctx.store.engine.connect() as conn:
    print(conn.exec_driver_sql("PRAGMA cipher_memory_security").scalar())
"""


@pytest.mark.parametrize(("kind", "expected"), [("district", "0"), ("station", "1")])
def test_memory_security_is_off_only_at_a_district(tmp_path: Path, kind: str, expected: str) -> None:
    # A fresh process each: SQLCipher keeps memory security on for the whole process once any store turned it on.
    out = subprocess.run(
        [sys.executable, "-c", DISTRICT_PROBE, str(tmp_path / kind), kind],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip().splitlines()[-1] == expected
