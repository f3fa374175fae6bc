"""role grants, district flags, integrity marks, receipts over the user/role state

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02

Existing stores gain empty tables: the first SHO to sign in afterwards signs the roles he finds once, marked
"after the fact" (services/grants.py), and the district flags those until it confirms the SHO's key. Old
receipts keep version 1 (audit head only); new ones (version 2) also cover the grants.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "role_grants",
        sa.Column("station_code", sa.String(32), primary_key=True),
        sa.Column("serial", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("subject_public", sa.String(64), nullable=True),
        sa.Column("signed_at", sa.String(40), nullable=False),
        sa.Column("signer", sa.String(64), nullable=False),
        sa.Column("signer_public", sa.String(64), nullable=False),
        sa.Column("signature", sa.String(100), nullable=False),
        sa.Column("after_the_fact", sa.Boolean(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "sync_flags",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("sender", sa.String(32), nullable=False, index=True),
        sa.Column("check", sa.String(32), nullable=False),
        sa.Column("bundle_no", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "integrity_marks",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.add_column("sync_receipts", sa.Column("version", sa.Integer(), nullable=True))
    op.add_column("sync_receipts", sa.Column("grants_serial", sa.Integer(), nullable=True))
    op.add_column("sync_receipts", sa.Column("grants_hash", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_receipts") as batch:
        for column in ("grants_hash", "grants_serial", "version"):
            batch.drop_column(column)
    for table in ("integrity_marks", "sync_flags", "role_grants"):
        op.drop_table(table)
