"""The district's figures, computed straight from the registers (never typed in as totals).

`compute(frames)` turns the frames of `reports.frames.load_frames` into an `Indicators` value: one typed
dataclass per area. `indicator_table` flattens it into one tidy DataFrame (area, indicator, label, numerator,
denominator, value, unit), `compare` sets two periods side by side (baseline vs latest, as the case study
recommends), and `station_table` gives the district its per-station comparison. Every function here is pure:
no store, no files. The exact definitions are in docs/reports.md.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from desktop_app.models.committees import ActionStatus
from desktop_app.models.enums import (
    Agency,
    CaseStatus,
    Compliance,
    RegistrationStatus,
    Route,
    SiteKind,
    VictimStatus,
)
from desktop_app.models.outreach import Venue
from desktop_app.models.tips import TipChannel, TipFinding
from desktop_app.reports.frames import Period, RegisterFrames

# Children and victims still followed up: the same lists the follow-up service uses for "due".
from desktop_app.services.registry import link_targets, spec_for

# How enum values read in a report (the stored values stay machine-readable).
LABELS = {
    "brick_kiln": "Brick kiln",
    "workshop": "Workshop",
    "travel_agency": "Travel agency",
    "other": "Other",
    "draft": "Draft",
    "with_sho": "With SHO",
    "fir_registered": "FIR registered",
    "challan": "Challan",
    "court": "In court",
    "convicted": "Convicted",
    "acquitted": "Acquitted",
    "closed": "Closed",
    "missing": "Missing",
    "deceased": "Deceased",
    "detained_abroad": "Detained abroad",
    "returned": "Returned",
    "in_transit": "In transit",
    "iran_turkey_greece": "Iran–Turkey–Greece",
    "libya_italy_sea": "Libya–Italy (sea)",
    "gulf_overstay": "Gulf overstay",
    "air_forged_documents": "Air, forged documents",
    "total": "Total",
    "fia": "FIA",
}


def label_for(code: str) -> str:
    return LABELS.get(code, code.replace("_", " ").capitalize())


KILN_MEASURES = {
    "bonded": ("workers_bonded", "Workers in debt bondage (peshgi)"),
    "unaware_min_wage": ("workers_unaware_min_wage", "Workers unaware of the minimum wage"),
    "illiterate": ("workers_illiterate", "Workers illiterate"),
    "with_contract": ("workers_with_contract", "Workers with a written contract"),
    "eobi": ("workers_eobi", "Workers registered with EOBI"),
}


@dataclass(frozen=True)
class Ratio:
    """A share as numerator / denominator; `value` is None when the denominator is zero or missing."""

    numerator: float
    denominator: float

    @property
    def value(self) -> float | None:
        return share(self.numerator, self.denominator)


def share(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator, or None for a zero, missing or NaN denominator (never an exception)."""
    if numerator is None or denominator is None:
        return None
    if _isnan(numerator) or _isnan(denominator) or denominator == 0:
        return None
    return float(numerator) / float(denominator)


def _isnan(value: float) -> bool:
    return isinstance(value, float) and math.isnan(value)


@dataclass(frozen=True)
class KilnSurvey:
    inspections: int  # kiln inspections in the period
    workers_counted: int  # sum of workers_total over those with a total
    bonded: Ratio
    unaware_min_wage: Ratio
    illiterate: Ratio
    with_contract: Ratio
    eobi: Ratio


@dataclass(frozen=True)
class ChildOutcomes:
    withdrawn: int  # rescue date in the period
    enrolled: int  # enrolment date in the period
    followed_up: int  # children with at least one follow-up visit in the period
    in_school: Ratio  # attending school at their last visit in the period / followed_up
    back_at_work: Ratio  # back at work at their last visit in the period / followed_up


@dataclass(frozen=True)
class AgreementCompliance:
    signed: int  # agreement date in the period
    followed_up: int  # agreements with a follow-up in the period
    compliant: int
    partial: int
    non_compliant: int
    mean_observed_rate: float | None  # PKR per 1,000 bricks, latest follow-up in the period
    mean_committed_rate: float | None  # PKR per 1,000 bricks, the same agreements
    wage_paid_vs_committed: Ratio  # sum observed / sum committed over those agreements


@dataclass(frozen=True)
class AgencyOversight:
    registered: int  # travel agencies on the site register (live rows, as of now)
    unregistered: int
    other_status: int  # expired or unknown
    inspections: int  # inspections of travel agencies in the period
    notices_issued: int
    notices_complied: int
    notices_not_complied: int
    notices_pending: int
    compliance: Ratio  # complied / issued


@dataclass(frozen=True)
class VictimFigures:
    new_victims: int  # incident (else departure) date in the period
    by_route_status: pd.DataFrame  # routes × current status, with totals
    amount_paid_pkr: int
    ransom_paid_pkr: int


@dataclass(frozen=True)
class CaseFigures:
    on_register: int  # cases reported on or before the period end
    by_status: dict[str, int]  # status as at the period end (from the status history)
    firs_registered: int  # status steps dated in the period
    challans: int
    in_court: int
    convictions: int
    acquittals: int
    closed: int
    conviction_rate: Ratio  # convictions / (convictions + acquittals) in the period


@dataclass(frozen=True)
class TipFigures:
    received: int  # received in the period
    by_channel: dict[str, int]  # received in the period, every channel (zero when none)
    anonymous: int  # received in the period without the tipster's identity
    verified: int  # verified in the period
    confirmed: int  # of those, found true
    unfounded: int
    verified_on_time: Ratio  # verified in the period by the verification's due date / verified in the period
    actions: int  # action taken in the period
    actions_by_register: dict[str, int]  # inspections, cases, referrals
    closed: int  # closed in the period
    open_at_end: int  # received by the period end and not closed by then
    overdue_at_end: int  # of those, the step they waited for at the period end was due before it


@dataclass(frozen=True)
class OutreachFigures:
    sessions: int  # awareness sessions held in the period
    audience_reached: int  # their head counts, summed
    sessions_by_venue: dict[str, int]  # every kind of place (zero when none)
    advisories_posted: int  # posted in the period
    advisories_checked: int  # checked again in the period
    advisories_still_displayed: Ratio  # of those checked in the period, still up / checked
    trainings: int  # officer trainings held in the period
    officers_trained: int  # their trainee counts, summed
    training_hours: int  # hours of those that recorded them


@dataclass(frozen=True)
class CommitteeFigures:
    meetings: int  # committee meetings held in the period
    agencies_present: int  # agencies present at those meetings, counted once per meeting
    actions_set: int  # action items set by those meetings
    actions_done: int  # action items done in the period (whichever meeting set them)
    actions_done_on_time: Ratio  # of those, done by their due date / done in the period
    actions_open_at_end: int  # set by the period end, neither done by then nor dropped
    actions_overdue_at_end: int  # of those, due before the period end
    joint_inspections: int  # inspections in the period with at least one partner agency
    joint_by_agency: dict[str, int]  # of those, how many each agency took part in


@dataclass(frozen=True)
class OverdueFollowUps:
    children: int
    agreements: int
    victim_families: int
    tips: int
    committee_actions: int

    @property
    def total(self) -> int:
        return self.children + self.agreements + self.victim_families + self.tips + self.committee_actions


@dataclass(frozen=True)
class Indicators:
    period: Period
    station_code: str | None
    inspections_by_kind: dict[str, int]
    kiln: KilnSurvey
    children: ChildOutcomes
    agreements: AgreementCompliance
    agencies: AgencyOversight
    victims: VictimFigures
    cases: CaseFigures
    tips: TipFigures
    outreach: OutreachFigures
    committees: CommitteeFigures
    overdue: OverdueFollowUps

    @property
    def inspections_total(self) -> int:
        return sum(self.inspections_by_kind.values())


# -- computing ---------------------------------------------------------------------------------------------------


def compute(frames: RegisterFrames) -> Indicators:
    period = frames.period
    sites = frames.frames.get("site_kinds", frames["sites"])
    site_kind = sites.set_index("id")["kind"] if len(sites) else pd.Series(dtype=object)
    inspections = frames["inspections"].copy()
    inspections["kind"] = inspections["site_id"].map(site_kind).astype(object).fillna("unknown")
    in_period = inspections[_within(inspections["date"], period)]
    return Indicators(
        period=period,
        station_code=frames.station_code,
        inspections_by_kind=inspections_by_kind(in_period),
        kiln=kiln_survey(in_period[in_period["kind"] == SiteKind.BRICK_KILN.value]),
        children=child_outcomes(frames["children"], frames["child_followups"], period),
        agreements=agreement_compliance(frames["agreements"], frames["agreement_followups"], period),
        agencies=agency_oversight(frames["sites"], in_period[in_period["kind"] == SiteKind.TRAVEL_AGENCY.value]),
        victims=victim_figures(frames["victims"], period),
        cases=case_figures(frames["cases"], frames["case_status_changes"], period),
        tips=tip_figures(frames["tips"], period),
        outreach=outreach_figures(frames["outreach_sessions"], frames["advisories"], frames["trainings"], period),
        committees=committee_figures(
            frames["committee_meetings"],
            frames["committee_attendance"],
            frames["committee_actions"],
            frames["joint_inspections"],
            in_period,
            period,
        ),
        overdue=overdue_at(frames, period.end),
    )


def _within(dates: pd.Series, period: Period) -> pd.Series:
    return (dates >= pd.Timestamp(period.start)) & (dates <= pd.Timestamp(period.end))


def inspections_by_kind(inspections: pd.DataFrame) -> dict[str, int]:
    """Every site kind, zero when none was inspected, so sheets and charts always show the same rows."""
    counts = {kind.value: 0 for kind in SiteKind}
    for kind, n in inspections["kind"].value_counts().items():
        counts[str(kind)] = int(n)
    return counts


def kiln_survey(kiln_inspections: pd.DataFrame) -> KilnSurvey:
    """Shares as ratio of sums: a measure counts only from inspections that recorded both it and the total."""
    totals = pd.to_numeric(kiln_inspections["workers_total"], errors="coerce")
    ratios: dict[str, Ratio] = {}
    for key, (column, _label) in KILN_MEASURES.items():
        part = pd.to_numeric(kiln_inspections[column], errors="coerce")
        both = part.notna() & totals.notna()
        ratios[key] = Ratio(int(part[both].sum()), int(totals[both].sum()))
    return KilnSurvey(
        inspections=len(kiln_inspections),
        workers_counted=int(totals.dropna().sum()),
        **ratios,
    )


def _last_per(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """The latest row per `key` by date, ties broken by the HLC (the order the visits were recorded in)."""
    if frame.empty:
        return frame
    return frame.sort_values(["date", "hlc"]).drop_duplicates(key, keep="last")


def child_outcomes(children: pd.DataFrame, followups: pd.DataFrame, period: Period) -> ChildOutcomes:
    visits = followups[followups["child_id"].isin(children["id"]) & _within(followups["date"], period)]
    last = _last_per(visits, "child_id")
    followed = len(last)
    in_school = int(last["attending_school"].fillna(False).astype(bool).sum()) if followed else 0
    at_work = int(last["back_at_work"].fillna(False).astype(bool).sum()) if followed else 0
    return ChildOutcomes(
        withdrawn=int(_within(children["rescue_date"], period).sum()),
        enrolled=int(_within(children["enrolment_date"], period).sum()),
        followed_up=followed,
        in_school=Ratio(in_school, followed),
        back_at_work=Ratio(at_work, followed),
    )


def agreement_compliance(agreements: pd.DataFrame, followups: pd.DataFrame, period: Period) -> AgreementCompliance:
    visits = followups[followups["agreement_id"].isin(agreements["id"]) & _within(followups["date"], period)]
    last = _last_per(visits, "agreement_id")
    counts = last["compliance"].value_counts()
    committed = agreements.set_index("id")["committed_rate_per_1000"]
    observed = pd.to_numeric(last["observed_rate_per_1000"], errors="coerce")
    with_rate = last[observed.notna()]
    committed_for = pd.to_numeric(with_rate["agreement_id"].map(committed), errors="coerce")
    observed_for = pd.to_numeric(with_rate["observed_rate_per_1000"], errors="coerce")
    return AgreementCompliance(
        signed=int(_within(agreements["date"], period).sum()),
        followed_up=len(last),
        compliant=int(counts.get(Compliance.COMPLIANT.value, 0)),
        partial=int(counts.get(Compliance.PARTIAL.value, 0)),
        non_compliant=int(counts.get(Compliance.NON_COMPLIANT.value, 0)),
        mean_observed_rate=_mean(observed_for),
        mean_committed_rate=_mean(committed_for),
        wage_paid_vs_committed=Ratio(float(observed_for.sum()), float(committed_for.sum())),
    )


def _mean(values: pd.Series) -> float | None:
    values = values.dropna()
    return float(values.mean()) if len(values) else None


def agency_oversight(sites: pd.DataFrame, agency_inspections: pd.DataFrame) -> AgencyOversight:
    agencies = sites[sites["kind"] == SiteKind.TRAVEL_AGENCY.value]
    status = agencies["registration_status"].value_counts()
    registered = int(status.get(RegistrationStatus.REGISTERED.value, 0))
    unregistered = int(status.get(RegistrationStatus.UNREGISTERED.value, 0))
    issued = agency_inspections[agency_inspections["notice_issued"].fillna(False).astype(bool)]
    complied = issued["notice_complied"]
    n_complied = int((complied == True).sum())  # noqa: E712  (NA-aware comparison, not identity)
    n_refused = int((complied == False).sum())  # noqa: E712
    return AgencyOversight(
        registered=registered,
        unregistered=unregistered,
        other_status=len(agencies) - registered - unregistered,
        inspections=len(agency_inspections),
        notices_issued=len(issued),
        notices_complied=n_complied,
        notices_not_complied=n_refused,
        notices_pending=len(issued) - n_complied - n_refused,
        compliance=Ratio(n_complied, len(issued)),
    )


def victim_figures(victims: pd.DataFrame, period: Period) -> VictimFigures:
    when = victims["date_of_incident"].fillna(victims["date_of_departure"])
    new = victims[_within(when, period)]
    routes = [r.value for r in Route]
    statuses = [s.value for s in VictimStatus]
    table = pd.crosstab(new["route"], new["status"]).reindex(index=routes, columns=statuses, fill_value=0)
    table = table.astype(int)
    table["total"] = table.sum(axis=1)
    table.loc["total"] = table.sum(axis=0)
    table.index.name, table.columns.name = "route", None
    return VictimFigures(
        new_victims=len(new),
        by_route_status=table,
        amount_paid_pkr=int(pd.to_numeric(new["amount_paid_pkr"], errors="coerce").fillna(0).sum()),
        ransom_paid_pkr=int(pd.to_numeric(new["ransom_paid_pkr"], errors="coerce").fillna(0).sum()),
    )


def case_figures(cases: pd.DataFrame, changes: pd.DataFrame, period: Period) -> CaseFigures:
    reported = cases["report_date"].fillna(cases["created_at"].dt.tz_localize(None).dt.normalize())
    on_register = cases[reported <= pd.Timestamp(period.end)]
    steps = changes[changes["case_id"].isin(cases["id"])]
    # A case's status at the period end is the target of its last step dated on or before that day.
    last = _last_per(steps, "case_id").set_index("case_id")["to_status"]
    status_then = (
        on_register["id"].map(last).fillna(on_register["status"].where(~on_register["id"].isin(steps["case_id"])))
    )
    status_then = status_then.fillna(CaseStatus.DRAFT.value)
    by_status = {s.value: 0 for s in CaseStatus}
    for status, n in status_then.value_counts().items():
        by_status[str(status)] = int(n)
    in_period = steps[_within(steps["date"], period)]["to_status"].value_counts()

    def stepped(status: CaseStatus) -> int:
        return int(in_period.get(status.value, 0))

    convictions, acquittals = stepped(CaseStatus.CONVICTED), stepped(CaseStatus.ACQUITTED)
    return CaseFigures(
        on_register=len(on_register),
        by_status=by_status,
        firs_registered=stepped(CaseStatus.FIR_REGISTERED),
        challans=stepped(CaseStatus.CHALLAN),
        in_court=stepped(CaseStatus.COURT),
        convictions=convictions,
        acquittals=acquittals,
        closed=stepped(CaseStatus.CLOSED),
        conviction_rate=Ratio(convictions, convictions + acquittals),
    )


def tip_figures(tips: pd.DataFrame, period: Period) -> TipFigures:
    """Each step counted in the period it was taken in; open and overdue as the steps stood at the period end."""
    received = tips[_within(tips["received_on"], period)]
    by_channel = {c.value: 0 for c in TipChannel}
    for channel, n in received["channel"].value_counts().items():
        by_channel[str(channel)] = int(n)
    verified = tips[_within(tips["verified_on"], period)]
    on_time = verified["verified_on"] <= verified["verify_due"]
    acted = tips[_within(tips["action_on"], period)]
    by_register = {name: 0 for name in link_targets("tips")}
    for register, n in acted["action_register"].value_counts().items():
        by_register[str(register)] = int(n)
    open_then, overdue = _tips_open_at(tips, pd.Timestamp(period.end))
    return TipFigures(
        received=len(received),
        by_channel=by_channel,
        anonymous=int(received["anonymous"].fillna(False).astype(bool).sum()),
        verified=len(verified),
        confirmed=int((verified["finding"] == TipFinding.CONFIRMED.value).sum()),
        unfounded=int((verified["finding"] == TipFinding.UNFOUNDED.value).sum()),
        verified_on_time=Ratio(int(on_time.sum()), len(verified)),
        actions=len(acted),
        actions_by_register=by_register,
        closed=int(_within(tips["closed_on"], period).sum()),
        open_at_end=open_then,
        overdue_at_end=overdue,
    )


def outreach_figures(
    sessions: pd.DataFrame, advisories: pd.DataFrame, trainings: pd.DataFrame, period: Period
) -> OutreachFigures:
    held = sessions[_within(sessions["date"], period)]
    by_venue = {v.value: 0 for v in Venue}
    for venue, n in held["venue"].value_counts().items():
        by_venue[str(venue)] = int(n)
    checked = advisories[_within(advisories["checked_on"], period)]
    still_up = int((checked["still_displayed"] == True).sum())  # noqa: E712  (NA-aware comparison)
    trained = trainings[_within(trainings["date"], period)]
    return OutreachFigures(
        sessions=len(held),
        audience_reached=_sum(held["audience_count"]),
        sessions_by_venue=by_venue,
        advisories_posted=int(_within(advisories["posted_on"], period).sum()),
        advisories_checked=len(checked),
        advisories_still_displayed=Ratio(still_up, len(checked)),
        trainings=len(trained),
        officers_trained=_sum(trained["trainees_count"]),
        training_hours=_sum(trained["hours"]),
    )


def committee_figures(
    meetings: pd.DataFrame,
    attendance: pd.DataFrame,
    actions: pd.DataFrame,
    partners: pd.DataFrame,
    inspections_in_period: pd.DataFrame,
    period: Period,
) -> CommitteeFigures:
    held = meetings[_within(meetings["date"], period)]
    present = attendance[attendance["meeting_id"].isin(held["id"])].drop_duplicates(["meeting_id", "agency"])
    done = actions[_within(actions["done_on"], period)]
    open_then, overdue = _actions_open_at(meetings, actions, pd.Timestamp(period.end))
    joint = partners[partners["inspection_id"].isin(inspections_in_period["id"])]
    by_agency = {a.value: 0 for a in Agency}
    for agency, n in joint.drop_duplicates(["inspection_id", "agency"])["agency"].value_counts().items():
        by_agency[str(agency)] = int(n)
    return CommitteeFigures(
        meetings=len(held),
        agencies_present=len(present),
        actions_set=int(actions["meeting_id"].isin(held["id"]).sum()),
        actions_done=len(done),
        actions_done_on_time=Ratio(int((done["done_on"] <= done["due_on"]).sum()), len(done)),
        actions_open_at_end=open_then,
        actions_overdue_at_end=overdue,
        joint_inspections=int(joint["inspection_id"].nunique()),
        joint_by_agency=by_agency,
    )


def _actions_open_at(meetings: pd.DataFrame, actions: pd.DataFrame, end: pd.Timestamp) -> tuple[int, int]:
    """Action items set at meetings held by `end`, not done by then and not dropped; and those due before it."""
    set_by = meetings[meetings["date"] <= end]["id"]
    items = actions[actions["meeting_id"].isin(set_by) & (actions["status"] != ActionStatus.DROPPED.value)]
    items = items[~(items["done_on"] <= end)]
    return len(items), int((items["due_on"] < end).sum())


def _sum(values: pd.Series) -> int:
    return int(pd.to_numeric(values, errors="coerce").fillna(0).sum())


def _tips_open_at(tips: pd.DataFrame, end: pd.Timestamp) -> tuple[int, int]:
    """Tips received by `end` and not closed by then, and how many of them were late with the step they waited for:
    a step taken after `end` had not been taken yet at `end`."""
    tips = tips[(tips["received_on"] <= end) & ~(tips["closed_on"] <= end)]
    if tips.empty:
        return 0, 0
    verified, acted = tips["verified_on"] <= end, tips["action_on"] <= end
    unfounded = tips["finding"] == TipFinding.UNFOUNDED.value
    due = tips["verify_due"].where(~verified, tips["action_due"].where(~(acted | unfounded), tips["close_due"]))
    return len(tips), int((due < end).sum())


def overdue_at(frames: RegisterFrames, day: dt.date) -> OverdueFollowUps:
    """Follow-ups whose due date, rebuilt from the visits made up to `day`, fell before `day`.

    The due date is rebuilt the way services/followups.py sets it (the officer's next date, else the last
    visit plus the interval, else the start plus the interval), so a past period's figure does not depend on
    visits made after it. Whether a record is still followed up uses its current status.
    """
    end = pd.Timestamp(day)
    children = frames["children"]
    children = children[_still_followed(children, "children") & (children["rescue_date"] <= end)]
    start = children["enrolment_date"].where(children["enrolment_date"] <= end).fillna(children["rescue_date"])
    n_children = _overdue(children, start, frames["child_followups"], "child_id", end)

    agreements = frames["agreements"]
    agreements = agreements[_still_followed(agreements, "agreements") & (agreements["date"] <= end)]
    n_agreements = _overdue(agreements, agreements["date"], frames["agreement_followups"], "agreement_id", end)

    victims = frames["victims"]
    victims = victims[_still_followed(victims, "victims")]
    meetings = frames["family_meetings"]
    meetings = meetings[meetings["victim_id"].isin(victims["id"]) & meetings["next_followup_due"].notna()]
    last = _last_per(meetings, "victim_id")
    n_victims = int((last["next_followup_due"] < end).sum())
    _open, n_tips = _tips_open_at(frames["tips"], end)
    _open, n_actions = _actions_open_at(frames["committee_meetings"], frames["committee_actions"], end)
    return OverdueFollowUps(
        children=n_children,
        agreements=n_agreements,
        victim_families=n_victims,
        tips=n_tips,
        committee_actions=n_actions,
    )


def _still_followed(frame: pd.DataFrame, register: str) -> pd.Series:
    """Records the register still follows up (services/followups.py asks the same spec)."""
    facts = spec_for(register).followup
    assert facts is not None
    return frame[facts.active_field].isin(facts.active_values)


def _overdue(parents: pd.DataFrame, start: pd.Series, visits: pd.DataFrame, key: str, end: pd.Timestamp) -> int:
    if parents.empty:
        return 0
    interval = pd.to_timedelta(pd.to_numeric(parents["followup_interval_days"], errors="coerce").fillna(30), unit="D")
    due = (start + interval).set_axis(parents["id"].to_numpy())
    last = _last_per(visits[visits[key].isin(parents["id"])], key).set_index(key)
    if not last.empty:
        step = interval.set_axis(parents["id"].to_numpy()).reindex(last.index)
        after_visit = last["next_due"].fillna(last["date"] + step)
        due.loc[after_visit.index] = after_visit
    return int((due < end).sum())


# -- tables ------------------------------------------------------------------------------------------------------

TABLE_COLUMNS = ["area", "indicator", "label", "numerator", "denominator", "value", "unit"]


def indicator_table(ind: Indicators) -> pd.DataFrame:
    """Every indicator as one tidy row: counts have only a value; shares carry numerator and denominator."""
    rows: list[tuple[str, str, str, float | None, float | None, float | None, str]] = []

    def count(area: str, key: str, label: str, value: int) -> None:
        rows.append((area, key, label, None, None, value, "count"))

    def ratio(area: str, key: str, label: str, r: Ratio, unit: str = "share") -> None:
        rows.append((area, key, label, r.numerator, r.denominator, r.value, unit))

    def amount(area: str, key: str, label: str, value: float | None, unit: str = "PKR") -> None:
        rows.append((area, key, label, None, None, value, unit))

    for kind, n in ind.inspections_by_kind.items():
        count("inspections", f"inspections_{kind}", f"Inspections: {label_for(kind).lower()}", n)
    count("inspections", "inspections_total", "Inspections: all sites", ind.inspections_total)
    count("kiln_survey", "kiln_inspections", "Kiln inspections", ind.kiln.inspections)
    count("kiln_survey", "kiln_workers_counted", "Kiln workers counted", ind.kiln.workers_counted)
    for key, (_column, label) in KILN_MEASURES.items():
        ratio("kiln_survey", f"share_{key}", label, getattr(ind.kiln, key))
    c = ind.children
    count("children", "children_withdrawn", "Children withdrawn from labour", c.withdrawn)
    count("children", "children_enrolled", "Children enrolled in school", c.enrolled)
    count("children", "children_followed_up", "Children visited (follow-up)", c.followed_up)
    ratio("children", "share_in_school", "In school at last visit", c.in_school)
    ratio("children", "share_back_at_work", "Back at work at last visit", c.back_at_work)
    a = ind.agreements
    count("agreements", "agreements_signed", "Wage agreements signed", a.signed)
    count("agreements", "agreements_followed_up", "Agreements followed up", a.followed_up)
    count("agreements", "agreements_compliant", "Compliant at latest follow-up", a.compliant)
    count("agreements", "agreements_partial", "Partly compliant at latest follow-up", a.partial)
    count("agreements", "agreements_non_compliant", "Non-compliant at latest follow-up", a.non_compliant)
    amount("agreements", "mean_observed_rate", "Mean wage paid per 1,000 bricks", a.mean_observed_rate)
    amount("agreements", "mean_committed_rate", "Mean committed rate per 1,000 bricks", a.mean_committed_rate)
    ratio("agreements", "wage_paid_vs_committed", "Wage paid / committed rate", a.wage_paid_vs_committed)
    g = ind.agencies
    count("agencies", "agencies_registered", "Travel agencies registered", g.registered)
    count("agencies", "agencies_unregistered", "Travel agencies unregistered", g.unregistered)
    count("agencies", "agencies_other_status", "Travel agencies expired / unknown", g.other_status)
    count("agencies", "agency_inspections", "Travel agency inspections", g.inspections)
    count("agencies", "notices_issued", "Notices issued", g.notices_issued)
    count("agencies", "notices_complied", "Notices complied with", g.notices_complied)
    count("agencies", "notices_not_complied", "Notices not complied with", g.notices_not_complied)
    count("agencies", "notices_pending", "Notices pending", g.notices_pending)
    ratio("agencies", "notice_compliance", "Notices complied / issued", g.compliance)
    v = ind.victims
    count("victims", "victims_new", "Migration victims (incident in period)", v.new_victims)
    for status in VictimStatus:
        count(
            "victims",
            f"victims_{status.value}",
            f"Victims: {label_for(status.value).lower()}",
            int(v.by_route_status.loc["total", status.value]),
        )
    amount("victims", "amount_paid_pkr", "Paid to agents (PKR)", v.amount_paid_pkr)
    amount("victims", "ransom_paid_pkr", "Ransom paid (PKR)", v.ransom_paid_pkr)
    k = ind.cases
    count("cases", "cases_on_register", "Cases on the register", k.on_register)
    for case_status, n in k.by_status.items():
        count("cases", f"cases_status_{case_status}", f"Cases now: {label_for(case_status)}", n)
    count("cases", "firs_registered", "FIRs registered", k.firs_registered)
    count("cases", "challans", "Challans submitted", k.challans)
    count("cases", "sent_to_court", "Sent to court", k.in_court)
    count("cases", "convictions", "Convictions", k.convictions)
    count("cases", "acquittals", "Acquittals", k.acquittals)
    count("cases", "cases_closed", "Closed without FIR", k.closed)
    ratio("cases", "conviction_rate", "Convictions / decided cases", k.conviction_rate)
    t = ind.tips
    count("tips", "tips_received", "Tips received", t.received)
    for channel, n in t.by_channel.items():
        count("tips", f"tips_channel_{channel}", f"Tips received: {label_for(channel).lower()}", n)
    count("tips", "tips_anonymous", "Tips received anonymously", t.anonymous)
    count("tips", "tips_verified", "Tips verified", t.verified)
    count("tips", "tips_confirmed", "Tips confirmed", t.confirmed)
    count("tips", "tips_unfounded", "Tips found unfounded", t.unfounded)
    ratio("tips", "tips_verified_on_time", "Tips verified by the due date", t.verified_on_time)
    count("tips", "tips_actions", "Tips acted on", t.actions)
    for register, n in t.actions_by_register.items():
        count("tips", f"tips_action_{register}", f"Tips acted on: {label_for(register).lower()}", n)
    count("tips", "tips_closed", "Tips closed", t.closed)
    count("tips", "tips_open_at_end", "Tips open at the period end", t.open_at_end)
    count("tips", "tips_overdue_at_end", "Tips with a step overdue at the period end", t.overdue_at_end)
    w = ind.outreach
    count("outreach", "awareness_sessions", "Awareness sessions held", w.sessions)
    count("outreach", "audience_reached", "People reached by awareness sessions", w.audience_reached)
    for venue, n in w.sessions_by_venue.items():
        count("outreach", f"sessions_at_{venue}", f"Awareness sessions: {label_for(venue).lower()}", n)
    count("outreach", "advisories_posted", "Advisories posted", w.advisories_posted)
    count("outreach", "advisories_checked", "Advisories checked again", w.advisories_checked)
    ratio("outreach", "advisories_still_displayed", "Advisories still up when checked", w.advisories_still_displayed)
    count("outreach", "officer_trainings", "Officer trainings held", w.trainings)
    count("outreach", "officers_trained", "Officers trained", w.officers_trained)
    count("outreach", "training_hours", "Training hours", w.training_hours)
    m = ind.committees
    count("committees", "committee_meetings", "Committee meetings held", m.meetings)
    count("committees", "agencies_present", "Agencies present, summed over the meetings", m.agencies_present)
    count("committees", "committee_actions_set", "Action items set", m.actions_set)
    count("committees", "committee_actions_done", "Action items done", m.actions_done)
    ratio("committees", "committee_actions_on_time", "Action items done by the due date", m.actions_done_on_time)
    count("committees", "committee_actions_open", "Action items open at the period end", m.actions_open_at_end)
    count("committees", "committee_actions_overdue", "Action items overdue at the period end", m.actions_overdue_at_end)
    count("committees", "joint_inspections", "Joint inspections with partner agencies", m.joint_inspections)
    for agency, n in m.joint_by_agency.items():
        count("committees", f"joint_inspections_{agency}", f"Joint inspections: {label_for(agency)}", n)
    o = ind.overdue
    count("followups", "overdue_children", "Overdue: child visits", o.children)
    count("followups", "overdue_agreements", "Overdue: agreement visits", o.agreements)
    count("followups", "overdue_victim_families", "Overdue: family meetings", o.victim_families)
    count("followups", "overdue_tips", "Overdue: tip steps", o.tips)
    count("followups", "overdue_committee_actions", "Overdue: committee action items", o.committee_actions)
    count("followups", "overdue_total", "Overdue: all", o.total)
    return pd.DataFrame(rows, columns=TABLE_COLUMNS).astype(
        {"numerator": "float64", "denominator": "float64", "value": "float64"}
    )


def compare(baseline: Indicators, latest: Indicators) -> pd.DataFrame:
    """Both periods side by side and the change (latest − baseline; for shares, in percentage points ÷ 100).

    Columns: area, indicator, label, unit, baseline, latest, change. `change` is NaN where either side is None.
    """
    base = indicator_table(baseline)
    last = indicator_table(latest)
    keys = ["area", "indicator", "label", "unit"]
    merged = base[[*keys, "value"]].merge(last[[*keys, "value"]], on=keys, how="left", suffixes=("_b", "_l"))
    merged = merged.rename(columns={"value_b": "baseline", "value_l": "latest"})
    merged["change"] = merged["latest"] - merged["baseline"]
    merged.attrs["baseline_period"] = baseline.period.label()
    merged.attrs["latest_period"] = latest.period.label()
    return merged


# Indicators the district compares station by station (one column each).
STATION_COLUMNS = [
    "inspections_total",
    "kiln_inspections",
    "share_bonded",
    "share_unaware_min_wage",
    "children_withdrawn",
    "share_in_school",
    "agreements_compliant",
    "agreements_non_compliant",
    "victims_new",
    "firs_registered",
    "convictions",
    "acquittals",
    "overdue_total",
]


def station_table(per_station: dict[str, Indicators]) -> pd.DataFrame:
    """One row per station, one column per indicator in STATION_COLUMNS, plus a district row computed from the
    pooled numerators and denominators (so district shares are ratios of sums, not means of station shares)."""
    rows = {}
    pooled: dict[str, list[float]] = {}
    for code, ind in sorted(per_station.items()):
        table = indicator_table(ind).set_index("indicator").loc[STATION_COLUMNS]
        rows[code] = table["value"]
        for key, row in table.iterrows():
            num, den = (row["numerator"], row["denominator"]) if row["unit"] == "share" else (row["value"], 1.0)
            acc = pooled.setdefault(str(key), [0.0, 0.0])
            acc[0] += 0.0 if pd.isna(num) else float(num)
            acc[1] += 0.0 if pd.isna(den) else float(den)
    frame = pd.DataFrame(rows).T.reindex(columns=STATION_COLUMNS)
    frame.index.name = "station_code"
    if len(frame):
        units = indicator_table(next(iter(per_station.values()))).set_index("indicator")["unit"]
        frame.loc["ALL STATIONS"] = [
            share(*pooled[k]) if units[k] == "share" else pooled[k][0] for k in STATION_COLUMNS
        ]
    return frame.astype("float64")
