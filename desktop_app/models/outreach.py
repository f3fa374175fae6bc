"""Awareness and training: sessions the cell holds, advisories it posts, and the trainings frontline officers get."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, RecordMixin


class Venue(StrEnum):
    SCHOOL = "school"
    COLLEGE = "college"
    MADRASSA = "madrassa"
    BRICK_KILN = "brick_kiln"
    WORKSHOP = "workshop"
    TRAVEL_AGENCY = "travel_agency"
    BUS_TERMINAL = "bus_terminal"
    PUBLIC_PLACE = "public_place"
    MOSQUE = "mosque"
    OTHER = "other"


class Audience(StrEnum):
    STUDENTS = "students"
    PARENTS_AND_TEACHERS = "parents_and_teachers"
    WORKERS = "workers"
    EMPLOYERS = "employers"
    PROSPECTIVE_MIGRANTS = "prospective_migrants"
    GENERAL_PUBLIC = "general_public"


class AdvisoryTopic(StrEnum):
    ILLEGAL_MIGRATION = "illegal_migration"
    MINIMUM_WAGE = "minimum_wage"
    CHILD_LABOUR = "child_labour"
    BONDED_LABOUR = "bonded_labour"
    HELPLINE = "helpline"
    LICENSED_AGENCIES = "licensed_agencies"


class TrainingTopic(StrEnum):
    TRAFFICKING_LAW = "trafficking_law"  # PTPA 2018
    SMUGGLING_LAW = "smuggling_law"  # PSMA 2018
    VICTIM_IDENTIFICATION = "victim_identification"
    CHILD_AND_BONDED_LABOUR_LAW = "child_and_bonded_labour_law"
    INTERVIEWING_VICTIMS = "interviewing_victims"
    INVESTIGATION = "investigation"  # FIRs, evidence, statements
    USING_THE_REGISTER = "using_the_register"
    OTHER = "other"


class AwarenessSession(RecordMixin, Base):
    __tablename__ = "outreach_sessions"

    date: Mapped[dt.date] = mapped_column(Date, index=True)
    venue: Mapped[str] = mapped_column(String(32), index=True)
    institution: Mapped[str] = mapped_column(String(200))  # the school, kiln or place, by name
    tehsil: Mapped[str | None] = mapped_column(String(100), index=True, default=None)
    site_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    audience: Mapped[str] = mapped_column(String(32), index=True)
    audience_count: Mapped[int] = mapped_column(Integer)
    officers: Mapped[str] = mapped_column(String(400))
    materials: Mapped[str | None] = mapped_column(String(400), default=None)  # leaflets, banners, a film
    notes: Mapped[str | None] = mapped_column(Text, default=None)


class Advisory(RecordMixin, Base):
    __tablename__ = "advisories"

    posted_on: Mapped[dt.date] = mapped_column(Date, index=True)
    venue: Mapped[str] = mapped_column(String(32), index=True)
    location: Mapped[str] = mapped_column(String(300))  # where exactly it was put up
    tehsil: Mapped[str | None] = mapped_column(String(100), index=True, default=None)
    site_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    topic: Mapped[str] = mapped_column(String(32), index=True)
    copies: Mapped[int | None] = mapped_column(Integer, default=None)
    checked_on: Mapped[dt.date | None] = mapped_column(Date, default=None)  # when someone went back to look
    still_displayed: Mapped[bool | None] = mapped_column(Boolean, default=None)
    notes: Mapped[str | None] = mapped_column(Text, default=None)


class OfficerTraining(RecordMixin, Base):
    __tablename__ = "trainings"

    date: Mapped[dt.date] = mapped_column(Date, index=True)
    topic: Mapped[str] = mapped_column(String(40), index=True)
    title: Mapped[str] = mapped_column(String(200))
    trainees_count: Mapped[int] = mapped_column(Integer)
    trainees: Mapped[str | None] = mapped_column(Text, default=None)  # ranks and names, one a line
    trainer: Mapped[str] = mapped_column(String(200))
    trainer_agency: Mapped[str | None] = mapped_column(String(40), default=None)
    place: Mapped[str | None] = mapped_column(String(200), default=None)
    hours: Mapped[int | None] = mapped_column(Integer, default=None)
    notes: Mapped[str | None] = mapped_column(Text, default=None)
