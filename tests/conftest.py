"""Each test gets its own SQLite file, migrated with Alembic (so the migrations are tested too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import ROOT, Settings
from app.db import make_engine
from app.ingest import ingest_paths
from app.migrate import upgrade
from app.web import create_app

SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'dossier.db'}"
    upgrade(url)
    return url


@pytest.fixture
def engine(db_url: str):
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(database_url=db_url, load_seeds=False, page_size=5)


@pytest.fixture
def seeded(engine):
    results = ingest_paths(engine, [SEEDS])
    assert [r.status for r in results] == ["loaded"] * 5
    return results


@pytest.fixture
def client(settings: Settings, seeded) -> TestClient:
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture
def empty_client(settings: Settings) -> TestClient:
    with TestClient(create_app(settings)) as client:
        yield client
