"""The audit chain: every write and every read of a sensitive record, each entry hashing the previous one.

Changing, removing or reordering an entry breaks every hash after it, which `verify_chain` reports. The
district countersigns the head in its return bundles, so even rewriting the whole tail is caught.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop_app.models.audit import AuditEntry
from desktop_app.services.context import Context

GENESIS = "0" * 64

# (action, register, record_id, detail) — detail holds ids, counts or field names, never personal data.
AuditItem = tuple[str, str | None, str | None, str | None]


def entry_hash(
    seq: int,
    at: dt.datetime,
    username: str,
    action: str,
    register: str | None,
    record_id: str | None,
    detail: str | None,
    prev_hash: str,
) -> str:
    canonical = json.dumps(
        [
            seq,
            at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            username,
            action,
            register,
            record_id,
            detail,
            prev_hash,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def head(session: Session) -> tuple[int, str]:
    """(seq, hash) of the newest entry, or (0, GENESIS) for an empty chain."""
    row = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
    return (row[0], row[1]) if row else (0, GENESIS)


def append_many(
    session: Session, ctx: Context, items: Sequence[AuditItem], known_head: tuple[int, str] | None = None
) -> tuple[int, str]:
    """Append entries inside the caller's transaction; returns the new head (seq, hash).

    A caller that appends many times in one transaction passes the head it got back, saving a query each time;
    the transaction holds the write lock, so nobody else can have moved it.
    """
    seq, prev = known_head or head(session)
    at = ctx.clock.now()
    rows: list[dict[str, Any]] = []
    for action, register, record_id, detail in items:
        seq += 1
        digest = entry_hash(seq, at, ctx.actor.username, action, register, record_id, detail, prev)
        rows.append(
            {
                "seq": seq,
                "at": at,
                "username": ctx.actor.username,
                "action": action,
                "register": register,
                "record_id": record_id,
                "detail": detail,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    if rows:
        session.execute(insert(AuditEntry.__table__), rows)  # type: ignore[arg-type]
    return seq, prev


@dataclass(frozen=True)
class ChainReport:
    entries: int
    head_hash: str
    broken_at: int | None  # seq of the first entry that does not fit the chain
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain(session: Session, since: tuple[int, str] | None = None) -> ChainReport:
    """Check every entry, or with `since` = (seq, hash) of an entry found intact before, only those after it
    (the entry at `since` must still carry that hash). `entries` counts the entries checked."""
    prev, expected_seq, count = GENESIS, 1, 0
    stmt = select(AuditEntry).order_by(AuditEntry.seq)
    if since is not None and since[0] > 0:
        seq, digest = since
        found = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == seq))
        if found != digest:
            return ChainReport(0, digest, seq, f"entry {seq} was changed or removed since it was last checked")
        prev, expected_seq = digest, seq + 1
        stmt = stmt.where(AuditEntry.seq > seq)
    for entry in session.scalars(stmt).yield_per(2000):
        count += 1
        if entry.seq != expected_seq:
            return ChainReport(count, prev, entry.seq, f"entry {expected_seq} is missing")
        if entry.prev_hash != prev:
            return ChainReport(count, prev, entry.seq, f"entry {entry.seq} does not follow entry {entry.seq - 1}")
        recomputed = entry_hash(
            entry.seq,
            entry.at,
            entry.username,
            entry.action,
            entry.register,
            entry.record_id,
            entry.detail,
            entry.prev_hash,
        )
        if recomputed != entry.hash:
            return ChainReport(count, prev, entry.seq, f"entry {entry.seq} was changed after it was written")
        prev, expected_seq = entry.hash, expected_seq + 1
    return ChainReport(count, prev, None, None)


def entries_for(session: Session, register: str, record_id: str) -> list[dict[str, Any]]:
    stmt = (
        select(AuditEntry)
        .where(AuditEntry.register == register, AuditEntry.record_id == record_id)
        .order_by(AuditEntry.seq)
    )
    return [
        {"seq": e.seq, "at": e.at, "username": e.username, "action": e.action, "detail": e.detail}
        for e in session.scalars(stmt)
    ]
