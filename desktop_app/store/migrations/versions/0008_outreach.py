"""awareness sessions, advisories posted and officer trainings

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
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
        "outreach_sessions",
        *_record_columns(),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("venue", sa.String(length=32), nullable=False),
        sa.Column("institution", sa.String(length=200), nullable=False),
        sa.Column("tehsil", sa.String(length=100), nullable=True),
        sa.Column("site_id", sa.String(length=36), nullable=True),
        sa.Column("audience", sa.String(length=32), nullable=False),
        sa.Column("audience_count", sa.Integer(), nullable=False),
        sa.Column("officers", sa.String(length=400), nullable=False),
        sa.Column("materials", sa.String(length=400), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    _indexes("outreach_sessions", ("date", "venue", "tehsil", "site_id", "audience"))
    op.create_table(
        "advisories",
        *_record_columns(),
        sa.Column("posted_on", sa.Date(), nullable=False),
        sa.Column("venue", sa.String(length=32), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("tehsil", sa.String(length=100), nullable=True),
        sa.Column("site_id", sa.String(length=36), nullable=True),
        sa.Column("topic", sa.String(length=32), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=True),
        sa.Column("checked_on", sa.Date(), nullable=True),
        sa.Column("still_displayed", sa.Boolean(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    _indexes("advisories", ("posted_on", "venue", "tehsil", "site_id", "topic"))
    op.create_table(
        "trainings",
        *_record_columns(),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("topic", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("trainees_count", sa.Integer(), nullable=False),
        sa.Column("trainees", sa.Text(), nullable=True),
        sa.Column("trainer", sa.String(length=200), nullable=False),
        sa.Column("trainer_agency", sa.String(length=40), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("hours", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    _indexes("trainings", ("date", "topic"))


def downgrade() -> None:
    for table in ("trainings", "advisories", "outreach_sessions"):
        op.drop_table(table)
