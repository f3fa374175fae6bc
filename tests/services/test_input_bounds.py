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
