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

from desktop_app.services import permissions
from desktop_app.services.context import Context
from desktop_app.services.registry import RegisterSpec, ReportFacts, load_all


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
        for child, (parent, key) in _parents().items():
            if child in self.frames and parent in self.frames:
                own[child] = self.frames[child][self.frames[child][key].isin(own[parent]["id"])]
        own["site_kinds"] = self.frames.get("site_kinds", self.frames["sites"])
        return RegisterFrames(self.period, station_code, self.district, station_code, False, own)

    def row_count(self) -> int:
        return sum(len(frame) for name, frame in self.frames.items() if name != "site_kinds")


def load_frames(ctx: Context, period: Period, station_code: str | None = None) -> RegisterFrames:
    """Every register with report facts, live rows dated up to the period end, for one station or all."""
    permissions.require(ctx, permissions.READ)
    frames: dict[str, pd.DataFrame] = {}
    with ctx.store.engine.connect() as conn:
        for spec in load_all().values():
            if spec.report is not None:
                frames[spec.name] = _typed(spec, pd.read_sql(_select(spec, spec.report, period), conn))
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


def _parents() -> dict[str, tuple[str, str]]:
    """Registers whose rows belong with a parent record: register → (parent register, reference column)."""
    out = {}
    for spec in load_all().values():
        if spec.report is not None and spec.report.parent_field is not None:
            parent = spec.fields[spec.report.parent_field].ref
            assert parent is not None
            out[spec.name] = (parent, spec.report.parent_field)
    return out


def _select(spec: RegisterSpec, facts: ReportFacts, period: Period) -> Select[tuple[object, ...]]:
    # Only the public fields: no names, CNICs, addresses or typed prose are ever loaded for a report. The clock
    # stamp orders visits made the same day; the creation time dates records that carry no date of their own.
    table = spec.model.__table__  # type: ignore[attr-defined]
    names = ["id", "station_code", "hlc", "created_at", *spec.public_fields]
    stmt = select(*(table.c[name] for name in names)).where(table.c.deleted_at.is_(None))
    if facts.date_field is not None:
        stmt = stmt.where(table.c[facts.date_field] <= period.end)
    return stmt


def _typed(spec: RegisterSpec, frame: pd.DataFrame) -> pd.DataFrame:
    for column in frame.columns:
        rule = spec.fields.get(column)
        if rule is not None and rule.kind == "date":
            frame[column] = pd.to_datetime(frame[column], errors="coerce")
        elif column == "created_at":
            frame[column] = pd.to_datetime(frame[column], errors="coerce", utc=True)
    return frame
