"""Lists at scale: indexes for the filtered lists and their facets, and a data version that the
query cache (app/querycache.py) keys its counts and facet counts on.

Indexes:
- quote (speaker_id, rejected, kind, article_id): a speaker's visible quotes counted, their kinds
  counted and their articles found without reading the quote rows;
- quote (article_id, start): an article's quotes in reading order (the inner loop when a large result
  is listed by walking the articles newest first);
- article (published DESC): the articles newest first (NULLs last on both databases);
- article (id, published, publisher): the date and outlet of an article without reading its text
  (a SQLite row keeps them behind the body, in overflow pages);
- quote_via (actor_id, quote_id): the quotes that came through a channel, from the index alone.

data_version: one row whose n grows with every change to the tables lists are made of (triggers;
per row on SQLite, per statement on PostgreSQL), with a token of the transaction that made it.
Cached counts are valid while (n, token) stays the same.
The triggers are written here by hand; a later migration that recreates one of these tables (Alembic
batch mode on SQLite) must create them again (tests/test_querycache.py checks that they exist).

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Keep in step with app/querycache.py (VERSIONED_TABLES) and app/migrate.py (HAND_WRITTEN_INDEXES).
VERSIONED_TABLES = ("article", "quote", "quote_via", "estimate", "estimate_source", "mention", "article_source",
                    "actor", "actor_alias", "story")
INDEXES = {
    "ix_quote_speaker_visible": ("quote", "speaker_id, rejected, kind, article_id"),
    "ix_quote_article_start": ("quote", "article_id, start"),
    "ix_article_facets": ("article", "id, published, publisher"),
    "ix_quote_via_actor_quote": ("quote_via", "actor_id, quote_id"),
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, (table, columns) in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {table} ({columns})")
    if dialect == "postgresql":
        op.execute("CREATE INDEX ix_article_published_desc ON article (published DESC NULLS LAST, id)")
    else:  # SQLite: NULLs sort first, so last when descending; the rowid (id) follows, ascending
        op.execute("CREATE INDEX ix_article_published_desc ON article (published DESC)")

    # token: which transaction set n (a random number on SQLite, the transaction id on PostgreSQL),
    # so that the n of a transaction rolled back never names the data of one committed later
    op.execute("CREATE TABLE data_version (id INTEGER PRIMARY KEY, n BIGINT NOT NULL, token BIGINT NOT NULL)")
    op.execute("INSERT INTO data_version (id, n, token) VALUES (1, 0, 0)")
    if dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION dossier_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN UPDATE data_version SET n = n + 1, token = txid_current() WHERE id = 1; RETURN NULL; END $$"
        )
        for table in VERSIONED_TABLES:
            op.execute(f"CREATE TRIGGER data_version_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION dossier_bump_data_version()")
    else:
        for table in VERSIONED_TABLES:
            for event in ("insert", "update", "delete"):
                op.execute(f"CREATE TRIGGER data_version_{table}_{event} AFTER {event.upper()} ON {table} "
                           "BEGIN UPDATE data_version SET n = n + 1, token = random() WHERE id = 1; END")
    op.execute("ANALYZE")  # statistics for the planner (cheap on an empty database)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in VERSIONED_TABLES:
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS data_version_{table} ON {table}")
        else:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS data_version_{table}_{event}")
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS dossier_bump_data_version()")
    op.execute("DROP TABLE data_version")
    for name in [*INDEXES, "ix_article_published_desc"]:
        op.execute(f"DROP INDEX {name}")
    if dialect == "sqlite":  # the statistics ANALYZE wrote
        op.execute("DROP TABLE IF EXISTS sqlite_stat1")
        op.execute("DROP TABLE IF EXISTS sqlite_stat4")
