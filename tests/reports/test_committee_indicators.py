"""Committee figures hand-counted on meetings, agencies, action items and joint inspections written through the
real services."""

from __future__ import annotations

import datetime as dt

from desktop_app.reports import indicators as ind
from desktop_app.reports.frames import Period, load_frames
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from tests.services.helpers import inspection, site

PERIOD = Period(dt.date(2026, 1, 1), dt.date(2026, 2, 28))


def build(records: Records) -> None:
    def meeting(day: str, agencies: tuple[str, ...]) -> str:
        meeting_id = records.create("committee_meetings", {"date": day, "committee": "district_monitoring"}).first_id
        for agency in agencies:
            records.create("committee_attendance", {"meeting_id": meeting_id, "agency": agency})
        return meeting_id

    def action(meeting_id: str, due: str, **values: object) -> None:
        base = {"meeting_id": meeting_id, "action": "Act", "owner_agency": "labour", "due_on": due}
        records.create("committee_actions", base | values)

    before = meeting("2025-12-10", ("police", "fia"))
    jan = meeting("2026-01-12", ("police", "fia", "labour", "labour"))  # labour twice: counted once
    feb = meeting("2026-02-20", ("police", "child_protection_bureau"))
    meeting("2026-03-01", ("police",))  # after the period
    action(before, "2026-01-10", status="done", done_on="2026-01-05")  # done in the period, on time
    action(before, "2025-12-30", status="open")  # open and overdue at the end
    action(jan, "2026-01-30", status="done", done_on="2026-02-10")  # done in the period, late
    action(jan, "2026-02-10", status="done", done_on="2026-03-01")  # done after: open and overdue at the end
    action(jan, "2026-02-01", status="dropped")  # neither open nor overdue
    action(feb, "2026-03-10")  # open, not yet due
    kiln = site(records)
    visit_in = inspection(records, kiln, date="2026-01-20")
    visit_out = inspection(records, kiln, date="2025-12-20")
    for agency in ("labour", "fia", "labour"):
        records.create("joint_inspections", {"inspection_id": visit_in, "agency": agency})
    records.create("joint_inspections", {"inspection_id": visit_out, "agency": "labour"})


def test_committee_figures_count_meetings_items_and_joint_inspections(ctx: Context, records: Records) -> None:
    build(records)
    figures = ind.compute(load_frames(ctx, PERIOD))
    m = figures.committees
    assert (m.meetings, m.agencies_present, m.actions_set) == (2, 5, 4)
    assert m.actions_done == 2
    assert (m.actions_done_on_time.numerator, m.actions_done_on_time.denominator) == (1, 2)
    assert (m.actions_open_at_end, m.actions_overdue_at_end) == (3, 2)
    assert m.joint_inspections == 1
    assert (m.joint_by_agency["labour"], m.joint_by_agency["fia"], m.joint_by_agency["police"]) == (1, 1, 0)
    assert figures.overdue.committee_actions == 2
    table = ind.indicator_table(figures).set_index("indicator")
    assert table.loc["committee_actions_overdue", "value"] == 2
    assert table.loc["overdue_committee_actions", "value"] == 2
