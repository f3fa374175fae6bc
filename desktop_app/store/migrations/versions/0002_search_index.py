"""search index: FTS5 trigram table inside the encrypted store

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

Substring search (a CNIC fragment, part of a name in Urdu or Latin script) needs a trigram index. On
SQLite/SQLCipher that is FTS5 with the trigram tokenizer; on PostgreSQL a plain table is enough for the
district server, which searches with ILIKE (pg_trgm can be added by the DBA).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_index USING fts5("
            "record_id UNINDEXED, register UNINDEXED, body, tokenize = 'trigram')"
        )
    else:
        op.create_table(
            "search_index",
            sa.Column("record_id", sa.String(36), nullable=False, index=True),
            sa.Column("register", sa.String(40), nullable=False),
            sa.Column("body", sa.Text(), nullable=False),
        )


def downgrade() -> None:
    op.execute("DROP TABLE search_index")
