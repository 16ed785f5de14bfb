"""Full-text search on PostgreSQL: a `german` text search configuration with accents folded, and
GIN indexes over the same expressions app/search.py queries.

`dossier_german` is a copy of PostgreSQL's `german` configuration (Snowball stemmer, German stop
words) with the unaccent dictionary in front, so "Pjongjang" finds "Pjöngjang" as FTS5's
remove_diacritics does on SQLite. Where the unaccent extension cannot be created (no contrib, no
right to), the copy stays plain `german` and accents count. Expression indexes rather than stored
tsvector columns: nothing in the tables changes, and the models stay the same on both databases.

On SQLite this migration does nothing (0002 made the FTS5 tables).

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONFIG = "dossier_german"
# These expressions must stay the same as QUOTE_VECTOR and ARTICLE_VECTOR in app/search.py, or the
# indexes are not used.
QUOTE_VECTOR = "to_tsvector('dossier_german'::regconfig, translate(text, '<>', E'\\uE000\\uE001'))"
ARTICLE_VECTOR = ("setweight(to_tsvector('dossier_german'::regconfig, translate(title, '<>', E'\\uE000\\uE001')), 'A') || "
                  "setweight(to_tsvector('dossier_german'::regconfig, translate(body, '<>', E'\\uE000\\uE001')), 'B')")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    unaccent = True
    try:
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS unaccent"))
    except sa.exc.DBAPIError:
        unaccent = False
    op.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")
    op.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = german)")
    if unaccent:
        op.execute(f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR hword, hword_part, word "
                   "WITH unaccent, german_stem")
    op.execute(f"CREATE INDEX ix_quote_fts ON quote USING gin (({QUOTE_VECTOR}))")
    op.execute(f"CREATE INDEX ix_article_fts ON article USING gin (({ARTICLE_VECTOR}))")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_article_fts")
    op.execute("DROP INDEX IF EXISTS ix_quote_fts")
    op.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")
