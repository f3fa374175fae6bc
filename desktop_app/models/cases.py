"""Cases: the facts leading to an FIR, its status history, and the records it draws on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, RecordMixin


class Case(RecordMixin, Base):
    __tablename__ = "cases"

    # AHTC/<station>/<year>/<serial>, given when the case is created (services/case_numbers.py). Null only in a
    # row from a station that has not yet upgraded; unique in every store, the district's included.
    case_number: Mapped[str | None] = mapped_column(String(64), unique=True, index=True, default=None)
    title: Mapped[str] = mapped_column(String(300))
    offence_category: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(32), index=True, default="draft")
    narrative: Mapped[str | None] = mapped_column(Text, default=None)
    occurrence_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    occurrence_place: Mapped[str | None] = mapped_column(String(300), default=None)
    distance_direction: Mapped[str | None] = mapped_column(String(200), default=None)
    report_date: Mapped[dt.date | None] = mapped_column(Date, index=True, default=None)
    fir_number: Mapped[str | None] = mapped_column(String(32), default=None)
    fir_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    fir_station: Mapped[str | None] = mapped_column(String(100), default=None)
    # The facts the officer ticked (catalogue fact tags), then the law sections the officer confirmed, as catalogue
    # ids; suggestions are never stored as certain. In this order on the form: the facts drive the suggestions.
    fact_tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    sections: Mapped[list[Any]] = mapped_column(JSON, default=list)
    evidence: Mapped[str | None] = mapped_column(Text, default=None)
    action_taken: Mapped[str | None] = mapped_column(Text, default=None)
    outcome_date: Mapped[dt.date | None] = mapped_column(Date, default=None)


class CaseStatusChange(RecordMixin, Base):
    """One step of a case's status history; rows of their own so no step is ever overwritten."""

    __tablename__ = "case_status_changes"

    case_id: Mapped[str] = mapped_column(String(36), index=True)
    from_status: Mapped[str | None] = mapped_column(String(32), default=None)
    to_status: Mapped[str] = mapped_column(String(32))
    date: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text, default=None)


class CaseLink(RecordMixin, Base):
    """A record (inspection, victim, meeting, child...) that a case draws its facts from."""

    __tablename__ = "case_links"

    case_id: Mapped[str] = mapped_column(String(36), index=True)
    register: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    note: Mapped[str | None] = mapped_column(Text, default=None)
