"""stored answers: the district keeps the bytes of its latest return bundle to each station

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02

A replayed station bundle is answered with the stored bytes, writing nothing (docs/sync.md, "Replays").
Existing rows get null columns: a replay of a bundle received before this version is answered as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sync_bundles_sent", sa.Column("answers_sha256", sa.String(64), nullable=True))
    op.add_column("sync_bundles_sent", sa.Column("data", sa.LargeBinary(), nullable=True))
    op.create_index("ix_sync_bundles_sent_answers_sha256", "sync_bundles_sent", ["answers_sha256"])


def downgrade() -> None:
    op.drop_index("ix_sync_bundles_sent_answers_sha256", table_name="sync_bundles_sent")
    with op.batch_alter_table("sync_bundles_sent") as batch:
        batch.drop_column("data")
        batch.drop_column("answers_sha256")
