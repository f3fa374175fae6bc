"""Kiln wage agreements (e.g. notified minimum wage + 20 %, EOBI registration) and their follow-ups."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, RecordMixin


class KilnAgreement(RecordMixin, Base):
    __tablename__ = "agreements"

    site_id: Mapped[str] = mapped_column(String(36), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    committed_rate_per_1000: Mapped[int] = mapped_column(Integer)  # PKR per 1,000 bricks
    notified_min_rate_per_1000: Mapped[int] = mapped_column(Integer)
    workers_covered: Mapped[int] = mapped_column(Integer)
    eobi_committed: Mapped[int] = mapped_column(Integer, default=0)
    followup_interval_days: Mapped[int] = mapped_column(Integer, default=60)
    next_followup_due: Mapped[dt.date | None] = mapped_column(Date, index=True, default=None)
    status: Mapped[str] = mapped_column(String(16), default="active")
    terms: Mapped[str | None] = mapped_column(Text, default=None)


class AgreementFollowUp(RecordMixin, Base):
    __tablename__ = "agreement_followups"

    agreement_id: Mapped[str] = mapped_column(String(36), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    observed_rate_per_1000: Mapped[int | None] = mapped_column(Integer, default=None)
    workers_paid_as_agreed: Mapped[int | None] = mapped_column(Integer, default=None)
    eobi_registrations_done: Mapped[int | None] = mapped_column(Integer, default=None)
    outstanding_advances_pkr: Mapped[int | None] = mapped_column(Integer, default=None)
    compliance: Mapped[str] = mapped_column(String(16))
    action: Mapped[str | None] = mapped_column(Text, default=None)
    next_due: Mapped[dt.date | None] = mapped_column(Date, default=None)
