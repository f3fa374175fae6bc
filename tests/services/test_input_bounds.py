"""Numbers are bounded to what their column holds: a refusal in words, never a database error after Save."""

from __future__ import annotations

import pytest

from desktop_app.errors import ValidationError
from desktop_app.services.records import Records
from tests.services.helpers import inspection, site


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        (10**20, "at most 2,147,483,647"),  # was OverflowError from SQLite
        (str(10**19), "at most 2,147,483,647"),
        (2**31, "at most 2,147,483,647"),  # fits SQLite, but not a district's PostgreSQL INTEGER
        ("9" * 5000, "far too large"),  # was Python's own ValueError (4300-digit limit)
    ],
)
def test_a_count_too_large_for_its_column_is_refused_in_words(records: Records, typed: object, words: str) -> None:
    kiln = site(records)
    with pytest.raises(ValidationError) as refused:
        inspection(records, kiln, workers_total=typed)
    assert set(refused.value.errors) == {"workers_total"}
    assert words in refused.value.errors["workers_total"]


def test_the_largest_count_the_column_holds_is_kept(records: Records) -> None:
    kiln = site(records)
    made = inspection(records, kiln, workers_total=2**31 - 1)
    assert records.get("inspections", made)["workers_total"] == 2**31 - 1


def test_a_cnic_in_urdu_or_full_width_digits_is_stored_in_ascii_and_found(records: Records) -> None:
    from desktop_app.services import search

    urdu = records.create("persons", {"name": "Tariq Mehmood", "role": "agent", "cnic": "۳۴۴۰۲-۱۲۳۴۵۶۷-۱"}).first_id
    wide = records.create(
        "persons", {"name": "Zahid Iqbal", "role": "agent", "cnic": "３４４０２１２３４５６７２"}
    ).first_id
    assert records.get("persons", urdu)["cnic"] == "34402-1234567-1"
    assert records.get("persons", wide)["cnic"] == "34402-1234567-2"
    with records.ctx.store.session() as session:
        assert urdu in search.matching_ids(session, "34402-1234567-1", ["persons"])


@pytest.mark.parametrize("typed", ["³⁴⁴⁰²-¹²³⁴⁵⁶⁷-¹", "3440A-1234567-1"])
def test_a_cnic_of_what_are_not_digits_is_refused(records: Records, typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        records.create("persons", {"name": "Tariq Mehmood", "role": "agent", "cnic": typed})
    assert "13 digits" in refused.value.errors["cnic"]


def test_phones_and_counts_in_urdu_digits_become_ascii(records: Records) -> None:
    person = records.create("persons", {"name": "Tariq Mehmood", "role": "agent", "phones": "۰۳۰۰-۱۲۳۴۵۶۷"}).first_id
    assert records.get("persons", person)["phones"] == "0300-1234567"
    made = inspection(records, site(records), workers_total="۴۰", workers_bonded="३६")
    state = records.get("inspections", made)
    assert (state["workers_total"], state["workers_bonded"]) == (40, 36)


@pytest.mark.parametrize("typed", ["nan", "inf", "-inf", float("nan")])
def test_not_a_number_is_refused(records: Records, typed: object) -> None:
    with pytest.raises(ValidationError) as refused:
        records.create("sites", {"kind": "brick_kiln", "name": "Al-Noor", "tehsil": "Phalia", "gps_lat": typed})
    assert "number" in refused.value.errors["gps_lat"]


@pytest.mark.parametrize("given", ["../../etc/passwd", "1", "ABCDEF00-0000-4000-8000-000000000000", 42])
def test_an_id_that_is_not_a_canonical_uuid_is_refused_in_words(records: Records, given: object) -> None:
    with pytest.raises(ValidationError) as refused:
        records.create("persons", {"id": given, "name": "Tariq Mehmood", "role": "agent"})
    assert "leave it out" in refused.value.errors["id"]


def test_an_id_that_exists_already_is_refused_not_a_database_error(records: Records) -> None:
    first = records.create("persons", {"name": "Tariq Mehmood", "role": "agent"}).first_id
    with pytest.raises(ValidationError) as refused:
        records.create("persons", {"id": first, "name": "Someone Else", "role": "agent"})
    assert "exists already" in refused.value.errors["id"]
