"""What `ahtc verify` checks beyond the database itself: the audit chain and the grants against every receipt the
district signed, and records, change log and audit against one another.

A chain re-hashed after a deletion verifies on its own; it no longer passes through the entry the district
receipted. A record written by SQL has no change-log or audit entry; an audit entry whose change was removed
names a record the change log no longer knows. Problems name entries, registers and counts, never a field.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.models.audit import AuditEntry
from desktop_app.models.changelog import ChangeLogEntry
from desktop_app.models.sync_state import SyncReceipt
from desktop_app.services import grants
from desktop_app.services.registry import load_all

WRITE_ACTIONS = ("create", "update", "delete", "restamp", "purge")


def receipt_problems(session: Session, station_code: str, store_id: str) -> list[str]:
    """The first receipt the chain no longer reaches, and the first whose grants no longer match."""
    problems: list[str] = []
    receipts = list(
        session.scalars(
            select(SyncReceipt)
            .where(SyncReceipt.station_code == station_code, SyncReceipt.store_id == store_id)
            .order_by(SyncReceipt.audit_seq, SyncReceipt.id)
        )
    )
    own = grants.own_grants(session, station_code)
    chain_done = grants_done = False
    for receipt in receipts:
        when = receipt.signed_at[:16]
        if not chain_done and receipt.audit_seq > 0:
            digest = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == receipt.audit_seq))
            if digest != receipt.audit_hash:
                problems.append(
                    f"the audit chain no longer passes through entry {receipt.audit_seq}, which the district "
                    f"receipted on {when}: entries up to it were removed or rewritten"
                )
                chain_done = True
        if not grants_done and receipt.version == 2 and receipt.grants_serial is not None:
            upto = [g for g in own if int(g["serial"]) <= receipt.grants_serial]
            if grants.grants_hash(upto) != receipt.grants_hash:
                problems.append(
                    f"the role grants up to no. {receipt.grants_serial} are not those the district receipted on "
                    f"{when}: a grant was removed, changed or added here"
                )
                grants_done = True
    return problems


def grant_problems(session: Session, station_code: str) -> list[str]:
    replay, problems = grants.check_store(session, station_code)
    out = [f"role grant {g.get('serial')} does not count: {why}" for g, why in replay.bad]
    return out + [p.text() for p in problems]


def cross_check(session: Session, station_code: str) -> list[str]:
    """Records, change log and audit must match: each own record has changes, each local change an audit
    entry, and each audit entry of a write a change."""
    log = ChangeLogEntry.__table__
    logged: dict[str, str] = {}
    local: dict[str, str] = {}
    for row_id, table, source in session.execute(select(log.c.row_id, log.c.table_name, log.c.source)):
        logged[row_id] = table
        if source == "local":
            local[row_id] = table
    audited: dict[str, str] = {}
    for record_id, register in session.execute(
        select(AuditEntry.record_id, AuditEntry.register).where(
            AuditEntry.record_id.is_not(None), AuditEntry.action.in_(WRITE_ACTIONS)
        )
    ):
        audited[str(record_id)] = str(register)
    problems: list[str] = []
    unlogged: Counter[str] = Counter()
    for spec in load_all().values():
        table = spec.model.__table__  # type: ignore[attr-defined]
        ids = session.scalars(select(table.c.id).where(table.c.station_code == station_code))
        unlogged.update(spec.name for row_id in ids if row_id not in logged)
    problems += [f"{n} record(s) in {name} have no change-log entry" for name, n in sorted(unlogged.items())]
    names = {spec.table: spec.name for spec in load_all().values()}
    unaudited = Counter(names.get(table, table) for row_id, table in local.items() if row_id not in audited)
    problems += [f"{n} record(s) in {name} have changes with no audit entry" for name, n in sorted(unaudited.items())]
    orphans = Counter(register for record_id, register in audited.items() if record_id not in logged)
    problems += [f"{n} record(s) in {name} have audit entries but no change" for name, n in sorted(orphans.items())]
    return problems
