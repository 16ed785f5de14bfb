"""Settings, read once from DOSSIER_* environment variables (see the README)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent  # the project folder: templates/, static/, seeds/


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DOSSIER_", extra="ignore")

    database_url: str = "sqlite:///./data/dossier.db"
    seeds_dir: Path = ROOT / "seeds"
    load_seeds: bool = True  # on start, load seeds/ into an empty database
    page_size: int = 25
    max_article_bytes: int = 2_000_000
    max_body_bytes: int = 60_000_000  # larger request bodies are answered 413 (a batch upload fits)
    ingest_token: str | None = None  # writing (articles, corrections) needs it; none: read-only
    secret_key: str | None = None  # signs the session cookie; derived from the token when not given
    secure_cookies: bool = False  # set on a server behind HTTPS
    response_cache_mb: float = 64  # answers to reads kept per process (app/web/responsecache.py); 0: off
    templates_dir: Path = ROOT / "templates"
    static_dir: Path = ROOT / "static"


@lru_cache
def get_settings() -> Settings:
    return Settings()
