"""Pseudonymised exports carry no typed text that could name anyone: a marker written into every free-text field
of every register never reaches the CSV or XLSX, and every text column of every register has a recorded decision
(personal, unless its register's spec lists it in `public_fields`), so a new notes-like column cannot slip out
unreviewed."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import openpyxl
from sqlalchemy import String

from desktop_app.models.base import RecordMixin
from desktop_app.reports.exports import FULL, WITHHELD, export_register
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.services.registers.cases import change_case_status
from desktop_app.services.registry import register_models, spec_for
from tests.services.helpers import one_of_each

# Synthetic; mixed case so it cannot occur by chance in a pseudonym (upper-case hex) or a date. Short, because
# it must fit the narrowest text field (a passport number); a number after it says which field it was put in.
MARKER = "Qx7Mk"
# Identity numbers must pass validation, so they carry a distinctive run of digits instead of the marker.
NUMBER_MARK = "7316429"
MARKED_NUMBERS = {"cnic": f"35202-{NUMBER_MARK}-1", "phones": f"0312-{NUMBER_MARK}"}

# Record ids, the station code, the clock stamp and the account that wrote the row: set by the services, never
# typed by an officer, and what the analyst joins and de-duplicates on.
SYSTEM_TEXT = RecordMixin.SYSTEM_FIELDS
# Ids of other records and values from a fixed choice list: validation lets nothing else in.
CLOSED_KINDS = frozenset({"ref", "link", "enum", "register"})
PSEUDONYM = re.compile(r"[A-Z]+-[0-9A-F]{8}")


def text_columns(register: str) -> list[str]:
    """The register's own text columns that could hold something an officer typed."""
    spec = spec_for(register)
    table = register_models()[register].__table__  # type: ignore[attr-defined]
    out = []
    for column in table.columns:
        field = spec.fields.get(column.key)
        if not isinstance(column.type, String) or column.key in SYSTEM_TEXT:
            continue
        if field is not None and field.kind in CLOSED_KINDS:
            continue
        out.append(column.key)
    return out


def non_personal(register: str) -> frozenset[str]:
    """Text columns that stay readable in a pseudonymised export: the ones the register's spec declares public (each
    a place or a code from a short list that the analyst groups by, never prose an officer types about a person)."""
    return frozenset(c for c in spec_for(register).public_fields if c in text_columns(register))


def personal_text_columns(register: str) -> list[str]:
    """Every text column that must be in `personal_fields`: free text, names, identity numbers, phones."""
    return [c for c in text_columns(register) if c not in non_personal(register)]


def free_text_columns(register: str) -> list[str]:
    """The personal text columns an officer types freely (identity numbers and phones have a fixed form)."""
    fields = spec_for(register).fields
    return [c for c in personal_text_columns(register) if c not in fields or fields[c].kind == "text"]


def number_columns(register: str) -> list[str]:
    fields = spec_for(register).fields
    return [c for c in personal_text_columns(register) if c in fields and fields[c].kind in MARKED_NUMBERS]


def all_free_text() -> list[tuple[str, str]]:
    return [(r, c) for r in register_models() for c in free_text_columns(r)]


def marked(register: str, column: str) -> str:
    return f"{MARKER}{all_free_text().index((register, column)):03d}"


def marked_fields(text: str) -> list[str]:
    """Which fields' markers occur in an export, as register.column."""
    return sorted({".".join(all_free_text()[int(n)]) for n in re.findall(rf"{MARKER}(\d{{3}})", text)})


def fill_with_markers(ctx: Context, records: Records) -> set[tuple[str, str]]:
    """One record in every register, the marker in every free-text field; returns the (register, column) filled."""
    ids = one_of_each(records)
    filled: set[tuple[str, str]] = set()
    for register, record_id in ids.items():
        spec = spec_for(register)
        columns = [c for c in free_text_columns(register) if c in spec.fields and c not in spec.workflow_fields]
        numbers = {c: MARKED_NUMBERS[spec.fields[c].kind] for c in number_columns(register)}
        records.update(register, record_id, {c: marked(register, c) for c in columns} | numbers)
        filled |= {(register, c) for c in [*columns, *numbers]}
    # A case's FIR details and its status notes are written only through the workflow (the fixture is the SHO).
    case = ids["cases"]
    change_case_status(ctx, case, "with_sho", date="2026-02-20", note=marked("case_status_changes", "note"))
    change_case_status(
        ctx,
        case,
        "fir_registered",
        date="2026-02-21",
        note=marked("case_status_changes", "note"),
        fir_number=marked("cases", "fir_number"),
        fir_date="2026-02-21",
        fir_station="Phalia City",
    )
    filled |= {("case_status_changes", "note"), ("cases", "fir_number")}
    return filled


def csv_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


def xlsx_text(path: Path) -> str:
    workbook = openpyxl.load_workbook(path)
    cells = [ws.title for ws in workbook.worksheets]
    for ws in workbook.worksheets:
        cells += [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    return "\n".join(cells)


def test_every_free_text_field_was_filled_and_reaches_a_full_export(
    ctx: Context, records: Records, tmp_path: Path
) -> None:
    # Guards the test below against passing for want of data: every free-text column holds the marker.
    filled = fill_with_markers(ctx, records)
    expected = {(r, c) for r in register_models() for c in personal_text_columns(r)}
    assert expected - filled == set()
    for register in register_models():
        out = tmp_path / f"{register}-full.csv"
        export_register(ctx, register, out, mode=FULL)
        text = csv_text(out)
        assert [c for c in free_text_columns(register) if marked(register, c) not in text] == [], register
        assert not number_columns(register) or NUMBER_MARK in text, register


def test_no_free_text_reaches_a_pseudonymised_export_of_any_register(
    ctx: Context, records: Records, tmp_path: Path
) -> None:
    fill_with_markers(ctx, records)
    leaks: dict[str, list[str]] = {}
    for register in register_models():
        for suffix, read in (("csv", csv_text), ("xlsx", xlsx_text)):
            out = tmp_path / f"{register}.{suffix}"
            export_register(ctx, register, out)
            text = read(out)
            found = set(marked_fields(text))
            if NUMBER_MARK in text:
                found.add(f"an identity number or phone ({', '.join(number_columns(register))})")
            if found or MARKER in text:
                leaks[f"{register}.{suffix}"] = sorted(found) or [MARKER]
    assert leaks == {}


def test_free_text_is_withheld_whole_never_partly_kept(ctx: Context, records: Records, tmp_path: Path) -> None:
    fill_with_markers(ctx, records)
    for register in register_models():
        out = tmp_path / f"{register}.csv"
        export_register(ctx, register, out)
        with out.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for column in free_text_columns(register):
            values = {row[column] for row in rows}
            # Names become stable pseudonyms and numbers keyed hashes; every other text is "(withheld)" whole.
            assert all(v == WITHHELD or PSEUDONYM.fullmatch(v) for v in values), (register, column, values)


def test_every_text_column_of_every_register_is_personal_or_explicitly_allowed() -> None:
    undecided = {
        register: [c for c in personal_text_columns(register) if c not in spec_for(register).personal_fields]
        for register in register_models()
    }
    assert {r: cs for r, cs in undecided.items() if cs} == {}


def test_personal_fields_and_the_allow_list_name_real_columns_and_do_not_overlap() -> None:
    for register in register_models():
        columns = {c.key for c in register_models()[register].__table__.columns}  # type: ignore[attr-defined]
        personal = set(spec_for(register).personal_fields)
        allowed = non_personal(register)
        assert personal <= columns, (register, personal - columns)
        assert allowed <= set(text_columns(register)), (register, allowed - set(text_columns(register)))
        assert personal & allowed == set(), register


def test_a_sites_name_licence_and_position_do_not_leave_the_station(
    ctx: Context, records: Records, tmp_path: Path
) -> None:
    # A small kiln or agency is named after its owner, and GPS finds it as surely as its name.
    site = records.create(
        "sites",
        {
            "kind": "travel_agency",
            "name": "Rana Travels",
            "tehsil": "Phalia",
            "village": "Helan",
            "licence_no": "OEP-4471/RWP",
            "gps_lat": 32.4312,
            "gps_lon": 73.5791,
        },
    ).first_id
    export_register(ctx, "sites", tmp_path / "sites.csv")
    with (tmp_path / "sites.csv").open(encoding="utf-8-sig", newline="") as handle:
        (row,) = [r for r in csv.DictReader(handle) if r["id"] == site]
    assert row["name"].startswith("SITE-") and row["licence_no"].startswith("LICENCE-")
    assert (row["gps_lat"], row["gps_lon"]) == (WITHHELD, WITHHELD)
    assert (row["kind"], row["tehsil"], row["village"]) == ("travel_agency", "Phalia", "Helan")
