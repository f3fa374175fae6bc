"""Persons (suspects, agents, owners, complainants, witnesses) and their role links to any record."""

from __future__ import annotations

from sqlalchemy import Boolean, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, RecordMixin


class Person(RecordMixin, Base):
    __tablename__ = "persons"

    name: Mapped[str] = mapped_column(String(200))
    father_name: Mapped[str | None] = mapped_column(String(200), default=None)
    cnic: Mapped[str | None] = mapped_column(String(15), index=True, default=None)
    phones: Mapped[str | None] = mapped_column(String(200), default=None)  # comma-separated, normalised
    address: Mapped[str | None] = mapped_column(Text, default=None)
    tehsil: Mapped[str | None] = mapped_column(String(100), default=None)
    village: Mapped[str | None] = mapped_column(String(100), default=None)
    aliases: Mapped[str | None] = mapped_column(String(400), default=None)
    role: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32))
    watchlisted: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text, default=None)


class PersonLink(RecordMixin, Base):
    """A person's part in one record (agent of a victim, owner of a kiln, accused in a case...).

    A row of its own so that two officers linking people to the same record never conflict.
    """

    __tablename__ = "person_links"

    person_id: Mapped[str] = mapped_column(String(36), index=True)
    register: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    role: Mapped[str] = mapped_column(String(32))
    notes: Mapped[str | None] = mapped_column(Text, default=None)
