"""sync epochs: a station's reference position names the district epoch it counts in; recovery by bucket

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02

Existing stations gain a null reference epoch, so their next bundle asks the district for every reference row
once (taking them again is a no-op), and no recovery is pending.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (nullable, no default) works in place on SQLite and PostgreSQL alike.
    op.add_column("sync_district_acks", sa.Column("reference_store_id", sa.String(36), nullable=True))
    op.add_column("sync_district_acks", sa.Column("recover_buckets", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_district_acks") as batch:
        batch.drop_column("recover_buckets")
        batch.drop_column("reference_store_id")
