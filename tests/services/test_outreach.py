"""Awareness sessions, advisories and officer trainings: what each refuses, and what a pseudonymised export keeps."""

from __future__ import annotations

from typing import Any

import pytest

from desktop_app.errors import ValidationError
from desktop_app.services.records import ListQuery, Records

ADVISORY = {"posted_on": "2026-02-10", "venue": "travel_agency", "location": "Notice board", "topic": "helpline"}


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"checked_on": "2026-02-01"}, "checked_on"),  # looked at before it was put up
        ({"still_displayed": True}, "checked_on"),  # "still up" says someone went back: when?
        ({"posted_on": "2026-03-02"}, "posted_on"),  # tomorrow (the test clock is 01/03/2026)
    ],
)
def test_an_advisory_check_out_of_order_is_refused(records: Records, values: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        records.create("advisories", ADVISORY | values)
    assert field in caught.value.errors
    assert records.count("advisories", ListQuery()) == 0


def test_an_advisory_checked_again_keeps_what_was_found(records: Records) -> None:
    advisory = records.create("advisories", ADVISORY).first_id
    records.update("advisories", advisory, {"checked_on": "2026-02-25", "still_displayed": False})
    state = records.get("advisories", advisory)
    assert (state["checked_on"].isoformat(), state["still_displayed"]) == ("2026-02-25", False)


def test_a_training_trains_someone_and_a_session_counts_no_negative_audience(records: Records) -> None:
    training = {"date": "2026-02-10", "topic": "trafficking_law", "title": "PTPA", "trainer": "Insp. Ali"}
    with pytest.raises(ValidationError) as caught:
        records.create("trainings", training | {"trainees_count": 0})
    assert "trainees_count" in caught.value.errors
    session = {"date": "2026-02-10", "venue": "school", "institution": "GHS Helan", "audience": "students"}
    with pytest.raises(ValidationError) as caught:
        records.create("outreach_sessions", session | {"audience_count": -5, "officers": "SI Ali"})
    assert "audience_count" in caught.value.errors
