"""A digest of one station's rows, to find drift between the station and the district cheaply.

Rows are grouped into buckets (register × month of their HLC stamp); each bucket is a count and the XOR of
a hash of (register, id, hlc) per row, so it does not depend on order. The district sends the digest of
what it holds from a station; the station computes the same over the versions the district has
acknowledged, and re-sends only the rows of the buckets that differ (anchors B6.10).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.models.changelog import ChangeLogEntry
from desktop_app.services.registry import register_models

# Change-log sources of this station's own versions (see apply_entries).
OWN_SOURCES = ("local", "recovered")

Digest = dict[str, list[object]]  # "register|YYYY-MM" → [count, xor hex]


def bucket_of(table: str, hlc: str) -> str:
    wall_ms = int(hlc.split(".", 1)[0])
    return f"{table}|{dt.datetime.fromtimestamp(wall_ms / 1000, dt.UTC):%Y-%m}"


def _fold(digest: dict[str, list[int]], table: str, row_id: str, hlc: str) -> None:
    key = bucket_of(table, hlc)
    value = int.from_bytes(hashlib.sha256(f"{table}|{row_id}|{hlc}".encode()).digest()[:8], "big")
    slot = digest.setdefault(key, [0, 0])
    slot[0] += 1
    slot[1] ^= value


def _finish(digest: dict[str, list[int]]) -> Digest:
    return {key: [count, f"{xor:016x}"] for key, (count, xor) in sorted(digest.items())}


def held_digest(session: Session, station_code: str) -> Digest:
    """District: every row it holds that belongs to `station_code`, tombstones included."""
    digest: dict[str, list[int]] = {}
    for name, model in register_models().items():
        table = model.__table__  # type: ignore[attr-defined]
        for row_id, hlc in session.execute(select(table.c.id, table.c.hlc).where(table.c.station_code == station_code)):
            _fold(digest, name, row_id, hlc)
    return _finish(digest)


def acknowledged_rows(session: Session, acked_seq: int) -> Iterator[tuple[int, str, str, str]]:
    """Station: (seq, register, id, hlc) of each own row as of the newest local change the district acknowledged.

    Own rows the district handed back after a restore ("recovered") count too: the district holds them.
    """
    log = ChangeLogEntry.__table__
    latest = (
        select(log.c.row_id, func.max(log.c.seq).label("last"))
        .where(log.c.source.in_(OWN_SOURCES), log.c.seq <= acked_seq)
        .group_by(log.c.row_id)
        .subquery()
    )
    stmt = select(log.c.seq, log.c.table_name, log.c.row_id, log.c.hlc).join(latest, log.c.seq == latest.c.last)
    for row in session.execute(stmt):
        yield int(row.seq), str(row.table_name), str(row.row_id), str(row.hlc)


def acknowledged_digest(session: Session, acked_seq: int) -> Digest:
    digest: dict[str, list[int]] = {}
    for _seq, table, row_id, hlc in acknowledged_rows(session, acked_seq):
        _fold(digest, table, row_id, hlc)
    return _finish(digest)


def differing_buckets(ours: Digest, theirs: Digest) -> list[str]:
    return sorted(key for key in set(ours) | set(theirs) if ours.get(key) != theirs.get(key))
