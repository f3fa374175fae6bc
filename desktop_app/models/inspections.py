"""Inspections: one visit to a site, with the survey counts the indicators are computed from."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, RecordMixin


class Inspection(RecordMixin, Base):
    __tablename__ = "inspections"

    site_id: Mapped[str] = mapped_column(String(36), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    officers: Mapped[str] = mapped_column(String(400))
    workers_total: Mapped[int | None] = mapped_column(Integer, default=None)
    workers_bonded: Mapped[int | None] = mapped_column(Integer, default=None)  # in debt bondage (peshgi)
    workers_unaware_min_wage: Mapped[int | None] = mapped_column(Integer, default=None)
    workers_illiterate: Mapped[int | None] = mapped_column(Integer, default=None)
    workers_with_contract: Mapped[int | None] = mapped_column(Integer, default=None)
    workers_eobi: Mapped[int | None] = mapped_column(Integer, default=None)
    children_found: Mapped[int] = mapped_column(Integer, default=0)
    children_withdrawn: Mapped[int] = mapped_column(Integer, default=0)
    hazards: Mapped[str | None] = mapped_column(Text, default=None)
    # Travel agencies only: what the inspecting officer was shown.
    licence_shown: Mapped[bool | None] = mapped_column(Boolean, default=None)
    staff_list_shown: Mapped[bool | None] = mapped_column(Boolean, default=None)
    advisory_shown: Mapped[bool | None] = mapped_column(Boolean, default=None)
    notice_issued: Mapped[bool] = mapped_column(Boolean, default=False)
    compliance_deadline: Mapped[dt.date | None] = mapped_column(Date, default=None)
    notice_complied: Mapped[bool | None] = mapped_column(Boolean, default=None)
    fir_recommended: Mapped[bool] = mapped_column(Boolean, default=False)
    findings: Mapped[str | None] = mapped_column(Text, default=None)
