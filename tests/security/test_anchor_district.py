"""Roles and history are anchored at the district, where a colleague at the station cannot reach (issue 10
item 2; security review findings 7, 8, 12).

Before: the district took whatever roles and history a station's bundles implied. An officer made SHO by one
UPDATE, a forged grant, a deletion by an officer, or a victim removed with the audit chain re-hashed went
unnoticed, and the station kept only the latest receipt.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.models.grants import RoleGrant, SyncFlag
from desktop_app.models.sync_state import SyncReceipt
from desktop_app.services import accounts, grants
from desktop_app.services.context import Context
from desktop_app.services.maintenance import verify_store
from desktop_app.services.records import Records
from desktop_app.services.setup import unlock
from desktop_app.sync.district import district_status
from desktop_app.sync.station_anchor import accept_grants
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.security.anchor import delete_with_history, raise_role, raw_sql
from tests.security.insider import forge_local_change, latest_state
from tests.services.helpers import victim
from tests.sync.conftest import Sync
from tests.sync.helpers import round_trip

OFFICER, OFFICER_PHRASE = "asi.aslam", "officer pass 2026 phalia"


def flags(district: Context, station: str = "MBD-PHALIA") -> list[tuple[str, str]]:
    with district.store.session() as session:
        rows = session.scalars(select(SyncFlag).where(SyncFlag.sender == station).order_by(SyncFlag.id))
        return [(f.check, f.detail) for f in rows]


@pytest.fixture
def officer_known(enrolled: Sync) -> Sync:
    """Phalia's SHO added an officer and synced: the district holds his grant."""
    accounts.add_user(enrolled.a, OFFICER, "ASI Aslam", "officer", OFFICER_PHRASE, FAST_KDF)
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    assert flags(enrolled.district) == []
    return enrolled


def test_the_district_learns_the_first_sho_key_at_enrolment(enrolled: Sync) -> None:
    with enrolled.district.store.session() as session:
        held = list(session.scalars(select(RoleGrant).where(RoleGrant.station_code == "MBD-PHALIA")))
    sho_key = enrolled.a.signing_key
    assert sho_key is not None
    assert [(g.username, g.role, g.confirmed_at is not None) for g in held] == [("sho.phalia", "sho", True)]
    assert held[0].signer_public == grants._b64(sho_key.public_key().public_bytes_raw())


def test_an_officer_made_sho_by_sql_is_flagged_by_the_district_at_the_next_sync(officer_known: Sync) -> None:
    raise_role(officer_known.a, OFFICER)

    result, _ = round_trip(officer_known.a, officer_known.district, officer_known.usb, allow_empty=True)

    assert (
        "role-without-grant",
        f"{OFFICER} has the role 'sho' but the SHO granted 'officer'",
    ) in flags(officer_known.district)
    assert any("role-without-grant" in note for note in result.report["notes"])
    status = {s.code: s for s in district_status(officer_known.district)}["MBD-PHALIA"]
    assert status.flags == {"role-without-grant": 1}
    assert "FLAGGED (role-without-grant): 1" in status.line()


def test_a_grant_the_officer_signed_himself_is_flagged(officer_known: Sync, station_dir: Path) -> None:
    a = officer_known.a
    a.store.close()
    officer = unlock(station_dir, OFFICER, OFFICER_PHRASE, a.clock)
    key = officer.signing_key
    assert key is not None
    with officer.store.transaction() as session:
        grants.sign_grant(session, officer, key, OFFICER, "sho", True, key.public_key().public_bytes_raw())
    raise_role(officer, OFFICER)

    round_trip(officer, officer_known.district, officer_known.usb, allow_empty=True)

    found = dict(flags(officer_known.district))
    assert "not signed by an SHO" in found["grant-unsigned"]
    assert OFFICER in found["role-without-grant"]
    officer.store.close()


def test_a_deletion_by_an_officer_is_flagged_by_author(officer_known: Sync) -> None:
    a = officer_known.a
    kept = victim(Records(a), name="Shazia Parveen")
    round_trip(a, officer_known.district, officer_known.usb)
    state = latest_state(a, kept)
    # Written by SQL in the officer's name: the services would refuse him a deletion.
    wall, counter, station = str(state["hlc"]).split(".", 2)
    later = f"{wall}.{int(counter) + 1:05d}.{station}"
    forged = {**state, "deleted_at": state["updated_at"], "updated_by": OFFICER, "hlc": later}
    forge_local_change(a, "victims", forged, op="delete", base_hlc=state["hlc"])

    round_trip(a, officer_known.district, officer_known.usb)

    assert (
        "author-role",
        f"1 change(s) (delete) by {OFFICER}, whose granted role 'officer' does not allow them",
    ) in flags(officer_known.district)


def test_a_deleted_victim_with_a_rehashed_chain_is_found_by_verify_and_by_the_district(officer_known: Sync) -> None:
    a = officer_known.a
    gone = victim(Records(a), name="Nasreen Akhtar")
    round_trip(a, officer_known.district, officer_known.usb)  # the district receipts the head after the create
    assert verify_store(a).ok

    delete_with_history(a, "victims", "victims", gone)

    report = verify_store(a)
    assert report.chain.ok  # the chain itself verifies: only the receipts show it was rewritten
    assert not report.ok
    assert any("receipted" in problem for problem in report.problems())
    round_trip(a, officer_known.district, officer_known.usb, allow_empty=True)
    found = dict(flags(officer_known.district))
    assert "receipted" in found["chain-rewritten"]


def test_the_district_and_the_station_keep_every_receipt(officer_known: Sync) -> None:
    for number in range(2):
        victim(Records(officer_known.a), name=f"Receipt Victim {number}")
        round_trip(officer_known.a, officer_known.district, officer_known.usb)
    with officer_known.district.store.session() as session:
        at_district = session.scalar(
            select(func.count()).select_from(SyncReceipt).where(SyncReceipt.station_code == "MBD-PHALIA")
        )
    with officer_known.a.store.session() as session:
        at_station = list(session.scalars(select(SyncReceipt).order_by(SyncReceipt.id)))
    assert at_district == 3 and len(at_station) == 3
    assert len({r.audit_seq for r in at_station}) == 3 and all(r.version == 2 for r in at_station)
    assert flags(officer_known.district) == []


def test_a_store_from_before_grants_is_flagged_until_the_district_accepts(enrolled: Sync, station_dir: Path) -> None:
    a = enrolled.a
    raw_sql(enrolled.district, ("DELETE FROM role_grants WHERE station_code = 'MBD-PHALIA'", ()))
    raw_sql(a, ("DELETE FROM role_grants", ()))  # both as they were before grants existed
    a.store.close()
    a = unlock(station_dir, "sho.phalia", PASSPHRASE, a.clock)  # the SHO signs the roles he finds

    round_trip(a, enrolled.district, enrolled.usb, allow_empty=True)
    assert [check for check, _ in flags(enrolled.district)] == ["grants-after-the-fact"]

    assert accept_grants(enrolled.district, "MBD-PHALIA") == 1
    accounts.add_user(a, OFFICER, "ASI Aslam", "officer", OFFICER_PHRASE, FAST_KDF)
    round_trip(a, enrolled.district, enrolled.usb)
    assert [check for check, _ in flags(enrolled.district)] == ["grants-after-the-fact"]  # nothing new
    a.store.close()


def test_a_grant_deleted_or_rewritten_at_the_station_is_flagged(officer_known: Sync) -> None:
    raw_sql(
        officer_known.a,
        ("DELETE FROM role_grants WHERE username = ?", (OFFICER,)),
        ("UPDATE role_grants SET signed_at = '2020-01-01T00:00:00+00:00' WHERE serial = 1", ()),
    )

    round_trip(officer_known.a, officer_known.district, officer_known.usb, allow_empty=True)

    found = dict(flags(officer_known.district))
    assert found["grant-missing"].startswith(f"grant 2 ({OFFICER} as officer) held here is not at the station")
    assert found["grant-changed"] == "grant 1 (sho.phalia as sho) was changed at the station"
    assert verify_store(officer_known.a).problems()  # and the station's own verify says so
