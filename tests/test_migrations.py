import sqlite3

import pytest

from app.migrate import downgrade, upgrade


def tables(path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}


def test_upgrade_creates_the_schema_with_full_text_search(tmp_path):
    path = tmp_path / "m.db"
    upgrade(f"sqlite:///{path}")
    names = tables(path)
    for table in ("article", "actor", "actor_alias", "mention", "quote", "quote_via", "estimate",
                  "estimate_source", "article_source", "quote_fts", "article_fts", "quote_fts_ai", "article_fts_ad"):
        assert table in names


@pytest.mark.sqlite_only
def test_sqlite_runs_in_wal_mode_with_foreign_keys(engine):
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_downgrade_to_nothing_and_back(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    upgrade(url)
    downgrade(url, "base")
    assert tables(tmp_path / "m.db") <= {"alembic_version"}
    upgrade(url)
    assert "quote_fts" in tables(tmp_path / "m.db")


def test_a_downgrade_that_fails_half_way_leaves_the_database_as_it_was(tmp_path):
    import sqlite3

    import pytest

    db = tmp_path / "m.db"
    url = f"sqlite:///{db}"
    upgrade(url)
    with sqlite3.connect(db) as c:  # a table 0007's downgrade drops after its triggers and quote_tally
        c.execute("DROP TABLE quote_speaker_tally")
    before = tables(db)
    with pytest.raises(Exception, match="quote_speaker_tally"):
        downgrade(url, "0006")
    assert tables(db) == before
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0007"
        assert c.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE 'quote_tally_%'").fetchone()[0] == 8


def test_migrations_match_the_models(engine):
    """No change to app/models.py without a migration: autogenerate finds nothing to do."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import app.models  # noqa: F401
    from app.migrate import include_name

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diff = compare_metadata(context, SQLModel.metadata)
        sqlite = conn.dialect.name == "sqlite"
        pragma = conn.exec_driver_sql("PRAGMA foreign_key_list(article)").all() if sqlite else []

    def fk(d) -> tuple:
        return d[0][-2:], d[1].table.name, tuple(e.parent.name for e in d[1].elements)

    if sqlite:  # SQLAlchemy does not read ON DELETE of a column added by ALTER TABLE (0003); SQLite has it:
        assert ("story", "story_id", "SET NULL") in [(r[2], r[3], r[6]) for r in pragma]
    readded = {fk(d)[1:] for d in diff if d[0] == "add_fk"} & {fk(d)[1:] for d in diff if d[0] == "remove_fk"}
    assert readded <= {("article", ("story_id",))}
    assert [d for d in diff if not (d[0] in ("add_fk", "remove_fk") and fk(d)[1:] in readded)] == []


@pytest.mark.postgresql_only
def test_postgres_search_configuration_and_indexes(engine):
    """0004: on PostgreSQL, the German configuration folds accents, and app/search.py's queries use
    the GIN indexes."""
    from sqlalchemy import text
    from sqlmodel import Session

    from app.search import article_ids_matching, quote_ids_matching

    with engine.connect() as conn:
        folded = conn.execute(text("SELECT to_tsvector('dossier_german', 'Pjöngjang Soldaten')::text")).scalar()
        indexes = set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%fts'")).scalars())
        conn.execute(text("SET enable_seqscan = off"))  # an empty table: make the planner show the index
        plans = {
            table: "\n".join(conn.execute(text(f"EXPLAIN {matching.compile(conn, compile_kwargs={'literal_binds': True})}"))
                             .scalars())
            for table, matching in (("quote", quote_ids_matching(Session(conn), "Pjongjang")),
                                    ("article", article_ids_matching(Session(conn), "Soldat")))
        }
    assert folded == "'pjongjang':1 'soldat':2"
    assert indexes == {"ix_quote_fts", "ix_article_fts"}
    assert "ix_quote_fts" in plans["quote"] and "ix_article_fts" in plans["article"]  # app/search.py's expressions
