"""The installation's own identity: which station (or district) this store belongs to, and its keys."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime


class StationInfo(Base):
    """Exactly one row (id 1). Private keys live here, inside the encrypted database, never in a plain file."""

    __tablename__ = "station_info"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    kind: Mapped[str] = mapped_column(String(16))  # station | district
    station_code: Mapped[str] = mapped_column(String(32))
    station_name: Mapped[str] = mapped_column(String(200))
    district: Mapped[str] = mapped_column(String(100))
    district_code: Mapped[str | None] = mapped_column(String(32), default=None)
    # Random at init, new after a restore: a restored backup rewinds the change-log sequence (DESIGN §6).
    store_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    identity: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    last_hlc: Mapped[str | None] = mapped_column(String(64), default=None)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # District: the certificate its sync server shows (PEM), sent to stations to pin (sync/tls.py).
    tls_certificate: Mapped[str | None] = mapped_column(Text, default=None)
