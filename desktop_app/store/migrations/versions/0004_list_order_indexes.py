"""list order indexes: (updated_at, id) on every register

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29

Lists open newest first and page through 100,000 rows; without an index on the sort order, every page sorted
the whole table (and every search result) again.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

REGISTERS = (
    "persons",
    "person_links",
    "sites",
    "inspections",
    "children",
    "child_followups",
    "agreements",
    "agreement_followups",
    "victims",
    "family_meetings",
    "cases",
    "case_status_changes",
    "case_links",
    "referrals",
)


def upgrade() -> None:
    for table in REGISTERS:
        op.create_index(f"ix_{table}_updated_at_id", table, ["updated_at", "id"])


def downgrade() -> None:
    for table in REGISTERS:
        op.drop_index(f"ix_{table}_updated_at_id", table_name=table)
