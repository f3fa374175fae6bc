"""Register exports to CSV or XLSX: pseudonymised by default, formula injection neutralised, written atomically.

Pseudonymised (the default, and the only mode for anything leaving the station): every personal field of a
register (every field its spec does not list in `public_fields`) is replaced — the record's name by a stable
pseudonym such as "CHILD-7F3A09C2" (HMAC of the record id under a secret derived from the store's data key),
identity numbers, phones and licence and FIR numbers by a keyed hash of the number (so the same CNIC still links
rows without being readable), and anything else, free text above all, by "(withheld)" as a whole. The register
specs are the one list of what is public; tests/reports/test_exports_free_text.py puts a marker into every
free-text field and checks that none reaches a pseudonymised export.
`full` keeps everything, is for the SHO only, and is audited like every export.

Any text cell that a spreadsheet could read as a formula (starting with = + - @, a tab or a carriage return)
gets a leading apostrophe, in CSV and XLSX alike, so a name typed as "=HYPERLINK(...)" stays text.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import io
import json
import numbers
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import select

from desktop_app.errors import PermissionDenied, ValidationError
from desktop_app.models.base import RecordMixin
from desktop_app.models.enums import Role
from desktop_app.models.station import StationInfo
from desktop_app.services import audit, permissions
from desktop_app.services.clock import PAKISTAN
from desktop_app.services.context import Context
from desktop_app.services.registry import RegisterSpec, load_all, spec_for
from desktop_app.store.atomic import write_atomic

PSEUDONYMISED, FULL = "pseudonymised", "full"
FORMATS = ("csv", "xlsx")
WITHHELD = "(withheld)"

ID_NUMBER_KINDS = {"cnic": "CNIC", "phones": "PHONE"}

# Leading characters that make Excel, LibreOffice or Google Sheets evaluate a cell (OWASP CSV injection),
# with their full-width forms, which some spreadsheet locales also accept.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    register: str
    mode: str
    rows: int


def export_register(
    ctx: Context, register: str, out: Path, *, mode: str = PSEUDONYMISED, station_code: str | None = None
) -> ExportResult:
    """Write one register's live rows to `out` (.csv or .xlsx) and audit it (register, mode, row count)."""
    permissions.require(ctx, permissions.EXPORT)
    if mode not in (PSEUDONYMISED, FULL):
        raise ValidationError({"mode": f"choose {PSEUDONYMISED} or {FULL}"})
    if mode == FULL and ctx.actor.role != Role.SHO:
        raise PermissionDenied("only the SHO may export names and identity numbers; export pseudonymised instead")
    out = Path(out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValidationError({"out": "the file must end in .csv or .xlsx"})
    spec = spec_for(register)
    frame = register_frame(ctx, register, station_code=station_code)
    if mode == PSEUDONYMISED:
        frame = pseudonymise(frame, spec, pseudonym_secret(ctx))
    frame = neutralise(readable(frame))
    data = csv_bytes(frame) if fmt == "csv" else xlsx_bytes(frame, sheet=spec.label)
    write_atomic(out, data)
    with ctx.store.transaction() as session:
        audit.append_many(session, ctx, [("export", register, None, f"{mode} {fmt} rows={len(frame)}")])
    return ExportResult(out, register, mode, len(frame))


def register_frame(ctx: Context, register: str, *, station_code: str | None = None) -> pd.DataFrame:
    """The register's live rows (tombstones left out), every column, oldest first."""
    permissions.require(ctx, permissions.READ)
    registers = load_all()
    if register not in registers:
        raise ValidationError({"register": f"unknown register; choose one of {', '.join(registers)}"})
    table = registers[register].model.__table__  # type: ignore[attr-defined]
    stmt = select(table).where(table.c.deleted_at.is_(None)).order_by(table.c.created_at, table.c.id)
    if station_code is not None:
        stmt = stmt.where(table.c.station_code == station_code)
    with ctx.store.session() as session:
        rows = session.execute(stmt).mappings().all()
    # Identity first, then the register's own fields, then the bookkeeping columns every register shares.
    keys = [c.key for c in table.columns]
    system = [k for k in keys if k in RecordMixin.SYSTEM_FIELDS and k not in ("id", "station_code")]
    order = ["id", "station_code", *[k for k in keys if k not in RecordMixin.SYSTEM_FIELDS], *system]
    return pd.DataFrame([dict(r) for r in rows], columns=order, dtype=object)


# -- pseudonyms ---------------------------------------------------------------------------------------------------


def pseudonym_secret(ctx: Context) -> bytes:
    """A per-store secret: stable across exports from this store, unguessable without the store.

    Derived from the station's private signing key (inside the encrypted database), not from the data key: the data
    key changes at every disable and passphrase change, and pseudonyms must still match across those exports.
    """
    with ctx.store.session() as session:
        identity = session.scalar(select(StationInfo.identity).where(StationInfo.id == 1)) or {}
    return hmac.new(base64.b64decode(str(identity["sign"])), b"ahtc-register/pseudonyms/v2", hashlib.sha256).digest()


def pseudonym(secret: bytes, prefix: str, value: str) -> str:
    digest = hmac.new(secret, f"{prefix}:{value}".encode(), hashlib.sha256).hexdigest()
    return f"{prefix}-{digest[:8].upper()}"


def pseudonymise(frame: pd.DataFrame, spec: RegisterSpec, secret: bytes) -> pd.DataFrame:
    out = frame.copy()
    prefix = spec.prefix
    for column in spec.personal_fields:
        if column not in out.columns:
            continue
        if column == "name":
            out[column] = [pseudonym(secret, prefix, str(i)) for i in out["id"]]
            continue
        field = spec.fields.get(column)
        # Numbers that open another file (a passport, an agency's licence, the FIR) are hashed like a CNIC.
        id_kind = (field.id_number or ID_NUMBER_KINDS.get(field.kind)) if field is not None else None
        if id_kind is not None:
            out[column] = [None if _blank(v) else pseudonym(secret, id_kind, _digits(v)) for v in out[column]]
        else:
            # Free text can name anyone anywhere ("Agent sent Ali Gondal abroad..."), and no filter finds every
            # name in Urdu or English prose, so the whole value goes, never an edited part of it.
            out[column] = [None if _blank(v) else WITHHELD for v in out[column]]
    return out


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value == ""


def _digits(value: Any) -> str:
    # "34101-2345678-9" and "3410123456789" are the same person: hash the digits only.
    text = str(value)
    digits = re.sub(r"\D", "", text)
    return digits or text.strip().upper()


# -- making cells readable and inert ------------------------------------------------------------------------------


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as dates, times in Pakistan time (naive, for spreadsheets), lists joined, booleans as yes/no."""
    out = frame.copy()
    for column in out.columns:
        out[column] = [_readable_value(v) for v in out[column]]
    return out


def _readable_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(PAKISTAN).replace(tzinfo=None, microsecond=0)
    if isinstance(value, list | dict):
        return "; ".join(map(str, value)) if isinstance(value, list) else json.dumps(value, ensure_ascii=False)
    return value


def neutralise_value(value: Any) -> Any:
    """Text that a spreadsheet would evaluate gets a leading apostrophe; everything else is returned as is."""
    if isinstance(value, str):
        value = _ILLEGAL_XML.sub("", value)
        if value.startswith(FORMULA_START):
            return "'" + value
    return value


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out.columns = [neutralise_value(str(c)) for c in out.columns]
    for column in out.columns:
        out[column] = [neutralise_value(v) for v in out[column]]
    return out


def _csv_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y %H:%M:%S}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    text = str(frame.map(_csv_value).to_csv(index=False, lineterminator="\r\n"))
    # The byte-order mark makes Excel read the file as UTF-8, so Urdu names are not garbled.
    return text.encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, *, sheet: str) -> bytes:
    """The frame as one worksheet: a bold header row kept in view, dates as dd/mm/yyyy, columns sized to fit.

    Written cell by cell with xlsxwriter (10,000 children in well under 2 s, where openpyxl took 9.4 s:
    bench/bench_exports.py). In memory, not in xlsxwriter's constant-memory mode: that mode streams the rows
    through temporary files, which would put names and CNICs in clear on the disk.
    """
    import xlsxwriter  # only the XLSX export needs it

    buffer = io.BytesIO()
    name = re.sub(r"[\[\]:*?/\\]", " ", sheet)[:31]
    options = {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
    workbook = xlsxwriter.Workbook(buffer, options)
    ws = workbook.add_worksheet(name)
    header = workbook.add_format({"bold": True, "border": 1, "align": "center", "valign": "top"})
    day = workbook.add_format({"num_format": "DD/MM/YYYY"})
    moment = workbook.add_format({"num_format": "DD/MM/YYYY HH:MM:SS"})
    for c, column in enumerate(frame.columns):
        ws.write_string(0, c, str(column), header)
        sample = [len(str(column))] + [len(str(v)) for v in frame[column].head(200) if v is not None]
        ws.set_column(c, c, min(50, max(sample) + 2))
    for r, row in enumerate(frame.itertuples(index=False, name=None), start=1):
        for c, value in enumerate(row):
            _write_cell(ws, r, c, value, day, moment)
    ws.freeze_panes(1, 0)
    workbook.close()
    return buffer.getvalue()


def _write_cell(ws: Any, r: int, c: int, value: Any, day: Any, moment: Any) -> None:
    if value is None or value == "" or (isinstance(value, float) and value != value):  # None, "", NaN: empty
        return
    if isinstance(value, dt.datetime):
        ws.write_datetime(r, c, value, moment if value.time() != dt.time() else day)
    elif isinstance(value, dt.date):
        ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), day)
    elif isinstance(value, bool):
        ws.write_boolean(r, c, value)
    elif isinstance(value, numbers.Real):  # numpy's numbers too
        ws.write_number(r, c, float(value) if not isinstance(value, int) else value)
    else:
        ws.write_string(r, c, str(value))
