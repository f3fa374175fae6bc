"""Referrals: hand-overs of a child, victim or family to another department."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, RecordMixin


class Referral(RecordMixin, Base):
    __tablename__ = "referrals"

    subject_register: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[str] = mapped_column(String(36), index=True)
    department: Mapped[str] = mapped_column(String(40))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    reason: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(32), default="pending")
    outcome_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    outcome_notes: Mapped[str | None] = mapped_column(Text, default=None)
