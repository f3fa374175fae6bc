"""sync state: enrolled peers, bundles sent and received, acknowledgements, receipts, notices

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29

Written by hand with plain types only, so the same revision runs on SQLCipher and on PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_peers",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("sign_public", sa.String(64), nullable=False),
        sa.Column("enc_public", sa.String(64), nullable=False),
        sa.Column("fingerprint", sa.String(32), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("enrolled_by", sa.String(64), nullable=False),
        sa.Column("store_id", sa.String(36), nullable=True),
    )
    op.create_table(
        "sync_bundles_sent",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("recipient", sa.String(32), nullable=False, index=True),
        sa.Column("store_id", sa.String(36), nullable=False),
        sa.Column("bundle_no", sa.Integer(), nullable=False),
        sa.Column("seq_from", sa.Integer(), nullable=False),
        sa.Column("seq_to", sa.Integer(), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.UniqueConstraint("recipient", "store_id", "bundle_no"),
    )
    op.create_table(
        "sync_bundles_received",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("sender", sa.String(32), nullable=False, index=True),
        sa.Column("sender_store_id", sa.String(36), nullable=False),
        sa.Column("bundle_no", sa.Integer(), nullable=False),
        sa.Column("seq_from", sa.Integer(), nullable=False),
        sa.Column("seq_to", sa.Integer(), nullable=False),
        sa.Column("schema_version", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("received_by", sa.String(64), nullable=False),
    )
    op.create_table(
        "sync_station_marks",
        sa.Column("station_code", sa.String(32), primary_key=True),
        sa.Column("store_id", sa.String(36), primary_key=True),
        sa.Column("ranges", sa.JSON(), nullable=False),
        sa.Column("acked_seq", sa.Integer(), nullable=False),
        sa.Column("last_bundle_no", sa.Integer(), nullable=False),
        sa.Column("last_sha256", sa.String(64), nullable=True),
        sa.Column("last_received_at", sa.DateTime(), nullable=True),
        sa.Column("audit_seq", sa.Integer(), nullable=False),
        sa.Column("audit_hash", sa.String(64), nullable=True),
    )
    op.create_table(
        "sync_district_acks",
        sa.Column("district_code", sa.String(32), primary_key=True),
        sa.Column("store_id", sa.String(36), nullable=False),
        sa.Column("acked_seq", sa.Integer(), nullable=False),
        sa.Column("return_store_id", sa.String(36), nullable=True),
        sa.Column("return_no", sa.Integer(), nullable=False),
        sa.Column("reference_seq", sa.Integer(), nullable=False),
        sa.Column("resend_buckets", sa.JSON(), nullable=False),
        sa.Column("resent_digests", sa.JSON(), nullable=False),
        sa.Column("last_return_at", sa.DateTime(), nullable=True),
        sa.Column("district_time_skew_s", sa.Integer(), nullable=True),
    )
    op.create_table(
        "sync_receipts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("district_code", sa.String(32), nullable=False),
        sa.Column("station_code", sa.String(32), nullable=False, index=True),
        sa.Column("store_id", sa.String(36), nullable=False),
        sa.Column("audit_seq", sa.Integer(), nullable=False),
        sa.Column("audit_hash", sa.String(64), nullable=False),
        sa.Column("acked_seq", sa.Integer(), nullable=False),
        sa.Column("signed_at", sa.String(40), nullable=False),
        sa.Column("signature", sa.String(100), nullable=False),
        sa.Column("bundle_sha256", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "sync_notices",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("issued_by", sa.String(32), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=True),
    )
    # The importer looks up the versions of a row it has held (stale or duplicate incoming changes).
    op.create_index("ix_change_log_row_hlc", "change_log", ["row_id", "hlc"])


def downgrade() -> None:
    op.drop_index("ix_change_log_row_hlc", table_name="change_log")
    for table in (
        "sync_notices",
        "sync_receipts",
        "sync_district_acks",
        "sync_station_marks",
        "sync_bundles_received",
        "sync_bundles_sent",
        "sync_peers",
    ):
        op.drop_table(table)
