"""Stories (near-duplicate articles), MinHash bands, analysts' corrections, and the flags they set.

Columns are added in place (ALTER TABLE ADD COLUMN), never by recreating a table: on SQLite a
recreated `quote` or `article` table would lose the FTS triggers of 0002.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "story",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "article_band",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("hash", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "band"),
    )
    op.create_index("ix_article_band_lookup", "article_band", ["band", "hash"])
    op.create_table(
        "correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("span", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("analyst", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("undone_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("undone_by", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("actor_id", "article_id", "created_at", "target"):
        op.create_index(f"ix_correction_{column}", "correction", [column])

    op.add_column("article", sa.Column("origin", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE article ADD COLUMN story_id INTEGER REFERENCES story (id) ON DELETE SET NULL")
    else:
        op.add_column("article", sa.Column("story_id", sa.Integer(), nullable=True))
        op.create_foreign_key("fk_article_story_id", "article", "story", ["story_id"], ["id"], ondelete="SET NULL")
    op.create_index("ix_article_story_id", "article", ["story_id"])
    for table in ("quote", "estimate"):
        op.add_column(table, sa.Column("rejected", sa.Boolean(), nullable=False, server_default=sa.false()))
        op.add_column(table, sa.Column("corrected", sa.Boolean(), nullable=False, server_default=sa.false()))
        op.create_index(f"ix_{table}_rejected", table, ["rejected"])


def downgrade() -> None:
    for table in ("quote", "estimate"):
        op.drop_index(f"ix_{table}_rejected", table)
        op.drop_column(table, "corrected")  # SQLite ≥ 3.35 drops columns in place
        op.drop_column(table, "rejected")
    op.drop_index("ix_article_story_id", "article")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_article_story_id", "article", type_="foreignkey")
    op.drop_column("article", "story_id")
    op.drop_column("article", "origin")
    for column in ("actor_id", "article_id", "created_at", "target"):
        op.drop_index(f"ix_correction_{column}", "correction")
    op.drop_table("correction")
    op.drop_index("ix_article_band_lookup", "article_band")
    op.drop_table("article_band")
    op.drop_table("story")
