"""kill -9 during a batch ingest (scripts/crash_test.py): at a random moment, three times; every
stored article has all its items, the SQLite file is sound, and running the batch again completes it
with the counts of a clean ingest. `python scripts/crash_test.py` runs 20 rounds of 200 articles;
`pytest -m slow tests/test_crash.py` runs 10 rounds of 100. The same for `dossier migrate`: a
SIGKILL leaves the schema whole or absent (SQLite DDL in one transaction, app/migrate.py)."""

from __future__ import annotations

import pytest

from scripts.crash_test import migration_rounds, run


def test_sigkill_during_a_batch_ingest_leaves_no_half_stored_article(tmp_path):
    figures = run(articles=30, rounds=3, seed=7, work=tmp_path, log=lambda _line: None)
    assert len(figures["rounds"]) == 3
    assert figures["tables"]["article"] == 30 and figures["tables"]["quote"] > 0


def test_sigkill_during_the_migration_leaves_the_schema_whole_or_absent(tmp_path):
    versions = migration_rounds(rounds=4, seed=3, work=tmp_path, log=lambda _line: None)
    assert len(versions) == 4


@pytest.mark.slow
def test_sigkill_many_times(tmp_path):
    figures = run(articles=100, rounds=10, seed=11, work=tmp_path, log=print)
    assert len(figures["rounds"]) == 10
