"""tls pins: the district's server certificate, and the one a station pins for its district

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02

The district records the certificate its sync server shows (`district serve --tls-cert`) and sends it to the
stations in enrolment answers and return bundles; a station keeps the last one it received and accepts no other
for the district's address (docs/sync.md, "TLS and pinning"). Existing rows get nulls: nothing pinned yet.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("station_info", sa.Column("tls_certificate", sa.Text(), nullable=True))
    op.add_column("sync_peers", sa.Column("tls_certificate", sa.Text(), nullable=True))


def downgrade() -> None:
    for table in ("sync_peers", "station_info"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("tls_certificate")
