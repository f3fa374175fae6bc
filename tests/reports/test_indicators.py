"""Indicator values hand-counted on a small register built through the real services.

The fixture (build_register) is a station's two months, January and February 2026, with a few rows before and
after the period and one tombstoned row, so each definition's edges are exercised. Expected values are worked
out by hand in the comments next to each row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import pytest

from desktop_app.reports import indicators as ind
from desktop_app.reports.frames import Period, load_frames
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.services.registers.cases import change_case_status

PERIOD = Period(dt.date(2026, 1, 1), dt.date(2026, 2, 28))
EMPTY = Period(dt.date(2024, 1, 1), dt.date(2024, 2, 29))
D = dt.date


@dataclass
class Built:
    ids: dict[str, str]


def build_register(ctx: Context) -> Built:
    """Sites, inspections, children, agreements, victims and cases for the hand-counted tests."""
    r = Records(ctx)
    ids: dict[str, str] = {}

    def add(key: str, register: str, values: dict[str, object]) -> str:
        ids[key] = r.create(register, values).first_id
        return ids[key]

    kiln_a = add("kiln_a", "sites", {"kind": "brick_kiln", "name": "Al-Noor Brick Kiln 3", "tehsil": "Phalia"})
    kiln_b = add("kiln_b", "sites", {"kind": "brick_kiln", "name": "Madni Brick Kiln 7", "tehsil": "Phalia"})
    agency_r = add(
        "agency_r",
        "sites",
        {"kind": "travel_agency", "name": "Star Travel", "tehsil": "Phalia", "registration_status": "registered"},
    )
    agency_u = add(
        "agency_u",
        "sites",
        {"kind": "travel_agency", "name": "Euro Dreams", "tehsil": "Phalia", "registration_status": "unregistered"},
    )
    workshop = add("workshop", "sites", {"kind": "workshop", "name": "Butt auto workshop", "tehsil": "Phalia"})

    def inspect(key: str, site: str, day: dt.date, **values: object) -> str:
        return add(key, "inspections", {"site_id": site, "date": day, "officers": "SI Test", **values})

    kiln = ("workers_total", "workers_bonded", "workers_unaware_min_wage", "workers_illiterate")
    kiln += ("workers_with_contract", "workers_eobi")
    # In the period: two kiln visits. I2 did not record illiteracy or EOBI, so those shares use I1 alone.
    inspect(
        "i1",
        kiln_a,
        D(2026, 1, 10),
        **dict(zip(kiln, (40, 30, 20, 25, 4, 2), strict=True)),
        children_found=2,
        children_withdrawn=2,
    )
    inspect("i2", kiln_b, D(2026, 2, 5), **dict(zip(kiln, (60, 45, 30, None, 6, None), strict=True)))
    # Before the period: must not count.
    inspect("i3", kiln_a, D(2025, 12, 20), **dict(zip(kiln, (100, 100, 100, 100, 0, 0), strict=True)))
    # Deleted (tombstone): must not count.
    inspect("i8", kiln_b, D(2026, 1, 25), **dict(zip(kiln, (1000, 1000, 1000, 1000, 0, 0), strict=True)))
    r.delete("inspections", ids["i8"])
    # Agencies: two notices (one refused, one pending), one clean visit.
    inspect(
        "i4", agency_u, D(2026, 1, 15), notice_issued=True, compliance_deadline=D(2026, 1, 30), notice_complied=False
    )
    inspect("i5", agency_r, D(2026, 2, 10), licence_shown=True)
    inspect("i6", agency_u, D(2026, 2, 20), notice_issued=True)
    inspect("i7", workshop, D(2026, 1, 20), workers_total=5)

    def child(key: str, rescued: dt.date, enrolled: dt.date | None, status: str) -> str:
        school = {"school_name": "Govt. Primary School Helan", "enrolment_date": enrolled} if enrolled else {}
        return add(
            key,
            "children",
            {
                "name": f"Child {key}",
                "sex": "male",
                "age_years": 11,
                "rescue_date": rescued,
                "status": status,
                "inspection_id": ids["i1"],
                **school,
            },
        )

    def visit(child_id: str, day: dt.date, attending: bool, at_work: bool = False) -> None:
        r.create(
            "child_followups",
            {"child_id": child_id, "date": day, "attending_school": attending, "back_at_work": at_work},
        )

    c1 = child("c1", D(2026, 1, 10), D(2026, 1, 20), "enrolled")
    visit(c1, D(2026, 2, 1), True)
    visit(c1, D(2026, 2, 20), False, True)  # last visit: back at work
    c2 = child("c2", D(2026, 1, 10), D(2026, 1, 25), "enrolled")
    visit(c2, D(2026, 2, 15), True)  # in school
    c3 = child("c3", D(2025, 11, 1), D(2025, 11, 10), "enrolled")
    visit(c3, D(2025, 12, 15), True)  # before the period
    visit(c3, D(2026, 1, 15), True)  # last in the period: in school; next due 14/02 -> overdue at 28/02
    child("c4", D(2026, 2, 25), None, "withdrawn")  # no visit yet; due 27/03

    def agreement(key: str, site: str, day: dt.date, rate: int, interval: int) -> str:
        return add(
            key,
            "agreements",
            {
                "site_id": site,
                "date": day,
                "committed_rate_per_1000": rate,
                "notified_min_rate_per_1000": 1658,
                "workers_covered": 40,
                "followup_interval_days": interval,
            },
        )

    def check(agreement_id: str, day: dt.date, compliance: str, observed: int) -> None:
        r.create(
            "agreement_followups",
            {"agreement_id": agreement_id, "date": day, "compliance": compliance, "observed_rate_per_1000": observed},
        )

    a1 = agreement("a1", kiln_a, D(2025, 12, 1), 2000, 30)
    check(a1, D(2026, 1, 5), "partial", 1800)
    check(a1, D(2026, 2, 10), "compliant", 2000)  # latest in the period
    a2 = agreement("a2", kiln_b, D(2026, 1, 15), 2100, 60)
    check(a2, D(2026, 2, 20), "non_compliant", 1500)
    agreement("a3", kiln_b, D(2026, 1, 5), 1990, 30)  # never visited: due 04/02 -> overdue at 28/02

    v1 = add(
        "v1",
        "victims",
        {
            "name": "Victim One",
            "status": "missing",
            "route": "libya_italy_sea",
            "date_of_incident": D(2026, 1, 20),
            "amount_paid_pkr": 2_500_000,
        },
    )
    r.create(
        "family_meetings",
        {
            "victim_id": v1,
            "date": D(2026, 1, 25),
            "place": "Family house",
            "attendees": "Father",
            "officers": "SI Test",
            "next_followup_due": D(2026, 2, 10),
        },
    )
    add(
        "v2",
        "victims",
        {
            "name": "Victim Two",
            "status": "returned",
            "route": "iran_turkey_greece",
            "date_of_departure": D(2026, 2, 1),
            "amount_paid_pkr": 1_800_000,
            "ransom_paid_pkr": 300_000,
        },
    )
    add(
        "v3",
        "victims",
        {"name": "Victim Three", "status": "deceased", "route": "libya_italy_sea", "date_of_incident": D(2025, 10, 1)},
    )

    def case(key: str, reported: dt.date, steps: list[tuple[str, dt.date]]) -> None:
        case_id = add(
            key, "cases", {"title": f"Case {key}", "offence_category": "migrant_smuggling", "report_date": reported}
        )
        for status, day in steps:
            fir = {"fir_number": "12/26", "fir_date": day, "fir_station": "Phalia City"}
            change_case_status(ctx, case_id, status, date=day, **(fir if status == "fir_registered" else {}))

    case(
        "k1",
        D(2025, 12, 1),
        [
            ("with_sho", D(2025, 12, 5)),
            ("fir_registered", D(2026, 1, 10)),
            ("challan", D(2026, 2, 1)),
            ("court", D(2026, 2, 15)),
            ("convicted", D(2026, 3, 1)),
        ],
    )  # convicted after the period: "court" at its end
    case(
        "k2",
        D(2025, 11, 1),
        [
            ("with_sho", D(2025, 11, 2)),
            ("fir_registered", D(2025, 11, 10)),
            ("challan", D(2025, 12, 1)),
            ("court", D(2026, 1, 5)),
            ("convicted", D(2026, 2, 20)),
        ],
    )
    case(
        "k3",
        D(2026, 1, 5),
        [
            ("with_sho", D(2026, 1, 6)),
            ("fir_registered", D(2026, 1, 20)),
            ("challan", D(2026, 1, 25)),
            ("court", D(2026, 2, 1)),
            ("acquitted", D(2026, 2, 25)),
        ],
    )
    case("k4", D(2026, 2, 1), [])
    case("k5", D(2026, 1, 10), [("closed", D(2026, 1, 12))])
    case("k6", D(2026, 3, 1), [("with_sho", D(2026, 3, 1))])  # reported after the period
    return Built(ids)


@pytest.fixture
def built(ctx: Context) -> Built:
    return build_register(ctx)


@pytest.fixture
def latest(ctx: Context, built: Built) -> ind.Indicators:
    return ind.compute(load_frames(ctx, PERIOD))


def test_inspections_are_counted_by_site_kind_in_the_period_without_deleted_rows(latest: ind.Indicators) -> None:
    assert latest.inspections_by_kind == {"brick_kiln": 2, "workshop": 1, "travel_agency": 3, "other": 0}
    assert latest.inspections_total == 6


def test_kiln_shares_are_ratios_of_sums_over_inspections_that_recorded_both(latest: ind.Indicators) -> None:
    k = latest.kiln
    assert k.inspections == 2 and k.workers_counted == 100
    assert (k.bonded.numerator, k.bonded.denominator, k.bonded.value) == (75, 100, 0.75)
    assert k.unaware_min_wage.value == 0.5
    assert (k.illiterate.numerator, k.illiterate.denominator) == (25, 40)
    assert k.with_contract.value == 0.1
    assert (k.eobi.numerator, k.eobi.denominator, k.eobi.value) == (2, 40, 0.05)


def test_children_are_judged_by_their_last_visit_in_the_period(latest: ind.Indicators) -> None:
    c = latest.children
    assert (c.withdrawn, c.enrolled, c.followed_up) == (3, 2, 3)
    assert (c.in_school.numerator, c.in_school.denominator) == (2, 3)
    assert (c.back_at_work.numerator, c.back_at_work.denominator) == (1, 3)


def test_agreements_are_classified_by_their_latest_follow_up_and_wage_compared(latest: ind.Indicators) -> None:
    a = latest.agreements
    assert (a.signed, a.followed_up, a.compliant, a.partial, a.non_compliant) == (2, 2, 1, 0, 1)
    assert a.mean_observed_rate == 1750
    assert a.mean_committed_rate == 2050
    assert a.wage_paid_vs_committed.value == pytest.approx(3500 / 4100)


def test_travel_agencies_and_notices(latest: ind.Indicators) -> None:
    g = latest.agencies
    assert (g.registered, g.unregistered, g.other_status, g.inspections) == (1, 1, 0, 3)
    assert (g.notices_issued, g.notices_complied, g.notices_not_complied, g.notices_pending) == (2, 0, 1, 1)
    assert g.compliance.value == 0.0


def test_victims_by_route_and_status_with_totals(latest: ind.Indicators) -> None:
    v = latest.victims
    assert v.new_victims == 2
    table = v.by_route_status
    assert table.loc["libya_italy_sea", "missing"] == 1
    assert table.loc["iran_turkey_greece", "returned"] == 1
    assert table.loc["total", "total"] == 2
    assert (v.amount_paid_pkr, v.ransom_paid_pkr) == (4_300_000, 300_000)


def test_cases_status_at_period_end_and_steps_in_the_period(latest: ind.Indicators) -> None:
    k = latest.cases
    assert k.on_register == 5
    assert {s: n for s, n in k.by_status.items() if n} == {
        "court": 1,
        "convicted": 1,
        "acquitted": 1,
        "draft": 1,
        "closed": 1,
    }
    assert (k.firs_registered, k.challans, k.in_court) == (2, 2, 3)
    assert (k.convictions, k.acquittals, k.closed) == (1, 1, 1)
    assert k.conviction_rate.value == 0.5


def test_overdue_follow_ups_are_rebuilt_as_at_the_period_end(latest: ind.Indicators) -> None:
    o = latest.overdue
    assert (o.children, o.agreements, o.victim_families, o.total) == (1, 1, 1, 3)


def test_an_empty_period_gives_zeros_and_no_shares(ctx: Context, built: Built) -> None:
    empty = ind.compute(load_frames(ctx, EMPTY))
    assert empty.inspections_total == 0
    assert empty.kiln.bonded.value is None
    assert empty.children.in_school.value is None
    assert empty.agreements.mean_observed_rate is None
    assert empty.agreements.wage_paid_vs_committed.value is None
    assert empty.cases.conviction_rate.value is None
    assert empty.victims.by_route_status.loc["total", "total"] == 0
    table = ind.indicator_table(empty)
    assert table[table["unit"] == "share"]["value"].isna().all()


def test_an_empty_store_computes_without_error(ctx: Context) -> None:
    empty = ind.compute(load_frames(ctx, PERIOD))
    assert empty.inspections_total == 0 and empty.overdue.total == 0 and empty.cases.on_register == 0


def test_kiln_with_zero_workers_gives_no_share_instead_of_dividing_by_zero(ctx: Context, records: Records) -> None:
    kiln = records.create("sites", {"kind": "brick_kiln", "name": "Empty kiln", "tehsil": "Phalia"}).first_id
    records.create(
        "inspections",
        {"site_id": kiln, "date": D(2026, 1, 3), "officers": "SI Test", "workers_total": 0, "workers_bonded": 0},
    )
    survey = ind.compute(load_frames(ctx, PERIOD)).kiln
    assert survey.inspections == 1
    assert (survey.bonded.numerator, survey.bonded.denominator, survey.bonded.value) == (0, 0, None)
    assert survey.illiterate.value is None


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (1, 4, 0.25),
        (1, 0, None),
        (0, 0, None),
        (None, 3, None),
        (2, None, None),
        (1, float("nan"), None),
        (float("nan"), 2, None),
    ],
)
def test_share_never_raises(numerator: float | None, denominator: float | None, expected: float | None) -> None:
    assert ind.share(numerator, denominator) == expected


def test_compare_sets_baseline_beside_latest_with_the_change(ctx: Context, built: Built) -> None:
    baseline = ind.compute(load_frames(ctx, Period(D(2025, 11, 1), D(2025, 12, 31))))
    latest = ind.compute(load_frames(ctx, PERIOD))
    table = ind.compare(baseline, latest).set_index("indicator")
    assert table.loc["firs_registered", ["baseline", "latest", "change"]].tolist() == [1, 2, 1]
    assert table.loc["share_bonded", "baseline"] == 1.0  # I3: 100 of 100
    assert table.loc["share_bonded", "change"] == pytest.approx(-0.25)
    assert pd.isna(table.loc["conviction_rate", "change"])  # no decided case in the baseline
    assert list(table.index) == ind.indicator_table(latest)["indicator"].tolist()


def test_one_station_filter_leaves_other_stations_out(ctx: Context, built: Built) -> None:
    assert ind.compute(load_frames(ctx, PERIOD, "MBD-OTHER")).inspections_total == 0
    assert ind.compute(load_frames(ctx, PERIOD, "MBD-PHALIA")).inspections_total == 6


def test_station_table_pools_numerators_for_the_district_row(ctx: Context, built: Built) -> None:
    frames = load_frames(ctx, PERIOD)
    moved = frames["inspections"]["id"] == built.ids["i2"]  # pretend kiln visit I2 came from another station
    frames.frames["inspections"].loc[moved, "station_code"] = "MBD-HELAN"
    per_station = {code: ind.compute(frames.for_station(code)) for code in frames.stations()}
    table = ind.station_table(per_station)
    assert table.loc["MBD-HELAN", "inspections_total"] == 1
    assert table.loc["MBD-PHALIA", "inspections_total"] == 5
    assert table.loc["MBD-PHALIA", "share_bonded"] == 30 / 40
    assert table.loc["ALL STATIONS", "inspections_total"] == 6
    assert table.loc["ALL STATIONS", "share_bonded"] == 0.75  # (30 + 45) / (40 + 60), not the mean of shares


def test_overdue_for_a_period_ending_today_matches_the_follow_up_service(ctx: Context, built: Built) -> None:
    from collections import Counter

    from desktop_app.services.followups import overdue_followups

    today = D(2026, 3, 1)
    service = Counter(item.register for item in overdue_followups(ctx, today))
    ours = ind.compute(load_frames(ctx, Period(D(2026, 1, 1), today))).overdue
    assert (ours.children, ours.agreements, ours.victim_families) == (
        service["children"],
        service["agreements"],
        service["victims"],
    )


def test_follow_ups_recorded_by_another_station_count_for_the_childs_station(ctx: Context, built: Built) -> None:
    from sqlalchemy import update

    from desktop_app.models import ChildFollowUp

    with ctx.store.transaction() as session:
        session.execute(update(ChildFollowUp).values(station_code="MBD-HELAN"))
    children = ind.compute(load_frames(ctx, PERIOD, "MBD-PHALIA")).children
    assert (children.followed_up, children.in_school.numerator) == (3, 2)
    assert ind.compute(load_frames(ctx, PERIOD, "MBD-HELAN")).children.followed_up == 0
