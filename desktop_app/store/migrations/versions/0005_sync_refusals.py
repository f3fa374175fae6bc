"""sync refusals: authentic bundles the district refused for what their sender tried

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

A stamp from the far future (check "clock") or a change to another station's record (check "owner") is
refused whole; the district keeps one row per refusal so `district status` names the station.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_refusals",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("sender", sa.String(32), nullable=False, index=True),
        sa.Column("check", sa.String(32), nullable=False),
        sa.Column("bundle_no", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sync_refusals")
