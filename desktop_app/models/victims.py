"""Migration victims: people trafficked or smuggled abroad ("dunky" routes)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, RecordMixin


class MigrationVictim(RecordMixin, Base):
    __tablename__ = "victims"

    name: Mapped[str] = mapped_column(String(200))
    father_name: Mapped[str | None] = mapped_column(String(200), default=None)
    cnic: Mapped[str | None] = mapped_column(String(15), index=True, default=None)
    passport_no: Mapped[str | None] = mapped_column(String(20), default=None)
    sex: Mapped[str] = mapped_column(String(16), default="male")
    age_years: Mapped[int | None] = mapped_column(Integer, default=None)
    address: Mapped[str | None] = mapped_column(Text, default=None)
    tehsil: Mapped[str | None] = mapped_column(String(100), index=True, default=None)
    village: Mapped[str | None] = mapped_column(String(100), default=None)
    family_phone: Mapped[str | None] = mapped_column(String(20), default=None)
    status: Mapped[str] = mapped_column(String(32), index=True)
    route: Mapped[str] = mapped_column(String(32))
    country_of_incident: Mapped[str | None] = mapped_column(String(100), default=None)
    date_of_departure: Mapped[dt.date | None] = mapped_column(Date, default=None)
    date_of_incident: Mapped[dt.date | None] = mapped_column(Date, default=None)
    amount_paid_pkr: Mapped[int | None] = mapped_column(Integer, default=None)
    ransom_paid_pkr: Mapped[int | None] = mapped_column(Integer, default=None)
    next_followup_due: Mapped[dt.date | None] = mapped_column(Date, index=True, default=None)
    notes: Mapped[str | None] = mapped_column(Text, default=None)
