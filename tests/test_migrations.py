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
    from app.migrate import include_name

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diff = compare_metadata(context, SQLModel.metadata)
        pragma = conn.exec_driver_sql("PRAGMA foreign_key_list(article)").all()

    def fk(d) -> tuple:
        return d[0][-2:], d[1].table.name, tuple(e.parent.name for e in d[1].elements)

    # SQLAlchemy does not read ON DELETE of a column added by ALTER TABLE (0003); SQLite has it:
    assert ("story", "story_id", "SET NULL") in [(r[2], r[3], r[6]) for r in pragma]
    readded = {fk(d)[1:] for d in diff if d[0] == "add_fk"} & {fk(d)[1:] for d in diff if d[0] == "remove_fk"}
    assert readded <= {("article", ("story_id",))}
    assert [d for d in diff if not (d[0] in ("add_fk", "remove_fk") and fk(d)[1:] in readded)] == []
