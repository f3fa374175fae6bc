"""monitoring committee meetings, agencies present, action items; partner agencies on inspections

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def _indexes(table: str, columns: tuple[str, ...]) -> None:
    for column in ("station_code", "hlc", *columns):
        op.create_index(f"ix_{table}_{column}", table, [column])
    op.create_index(f"ix_{table}_updated_at_id", table, ["updated_at", "id"])


def upgrade() -> None:
    op.create_table(
        "committee_meetings",
        *_record_columns(),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("committee", sa.String(length=32), nullable=False),
        sa.Column("chair", sa.String(length=200), nullable=True),
        sa.Column("venue", sa.String(length=200), nullable=True),
        sa.Column("decisions", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    _indexes("committee_meetings", ("date", "committee"))
    op.create_table(
        "committee_attendance",
        *_record_columns(),
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("agency", sa.String(length=40), nullable=False),
        sa.Column("representative", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    _indexes("committee_attendance", ("meeting_id",))
    op.create_table(
        "committee_actions",
        *_record_columns(),
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=400), nullable=False),
        sa.Column("owner_agency", sa.String(length=40), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("follow_up", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    _indexes("committee_actions", ("meeting_id", "owner_agency", "due_on", "status"))
    op.create_table(
        "joint_inspections",
        *_record_columns(),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("agency", sa.String(length=40), nullable=False),
        sa.Column("officer", sa.String(length=200), nullable=True),
        sa.Column("meeting_id", sa.String(length=36), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    _indexes("joint_inspections", ("inspection_id", "agency", "meeting_id"))


def downgrade() -> None:
    for table in ("joint_inspections", "committee_actions", "committee_attendance", "committee_meetings"):
        op.drop_table(table)
