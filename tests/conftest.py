"""Each test gets its own database, migrated with Alembic (so the migrations are tested too).

The database-facing tests (all that use `db_url`, through `engine`, `settings`, `client`, …) run
once on SQLite and, when DOSSIER_TEST_POSTGRES_URL names a PostgreSQL server (`make test` starts one
with scripts/ensure-postgres), once more on PostgreSQL: test ids end in [sqlite] or [postgresql].
On PostgreSQL each test gets a fresh database copied from a template that Alembic migrated at the
start of the session (one template per xdist worker). Tests marked `sqlite_only` (PRAGMA checks,
FTS5 tables) and the browser tests run on SQLite alone; `postgresql_only` ones on PostgreSQL alone.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.config import ROOT, Settings
from app.db import make_engine
from app.ingest import ingest_paths
from app.migrate import upgrade
from app.web import create_app

SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
POSTGRES_URL = os.environ.get("DOSSIER_TEST_POSTGRES_URL", "").strip()
BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]


def pytest_configure(config) -> None:  # noqa: ANN001
    config.addinivalue_line("markers", "sqlite_only: runs on SQLite alone (PRAGMAs, FTS5 tables)")
    config.addinivalue_line("markers", "postgresql_only: runs on PostgreSQL alone (skipped without one)")


def pytest_generate_tests(metafunc) -> None:  # noqa: ANN001
    if "db_url" not in metafunc.fixturenames:
        return
    definition = metafunc.definition
    backends = BACKENDS
    if definition.get_closest_marker("sqlite_only") or definition.get_closest_marker("browser"):
        backends = ["sqlite"]
    elif definition.get_closest_marker("postgresql_only"):
        backends = [b for b in BACKENDS if b == "postgresql"]
    metafunc.parametrize("db_url", backends, indirect=True)


@pytest.fixture(scope="session")
def postgres_admin():
    """An autocommit engine on the server's maintenance database (CREATE/DROP DATABASE)."""
    engine = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    yield engine
    engine.dispose()


def _database_url(name: str) -> str:
    return make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_template(postgres_admin, worker_id: str) -> str:
    """A database migrated with Alembic once per worker; each test's database is a copy of it."""
    name = f"dossier_template_{worker_id}_{os.getpid()}"
    with postgres_admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    upgrade(_database_url(name))
    yield name
    with postgres_admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def db_url(request, tmp_path: Path) -> str:
    if getattr(request, "param", "sqlite") == "sqlite":
        url = f"sqlite:///{tmp_path / 'dossier.db'}"
        upgrade(url)
        yield url
        return
    template = request.getfixturevalue("postgres_template")
    admin = request.getfixturevalue("postgres_admin")
    name = f"dossier_test_{uuid.uuid4().hex[:16]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    yield _database_url(name)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


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
