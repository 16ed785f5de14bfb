"""The `dossier` command as a user runs it."""

import json
import os
import subprocess
import sys

from tests.conftest import ROOT, SEEDS


def dossier(*args, db_url=None, cwd=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if db_url:
        env["DOSSIER_DATABASE_URL"] = db_url
    return subprocess.run([sys.executable, "-m", "app.cli", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=cwd or ROOT, timeout=120)


def test_ingest_twice_loads_once_and_says_so(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    first = dossier("ingest", SEEDS, db_url=url)
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("loaded as article") == 5
    assert "5 loaded, 0 unchanged, 0 failed" in first.stderr
    second = dossier("ingest", SEEDS / "000_e4ff2b2139cd4076.txt", SEEDS, db_url=url)
    assert second.returncode == 0, second.stderr
    assert "unchanged  000_e4ff2b2139cd4076.txt: already loaded as article 1" in second.stdout
    assert "0 loaded, 6 unchanged, 0 failed" in second.stderr


def test_ingest_reports_a_bad_file_and_fails(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00binary")
    result = dossier("ingest", tmp_path, tmp_path / "missing.txt", db_url=f"sqlite:///{tmp_path / 'x.db'}")
    assert result.returncode == 1
    assert "bad.txt: a binary file" in result.stderr
    assert "missing.txt: no such file or folder" in result.stderr


def test_extract_prints_one_contract_line_per_file_without_a_database(tmp_path):
    files = sorted(SEEDS.glob("*.txt"))
    result = dossier("extract", "--jsonl", *files, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["file"] for d in lines] == [f.name for f in files]
    for d, f in zip(lines, files, strict=False):
        assert set(d) >= {"file", "language", "actors", "quotes", "estimates", "sources"}
        text = f.read_text(encoding="utf-8")
        for q in d["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"]
    assert not (tmp_path / "data").exists()  # no database was made


def test_reextract_reports_nothing_to_do_when_current(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    dossier("ingest", SEEDS, db_url=url)
    result = dossier("reextract", db_url=url)
    assert result.returncode == 0
    assert "0 loaded" in result.stderr or "0 re-extracted" in result.stderr
    forced = dossier("reextract", "--force", db_url=url)
    assert forced.stdout.count("re-extracted with") == 5


def test_ingest_hands_a_database_to_alembic_only_when_it_is_behind(tmp_path):
    """`dossier ingest` skips importing Alembic for a SQLite file already at the newest revision."""
    import sqlite3

    from app.cli import _sqlite_at_head
    from app.migrate import downgrade, upgrade

    db = tmp_path / "head.db"
    url = f"sqlite:///{db}"
    assert not _sqlite_at_head(url)  # no file yet
    upgrade(url)
    assert _sqlite_at_head(url)
    downgrade(url, "0004")
    assert not _sqlite_at_head(url)
    result = dossier("ingest", SEEDS / "000_e4ff2b2139cd4076.txt", db_url=url)
    assert result.returncode == 0, result.stderr
    assert _sqlite_at_head(url)
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM article").fetchone() == (1,)
    assert not _sqlite_at_head("postgresql+psycopg://u@h/db") and not _sqlite_at_head("sqlite:///:memory:")


def test_demo_corpus_builds_through_the_batch_ingest(tmp_path):
    import sqlite3

    result = dossier("demo-corpus", "--articles", 60, "--out", tmp_path / "demo.db", "--jobs", 2)
    assert result.returncode == 0, result.stderr
    assert "60 articles in" in result.stdout
    with sqlite3.connect(tmp_path / "demo.db") as con:
        assert con.execute("SELECT count(*) FROM article").fetchone() == (60,)
        assert con.execute("SELECT count(*) FROM quote").fetchone()[0] > 60
