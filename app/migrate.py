"""Running the Alembic migrations from code (first start, `dossier migrate`, the tests)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.engine import make_url

from app.config import ROOT
from app.db import make_engine

FTS_TABLES = ("quote_fts", "article_fts")
FTS_INDEXES = ("ix_quote_fts", "ix_article_fts")  # PostgreSQL's GIN expression indexes (0004)
HAND_WRITTEN_INDEXES = (*FTS_INDEXES, "ix_quote_speaker_visible", "ix_quote_article_start", "ix_article_facets",
                        "ix_quote_via_actor_quote", "ix_article_published_desc",  # 0005: for the lists
                        "ix_mention_actor_article",  # 0006
                        "ix_quote_tally_month")  # 0007
HAND_WRITTEN_TABLES = ("data_version",  # 0005: the query cache's key, kept by triggers
                       "quote_tally", "quote_speaker_tally")  # 0007: the quotes list's counts, kept by triggers


def include_name(name, type_, parent_names) -> bool:  # noqa: ANN001, ARG001
    """Autogenerate leaves out what migrations write by hand: the search structures of 0002 (FTS5
    tables and their shadow tables, SQLite) and 0004 (GIN indexes, PostgreSQL), and the list
    indexes and the data version of 0005, the quote tally of 0007."""
    if type_ == "index" and name in HAND_WRITTEN_INDEXES:
        return False
    return not (type_ == "table" and name and (name.startswith(FTS_TABLES) or name in HAND_WRITTEN_TABLES))


def alembic_config(database_url: str) -> Config:
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return cfg


def upgrade(database_url: str, revision: str = "head") -> None:
    """Migrate to `revision`. On SQLite the whole upgrade is one transaction, so that a process killed
    half way leaves the database as it was (the driver alone would commit each CREATE as it goes,
    and a half-made revision could then never be applied)."""
    _in_one_transaction(database_url, command.upgrade, revision)


def downgrade(database_url: str, revision: str) -> None:
    """Migrate back to `revision`; on SQLite in one transaction too (a step that fails undoes them all)."""
    _in_one_transaction(database_url, command.downgrade, revision)


def _in_one_transaction(database_url: str, step, revision: str) -> None:  # noqa: ANN001
    cfg = alembic_config(database_url)
    if make_url(database_url).get_backend_name() != "sqlite":
        step(cfg, revision)  # PostgreSQL: transactional DDL, Alembic's own transaction
        return
    engine = make_engine(database_url)

    @event.listens_for(engine, "connect")
    def _no_implicit_transactions(dbapi_connection, _record):  # noqa: ANN001
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            step(cfg, revision)
    finally:
        engine.dispose()
