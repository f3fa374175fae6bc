"""Rescued children and their school follow-up visits."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, RecordMixin


class RescuedChild(RecordMixin, Base):
    __tablename__ = "children"

    name: Mapped[str] = mapped_column(String(200))
    father_name: Mapped[str | None] = mapped_column(String(200), default=None)
    guardian_name: Mapped[str | None] = mapped_column(String(200), default=None)
    guardian_cnic: Mapped[str | None] = mapped_column(String(15), index=True, default=None)
    guardian_phone: Mapped[str | None] = mapped_column(String(20), default=None)
    b_form_no: Mapped[str | None] = mapped_column(String(15), default=None)
    date_of_birth: Mapped[dt.date | None] = mapped_column(Date, default=None)
    age_years: Mapped[int | None] = mapped_column(Integer, default=None)
    sex: Mapped[str] = mapped_column(String(16))
    address: Mapped[str | None] = mapped_column(Text, default=None)
    tehsil: Mapped[str | None] = mapped_column(String(100), index=True, default=None)
    village: Mapped[str | None] = mapped_column(String(100), default=None)
    inspection_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    site_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    rescue_date: Mapped[dt.date] = mapped_column(Date, index=True)
    work: Mapped[str | None] = mapped_column(String(200), default=None)
    hours_per_day: Mapped[int | None] = mapped_column(Integer, default=None)
    handed_over_to: Mapped[str | None] = mapped_column(String(200), default=None)
    school_name: Mapped[str | None] = mapped_column(String(200), default=None)
    enrolment_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(32), index=True)
    followup_interval_days: Mapped[int] = mapped_column(Integer, default=30)
    next_followup_due: Mapped[dt.date | None] = mapped_column(Date, index=True, default=None)
    notes: Mapped[str | None] = mapped_column(Text, default=None)


class ChildFollowUp(RecordMixin, Base):
    __tablename__ = "child_followups"

    child_id: Mapped[str] = mapped_column(String(36), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    attending_school: Mapped[bool] = mapped_column(Boolean)
    back_at_work: Mapped[bool] = mapped_column(Boolean, default=False)
    officer: Mapped[str | None] = mapped_column(String(200), default=None)
    notes: Mapped[str | None] = mapped_column(Text, default=None)
    next_due: Mapped[dt.date | None] = mapped_column(Date, default=None)
