"""key lifecycle: district recovery keys, revoked stations, replaced peer keys, own keys during a rotation

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

Existing stores gain empty tables and null columns: no peer is revoked, no district has a recovery key yet
(`ahtc district recovery-key` makes one, see docs/sync.md), and no rotation is under way.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (nullable, no default) works in place on SQLite and PostgreSQL alike.
    op.add_column("sync_peers", sa.Column("recovery_public", sa.String(64), nullable=True))
    op.add_column("sync_peers", sa.Column("revoked_at", sa.DateTime(), nullable=True))
    op.add_column("sync_peers", sa.Column("revoked_by", sa.String(64), nullable=True))
    op.add_column("sync_peers", sa.Column("revoked_reason", sa.String(200), nullable=True))
    op.create_table(
        "sync_replaced_keys",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("peer_code", sa.String(32), nullable=False, index=True),
        sa.Column("fingerprint", sa.String(32), nullable=False, index=True),
        sa.Column("sign_public", sa.String(64), nullable=False),
        sa.Column("enc_public", sa.String(64), nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.Column("replaced_by", sa.String(64), nullable=False),
    )
    op.create_table(
        "sync_own_old_keys",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("fingerprint", sa.String(32), nullable=False),
        sa.Column("enc_private", sa.String(64), nullable=False),
        sa.Column("statement", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("keep_days", sa.Integer(), nullable=False),
        sa.Column("retire_after", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "sync_recovery_keys",
        sa.Column("fingerprint", sa.String(32), primary_key=True),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("replaced_at", sa.DateTime(), nullable=True),
    )


def downgrade() -> None:
    for table in ("sync_recovery_keys", "sync_own_old_keys", "sync_replaced_keys"):
        op.drop_table(table)
    with op.batch_alter_table("sync_peers") as batch:
        for column in ("revoked_reason", "revoked_by", "revoked_at", "recovery_public"):
            batch.drop_column(column)
