"""The declarative base, column types that behave the same on SQLCipher and PostgreSQL, and the record mixin.

Every register row carries the mixin of DESIGN.md §4. References between registers are plain indexed
id columns, not database foreign keys: rows arrive from other stations in bundles that may have gaps,
and a child row must be storable before its parent arrives. The services check references on local writes.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import DateTime, Index, Integer, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes in, aware UTC datetimes out; stored as naive UTC so SQLite and PostgreSQL agree."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    pass


class RecordMixin:
    """Identity, ownership and change tracking shared by every register row (DESIGN.md §4)."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    station_code: Mapped[str] = mapped_column(String(32), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Hybrid logical clock stamp, fixed-width text so that string order is time order (see services/hlc.py).
    hlc: Mapped[str] = mapped_column(String(64), index=True)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), default=None)

    # Columns every register has; the services treat them as system-managed and never take them from a form.
    SYSTEM_FIELDS = frozenset(
        {"id", "station_code", "created_at", "created_by", "updated_at", "updated_by", "version", "hlc", "deleted_at"}
    )

    @declared_attr.directive
    def __table_args__(cls) -> tuple[Any, ...]:
        # Lists open newest first and page through this order (migration 0004).
        return (Index(f"ix_{cls.__tablename__}_updated_at_id", "updated_at", "id"),)  # type: ignore[attr-defined]

    def to_state(self) -> dict[str, Any]:
        """The full row as JSON-ready values: what the change log stores and bundles carry."""
        state: dict[str, Any] = {}
        for column in self.__table__.columns:  # type: ignore[attr-defined]
            value = getattr(self, column.key)
            if isinstance(value, dt.datetime):
                value = value.astimezone(dt.UTC).isoformat()
            elif isinstance(value, dt.date):
                value = value.isoformat()
            state[column.key] = value
        return state
