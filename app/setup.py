"""Getting a database ready: migrate it, and load the seed articles into an empty one."""

from __future__ import annotations

from app.config import Settings
from app.db import make_engine
from app.ingest import IngestResult, article_count, ingest_paths
from app.migrate import upgrade


def prepare_database(settings: Settings) -> list[IngestResult]:
    """Migrate to the newest schema; when the database holds no article, load seeds/."""
    upgrade(settings.database_url)
    if not settings.load_seeds or not settings.seeds_dir.is_dir():
        return []
    engine = make_engine(settings.database_url)
    try:
        if article_count(engine) > 0:
            return []
        return ingest_paths(engine, [settings.seeds_dir], settings.max_article_bytes)
    finally:
        engine.dispose()
