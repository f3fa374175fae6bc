"""Tip figures hand-counted on tips written through the real services: each step counts in the period it was
taken in; open and overdue are as the steps stood on the period's last day, whatever was done after it."""

from __future__ import annotations

import datetime as dt

from desktop_app.reports import indicators as ind
from desktop_app.reports.frames import Period, load_frames
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from tests.services.helpers import inspection, site

PERIOD = Period(dt.date(2026, 1, 1), dt.date(2026, 2, 28))
EMPTY = Period(dt.date(2024, 1, 1), dt.date(2024, 2, 29))


def build_tips(records: Records) -> None:
    visit = inspection(records, site(records), date="2026-01-10")

    def tip(received: str, channel: str, **values: object) -> str:
        base = {"received_on": received, "channel": channel, "category": "bonded_labour", "place": "Kiln"}
        return records.create("tips", {**base, "details": "Workers held for advances", **values}).first_id

    # t1: received before the period; verified late (due 27/12), acted on and closed in it.
    t1 = tip("2025-12-20", "helpline", verified_on="2026-01-05", finding="confirmed")
    records.update("tips", t1, {"action_on": "2026-01-10", "action_register": "inspections", "action_id": visit})
    records.update("tips", t1, {"closed_on": "2026-02-01"})
    # t2: anonymous, urgent; verified on its due day (11/01), action due 13/01 never taken: overdue at the end.
    tip("2026-01-10", "citizen_app", anonymous=True, urgency="urgent", verified_on="2026-01-11", finding="confirmed")
    # t3: verification due 27/02, not done: overdue at the end.
    tip("2026-02-20", "walk_in")
    # t4: high urgency, verification due 28/02, the period's last day: open, not overdue.
    tip("2026-02-25", "other_agency", from_agency="fia", urgency="high")
    # t5: found unfounded on time and closed in the period.
    t5 = tip("2026-01-20", "helpline", verified_on="2026-01-22", finding="unfounded")
    records.update("tips", t5, {"closed_on": "2026-01-23"})
    # t6: verified only after the period (01/03): at the end it still waited for verification, due 17/02.
    tip("2026-02-10", "helpline", verified_on="2026-03-01", finding="confirmed")
    # Deleted, and received after the period: never counted.
    records.delete("tips", tip("2026-01-05", "helpline"))
    tip("2026-03-01", "helpline")


def test_tip_figures_are_counted_by_the_step_taken_in_the_period(ctx: Context, records: Records) -> None:
    build_tips(records)
    t = ind.compute(load_frames(ctx, PERIOD)).tips
    assert t.received == 5
    assert t.by_channel == {"citizen_app": 1, "helpline": 2, "walk_in": 1, "other_agency": 1}
    assert t.anonymous == 1
    assert (t.verified, t.confirmed, t.unfounded) == (3, 2, 1)
    assert (t.verified_on_time.numerator, t.verified_on_time.denominator) == (2, 3)
    assert t.actions == 1
    assert t.actions_by_register == {"inspections": 1, "cases": 0, "referrals": 0}
    assert t.closed == 2
    assert (t.open_at_end, t.overdue_at_end) == (4, 3)


def test_overdue_tip_steps_count_in_the_follow_ups_overdue_and_the_table(ctx: Context, records: Records) -> None:
    build_tips(records)
    figures = ind.compute(load_frames(ctx, PERIOD))
    assert figures.overdue.tips == 3
    assert figures.overdue.total == 3  # no other register has anything in this store
    table = ind.indicator_table(figures).set_index("indicator")
    assert table.loc["tips_received", "value"] == 5
    assert table.loc["tips_verified_on_time", "value"] == 2 / 3
    assert table.loc["overdue_tips", "value"] == 3
    assert set(table[table["area"] == "tips"].index) >= {"tips_channel_citizen_app", "tips_action_cases"}


def test_a_period_without_tips_shows_zeros_not_errors(ctx: Context, records: Records) -> None:
    build_tips(records)
    t = ind.compute(load_frames(ctx, EMPTY)).tips
    assert (t.received, t.verified, t.actions, t.closed, t.open_at_end, t.overdue_at_end) == (0, 0, 0, 0, 0, 0)
    assert t.verified_on_time.value is None
