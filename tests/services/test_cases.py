"""The case workflow: draft → with SHO → FIR → challan → court → outcome, every step kept as history."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.errors import ValidationError
from desktop_app.services.context import Context
from desktop_app.services.records import ListQuery, Records
from desktop_app.services.registers.cases import TRANSITIONS, change_case_status
from tests.services.helpers import case


def walk(ctx: Context, case_id: str, *steps: str) -> None:
    day = dt.date(2026, 2, 11)
    for step in steps:
        extra = (
            {"fir_number": "45/26", "fir_date": day, "fir_station": "Phalia City"} if step == "fir_registered" else {}
        )
        change_case_status(ctx, case_id, step, date=day, **extra)
        day += dt.timedelta(days=1)


def test_full_path_to_conviction_is_recorded(ctx: Context, records: Records) -> None:
    case_id = case(records)
    walk(ctx, case_id, "with_sho", "fir_registered", "challan", "court", "convicted")
    state = records.get("cases", case_id)
    assert (state["status"], state["fir_number"], state["outcome_date"]) == ("convicted", "45/26", dt.date(2026, 2, 15))
    history = records.list(
        "case_status_changes", ListQuery(filters={"case_id": case_id}, order_by="date", descending=False)
    )
    assert [(h["from_status"], h["to_status"]) for h in history] == [
        ("draft", "with_sho"),
        ("with_sho", "fir_registered"),
        ("fir_registered", "challan"),
        ("challan", "court"),
        ("court", "convicted"),
    ]


def test_skipping_a_step_is_refused(ctx: Context, records: Records) -> None:
    case_id = case(records)
    with pytest.raises(ValidationError, match="cannot go from 'draft' to 'court'"):
        change_case_status(ctx, case_id, "court", date="2026-02-11")


def test_fir_registration_needs_number_date_and_station(ctx: Context, records: Records) -> None:
    case_id = case(records)
    walk(ctx, case_id, "with_sho")
    with pytest.raises(ValidationError) as caught:
        change_case_status(ctx, case_id, "fir_registered", date="2026-02-12")
    assert {"fir_number", "fir_date", "fir_station"} <= set(caught.value.errors)


def test_a_step_cannot_predate_the_report(ctx: Context, records: Records) -> None:
    case_id = case(records)
    with pytest.raises(ValidationError, match="before the case was reported"):
        change_case_status(ctx, case_id, "with_sho", date="2026-02-01")


def test_outcomes_are_final() -> None:
    assert TRANSITIONS["convicted"] == frozenset() and TRANSITIONS["acquitted"] == frozenset()
