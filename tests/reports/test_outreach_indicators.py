"""Awareness and training figures hand-counted on records written through the real services."""

from __future__ import annotations

import datetime as dt

from desktop_app.reports import indicators as ind
from desktop_app.reports.frames import Period, load_frames
from desktop_app.services.context import Context
from desktop_app.services.records import Records

PERIOD = Period(dt.date(2026, 1, 1), dt.date(2026, 2, 28))


def build(records: Records) -> None:
    def session(day: str, venue: str, count: int) -> str:
        return records.create(
            "outreach_sessions",
            {
                "date": day,
                "venue": venue,
                "institution": "Somewhere",
                "audience": "students",
                "audience_count": count,
                "officers": "SI Test",
            },
        ).first_id

    session("2026-01-15", "school", 120)
    session("2026-02-20", "school", 80)
    session("2026-02-21", "brick_kiln", 35)
    session("2025-12-30", "school", 1000)  # before the period
    gone = session("2026-02-01", "brick_kiln", 500)  # deleted below
    base = {"venue": "bus_terminal", "location": "Gate", "topic": "helpline"}
    # Posted in the period and checked in it (still up), posted before and checked in it (taken down), posted in
    # it and not checked yet, and one checked after the period.
    records.create(
        "advisories", base | {"posted_on": "2026-01-05", "checked_on": "2026-02-05", "still_displayed": True}
    )
    records.create(
        "advisories", base | {"posted_on": "2025-11-05", "checked_on": "2026-01-20", "still_displayed": False}
    )
    records.create("advisories", base | {"posted_on": "2026-02-01"})
    records.create(
        "advisories", base | {"posted_on": "2026-02-10", "checked_on": "2026-03-01", "still_displayed": True}
    )
    training = {"topic": "trafficking_law", "title": "PTPA", "trainer": "Insp. Ali"}
    records.create("trainings", training | {"date": "2026-01-10", "trainees_count": 18, "hours": 6})
    records.create("trainings", training | {"date": "2026-02-10", "trainees_count": 12})  # hours not recorded
    records.create("trainings", training | {"date": "2026-03-01", "trainees_count": 40, "hours": 12})  # after
    records.delete("outreach_sessions", gone)


def test_outreach_figures_count_what_was_done_in_the_period(ctx: Context, records: Records) -> None:
    build(records)
    w = ind.compute(load_frames(ctx, PERIOD)).outreach
    assert (w.sessions, w.audience_reached) == (3, 235)  # 120 + 80 + 35: not the earlier one, not the deleted
    assert (w.sessions_by_venue["school"], w.sessions_by_venue["brick_kiln"]) == (2, 1)
    assert set(w.sessions_by_venue) >= {"school", "college", "mosque", "travel_agency"}
    assert (w.advisories_posted, w.advisories_checked) == (3, 2)
    assert (w.advisories_still_displayed.numerator, w.advisories_still_displayed.denominator) == (1, 2)
    assert (w.trainings, w.officers_trained, w.training_hours) == (2, 30, 6)
    table = ind.indicator_table(ind.compute(load_frames(ctx, PERIOD))).set_index("indicator")
    assert table.loc["officers_trained", "value"] == 30
    assert table.loc["advisories_still_displayed", "value"] == 0.5
