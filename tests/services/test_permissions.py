"""Roles are enforced in the services, whatever front end calls them."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from desktop_app.errors import PermissionDenied
from desktop_app.models import Person
from desktop_app.services import accounts
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.services.registers.cases import change_case_status
from desktop_app.services.setup import context_for
from tests.conftest import FAST_KDF
from tests.services.helpers import case, person


def as_role(ctx: Context, role: str) -> Context:
    name = f"user.{role.replace('_', '')}"
    accounts.add_user(ctx, name, f"Test {role}", role, "a long enough passphrase", FAST_KDF)
    return context_for(ctx.store, name, ctx.clock)


def test_viewer_can_read_but_not_write(ctx: Context, records: Records) -> None:
    record_id = person(records)
    viewer = Records(as_role(ctx, "viewer"))
    assert viewer.get("persons", record_id)["name"]
    with pytest.raises(PermissionDenied, match="'viewer' cannot add records"):
        viewer.create("persons", {"name": "X", "role": "agent"})
    with pytest.raises(PermissionDenied):
        viewer.update("persons", record_id, {"status": "warned"})


def test_officer_writes_but_only_the_sho_deletes(ctx: Context, records: Records) -> None:
    officer = Records(as_role(ctx, "officer"))
    record_id = officer.create("persons", {"name": "X", "role": "agent"}).first_id
    officer.update("persons", record_id, {"status": "warned"})
    with pytest.raises(PermissionDenied, match="cannot delete records"):
        officer.delete("persons", record_id)
    records.delete("persons", record_id)


def test_only_the_sho_manages_users(ctx: Context) -> None:
    officer = as_role(ctx, "officer")
    with pytest.raises(PermissionDenied):
        accounts.add_user(officer, "asi.new", "New", "officer", "a long enough passphrase", FAST_KDF)
    with pytest.raises(PermissionDenied):
        accounts.list_users(officer)
    with pytest.raises(PermissionDenied):
        accounts.reset_passphrase(officer, "sho.phalia", "a long enough passphrase", FAST_KDF)


def test_district_analyst_cannot_change_station_records(ctx: Context, records: Records) -> None:
    analyst = Records(as_role(ctx, "district_analyst"))
    with pytest.raises(PermissionDenied):
        analyst.create("persons", {"name": "X", "role": "agent"})
    with pytest.raises(PermissionDenied):
        analyst.create("children", {"name": "C", "sex": "male", "age_years": 9, "rescue_date": "2026-01-01"})


def test_another_stations_row_is_read_only_here(ctx: Context, records: Records) -> None:
    record_id = person(records)
    with ctx.store.transaction() as session:
        session.execute(update(Person).where(Person.id == record_id).values(station_code="MBD-MALAKWAL"))
    with pytest.raises(PermissionDenied, match="belongs to MBD-MALAKWAL"):
        records.update("persons", record_id, {"status": "warned"})
    with pytest.raises(PermissionDenied):
        records.delete("persons", record_id)


def test_an_officer_sends_a_case_to_the_sho_but_cannot_register_the_fir(ctx: Context, records: Records) -> None:
    case_id = case(records)
    officer = as_role(ctx, "officer")
    change_case_status(officer, case_id, "with_sho", date="2026-02-11")
    with pytest.raises(PermissionDenied, match="only the SHO"):
        change_case_status(
            officer,
            case_id,
            "fir_registered",
            date="2026-02-12",
            fir_number="12/26",
            fir_date="2026-02-12",
            fir_station="Phalia City",
        )


def test_disabled_user_cannot_sign_in(ctx: Context, station_dir) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.errors import WrongPassphrase
    from desktop_app.services.setup import unlock

    as_role(ctx, "officer")
    accounts.disable_user(ctx, "user.officer")
    with pytest.raises(WrongPassphrase):
        unlock(station_dir, "user.officer", "a long enough passphrase")
