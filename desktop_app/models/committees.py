"""The district monitoring committee: its meetings, the agencies at each, the action items it sets and their
follow-up; and inspections made jointly with partner agencies."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, RecordMixin


class Committee(StrEnum):
    DISTRICT_MONITORING = "district_monitoring"  # the district's anti-trafficking monitoring committee
    DISTRICT_VIGILANCE = "district_vigilance"  # under the Bonded Labour System (Abolition) Act
    OTHER = "other"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class CommitteeMeeting(RecordMixin, Base):
    __tablename__ = "committee_meetings"

    date: Mapped[dt.date] = mapped_column(Date, index=True)
    committee: Mapped[str] = mapped_column(String(32), index=True)
    chair: Mapped[str | None] = mapped_column(String(200), default=None)
    venue: Mapped[str | None] = mapped_column(String(200), default=None)
    decisions: Mapped[str | None] = mapped_column(Text, default=None)


class CommitteeAttendance(RecordMixin, Base):
    """One agency present at a meeting, and who came for it."""

    __tablename__ = "committee_attendance"

    meeting_id: Mapped[str] = mapped_column(String(36), index=True)
    agency: Mapped[str] = mapped_column(String(40))
    representative: Mapped[str | None] = mapped_column(String(200), default=None)


class CommitteeAction(RecordMixin, Base):
    """An action item a meeting set: which agency owns it, by when, and what came of it."""

    __tablename__ = "committee_actions"

    meeting_id: Mapped[str] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(400))
    owner_agency: Mapped[str] = mapped_column(String(40), index=True)
    due_on: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), index=True, default="open")
    done_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    follow_up: Mapped[str | None] = mapped_column(Text, default=None)


class JointInspection(RecordMixin, Base):
    """A partner agency that took part in an inspection (one row per agency)."""

    __tablename__ = "joint_inspections"

    inspection_id: Mapped[str] = mapped_column(String(36), index=True)
    agency: Mapped[str] = mapped_column(String(40), index=True)
    officer: Mapped[str | None] = mapped_column(String(200), default=None)
    meeting_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)  # the meeting that asked
    notes: Mapped[str | None] = mapped_column(Text, default=None)
