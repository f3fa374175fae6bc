"""What a colleague holding the data key does with SQL: the app's services play no part (security review
findings 7, 8). He opens `ahtc.db` with sqlcipher3 and the key any passphrase unlocks, and writes what he likes."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

from desktop_app.services.context import Context
from desktop_app.store.engine import key_pragma


def raw_sql(ctx: Context, *statements: tuple[str, tuple[object, ...]]) -> None:
    """Run statements straight on the database file, keyed with the store's data key, and commit."""
    conn = sqlcipher3.connect(str(Path(ctx.store.paths.database)))
    try:
        conn.execute(key_pragma(ctx.store.data_key))
        for sql, params in statements:
            conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def raise_role(ctx: Context, username: str, role: str = "sho") -> None:
    raw_sql(ctx, ("UPDATE users SET role = ? WHERE username = ?", (role, username)))


def delete_with_history(ctx: Context, table: str, register: str, row_id: str, *, audit_only: bool = False) -> None:
    """Hard-delete a record with its change log and audit entries, then re-hash the whole audit chain so that it
    verifies again: what security review finding 8 did by hand. `audit_only`: cut out its audit entries alone."""
    import datetime as dt

    from desktop_app.services.audit import GENESIS, entry_hash

    conn = sqlcipher3.connect(str(Path(ctx.store.paths.database)))
    try:
        conn.execute(key_pragma(ctx.store.data_key))
        if not audit_only:
            conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
            conn.execute("DELETE FROM change_log WHERE row_id = ?", (row_id,))
        rows = conn.execute(
            "SELECT at, username, action, register, record_id, detail FROM audit_log "
            "WHERE NOT (register = ? AND record_id IS ?) ORDER BY seq",
            (register, row_id),
        ).fetchall()
        conn.execute("DELETE FROM audit_log")
        prev = GENESIS
        for seq, (at, username, action, reg, record_id, detail) in enumerate(rows, start=1):
            moment = dt.datetime.fromisoformat(str(at)).replace(tzinfo=dt.UTC)
            digest = entry_hash(seq, moment, username, action, reg, record_id, detail, prev)
            conn.execute(
                "INSERT INTO audit_log (seq, at, username, action, register, record_id, detail, prev_hash, hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (seq, at, username, action, reg, record_id, detail, prev, digest),
            )
            prev = digest
        conn.execute("DELETE FROM integrity_marks")
        conn.commit()
    finally:
        conn.close()
