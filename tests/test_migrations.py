import sqlite3

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


def test_migrations_match_the_models(engine):
    """No change to app/models.py without a migration: autogenerate finds nothing to do."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import app.models  # noqa: F401

    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    fts = [d for d in diff if "_fts" in repr(d)]  # the FTS5 tables live outside the models
    assert [d for d in diff if d not in fts] == []
