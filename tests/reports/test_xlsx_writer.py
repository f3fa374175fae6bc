"""The XLSX writer changed (openpyxl → xlsxwriter, for speed): what a spreadsheet shows must not have changed.

The oracle is the previous writer, kept here: pandas' openpyxl engine with the same date formats. Both files
are read back with openpyxl and compared cell by cell — value, type and date format — plus the frozen header.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.utils import get_column_letter

from desktop_app.reports.exports import (
    export_register,
    neutralise,
    pseudonym_secret,
    pseudonymise,
    readable,
    register_frame,
    xlsx_bytes,
)
from desktop_app.services.context import Context
from desktop_app.services.registry import spec_for
from tests.reports.test_indicators import build_register


def previous_xlsx_bytes(frame: pd.DataFrame, *, sheet: str) -> bytes:
    buffer = io.BytesIO()
    name = re.sub(r"[\[\]:*?/\\]", " ", sheet)[:31]
    with pd.ExcelWriter(
        buffer, engine="openpyxl", date_format="DD/MM/YYYY", datetime_format="DD/MM/YYYY HH:MM:SS"
    ) as w:
        frame.to_excel(w, sheet_name=name, index=False)
        ws = w.sheets[name]
        ws.freeze_panes = "A2"
        for c, column in enumerate(frame.columns, start=1):
            sample = [len(str(column))] + [len(str(v)) for v in frame[column].head(200) if v is not None]
            ws.column_dimensions[get_column_letter(c)].width = min(50, max(sample) + 2)
            if any(isinstance(v, dt.date) for v in frame[column]):
                for (cell,) in ws.iter_rows(min_row=2, min_col=c, max_col=c):
                    if isinstance(cell.value, dt.datetime) and cell.value.time() != dt.time():
                        cell.number_format = "DD/MM/YYYY HH:MM:SS"
                    elif isinstance(cell.value, dt.date):
                        cell.number_format = "DD/MM/YYYY"
    return buffer.getvalue()


def cells(data: bytes) -> tuple[str, str | None, list[list[tuple[object, str]]]]:
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert ws is not None
    grid = [
        [(cell.value, cell.number_format if isinstance(cell.value, dt.date) else "") for cell in row]
        for row in ws.iter_rows()
    ]
    return ws.title, ws.freeze_panes, grid


def test_every_register_writes_what_the_previous_writer_wrote(ctx: Context) -> None:
    build_register(ctx)
    for register in ("children", "inspections", "cases", "victims", "agreements", "persons", "sites"):
        spec = spec_for(register)
        for frame in (
            neutralise(readable(register_frame(ctx, register))),
            neutralise(readable(pseudonymise(register_frame(ctx, register), spec, pseudonym_secret(ctx)))),
        ):
            assert len(frame) > 0 or register == "persons"
            assert cells(xlsx_bytes(frame, sheet=spec.label)) == cells(previous_xlsx_bytes(frame, sheet=spec.label))


def test_odd_values_are_written_the_same() -> None:
    frame = pd.DataFrame(
        {
            "text": ["Muhammad Imran", "محمد عمران", "'=HYPERLINK()", None],
            "number": [0, -3, 2**31 - 1, None],
            "money": [1.5, 1800000, float("nan"), 7],
            "day": [dt.date(2026, 2, 1), None, dt.date(1999, 12, 31), dt.date(2026, 1, 1)],
            "moment": [dt.datetime(2026, 2, 1, 10, 30, 5), dt.datetime(2026, 2, 1), None, None],
        },
        dtype=object,
    )
    assert cells(xlsx_bytes(frame, sheet="Odd: values?")) == cells(previous_xlsx_bytes(frame, sheet="Odd: values?"))


def test_the_export_leaves_no_temporary_file(ctx: Context, tmp_path: Path, monkeypatch: object) -> None:
    import tempfile

    build_register(ctx)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    tempfile.tempdir = str(scratch)
    try:
        export_register(ctx, "children", tmp_path / "children.xlsx")
    finally:
        tempfile.tempdir = None
    assert list(scratch.iterdir()) == []
