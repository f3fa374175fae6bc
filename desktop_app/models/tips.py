"""Tips and complaints: what citizens, helplines and other agencies tell the cell, and what the cell did about it."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Boolean, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, RecordMixin


class TipChannel(StrEnum):
    CITIZEN_APP = "citizen_app"
    HELPLINE = "helpline"
    WALK_IN = "walk_in"
    OTHER_AGENCY = "other_agency"


class TipUrgency(StrEnum):
    URGENT = "urgent"  # someone is in danger now: a child at a kiln, a departure tonight
    HIGH = "high"
    NORMAL = "normal"


class TipStatus(StrEnum):
    RECEIVED = "received"
    VERIFIED = "verified"
    ACTION_TAKEN = "action_taken"
    CLOSED = "closed"


class TipFinding(StrEnum):
    CONFIRMED = "confirmed"
    UNFOUNDED = "unfounded"


class Tip(RecordMixin, Base):
    __tablename__ = "tips"

    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    channel: Mapped[str] = mapped_column(String(32), index=True)
    from_agency: Mapped[str | None] = mapped_column(String(40), default=None)  # the channel is another agency
    # An anonymous tip keeps no name and no number of the tipster, in this row or any version of it.
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    tipster_name: Mapped[str | None] = mapped_column(String(200), default=None)
    tipster_phone: Mapped[str | None] = mapped_column(String(40), default=None)
    category: Mapped[str] = mapped_column(String(40), index=True)
    urgency: Mapped[str] = mapped_column(String(16), default="normal")
    place: Mapped[str] = mapped_column(String(300))
    tehsil: Mapped[str | None] = mapped_column(String(100), index=True, default=None)
    site_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    persons_named: Mapped[str | None] = mapped_column(Text, default=None)
    details: Mapped[str] = mapped_column(Text)
    # Received → verified → action taken → closed: the status follows the dates the steps were taken on.
    status: Mapped[str] = mapped_column(String(16), index=True, default="received")
    verify_due: Mapped[dt.date | None] = mapped_column(Date, default=None)
    verified_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    finding: Mapped[str | None] = mapped_column(String(16), default=None)
    action_due: Mapped[dt.date | None] = mapped_column(Date, default=None)
    action_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    # The action: an inspection, a case or a referral (the registers that list "tips" as linking to them).
    action_register: Mapped[str | None] = mapped_column(String(40), default=None)
    action_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    close_due: Mapped[dt.date | None] = mapped_column(Date, default=None)
    closed_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    closing_note: Mapped[str | None] = mapped_column(Text, default=None)
    # The due date of the step the tip waits for (none once closed): the dashboard's due and overdue list.
    next_step_due: Mapped[dt.date | None] = mapped_column(Date, index=True, default=None)
