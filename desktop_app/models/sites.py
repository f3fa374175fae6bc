"""Sites: brick kilns, workshops, travel agencies and other premises the cell inspects."""

from __future__ import annotations

from sqlalchemy import Float, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, RecordMixin


class Site(RecordMixin, Base):
    __tablename__ = "sites"

    kind: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(200))
    owner_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    address: Mapped[str | None] = mapped_column(Text, default=None)
    tehsil: Mapped[str] = mapped_column(String(100), index=True)
    village: Mapped[str | None] = mapped_column(String(100), default=None)
    gps_lat: Mapped[float | None] = mapped_column(Float, default=None)
    gps_lon: Mapped[float | None] = mapped_column(Float, default=None)
    registration_status: Mapped[str] = mapped_column(String(32), default="unknown")
    licence_no: Mapped[str | None] = mapped_column(String(64), default=None)
    notes: Mapped[str | None] = mapped_column(Text, default=None)
