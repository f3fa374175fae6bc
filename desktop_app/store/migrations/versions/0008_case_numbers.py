"""case numbers: AHTC/<station>/<year>/<serial> on every case, unique, searchable

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

Existing cases are numbered per owning station and year of creation (UTC), in creation order (then id), so a
station and the district that hold the same rows of a station give them the same numbers. Every change-log
version of a case gets its number too: bundles carry the change log's row states, and a version re-sent after
the upgrade must not blank the number at the other end. The search index is rebuilt for cases so a number can
be searched at once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_cases = sa.table(
    "cases",
    sa.column("id", sa.String),
    sa.column("station_code", sa.String),
    sa.column("created_at", sa.DateTime),
    sa.column("case_number", sa.String),
)
_log = sa.table(
    "change_log",
    sa.column("seq", sa.Integer),
    sa.column("table_name", sa.String),
    sa.column("row_id", sa.String),
    sa.column("state", sa.JSON),
)


def upgrade() -> None:
    op.add_column("cases", sa.Column("case_number", sa.String(64), nullable=True))
    op.create_index("ix_cases_case_number", "cases", ["case_number"], unique=True)
    bind = op.get_bind()
    numbers = _number_existing(bind)
    _stamp_change_log(bind, numbers)
    _reindex(bind, set(numbers))


def _number_existing(bind: sa.Connection) -> dict[str, str]:
    rows = bind.execute(
        sa.select(_cases.c.id, _cases.c.station_code, _cases.c.created_at).order_by(_cases.c.created_at, _cases.c.id)
    ).all()
    serials: dict[tuple[str, int], int] = defaultdict(int)
    numbers: dict[str, str] = {}
    for record_id, station, created in rows:
        year = _year(created)
        serials[(station, year)] += 1
        numbers[record_id] = f"AHTC/{station}/{year:04d}/{serials[(station, year)]:03d}"
    for record_id, number in numbers.items():
        bind.execute(sa.update(_cases).where(_cases.c.id == record_id).values(case_number=number))
    return numbers


def _year(created: Any) -> int:
    if isinstance(created, dt.datetime):
        return created.year
    return dt.datetime.fromisoformat(str(created)).year


def _stamp_change_log(bind: sa.Connection, numbers: dict[str, str]) -> None:
    entries = bind.execute(sa.select(_log.c.seq, _log.c.row_id, _log.c.state).where(_log.c.table_name == "cases"))
    for seq, row_id, state in entries.all():
        if row_id in numbers and isinstance(state, dict) and "case_number" not in state:
            stamped = {**state, "case_number": numbers[row_id]}
            bind.execute(sa.update(_log).where(_log.c.seq == seq).values(state=stamped))


def _reindex(bind: sa.Connection, ids: set[str]) -> None:
    if not ids:
        return
    # The app's own indexing code, so the body is built exactly as a new case's is.
    from desktop_app.services import search
    from desktop_app.services.registry import spec_for

    spec = spec_for("cases")
    table = sa.table("cases", *(sa.column(name) for name in ("id", "deleted_at", *spec.search_fields)))
    rows = [dict(r) for r in bind.execute(sa.select(table)).mappings() if r["id"] in ids]
    # A session on the migration's own connection: it joins the migration's transaction, which commits it.
    search.index_rows(Session(bind=bind), spec, rows, replace=True)


def downgrade() -> None:
    op.drop_index("ix_cases_case_number", table_name="cases")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("case_number")
