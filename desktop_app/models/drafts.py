"""Unsaved form contents, kept inside the encrypted store so a power cut never loses typing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime


class Draft(Base):
    __tablename__ = "drafts"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    form_key: Mapped[str] = mapped_column(String(80), primary_key=True)  # "<register>:<id or new>"
    saved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
