"""What sync remembers between bundles: enrolled peers, bundles sent and received, acknowledgements, receipts.

None of these tables travel in bundles; they are this installation's own bookkeeping (DESIGN.md §6).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime


class SyncPeer(Base):
    """An enrolled installation: the district (on a station) or a station (on the district)."""

    __tablename__ = "sync_peers"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # station | district
    name: Mapped[str] = mapped_column(String(200))
    sign_public: Mapped[str] = mapped_column(String(64))  # base64 of the raw 32-byte Ed25519 key
    enc_public: Mapped[str] = mapped_column(String(64))  # base64 of the raw 32-byte X25519 key
    fingerprint: Mapped[str] = mapped_column(String(32))
    enrolled_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    enrolled_by: Mapped[str] = mapped_column(String(64))
    # The peer's store epoch when it enrolled or last sent a bundle (a restore gives it a new one).
    store_id: Mapped[str | None] = mapped_column(String(36), default=None)
    # The district's offline recovery public key agreed at enrolment (base64 X25519): on a station, the key its
    # recovery slot is wrapped to; at the district, the key its answer to this station carried.
    recovery_public: Mapped[str | None] = mapped_column(String(64), default=None)
    # District side: a revoked station's bundles are refused until it enrols again with new keys.
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), default=None)
    revoked_by: Mapped[str | None] = mapped_column(String(64), default=None)
    revoked_reason: Mapped[str | None] = mapped_column(String(200), default=None)
    # Station: the district server's certificate (PEM), the only one accepted for its address (sync/tls.py).
    tls_certificate: Mapped[str | None] = mapped_column(Text, default=None)


class ReplacedPeerKey(Base):
    """Public keys a peer no longer uses: rotated away, replaced by a new enrolment, or revoked.

    A bundle signed with one is refused by name (`retired-key`), and revoked keys are never enrolled again.
    """

    __tablename__ = "sync_replaced_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    peer_code: Mapped[str] = mapped_column(String(32), index=True)
    fingerprint: Mapped[str] = mapped_column(String(32), index=True)
    sign_public: Mapped[str] = mapped_column(String(64))
    enc_public: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(16))  # rotated | re-enrolled | revoked
    replaced_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    replaced_by: Mapped[str] = mapped_column(String(64))


class OwnOldKey(Base):
    """This installation's earlier key pair after a key rotation, until it is retired (then the row goes).

    Only two things of it are kept: the private encryption key, to read bundles that were already on their way
    to it, and the key-change statement its signing key made at the rotation (the signing key itself is not
    kept), which every bundle sent meanwhile carries so the other side can move to the new keys.
    """

    __tablename__ = "sync_own_old_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    fingerprint: Mapped[str] = mapped_column(String(32))
    enc_private: Mapped[str] = mapped_column(String(64))  # base64 of the raw 32-byte X25519 private key
    statement: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    keep_days: Mapped[int] = mapped_column(Integer)
    # At the district: set at the rotation. At a station: set when the district first answers with the new keys.
    retire_after: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), default=None)


class RecoveryKey(Base):
    """District side: the public half of a district recovery key pair. The private half is never here.

    It was written once to a file for offline keeping (`ahtc district init --recovery-key-out`,
    `ahtc district recovery-key --out`). The newest row without `replaced_at` is the one enrolment answers carry.
    """

    __tablename__ = "sync_recovery_keys"

    fingerprint: Mapped[str] = mapped_column(String(32), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))  # base64 of the raw 32-byte X25519 public key
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(64))
    replaced_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), default=None)


class BundleSent(Base):
    """A bundle this installation wrote: the dispatch-register line, and the chain for the next one."""

    __tablename__ = "sync_bundles_sent"
    __table_args__ = (UniqueConstraint("recipient", "store_id", "bundle_no"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    recipient: Mapped[str] = mapped_column(String(32), index=True)
    store_id: Mapped[str] = mapped_column(String(36))  # our epoch when we wrote it
    bundle_no: Mapped[int] = mapped_column(Integer)
    seq_from: Mapped[int] = mapped_column(Integer)
    seq_to: Mapped[int] = mapped_column(Integer)
    changes: Mapped[int] = mapped_column(Integer)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(64))
    # District: the station bundle this return bundle answers, and (for the latest answer to each station only)
    # its bytes, so that a replay of that station bundle is answered without writing anything.
    answers_sha256: Mapped[str | None] = mapped_column(String(64), index=True, default=None)
    data: Mapped[bytes | None] = mapped_column(LargeBinary, default=None, deferred=True)


class BundleReceived(Base):
    """A bundle this installation opened: applied (with its import report) or held (newer schema)."""

    __tablename__ = "sync_bundles_received"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    sender: Mapped[str] = mapped_column(String(32), index=True)
    sender_store_id: Mapped[str] = mapped_column(String(36))
    bundle_no: Mapped[int] = mapped_column(Integer)
    seq_from: Mapped[int] = mapped_column(Integer)
    seq_to: Mapped[int] = mapped_column(Integer)
    schema_version: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))  # applied | held
    report: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    received_by: Mapped[str] = mapped_column(String(64))


class StationMark(Base):
    """District side: which change-log ranges of one station epoch have arrived, and the acknowledgement."""

    __tablename__ = "sync_station_marks"

    station_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    store_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # Sorted, merged [from, to] ranges of the station's seq that bundles have covered.
    ranges: Mapped[list[list[int]]] = mapped_column(JSON, default=list)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)  # highest contiguous seq from 1
    last_bundle_no: Mapped[int] = mapped_column(Integer, default=0)
    last_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    last_received_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), default=None)
    # The station's audit-chain head as it claimed in its last bundle (countersigned in the receipt).
    audit_seq: Mapped[int] = mapped_column(Integer, default=0)
    audit_hash: Mapped[str | None] = mapped_column(String(64), default=None)


class DistrictAck(Base):
    """Station side: what the district has acknowledged, per district (normally one row)."""

    __tablename__ = "sync_district_acks"

    district_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    # The station epoch the acknowledgement refers to: after a restore it no longer matches, and the
    # station sends everything again.
    store_id: Mapped[str] = mapped_column(String(36))
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    # Newest return applied: (district epoch, number), so an old return never rewinds the acknowledgement.
    return_store_id: Mapped[str | None] = mapped_column(String(36), default=None)
    return_no: Mapped[int] = mapped_column(Integer, default=0)
    # District change-log position of the reference data received so far (asked for in the next bundle), and the
    # district epoch (its store id) that position counts in: after a district restore the position means nothing,
    # and the district sends every reference row again.
    reference_seq: Mapped[int] = mapped_column(Integer, default=0)
    reference_store_id: Mapped[str | None] = mapped_column(String(36), default=None)
    # Digest buckets where the district's copy differs from ours: re-sent with the next bundle.
    resend_buckets: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The district's digest value of each bucket when we last re-sent it: if a re-send did not change it,
    # the district holds rows we no longer have (a restore), and re-sending again would loop for ever.
    resent_digests: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Digest buckets where the district holds rows of ours we lack or hold in another version: the next bundle
    # asks for the district's versions of them (recovery), whatever has been acknowledged.
    recover_buckets: Mapped[list[str] | None] = mapped_column(JSON, default=None)
    last_return_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), default=None)
    district_time_skew_s: Mapped[int | None] = mapped_column(Integer, default=None)


class SyncReceipt(Base):
    """The district's signature over a station's audit-chain head and acknowledged seq."""

    __tablename__ = "sync_receipts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    district_code: Mapped[str] = mapped_column(String(32))
    station_code: Mapped[str] = mapped_column(String(32), index=True)
    store_id: Mapped[str] = mapped_column(String(36))
    audit_seq: Mapped[int] = mapped_column(Integer)
    audit_hash: Mapped[str] = mapped_column(String(64))
    acked_seq: Mapped[int] = mapped_column(Integer)
    signed_at: Mapped[str] = mapped_column(String(40))
    signature: Mapped[str] = mapped_column(String(100))  # base64 Ed25519 signature over the receipt message
    bundle_sha256: Mapped[str] = mapped_column(String(64))  # the return bundle that carried it
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    # Version 2 also covers the station's grants as the district holds them: up to which serial, and their hash.
    # The district keeps every receipt it signs here too (district_code is then its own code).
    version: Mapped[int | None] = mapped_column(Integer, default=None)
    grants_serial: Mapped[int | None] = mapped_column(Integer, default=None)
    grants_hash: Mapped[str | None] = mapped_column(String(64), default=None)


class DistrictNotice(Base):
    """A notice the district sends to every station (an alert, a circular); no personal data by rule."""

    __tablename__ = "sync_notices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    issued_by: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    received_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), default=None)


class SyncRefusal(Base):
    """District side: an authentic bundle refused because of what its sender tried (a stamp from the future,
    another station's record). Kept per station so the district sees whose clock is wrong or who misbehaves;
    the detail names registers, counts and times, never a field of a record."""

    __tablename__ = "sync_refusals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sender: Mapped[str] = mapped_column(String(32), index=True)
    check: Mapped[str] = mapped_column(String(32))
    bundle_no: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
