"""indexes for ingest look-ups (external id, URL) and open merge suggestions

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 10:40:00
"""

from alembic import op


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index("ix_articles_external_id", ["external_id"], unique=False)
        batch_op.create_index("ix_articles_url", ["url"], unique=False)
    with op.batch_alter_table("merge_suggestions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_merge_suggestions_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("merge_suggestions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_merge_suggestions_status"))
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index("ix_articles_url")
        batch_op.drop_index("ix_articles_external_id")
