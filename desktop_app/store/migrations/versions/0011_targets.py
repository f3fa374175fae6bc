"""targets per period

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "targets",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("measure", sa.String(length=32), nullable=False),
        sa.Column("target", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("for_station", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("station_code", "hlc", "period_start", "period_end", "for_station"):
        op.create_index(f"ix_targets_{column}", "targets", [column])
    op.create_index("ix_targets_updated_at_id", "targets", ["updated_at", "id"])


def downgrade() -> None:
    op.drop_table("targets")
