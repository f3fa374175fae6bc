"""Signed role grants, the district's flags, and the last point of the audit chain checked at unlock.

A grant is a statement signed by an SHO's own Ed25519 key (never the station's key, which every passphrase
reaches): station, user, role, active, serial, time and the user's own public key. A station keeps its own
grants; the district keeps every station's (station_code tells them apart) and replays them from the SHO key
it learned at enrolment, so a role raised by SQL at the station has no grant it can show (services/grants.py).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime


class RoleGrant(Base):
    __tablename__ = "role_grants"

    station_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    serial: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean)
    # The grantee's own public signing key (base64): a new SHO's key becomes known through his grant.
    subject_public: Mapped[str | None] = mapped_column(String(64), default=None)
    signed_at: Mapped[str] = mapped_column(String(40))
    signer: Mapped[str] = mapped_column(String(64))
    signer_public: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(String(100))
    # Signed by the SHO of a store that existed before grants did, over the roles it found: the district
    # confirms the signer's key once (`ahtc district accept-grants`); until then it flags them.
    after_the_fact: Mapped[bool] = mapped_column(Boolean, default=False)
    # District side: when the district confirmed an after-the-fact root (None: not needed or not yet).
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), default=None)


class SyncFlag(Base):
    """District side: something an applied bundle showed that the district must look into (a role without a
    grant, a change its author's role does not allow, an audit chain that does not extend the receipted one).

    Unlike a refusal the bundle is applied (nothing is lost); the flag is kept and shown per station.
    """

    __tablename__ = "sync_flags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sender: Mapped[str] = mapped_column(String(32), index=True)
    check: Mapped[str] = mapped_column(String(32))
    bundle_no: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class IntegrityMark(Base):
    """The last audit entry found intact at unlock: the next unlock checks the chain from there on only."""

    __tablename__ = "integrity_marks"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
