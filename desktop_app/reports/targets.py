"""Results against the targets set for a period: each target's figure computed from the registers for the
target's own period, exactly as the report computes it (never typed in).

A target applies to the station it names, or, when it names none, to whoever set it: the district's own
targets (set on the district store) are for every station together, a station's for itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pandas as pd
from sqlalchemy import select

from desktop_app.models.targets import TargetMeasure
from desktop_app.reports import indicators as ind
from desktop_app.reports.frames import Period, RegisterFrames, load_frames
from desktop_app.services import permissions
from desktop_app.services.context import Context
from desktop_app.services.registry import spec_for

M = TargetMeasure
# Each measure is one indicator of the report; "at most" measures are met by staying at or under the target.
MEASURES: dict[str, tuple[str, bool]] = {
    M.INSPECTIONS: ("inspections_total", False),
    M.CHILDREN_WITHDRAWN: ("children_withdrawn", False),
    M.AGENCIES_REGISTERED: ("agencies_registered", False),
    M.FIR_REGISTERED: ("firs_registered", False),
    M.FOLLOWUPS_OVERDUE: ("overdue_total", True),
    M.AWARENESS_SESSIONS: ("awareness_sessions", False),
    M.OFFICERS_TRAINED: ("officers_trained", False),
    M.TIPS_CLOSED: ("tips_closed", False),
}
LABELS = {
    M.INSPECTIONS: "Inspections",
    M.CHILDREN_WITHDRAWN: "Children withdrawn from labour",
    M.AGENCIES_REGISTERED: "Travel agencies registered",
    M.FIR_REGISTERED: "FIRs registered",
    M.FOLLOWUPS_OVERDUE: "Follow-ups overdue at the period end (at most)",
    M.AWARENESS_SESSIONS: "Awareness sessions held",
    M.OFFICERS_TRAINED: "Officers trained",
    M.TIPS_CLOSED: "Tips closed",
}


@dataclass(frozen=True)
class TargetResult:
    period: Period
    measure: str
    target: int
    result: int
    at_most: bool

    @property
    def label(self) -> str:
        return LABELS[TargetMeasure(self.measure)]

    @property
    def met(self) -> bool:
        return self.result <= self.target if self.at_most else self.result >= self.target

    @property
    def share(self) -> float | None:
        """The result as a share of the target (None for a target of zero)."""
        return ind.share(self.result, self.target)


def load_targets(ctx: Context) -> pd.DataFrame:
    """Every live target, with the station each is for (`scope`)."""
    permissions.require(ctx, permissions.READ)
    table = spec_for("targets").model.__table__  # type: ignore[attr-defined]
    columns = ["station_code", "period_start", "period_end", "for_station", "measure", "target"]
    stmt = select(*(table.c[c] for c in columns)).where(table.c.deleted_at.is_(None))
    with ctx.store.engine.connect() as conn:
        frame = pd.read_sql(stmt, conn)
    frame["scope"] = frame["for_station"].where(frame["for_station"].notna() & (frame["for_station"] != ""))
    frame["scope"] = frame["scope"].fillna(frame["station_code"])
    for column in ("period_start", "period_end"):
        frame[column] = pd.to_datetime(frame[column]).dt.date
    return frame


def results(
    frames: RegisterFrames, targets: pd.DataFrame, scope: str, until: dt.date | None = None
) -> list[TargetResult]:
    """The targets for `scope` whose period lies within the frames' period, each with its result for its own
    period (up to `until`, for a period still running); in period, then measure order."""
    mine = targets[targets["scope"] == scope]
    if until is None:
        mine = mine[(mine["period_start"] >= frames.period.start) & (mine["period_end"] <= frames.period.end)]
    else:
        mine = mine[(mine["period_start"] <= until) & (mine["period_end"] >= until)]
    tables: dict[tuple[dt.date, dt.date], pd.Series] = {}
    out = []
    for row in mine.sort_values(["period_start", "period_end"]).itertuples():
        end = min(row.period_end, until) if until else row.period_end
        period = Period(row.period_start, end)
        key = (period.start, period.end)
        if key not in tables:
            tables[key] = ind.indicator_table(ind.compute(replace(frames, period=period))).set_index("indicator")[
                "value"
            ]
        indicator, at_most = MEASURES[row.measure]
        value = tables[key].get(indicator)
        result = 0 if value is None or pd.isna(value) else int(value)
        out.append(
            TargetResult(Period(row.period_start, row.period_end), row.measure, int(row.target), result, at_most)
        )
    order = list(MEASURES)
    return sorted(out, key=lambda r: (r.period.start, r.period.end, order.index(r.measure)))


def current_results(ctx: Context, today: dt.date) -> list[TargetResult]:
    """This station's (or, on the district store, the district's) targets for a period running today, with the
    results so far: what the Dashboard shows."""
    targets = load_targets(ctx)
    scope = ctx.station.station_code
    running = targets[
        (targets["scope"] == scope) & (targets["period_start"] <= today) & (targets["period_end"] >= today)
    ]
    if running.empty:
        return []
    start = min(running["period_start"])
    frames = load_frames(ctx, Period(start, today))
    return results(frames, running, scope, until=today)
