"""What an insider holding a station's data key can do: write change-log entries the app would never write.

Anyone with a passphrase has the data key, so raw SQL into their own station's store is the realistic way a
hostile enrolled station crafts a bundle: the entry goes into the change log, and the ordinary export signs
and encrypts it with the station's enrolled key.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select

from desktop_app.models.changelog import ChangeLogEntry
from desktop_app.services.context import Context


def latest_state(ctx: Context, row_id: str) -> dict[str, Any]:
    """The newest state of a row as this store's change log holds it (own rows and reference rows alike)."""
    with ctx.store.session() as session:
        state = session.scalar(
            select(ChangeLogEntry.state).where(ChangeLogEntry.row_id == row_id).order_by(ChangeLogEntry.seq.desc())
        )
    assert state is not None, f"{row_id} is not in this store's change log"
    return dict(state)


def forge_local_change(
    ctx: Context,
    table: str,
    state: dict[str, Any],
    *,
    op: str = "update",
    base_hlc: str | None = None,
    origin: str | None = None,
) -> None:
    """Append a change-log entry as if this station had written it; the next export sends it.

    `origin`: the station the log says the version came from (default: the row's own station code).
    """
    with ctx.store.transaction() as session:
        session.execute(
            insert(ChangeLogEntry.__table__),  # type: ignore[arg-type]
            [
                {
                    "table_name": table,
                    "row_id": state["id"],
                    "op": op,
                    "hlc": state["hlc"],
                    "base_hlc": base_hlc,
                    "origin_station": origin or state["station_code"],
                    "source": "local",
                    "at": ctx.clock.now(),
                    "state": state,
                }
            ],
        )
