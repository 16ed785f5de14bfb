"""Running the Alembic migrations from code (first start, `dossier migrate`, the tests)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from app.config import ROOT

FTS_TABLES = ("quote_fts", "article_fts")
FTS_INDEXES = ("ix_quote_fts", "ix_article_fts")  # PostgreSQL's GIN expression indexes (0004)


def include_name(name, type_, parent_names) -> bool:  # noqa: ANN001, ARG001
    """Autogenerate leaves out the search structures, which 0002 (FTS5 tables and their shadow
    tables, SQLite) and 0004 (GIN indexes, PostgreSQL) write by hand."""
    if type_ == "index" and name in FTS_INDEXES:
        return False
    return not (type_ == "table" and name and name.startswith(FTS_TABLES))


def alembic_config(database_url: str) -> Config:
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return cfg


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str) -> None:
    command.downgrade(alembic_config(database_url), revision)
