"""Loading the registers the indicators need into pandas DataFrames, for one station or the whole district.

Reads are plain SQLAlchemy selects on the store's engine; tombstoned rows (deleted_at set) never reach a frame.
Rows are loaded up to the period's end (not only inside it) because some indicators look back: a case's status
at the period end, a child's last follow-up, a follow-up falling overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Select, select

from desktop_app.models.agreements import AgreementFollowUp, KilnAgreement
from desktop_app.models.base import RecordMixin
from desktop_app.models.cases import Case, CaseStatusChange
from desktop_app.models.children import ChildFollowUp, RescuedChild
from desktop_app.models.inspections import Inspection
from desktop_app.models.meetings import FamilyMeeting
from desktop_app.models.sites import Site
from desktop_app.models.victims import MigrationVictim
from desktop_app.services import permissions
from desktop_app.services.context import Context


@dataclass(frozen=True)
class Period:
    """Both ends included, as the committee reads "01/01/2026 to 28/02/2026"."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("the period ends before it starts")

    def label(self) -> str:
        return f"{self.start:%d/%m/%Y} to {self.end:%d/%m/%Y}"


# Only the columns the indicators use: no names, CNICs or addresses are ever loaded for a report.
_COLUMNS: dict[str, tuple[type[RecordMixin], tuple[str, ...]]] = {
    "sites": (Site, ("kind", "registration_status")),
    "inspections": (
        Inspection,
        (
            "site_id",
            "date",
            "workers_total",
            "workers_bonded",
            "workers_unaware_min_wage",
            "workers_illiterate",
            "workers_with_contract",
            "workers_eobi",
            "children_found",
            "children_withdrawn",
            "notice_issued",
            "notice_complied",
            "fir_recommended",
        ),
    ),
    "children": (
        RescuedChild,
        ("rescue_date", "enrolment_date", "status", "followup_interval_days"),
    ),
    "child_followups": (ChildFollowUp, ("child_id", "date", "attending_school", "back_at_work", "next_due", "hlc")),
    "agreements": (
        KilnAgreement,
        (
            "site_id",
            "date",
            "committed_rate_per_1000",
            "notified_min_rate_per_1000",
            "status",
            "followup_interval_days",
        ),
    ),
    "agreement_followups": (
        AgreementFollowUp,
        ("agreement_id", "date", "observed_rate_per_1000", "compliance", "next_due", "hlc"),
    ),
    "victims": (
        MigrationVictim,
        ("status", "route", "date_of_departure", "date_of_incident", "amount_paid_pkr", "ransom_paid_pkr"),
    ),
    "family_meetings": (FamilyMeeting, ("victim_id", "date", "next_followup_due", "hlc")),
    "cases": (Case, ("offence_category", "status", "report_date", "created_at")),
    "case_status_changes": (CaseStatusChange, ("case_id", "from_status", "to_status", "date", "hlc")),
}

# Registers whose rows carry a date that says when they happened; rows after the period end are not loaded.
_DATE_BOUND = {
    "inspections": "date",
    "children": "rescue_date",
    "child_followups": "date",
    "agreements": "date",
    "agreement_followups": "date",
    "family_meetings": "date",
    "case_status_changes": "date",
}

# Rows that belong with a parent record: (parent register, reference column).
_PARENTS = {
    "child_followups": ("children", "child_id"),
    "agreement_followups": ("agreements", "agreement_id"),
    "family_meetings": ("victims", "victim_id"),
    "case_status_changes": ("cases", "case_id"),
}

_DATE_COLUMNS = {
    "date",
    "rescue_date",
    "enrolment_date",
    "next_due",
    "date_of_departure",
    "date_of_incident",
    "next_followup_due",
    "report_date",
}


@dataclass
class RegisterFrames:
    """One DataFrame per register (live rows only, each with `id` and `station_code`), plus what was asked for."""

    period: Period
    station_code: str | None  # None: every station in the store
    district: str
    station_name: str
    is_district: bool
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __getitem__(self, register: str) -> pd.DataFrame:
        return self.frames[register]

    def stations(self) -> list[str]:
        codes: set[str] = set()
        for name, frame in self.frames.items():
            if name == "site_kinds":
                continue
            codes.update(str(c) for c in frame["station_code"].dropna().unique())
        return sorted(codes)

    def for_station(self, station_code: str) -> RegisterFrames:
        """The same frames narrowed to one station (for one station's report or the district's comparison).

        A record belongs to the station that owns it; its follow-ups, meetings and status steps follow their
        parent, whoever recorded them, so a visit made by another station still counts for the child's station.
        Site kinds stay known for every site (the district keeps one site registry for all stations).
        """
        own = {name: frame[frame["station_code"] == station_code] for name, frame in self.frames.items()}
        for child, (parent, key) in _PARENTS.items():
            own[child] = self.frames[child][self.frames[child][key].isin(own[parent]["id"])]
        own["site_kinds"] = self.frames.get("site_kinds", self.frames["sites"])
        return RegisterFrames(self.period, station_code, self.district, station_code, False, own)

    def row_count(self) -> int:
        return sum(len(frame) for name, frame in self.frames.items() if name != "site_kinds")


def load_frames(ctx: Context, period: Period, station_code: str | None = None) -> RegisterFrames:
    """Every register the indicators use, live rows dated up to the period end, for one station or all."""
    permissions.require(ctx, permissions.READ)
    frames: dict[str, pd.DataFrame] = {}
    with ctx.store.engine.connect() as conn:
        for register, (model, columns) in _COLUMNS.items():
            stmt = _select(model, columns, register, period)
            frame = pd.read_sql(stmt, conn)
            frames[register] = _typed(frame)
    loaded = RegisterFrames(
        period,
        None,
        ctx.station.district,
        "All stations" if ctx.station.is_district else ctx.station.station_name,
        ctx.station.is_district,
        frames,
    )
    # One station's figures are narrowed after loading, so follow-ups recorded by another station still
    # count for the station that owns the child, agreement, victim or case (see for_station).
    return loaded if station_code is None else loaded.for_station(station_code)


def _select(
    model: type[RecordMixin], columns: tuple[str, ...], register: str, period: Period
) -> Select[tuple[object, ...]]:
    table = model.__table__  # type: ignore[attr-defined]
    cols = [table.c.id, table.c.station_code, *(table.c[name] for name in columns)]
    stmt = select(*cols).where(table.c.deleted_at.is_(None))
    bound = _DATE_BOUND.get(register)
    if bound is not None:
        stmt = stmt.where(table.c[bound] <= period.end)
    return stmt


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for column in frame.columns:
        if column in _DATE_COLUMNS:
            frame[column] = pd.to_datetime(frame[column], errors="coerce")
        elif column == "created_at":
            frame[column] = pd.to_datetime(frame[column], errors="coerce", utc=True)
    return frame
