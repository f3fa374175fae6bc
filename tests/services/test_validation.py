"""Validation an officer would expect: each error names the field and says what is wrong."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.errors import ValidationError
from desktop_app.services.records import Records
from desktop_app.services.validation import FieldError, normalise_cnic, normalise_mobile, parse_date
from tests.services.helpers import one_of_each, site


@pytest.mark.parametrize("typed", ["3440212345671", "34402-1234567-1", "34402 1234567 1", " 34402-12345671 "])
def test_cnic_is_accepted_with_or_without_dashes_and_stored_one_way(typed: str) -> None:
    assert normalise_cnic(typed) == "34402-1234567-1"


@pytest.mark.parametrize("typed", ["3440212345", "34402-1234567-12", "3440A12345671", "34402_1234567_1", ""])
def test_malformed_cnic_is_refused(typed: str) -> None:
    with pytest.raises(FieldError, match="13 digits"):
        normalise_cnic(typed)


@given(st.lists(st.sampled_from("0123456789"), min_size=13, max_size=13), st.sets(st.integers(1, 12)))
def test_any_thirteen_digits_with_dashes_anywhere_normalise(digits: list[str], dash_after: set[int]) -> None:
    typed = "".join(d + ("-" if i + 1 in dash_after else "") for i, d in enumerate(digits))
    result = normalise_cnic(typed)
    assert result.replace("-", "") == "".join(digits) and len(result) == 15


@pytest.mark.parametrize(
    "typed", ["0300-1234567", "03001234567", "+92 300 1234567", "923001234567", "0092-300-1234567"]
)
def test_pakistani_mobile_forms_are_accepted(typed: str) -> None:
    assert normalise_mobile(typed) == "0300-1234567"


@pytest.mark.parametrize("typed", ["0423-1234567", "0300-123456", "+44 7700 900123", "phone"])
def test_non_mobile_numbers_are_refused(typed: str) -> None:
    with pytest.raises(FieldError, match="0300-1234567"):
        normalise_mobile(typed)


def test_dates_are_read_day_first() -> None:
    assert parse_date("05/03/2026") == dt.date(2026, 3, 5)
    assert parse_date("2026-03-05") == dt.date(2026, 3, 5)


# register, values that are wrong, the field that must be named
BAD_INPUT: list[tuple[str, dict[str, Any], str]] = [
    ("persons", {"name": "", "role": "agent"}, "name"),
    ("persons", {"name": "X", "role": "agent", "cnic": "12345"}, "cnic"),
    ("persons", {"name": "X", "role": "agent", "phones": "042-111"}, "phones"),
    ("persons", {"name": "X", "role": "boss"}, "role"),
    ("sites", {"kind": "brick_kiln", "name": "K", "tehsil": "Phalia", "gps_lat": 51.5}, "gps_lat"),
    ("sites", {"kind": "castle", "name": "K", "tehsil": "Phalia"}, "kind"),
    ("inspections", {"date": "2026-03-02", "officers": "SI A"}, "date"),
    (
        "inspections",
        {"date": "2026-02-01", "officers": "SI A", "workers_total": 10, "workers_bonded": 11},
        "workers_bonded",
    ),
    ("inspections", {"date": "2026-02-01", "officers": "SI A", "workers_total": -1}, "workers_total"),
    (
        "inspections",
        {"date": "2026-02-01", "officers": "SI A", "children_found": 1, "children_withdrawn": 2},
        "children_withdrawn",
    ),
    ("children", {"name": "C", "sex": "male", "rescue_date": "2026-02-01"}, "age_years"),
    (
        "children",
        {"name": "C", "sex": "male", "age_years": 11, "rescue_date": "2026-02-01", "guardian_cnic": "1"},
        "guardian_cnic",
    ),
    ("children", {"name": "C", "sex": "male", "age_years": 25, "rescue_date": "2026-02-01"}, "age_years"),
    ("children", {"name": "C", "sex": "male", "age_years": 9, "rescue_date": "2099-01-01"}, "rescue_date"),
    (
        "children",
        {"name": "C", "sex": "male", "age_years": 9, "rescue_date": "2026-02-01", "status": "enrolled"},
        "school_name",
    ),
    (
        "victims",
        {"name": "V", "status": "missing", "route": "libya_italy_sea", "amount_paid_pkr": -5},
        "amount_paid_pkr",
    ),
    ("victims", {"name": "V", "status": "lost", "route": "libya_italy_sea"}, "status"),
    (
        "victims",
        {
            "name": "V",
            "status": "missing",
            "route": "libya_italy_sea",
            "date_of_departure": "2026-02-01",
            "date_of_incident": "2026-01-01",
        },
        "date_of_incident",
    ),
    ("cases", {"title": "", "offence_category": "bonded_labour"}, "title"),
    (
        "cases",
        {
            "title": "T",
            "offence_category": "bonded_labour",
            "occurrence_date": "2026-02-10",
            "report_date": "2026-02-01",
        },
        "report_date",
    ),
    (
        "referrals",
        {
            "subject_register": "sites",
            "subject_id": "00000000-0000-4000-8000-000000000000",
            "department": "fia",
            "date": "2026-02-01",
            "reason": "r",
        },
        "subject_register",
    ),
]


@pytest.mark.parametrize(("register", "values", "field"), BAD_INPUT, ids=[f"{r}-{f}" for r, _, f in BAD_INPUT])
def test_bad_input_names_the_field(records: Records, register: str, values: dict[str, Any], field: str) -> None:
    if register == "inspections":
        values = {"site_id": site(records), **values}
    with pytest.raises(ValidationError) as caught:
        records.create(register, values)
    assert field in caught.value.errors, caught.value.errors
    assert caught.value.errors[field]


def test_agreement_below_the_notified_minimum_is_refused(records: Records) -> None:
    with pytest.raises(ValidationError) as caught:
        records.create(
            "agreements",
            {
                "site_id": site(records),
                "date": "2026-01-01",
                "committed_rate_per_1000": 1500,
                "notified_min_rate_per_1000": 1658,
                "workers_covered": 10,
            },
        )
    assert "committed_rate_per_1000" in caught.value.errors


def test_reference_to_a_missing_record_is_refused(records: Records) -> None:
    with pytest.raises(ValidationError) as caught:
        records.create(
            "inspections", {"site_id": "00000000-0000-4000-8000-000000000000", "date": "2026-02-01", "officers": "SI A"}
        )
    assert "does not exist" in caught.value.errors["site_id"]


def test_unknown_field_is_refused(records: Records) -> None:
    with pytest.raises(ValidationError) as caught:
        records.create("persons", {"name": "X", "role": "agent", "favourite_colour": "blue"})
    assert "favourite_colour" in caught.value.errors


def test_every_register_accepts_a_valid_record(records: Records) -> None:
    ids = one_of_each(records)
    for register, record_id in ids.items():
        assert records.get(register, record_id)["id"] == record_id


def test_values_are_stored_normalised(records: Records) -> None:
    record_id = records.create(
        "persons",
        {"name": "  Asif  ", "role": "agent", "cnic": "3440212345671", "phones": "+92 300 1234567, 03211234567"},
    ).first_id
    stored = records.get("persons", record_id)
    assert (stored["name"], stored["cnic"], stored["phones"]) == (
        "Asif",
        "34402-1234567-1",
        "0300-1234567, 0321-1234567",
    )


def test_a_phone_list_longer_than_its_column_is_refused_at_the_station(records: Records) -> None:
    # guardian_phone is VARCHAR(20): two numbers were stored here but refused by the district's bundle check.
    with pytest.raises(ValidationError) as caught:
        records.create(
            "children",
            {
                "name": "X",
                "sex": "male",
                "age_years": 9,
                "rescue_date": "2026-02-01",
                "guardian_phone": "03001234567, 03211234567",
            },
        )
    assert caught.value.errors == {"guardian_phone": "there is room for one number only"}
    two = records.create("persons", {"name": "Y", "role": "agent", "phones": "03001234567, 03211234567"}).first_id
    assert records.get("persons", two)["phones"] == "0300-1234567, 0321-1234567"


def test_blanking_a_field_its_column_needs_is_refused_in_words_not_a_database_error(records: Records) -> None:
    # A follow-up interval may be left blank on a new agreement (the register's default fills it), but blanking it
    # later reached the database as NULL and failed there with an IntegrityError.
    ids = one_of_each(records)
    with pytest.raises(ValidationError) as caught:
        records.update("agreements", ids["agreements"], {"followup_interval_days": None})
    assert caught.value.errors == {"followup_interval_days": "required"}
    assert records.get("agreements", ids["agreements"])["followup_interval_days"] == 60


# --- hidden characters: refused in every text field of every register ------------------------------------------

HIDDEN = ["Ali \u202eevil\u202c txt.exe", "Tariq\x1b[31mRED\x1b[0m", "nul\x00here", "\u2067اسم\u2069", "bell\x07"]


@pytest.mark.parametrize("typed", HIDDEN)
def test_every_text_field_of_every_register_refuses_control_and_direction_characters(typed: str) -> None:
    from desktop_app.services import registry
    from desktop_app.services.validation import clean_value

    checked = 0
    for spec in registry.load_all().values():
        for rule in spec.fields.values():
            if (rule.kind or "text") != "text":
                continue
            with pytest.raises(FieldError, match="hidden control or text-direction character"):
                clean_value(rule, typed, dt.date(2026, 12, 1))
            checked += 1
    assert checked > 20, "the registers should have many text fields"


def test_a_person_named_with_a_right_to_left_override_is_refused_and_nothing_is_written(records: Records) -> None:
    before = len(records.list("persons"))
    with pytest.raises(ValidationError) as caught:
        records.create("persons", {"name": "Ali \u202eevil\u202c txt.exe", "role": "agent"})
    assert "U+202E" in caught.value.errors["name"]
    assert len(records.list("persons")) == before


def test_line_breaks_tabs_and_urdu_are_still_accepted(records: Records) -> None:
    from desktop_app.services.validation import hidden_character

    assert hidden_character("First line\nsecond\tline محمد عمران، عمر 17 سال") is None


# --- characters the printed summary cannot draw: refused at input, never dropped ---------------------------------

UNPRINTABLE = ["Bilal 😀", "王小明", "kiln ☎ 0300", "a ∑ b"]


@pytest.mark.parametrize("typed", UNPRINTABLE)
def test_every_text_field_refuses_a_character_the_report_fonts_cannot_draw(typed: str) -> None:
    from desktop_app.services import registry
    from desktop_app.services.validation import clean_value

    checked = 0
    for spec in registry.load_all().values():
        for rule in spec.fields.values():
            if (rule.kind or "text") != "text":
                continue
            with pytest.raises(FieldError, match="the printed summary cannot show"):
                clean_value(rule, typed, dt.date(2026, 12, 1))
            checked += 1
    assert checked > 20


def test_an_emoji_in_a_name_is_refused_in_a_sentence_naming_it_and_nothing_is_written(records: Records) -> None:
    before = len(records.list("persons"))
    with pytest.raises(ValidationError) as caught:
        records.create("persons", {"name": "Tariq 😀 Mehmood", "role": "agent"})
    assert "U+1F600" in caught.value.errors["name"] and "remove it" in caught.value.errors["name"]
    assert len(records.list("persons")) == before


def test_urdu_accented_latin_and_typographic_marks_are_accepted(records: Records) -> None:
    typed = "محمد عمران ولد غلام رسول، عمر ۱۷ سال۔ José Muñoz – “Bhatta” No. 7… ₨ 1,110 • 10°"
    person = records.create("persons", {"name": typed, "role": "witness"}).first_id
    assert records.get("persons", person)["name"] == typed
