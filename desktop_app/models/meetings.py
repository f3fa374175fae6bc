"""Meetings with the families of migration victims."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, RecordMixin


class FamilyMeeting(RecordMixin, Base):
    __tablename__ = "family_meetings"

    victim_id: Mapped[str] = mapped_column(String(36), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(String(200))
    attendees: Mapped[str] = mapped_column(Text)  # "name (relation)" per line
    officers: Mapped[str] = mapped_column(String(400))
    support_given: Mapped[str | None] = mapped_column(Text, default=None)
    agent_information: Mapped[str | None] = mapped_column(Text, default=None)
    family_willing_complainant: Mapped[bool] = mapped_column(Boolean, default=False)
    next_followup_due: Mapped[dt.date | None] = mapped_column(Date, default=None)
    notes: Mapped[str | None] = mapped_column(Text, default=None)
