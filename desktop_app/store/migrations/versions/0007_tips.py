"""tips and complaints register

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tips",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("from_agency", sa.String(length=40), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("tipster_name", sa.String(length=200), nullable=True),
        sa.Column("tipster_phone", sa.String(length=40), nullable=True),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("urgency", sa.String(length=16), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("tehsil", sa.String(length=100), nullable=True),
        sa.Column("site_id", sa.String(length=36), nullable=True),
        sa.Column("persons_named", sa.Text(), nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("verify_due", sa.Date(), nullable=True),
        sa.Column("verified_on", sa.Date(), nullable=True),
        sa.Column("finding", sa.String(length=16), nullable=True),
        sa.Column("action_due", sa.Date(), nullable=True),
        sa.Column("action_on", sa.Date(), nullable=True),
        sa.Column("action_register", sa.String(length=40), nullable=True),
        sa.Column("action_id", sa.String(length=36), nullable=True),
        sa.Column("close_due", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closing_note", sa.Text(), nullable=True),
        sa.Column("next_step_due", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    indexed = ("station_code", "hlc", "received_on", "channel", "category", "tehsil", "site_id", "status")
    for column in (*indexed, "action_id", "next_step_due"):
        op.create_index(f"ix_tips_{column}", "tips", [column])
    op.create_index("ix_tips_updated_at_id", "tips", ["updated_at", "id"])


def downgrade() -> None:
    op.drop_table("tips")
