"""Register exports read back from real CSV and XLSX files: formulas made inert, pseudonyms instead of names,
roles enforced, every export audited."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select, update

from desktop_app.errors import PermissionDenied, ValidationError
from desktop_app.models import AuditEntry, MigrationVictim
from desktop_app.reports.exports import FULL, export_register, neutralise_value
from desktop_app.services import accounts
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.services.setup import context_for
from tests.conftest import FAST_KDF

EVIL_NAME = '=HYPERLINK("http://evil.example/x","Click")'
CHILD_NAME = "Zainab Bibi Tarar"
VICTIM_NAME = "Adeel Ahmed Cheema"


@pytest.fixture
def filled(ctx: Context, records: Records) -> dict[str, str]:
    child = records.create(
        "children",
        {
            "name": CHILD_NAME,
            "father_name": "Ghulam Rasool",
            "guardian_cnic": "34101-2345678-9",
            "sex": "female",
            "age_years": 9,
            "rescue_date": dt.date(2026, 1, 10),
            "address": "House 4, Helan",
            "notes": f"{CHILD_NAME} said the owner kept her father's CNIC",
        },
    ).first_id
    sibling = records.create(
        "children",
        {
            "name": "Ali Tarar",
            "guardian_cnic": "3410123456789",
            "sex": "male",
            "age_years": 12,
            "rescue_date": dt.date(2026, 1, 10),
        },
    ).first_id
    evil = records.create(
        "children", {"name": EVIL_NAME, "sex": "male", "age_years": 10, "rescue_date": dt.date(2026, 1, 11)}
    ).first_id
    gone = records.create(
        "children", {"name": "Deleted Child", "sex": "male", "age_years": 10, "rescue_date": dt.date(2026, 1, 11)}
    ).first_id
    records.delete("children", gone)
    victim = records.create(
        "victims",
        {
            "name": VICTIM_NAME,
            "cnic": "34101-7778889-9",
            "status": "missing",
            "route": "libya_italy_sea",
            "family_phone": "0300-6655443",
        },
    ).first_id
    records.create(
        "family_meetings",
        {
            "victim_id": victim,
            "date": dt.date(2026, 2, 1),
            "place": "Family house",
            "attendees": "Bashir Ahmed (father)",
            "officers": "SI Khalid",
            "agent_information": "Agent Rana Tariq",
        },
    )
    records.create("cases", {"title": f"Agent sent {VICTIM_NAME} abroad", "offence_category": "migrant_smuggling"})
    # A CNIC that never passed our validation (a row from a bundle or an old import) is still made inert.
    with ctx.store.transaction() as session:
        session.execute(update(MigrationVictim).where(MigrationVictim.id == victim).values(cnic="=1+2"))
    return {"child": child, "sibling": sibling, "evil": evil, "victim": victim}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def read_xlsx(path: Path) -> tuple[list[str], list[list[object]], openpyxl.worksheet.worksheet.Worksheet]:
    ws = openpyxl.load_workbook(path).active
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    return [str(h) for h in rows[0]], rows[1:], ws


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "＝"])
def test_any_formula_start_gets_an_apostrophe(start: str) -> None:
    assert neutralise_value(f"{start}SUM(A1:A9)") == f"'{start}SUM(A1:A9)"


@pytest.mark.parametrize("value", ["Ali", "34101-2345678-9", "", 5, -3, None, dt.date(2026, 1, 1)])
def test_ordinary_values_are_left_alone(value: object) -> None:
    assert neutralise_value(value) == value


def test_a_name_starting_with_equals_is_inert_in_csv(ctx: Context, filled: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "children.csv"
    export_register(ctx, "children", out, mode=FULL)
    names = [row["name"] for row in read_csv(out)]
    assert "'" + EVIL_NAME in names
    assert not any(n.startswith(("=", "+", "-", "@")) for n in names)


def test_a_name_and_a_cnic_starting_with_equals_are_inert_in_xlsx(
    ctx: Context, filled: dict[str, str], tmp_path: Path
) -> None:
    export_register(ctx, "children", tmp_path / "children.xlsx", mode=FULL)
    header, rows, ws = read_xlsx(tmp_path / "children.xlsx")
    assert [r[header.index("name")] for r in rows if str(r[header.index("name")]).startswith("'")] == ["'" + EVIL_NAME]
    assert all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)
    export_register(ctx, "victims", tmp_path / "victims.xlsx", mode=FULL)
    header, rows, ws = read_xlsx(tmp_path / "victims.xlsx")
    assert rows[0][header.index("cnic")] == "'=1+2"
    assert all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)


def test_a_cnic_starting_with_equals_is_inert_in_csv(ctx: Context, filled: dict[str, str], tmp_path: Path) -> None:
    export_register(ctx, "victims", tmp_path / "victims.csv", mode=FULL)
    assert read_csv(tmp_path / "victims.csv")[0]["cnic"] == "'=1+2"


def test_pseudonymised_is_the_default_and_holds_no_child_or_victim_name(
    ctx: Context, filled: dict[str, str], tmp_path: Path
) -> None:
    for register in ("children", "victims", "family_meetings", "cases"):
        for suffix in ("csv", "xlsx"):
            out = tmp_path / f"{register}.{suffix}"
            result = export_register(ctx, register, out)
            assert result.mode == "pseudonymised"
            raw = out.read_bytes()
            text = raw.decode("utf-8-sig") if suffix == "csv" else str(read_xlsx(out)[1])
            for secret in (
                CHILD_NAME,
                VICTIM_NAME,
                "Ghulam Rasool",
                "Bashir Ahmed",
                "Rana Tariq",
                "2345678",
                "6655443",
                "House 4",
            ):
                assert secret not in text, (register, suffix, secret)


def test_pseudonyms_are_stable_and_identity_numbers_still_link(
    ctx: Context, filled: dict[str, str], tmp_path: Path
) -> None:
    export_register(ctx, "children", tmp_path / "a.csv")
    export_register(ctx, "children", tmp_path / "b.csv")
    first, second = read_csv(tmp_path / "a.csv"), read_csv(tmp_path / "b.csv")
    by_id = {row["id"]: row for row in first}
    assert [r["name"] for r in first] == [r["name"] for r in second]
    assert by_id[filled["child"]]["name"].startswith("CHILD-") and len(by_id[filled["child"]]["name"]) == 14
    assert len({row["name"] for row in first}) == len(first)
    # The same guardian CNIC, typed with and without dashes, gives the same pseudonym.
    assert by_id[filled["child"]]["guardian_cnic"] == by_id[filled["sibling"]]["guardian_cnic"]
    assert by_id[filled["child"]]["guardian_cnic"].startswith("CNIC-")
    assert by_id[filled["child"]]["notes"] == "(withheld)"
    assert by_id[filled["child"]]["sex"] == "female"  # non-identifying fields stay for analysis


def test_deleted_rows_are_not_exported(ctx: Context, filled: dict[str, str], tmp_path: Path) -> None:
    result = export_register(ctx, "children", tmp_path / "children.csv", mode=FULL)
    names = [row["name"] for row in read_csv(tmp_path / "children.csv")]
    assert result.rows == 3 and "Deleted Child" not in names


def test_dates_read_dd_mm_yyyy_in_csv_and_are_real_dates_in_xlsx(
    ctx: Context, filled: dict[str, str], tmp_path: Path
) -> None:
    export_register(ctx, "children", tmp_path / "c.csv")
    assert {r["id"]: r["rescue_date"] for r in read_csv(tmp_path / "c.csv")}[filled["child"]] == "10/01/2026"
    export_register(ctx, "children", tmp_path / "c.xlsx")
    header, rows, ws = read_xlsx(tmp_path / "c.xlsx")
    at = [r[header.index("id")] for r in rows].index(filled["child"])
    assert rows[at][header.index("rescue_date")] == dt.datetime(2026, 1, 10)
    assert ws.cell(row=at + 2, column=header.index("rescue_date") + 1).number_format == "DD/MM/YYYY"
    assert ws.freeze_panes == "A2"


def test_every_export_is_audited_with_register_mode_and_count_only(
    ctx: Context, filled: dict[str, str], tmp_path: Path
) -> None:
    export_register(ctx, "children", tmp_path / "c.csv")
    export_register(ctx, "victims", tmp_path / "v.xlsx", mode=FULL)
    with ctx.store.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all()
    assert [(e.register, e.detail) for e in entries] == [
        ("children", "pseudonymised csv rows=3"),
        ("victims", "full xlsx rows=1"),
    ]


def test_files_are_written_atomically_leaving_no_temp_files(
    ctx: Context, filled: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    export_register(ctx, "children", folder / "c.xlsx")
    assert sorted(p.name for p in folder.iterdir()) == ["c.xlsx"]


def test_a_viewer_cannot_export(ctx: Context, filled: dict[str, str], tmp_path: Path) -> None:
    accounts.add_user(ctx, "viewer1", "Viewer One", "viewer", "viewer passphrase 1", kdf=FAST_KDF)
    viewer = context_for(ctx.store, "viewer1", ctx.clock)
    with pytest.raises(PermissionDenied):
        export_register(viewer, "children", tmp_path / "c.csv")
    assert not (tmp_path / "c.csv").exists()


def test_only_the_sho_exports_in_full(ctx: Context, filled: dict[str, str], tmp_path: Path) -> None:
    accounts.add_user(ctx, "asi.one", "ASI One", "officer", "officer passphrase 1", kdf=FAST_KDF)
    officer = context_for(ctx.store, "asi.one", ctx.clock)
    with pytest.raises(PermissionDenied):
        export_register(officer, "children", tmp_path / "full.csv", mode=FULL)
    assert export_register(officer, "children", tmp_path / "pseudo.csv").rows == 3


def test_an_unknown_file_type_is_refused(ctx: Context, filled: dict[str, str], tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        export_register(ctx, "children", tmp_path / "c.txt")
