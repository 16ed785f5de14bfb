#!/usr/bin/env python3
"""Kill -9 during a batch ingest, start again, and check that nothing was half stored.

A clean `dossier ingest` of N generated articles gives the reference. Then, ROUNDS times: a fresh
database, `dossier ingest` of the same folder in a subprocess, SIGKILL at a random moment (the
migration included), then the checks:
- the SQLite file is sound (PRAGMA integrity_check, foreign_key_check);
- every article stored has exactly the items (quotes, estimates, mentions, sources, channels,
  attributions, MinHash bands) that the clean ingest gave the same text: no half-stored article;
- running the batch again completes (exit 0) and the whole database then matches the reference,
  table by table and article by article, wire stories included.

Before that, --migration-rounds times: SIGKILL during `dossier migrate` of a new database; the
schema must be there whole or not at all, and migrating again must complete it.

    python scripts/crash_test.py [--articles 200] [--rounds 20] [--migration-rounds 10] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.make_articles import write as write_articles  # noqa: E402

DOSSIER = str(Path(sys.executable).parent / "dossier")
TABLES = ["article", "quote", "estimate", "mention", "quote_via", "estimate_source", "article_source", "actor",
          "actor_alias", "story", "article_band"]
PER_ARTICLE = {
    "quotes": "SELECT count(*) FROM quote WHERE article_id = a.id",
    "estimates": "SELECT count(*) FROM estimate WHERE article_id = a.id",
    "mentions": "SELECT count(*) FROM mention WHERE article_id = a.id",
    "sources": "SELECT count(*) FROM article_source WHERE article_id = a.id",
    "via": "SELECT count(*) FROM quote_via JOIN quote q ON q.id = quote_via.quote_id WHERE q.article_id = a.id",
    "attributions": "SELECT count(*) FROM estimate_source JOIN estimate e ON e.id = estimate_source.estimate_id "
                    "WHERE e.article_id = a.id",
    "bands": "SELECT count(*) FROM article_band WHERE article_id = a.id",
}


def env_for(db: Path) -> dict:
    return {**os.environ, "DOSSIER_DATABASE_URL": f"sqlite:///{db}", "PYTHONPATH": str(ROOT)}


def ingest(db: Path, folder: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([DOSSIER, "ingest", str(folder)], env=env_for(db), capture_output=True, text=True,
                          timeout=timeout)


def snapshot(db: Path) -> dict:
    """Per article (by content hash): its item counts and the texts of its wire story; per table: rows."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        columns = ", ".join(f"({sql}) AS {name}" for name, sql in PER_ARTICLE.items())
        rows = con.execute(f"SELECT a.content_hash, a.story_id, {columns} FROM article a").fetchall()
        story_of = {h: s for h, s, *_ in rows}
        members: dict[int, frozenset] = {}
        for s in {s for s in story_of.values() if s is not None}:
            members[s] = frozenset(h for h, t in story_of.items() if t == s)
        articles = {h: {**dict(zip(PER_ARTICLE, counts, strict=True)), "story": members.get(s)} for h, s, *counts in rows}
        tables = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608
        return {"articles": articles, "tables": tables}
    finally:
        con.close()


_KEY = "coalesce(q.speaker_id, 0), coalesce(a.publisher, ''), coalesce(strftime('%Y-%m', a.published), ''), q.kind"
RECOUNT = (  # migration 0007's tally, counted afresh (the quotes themselves, then per channel)
    f"SELECT 0, {_KEY}, count(*) FROM quote q JOIN article a ON a.id = q.article_id WHERE NOT q.rejected "
    f"GROUP BY {_KEY} UNION ALL SELECT v.actor_id, {_KEY}, count(*) FROM quote q JOIN article a "
    f"ON a.id = q.article_id JOIN quote_via v ON v.quote_id = q.id WHERE NOT q.rejected GROUP BY v.actor_id, {_KEY}")


def soundness(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        problems = [r[0] for r in con.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {r}" for r in con.execute("PRAGMA foreign_key_check")]
        if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'quote_tally'").fetchone():
            kept = set(con.execute("SELECT via_id, speaker_id, publisher, month, kind, n FROM quote_tally WHERE n <> 0"))
            if kept != set(con.execute(RECOUNT)):
                problems.append("quote_tally differs from a count of the quotes from scratch")
        return problems
    finally:
        con.close()


def half_stored(partial: dict, reference: dict) -> list[str]:
    """Articles whose items differ from the clean ingest's (the story is left out: a later twin may be missing)."""
    out = []
    for h, items in partial["articles"].items():
        want = reference["articles"].get(h)
        mine = {k: v for k, v in items.items() if k != "story"}
        if want is None or mine != {k: v for k, v in want.items() if k != "story"}:
            out.append(f"{h[:12]}: {mine} != {want}")
    return out


def schema_version(db: Path) -> str | None:
    """The revision the next process to open `db` finds. Opened for writing, as that process would:
    a kill inside a transaction can leave a hot journal, which only a writer may roll back (read-only,
    SQLite answers "attempt to write a readonly database")."""
    con = sqlite3.connect(db)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = con.execute("SELECT version_num FROM alembic_version").fetchone() if "alembic_version" in tables else None
        assert version or tables <= {"alembic_version"}, f"tables without a schema version: {sorted(tables)[:5]}"
        return version[0] if version else None
    finally:
        con.close()


def migration_rounds(rounds: int, seed: int, work: Path, log=print) -> list[str | None]:  # noqa: ANN001
    """SIGKILL during `dossier migrate` of a new database: the schema is there whole or not at all,
    and migrating again completes it."""
    began = time.perf_counter()
    assert subprocess.run([DOSSIER, "migrate"], env=env_for(work / "m.db"), capture_output=True).returncode == 0
    seconds = time.perf_counter() - began
    head = schema_version(work / "m.db")
    rng = random.Random(seed)
    seen = []
    for r in range(rounds):
        db = work / f"m{r}.db"
        proc = subprocess.Popen([DOSSIER, "migrate"], env=env_for(db), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(seconds * 0.3, seconds))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        version = schema_version(db) if db.exists() else None
        seen.append(version)
        again = subprocess.run([DOSSIER, "migrate"], env=env_for(db), capture_output=True, text=True)
        assert again.returncode == 0, f"migrating again failed: {again.stderr[-1500:]}"
        assert schema_version(db) == head
        log(f"migration round {r + 1}: SIGKILL left schema {version or 'none'}; migrating again reached {head}")
    return seen


def run(articles: int, rounds: int, seed: int, work: Path, log=print) -> dict:  # noqa: ANN001
    folder = work / "articles"
    write_articles(folder, articles, seed)
    reference_db = work / "reference.db"
    began = time.perf_counter()
    done = ingest(reference_db, folder)
    clean_seconds = time.perf_counter() - began
    assert done.returncode == 0, done.stderr[-2000:]
    reference = snapshot(reference_db)
    log(f"clean ingest: {articles} articles in {clean_seconds:.1f} s; " +
        ", ".join(f"{v} {k}" for k, v in reference["tables"].items()))
    rng = random.Random(seed)
    figures = {"clean_seconds": clean_seconds, "rounds": [], "tables": reference["tables"]}
    for r in range(rounds):
        db = work / f"crash{r}.db"
        delay = rng.uniform(0.05, clean_seconds * 0.95)
        proc = subprocess.Popen([DOSSIER, "ingest", str(folder)], env=env_for(db), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(delay)
        finished_first = proc.poll() is not None
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stored, version = 0, None
        if db.exists():
            version = schema_version(db)
            problems = soundness(db)
            assert problems == [], f"round {r}: {problems}"
            try:
                partial = snapshot(db)
            except sqlite3.OperationalError as exc:  # killed before the tables were made
                partial = {"articles": {}, "tables": {}, "note": str(exc)}
            stored = len(partial["articles"])
            bad = half_stored(partial, reference)
            assert bad == [], f"round {r}: half-stored articles after SIGKILL at {delay:.2f} s: {bad[:5]}"
        again = ingest(db, folder)
        assert again.returncode == 0, f"round {r}: the second run failed: {again.stderr[-2000:]}"
        assert soundness(db) == []
        after = snapshot(db)
        assert after["tables"] == reference["tables"], f"round {r}: {after['tables']} != {reference['tables']}"
        assert after["articles"] == reference["articles"], f"round {r}: articles differ from the clean ingest"
        unchanged = again.stdout.count("unchanged ")
        assert unchanged == stored, (unchanged, stored)
        figures["rounds"].append({"kill_at": round(delay, 2), "stored_before_kill": stored, "schema": version,
                                  "finished_first": finished_first})
        log(f"round {r + 1}: SIGKILL at {delay:5.2f} s (schema {version or 'none'}) with {stored:4d}/{articles} stored; none half stored; "
            f"re-run loaded the rest ({articles - stored}), counts match the clean ingest")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description="Kill -9 during a batch ingest, start again, compare.")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--migration-rounds", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        versions = migration_rounds(args.migration_rounds, args.seed, Path(tmp))
        figures = run(args.articles, args.rounds, args.seed, Path(tmp))
    print(f"{len(versions)} kills during the migration held: schema left "
          f"{sum(v is None for v in versions)} times absent, {sum(v is not None for v in versions)} times whole.")
    stored = [r["stored_before_kill"] for r in figures["rounds"]]
    print(f"{len(stored)} rounds held: SIGKILL with 0..{args.articles} articles stored "
          f"(min {min(stored)}, max {max(stored)}), no half-stored article, every re-run completed and matched.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
