"""case numbers: AHTC/<station>/<year>/<serial> on every case, unique, searchable

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

Existing cases are numbered per owning station and year of creation (in Pakistan, as a new case is), in creation
order (then id), so a station and the district that hold the same rows of a station give them the same numbers.
Nothing already stored
is rewritten (an upgrade must find every earlier row as it was): change-log versions logged before this revision
get the row's number when they are exported (sync/export.py), and the search finds a case by its number on the
column itself as well as through the index (RegisterSpec.code_fields).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_cases = sa.table(
    "cases",
    sa.column("id", sa.String),
    sa.column("station_code", sa.String),
    sa.column("created_at", sa.DateTime),
    sa.column("case_number", sa.String),
)


def upgrade() -> None:
    op.add_column("cases", sa.Column("case_number", sa.String(64), nullable=True))
    op.create_index("ix_cases_case_number", "cases", ["case_number"], unique=True)
    _number_existing(op.get_bind())


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
    """The year in Pakistan (UTC+5, no daylight saving) of a creation time stored as naive UTC."""
    moment = created if isinstance(created, dt.datetime) else dt.datetime.fromisoformat(str(created))
    return (moment.replace(tzinfo=None) + dt.timedelta(hours=5)).year


def downgrade() -> None:
    op.drop_index("ix_cases_case_number", table_name="cases")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("case_number")
