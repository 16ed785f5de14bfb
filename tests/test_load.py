"""A short load run (scripts/load_test.py): clients on loopback mixing pages, htmx fragments, the
JSON API and CSV exports against `dossier serve`, while `dossier ingest` writes to the same SQLite
file from another process. No 5xx, no "database is locked", the ingest completes.
`python scripts/load_test.py` is the full run (32 connections, 60 s, 300 articles); so is
`pytest -m slow tests/test_load.py`."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from scripts import load_test
from scripts.load_test import held


def run(**options) -> dict:
    """scripts/load_test.run in a thread of its own: it calls asyncio.run, which refuses to start
    in a thread whose event loop is already running (Playwright's sync API leaves one running in
    the worker's main thread once a browser test has run there)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(load_test.run, **options).result()


def test_a_short_load_while_an_ingest_writes(tmp_path):
    figures = run(connections=6, duration=5, articles=15, work=tmp_path, log=lambda _line: None)
    assert held(figures) == [], figures
    assert figures["requests"] >= 50 and set(figures["latency_ms"]) == {"page", "htmx", "api", "csv"}
    assert figures["access_log_lines"] >= figures["requests"]  # one JSON line a request


@pytest.mark.slow
def test_the_full_load(tmp_path):
    figures = run(connections=32, duration=60, articles=300, work=tmp_path)
    assert held(figures) == [], figures
