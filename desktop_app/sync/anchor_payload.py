"""What a station's bundle carries for the district's anchor, and what the station keeps from the answer.

One payload entry (table `station_anchor`, inside the encrypted payload, never in the readable manifest): the
station's signed role grants, its users table as it is (name, role, active), and its audit entries after the
newest receipt it holds, so the district can check that the new chain extends the one it receipted. Audit
entries hold ids, counts and field names, never personal data (services/audit.py).

The answer carries every receipt the district signed for this station (`sync_receipts`); the station keeps them
all, so `ahtc verify` can check the chain and the grants against each (services/anchor_verify.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.models.audit import AuditEntry
from desktop_app.models.grants import RoleGrant
from desktop_app.models.sync_state import SyncReceipt
from desktop_app.services import grants
from desktop_app.sync.keys import PublicKeys
from desktop_app.sync.receipts import receipt_is_valid

ANCHOR_TABLE = "station_anchor"
RECEIPTS_TABLE = "sync_receipts"


def audit_json(entry: AuditEntry) -> list[Any]:
    return [
        entry.seq,
        entry.at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        entry.username,
        entry.action,
        entry.register,
        entry.record_id,
        entry.detail,
        entry.prev_hash,
        entry.hash,
    ]


def anchor_entry(session: Session, station_code: str, store_id: str) -> dict[str, Any]:
    """The `station_anchor` payload entry; call it after the export's own audit entry is appended."""
    since = int(
        session.scalar(
            select(func.max(SyncReceipt.audit_seq)).where(
                SyncReceipt.station_code == station_code, SyncReceipt.store_id == store_id
            )
        )
        or 0
    )
    # The receipted entry itself goes too: the district compares its hash with the one it signed.
    tail = session.scalars(select(AuditEntry).where(AuditEntry.seq >= max(since, 1)).order_by(AuditEntry.seq))
    return {
        "table": ANCHOR_TABLE,
        "grants": grants.own_grants(session, station_code),
        "users": [list(user) for user in grants.users_state(session)],
        "audit": [audit_json(entry) for entry in tail],
    }


def grants_unreceipted(session: Session, station_code: str, store_id: str) -> bool:
    """A grant (an officer added, disabled, a passphrase changed) the district has not receipted yet: worth a
    bundle even with no record changed."""
    newest = session.scalar(select(func.max(RoleGrant.serial)).where(RoleGrant.station_code == station_code))
    if newest is None:
        return False
    receipted = session.scalar(
        select(func.max(SyncReceipt.grants_serial)).where(
            SyncReceipt.station_code == station_code, SyncReceipt.store_id == store_id
        )
    )
    return receipted is None or int(newest) > int(receipted)


def receipts_entry(session: Session, district_code: str, station: str) -> dict[str, Any]:
    """District side: every receipt this district signed for `station`, for the station to keep."""
    rows = session.scalars(
        select(SyncReceipt)
        .where(SyncReceipt.district_code == district_code, SyncReceipt.station_code == station)
        .order_by(SyncReceipt.id)
    )
    return {"table": RECEIPTS_TABLE, "receipts": [receipt_json(row) for row in rows]}


def receipt_json(row: SyncReceipt) -> dict[str, Any]:
    out: dict[str, Any] = {
        "district": row.district_code,
        "station": row.station_code,
        "store_id": row.store_id,
        "audit_seq": row.audit_seq,
        "audit_hash": row.audit_hash,
        "acked_seq": row.acked_seq,
        "signed_at": row.signed_at,
        "signature": row.signature,
    }
    if row.version == 2:
        out |= {"version": 2, "grants_serial": row.grants_serial, "grants_hash": row.grants_hash}
    return out


def receipt_row(receipt: dict[str, Any], bundle_sha256: str, now: dt.datetime) -> SyncReceipt:
    return SyncReceipt(
        district_code=str(receipt["district"]),
        station_code=str(receipt["station"]),
        store_id=str(receipt["store_id"]),
        audit_seq=int(receipt["audit_seq"]),
        audit_hash=str(receipt["audit_hash"]),
        acked_seq=int(receipt["acked_seq"]),
        signed_at=str(receipt["signed_at"]),
        signature=str(receipt["signature"]),
        bundle_sha256=bundle_sha256,
        received_at=now,
        version=2 if receipt.get("version") == 2 else None,
        grants_serial=receipt.get("grants_serial") if receipt.get("version") == 2 else None,
        grants_hash=receipt.get("grants_hash") if receipt.get("version") == 2 else None,
    )


def keep_receipts(
    session: Session,
    station_code: str,
    entries: list[dict[str, Any]],
    district_keys: PublicKeys,
    bundle_sha256: str,
    now: dt.datetime,
) -> int:
    """Station side: keep every valid receipt for this station the return carries that is not kept yet."""
    held = set(session.scalars(select(SyncReceipt.signature)))
    kept = 0
    for entry in entries:
        if entry.get("table") != RECEIPTS_TABLE or not isinstance(entry.get("receipts"), list):
            continue
        for receipt in entry["receipts"]:
            if not isinstance(receipt, dict) or receipt.get("signature") in held:
                continue
            if receipt.get("station") != station_code or not receipt_is_valid(receipt, district_keys):
                continue
            session.add(receipt_row(receipt, bundle_sha256, now))
            held.add(receipt["signature"])
            kept += 1
    return kept
