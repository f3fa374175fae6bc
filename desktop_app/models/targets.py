"""Targets the district sets for a period, for one station or for the district as a whole."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, RecordMixin


class TargetMeasure(StrEnum):
    INSPECTIONS = "inspections"
    CHILDREN_WITHDRAWN = "children_withdrawn"
    AGENCIES_REGISTERED = "agencies_registered"  # travel agencies on the register as registered
    FIR_REGISTERED = "fir_registered"  # FIRs registered in the period
    FOLLOWUPS_OVERDUE = "followups_overdue"  # at most this many overdue at the period end
    AWARENESS_SESSIONS = "awareness_sessions"
    OFFICERS_TRAINED = "officers_trained"
    TIPS_CLOSED = "tips_closed"


class Target(RecordMixin, Base):
    __tablename__ = "targets"

    period_start: Mapped[dt.date] = mapped_column(Date, index=True)
    period_end: Mapped[dt.date] = mapped_column(Date, index=True)
    measure: Mapped[str] = mapped_column(String(32))
    target: Mapped[int] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text, default=None)
    # The station the target is for; none: whoever set it (on the district store, every station together).
    for_station: Mapped[str | None] = mapped_column(String(32), index=True, default=None)
