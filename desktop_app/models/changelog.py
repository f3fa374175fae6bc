"""The change log (what sync sends) and the conflicts table (losing versions kept for review)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime


class ChangeLogEntry(Base):
    """One write to one register row, with the full row state after it (DESIGN §4)."""

    __tablename__ = "change_log"
    # The district looks up every imported row's history by (row_id, hlc) (migration 0003).
    __table_args__ = (Index("ix_change_log_row_hlc", "row_id", "hlc"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(16))  # create | update | delete
    hlc: Mapped[str] = mapped_column(String(64))
    base_hlc: Mapped[str | None] = mapped_column(String(64), default=None)
    origin_station: Mapped[str] = mapped_column(String(32), index=True)
    # "local" rows are sent by export; rows applied from a bundle are logged as "import" and never re-sent.
    source: Mapped[str] = mapped_column(String(16), default="local")
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    state: Mapped[dict[str, Any]] = mapped_column(JSON)


class Conflict(Base):
    """A version that lost a merge. Kept, never dropped, until someone reviews it."""

    __tablename__ = "conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    kept_hlc: Mapped[str] = mapped_column(String(64))
    lost_hlc: Mapped[str] = mapped_column(String(64))
    lost_origin: Mapped[str] = mapped_column(String(32))
    lost_state: Mapped[dict[str, Any]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(String(200))
    detected_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), default=None)
    resolved_by: Mapped[str | None] = mapped_column(String(64), default=None)
