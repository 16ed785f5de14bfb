#!/usr/bin/env python3
"""Dossier against its peers and its floor, in one run, on one machine, on one database file.

    .venv/bin/dossier demo-corpus --articles 100000 --out /tmp/demo100k.db     # once (about an hour)
    .venv/bin/python scripts/bench_web.py --db /tmp/demo100k.db [--markdown docs/benchmarks.md]
    .venv/bin/python scripts/bench_web.py --ingest-only --ingest 500 --ingest-repeat 3   # ingestion alone

Prints one table:

- ingestion: articles per second through `dossier ingest` (a .jsonl batch of demo articles, extraction
  and storage included, into a fresh database) against plain sqlite3 INSERTs of the same texts into
  the same migrated schema, one transaction per article (the floor: no extraction, no ORM);
- pages under concurrent load on loopback (wrk, `--connections` connections for `--duration` s):
  requests/s and p50/p95/p99 latency of the htmx results of /quotes (headers HX-Request: true,
  HX-Trigger: filters) filtered by a frequent speaker, a rare speaker, a text search, and a date
  range (all with their facet counts), and of the JSON API /api/quotes; and, for scale, an answer
  that runs no query (/healthz): what a server can serve at most without keeping answers;
- the same questions put to Datasette (its table view of `quote` with the same filter, its count and
  its facets: what an analyst would otherwise use), and to a bare FastAPI endpoint defined in this
  file that runs the very SQL statements Dossier runs for that request (captured from Dossier's
  engine) with plain sqlite3 and returns the rows as JSON: the floor of this stack;
- peak resident memory of each server (VmHWM) and its cold start (spawn → first answer).

Needs: the dev venv (`make` builds it: datasette is a test dependency) and Debian's wrk
(`apt-get install wrk`); without wrk a slower asyncio+httpx load generator in this file is used and
the table says so. Installs nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import quote_plus, urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
HTMX = {"HX-Request": "true", "HX-Trigger": "filters"}
NOCACHE = {"DOSSIER_QUERY_CACHE": "0", "DOSSIER_RESPONSE_CACHE_MB": "0"}  # every answer and count computed
MODES = {  # Dossier's configurations: as shipped; without its caches; with its counts kept but no answers
    "dossier": {"DOSSIER_QUERY_CACHE": "2048", "DOSSIER_RESPONSE_CACHE_MB": "64"},
    "dossier-nocache": NOCACHE,
    "dossier-querycache": {"DOSSIER_QUERY_CACHE": "2048", "DOSSIER_RESPONSE_CACHE_MB": "0"},
}
WRK_LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH {"requests": %d, "duration_us": %d, "p50": %d, "p95": %d, "p99": %d, ' ..
    '"status_errors": %d, "socket_errors": %d}\\n', summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), e.status,
    e.connect + e.read + e.write + e.timeout))
end
"""


# --- the questions ---------------------------------------------------------------------------------


@dataclass
class Scenario:
    name: str
    app: str  # path and query of Dossier
    headers: dict = field(default_factory=dict)
    datasette: str = ""  # path and query of Datasette's table view
    detail: str = ""


def pick(db: Path) -> dict:
    """The filter values: the most quoted speaker, a speaker quoted about five times, a word, a month."""
    with sqlite3.connect(db) as c:
        counts = c.execute(
            "SELECT a.id, a.name, count(*) n FROM quote q JOIN actor a ON a.id = q.speaker_id "
            "WHERE q.rejected = 0 AND a.kind = 'person' GROUP BY a.id ORDER BY n DESC, a.id"
        ).fetchall()
        frequent = counts[0]
        rare = min(counts, key=lambda r: (abs(r[2] - 5), r[0]))
        words = ["Völkerrecht", "Sanktionen", "Konsequenzen", "Granaten", "Wonsan"]
        hits = {w: c.execute("SELECT count(*) FROM quote_fts WHERE quote_fts MATCH ?", (f'"{w}"*',)).fetchone()[0]
                for w in words}
        quotes = c.execute("SELECT count(*) FROM quote").fetchone()[0]
        word = min(words, key=lambda w: abs(hits[w] - quotes * 0.02))  # about 2 in 100 quotes
        median = c.execute("SELECT published FROM article WHERE published IS NOT NULL ORDER BY published "
                           "LIMIT 1 OFFSET (SELECT count(*) / 2 FROM article)").fetchone()[0]
        first = date.fromisoformat(median).replace(day=1)
        last = (first.replace(day=28) + (date(2000, 1, 31) - date(2000, 1, 27))).replace(day=1)
        last = date.fromordinal(last.toordinal() - 1)
        in_range = c.execute(
            "SELECT count(*) FROM quote q JOIN article a ON a.id = q.article_id WHERE a.published BETWEEN ? AND ?",
            (first.isoformat(), last.isoformat())).fetchone()[0]
        size = {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 (constants)
                for t in ("article", "quote", "estimate", "actor", "mention")}
    return {"frequent": frequent, "rare": rare, "word": word, "word_hits": hits[word], "from": first.isoformat(),
            "to": last.isoformat(), "in_range": in_range, "size": size}


def scenarios(p: dict, db_name: str) -> list[Scenario]:
    (fid, fname, fn), (rid, rname, rn) = p["frequent"], p["rare"]
    where = f"article_id in (select id from article where published between '{p['from']}' and '{p['to']}')"
    facets = "&_facet=speaker_id&_facet=kind&_labels=on&_size=25"
    table = f"/{db_name}/quote.json?rejected=0"
    dates = urlencode({"from": p["from"], "to": p["to"]})
    return [
        Scenario("htmx speaker, frequent", f"/quotes?speaker={quote_plus(fname)}", HTMX,
                 f"{table}&speaker_id={fid}{facets}", f"{fname}: {fn} quotes"),
        Scenario("htmx speaker, rare", f"/quotes?speaker={quote_plus(rname)}", HTMX,
                 f"{table}&speaker_id={rid}{facets}", f"{rname}: {rn} quotes"),
        Scenario("htmx text q=", f"/quotes?q={quote_plus(p['word'])}", HTMX,
                 f"{table}&_search={quote_plus(p['word'])}{facets}", f"q={p['word']}: {p['word_hits']} quotes"),
        Scenario("htmx date range", f"/quotes?{dates}", HTMX,
                 f"{table}&_where={quote_plus(where)}{facets}", f"{p['from']}..{p['to']}: {p['in_range']} quotes"),
        Scenario("API speaker, frequent", f"/api/quotes?speaker={quote_plus(fname)}", {},
                 f"{table}&speaker_id={fid}&_labels=on&_size=25", f"{fname}"),
        Scenario("API date range", f"/api/quotes?{dates}", {},
                 f"{table}&_where={quote_plus(where)}&_labels=on&_size=25", f"{p['from']}..{p['to']}"),
        # what each server answers without a query: the most requests/s any answer computed afresh can reach
        Scenario("ceiling: no query", "/healthz", {}, "/-/versions.json", "/healthz; Datasette's /-/versions.json"),
    ]


# --- the floor: Dossier's own SQL, run with sqlite3 --------------------------------------------------


def capture_sql(db: Path, plan: list[Scenario]) -> list[list[tuple[str, list]]]:
    """The statements Dossier's engine sends for each request, its caches off (all of them: counts
    and facet counts too)."""
    os.environ.update(NOCACHE)
    try:
        return _capture(db, plan)
    finally:
        for name in NOCACHE:
            del os.environ[name]


def _capture(db: Path, plan: list[Scenario]) -> list[list[tuple[str, list]]]:
    from fastapi.testclient import TestClient
    from sqlalchemy import event

    from app.config import Settings
    from app.web import create_app

    app = create_app(Settings(database_url=f"sqlite:///{db}", load_seeds=False))
    seen: list[tuple[str, list]] = []

    @event.listens_for(app.state.engine, "before_cursor_execute")
    def _record(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001, ARG001
        seen.append((statement, list(parameters or ())))

    out = []
    with TestClient(app) as client:
        for s in plan:
            client.get(s.app, headers=s.headers)
            seen.clear()
            r = client.get(s.app, headers=s.headers)
            assert r.status_code == 200, (s.app, r.status_code)
            out.append([(sql, params) for sql, params in seen])
    return out


def bare_app(db: str, statements_file: str):  # noqa: ANN201
    """The floor of this stack: FastAPI, plain sqlite3, Dossier's statements, rows as JSON."""
    from fastapi import FastAPI

    statements = json.loads(Path(statements_file).read_text())
    local = threading.local()
    app = FastAPI()

    def connection() -> sqlite3.Connection:
        if not hasattr(local, "conn"):
            conn = sqlite3.connect(db, check_same_thread=False, timeout=30)
            for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL", "busy_timeout=30000"):
                conn.execute(f"PRAGMA {pragma}")
            local.conn = conn
        return local.conn

    @app.get("/healthz")
    def healthz() -> dict:
        connection().execute("SELECT 1")
        return {"status": "ok"}

    @app.get("/bare/{i}")
    def bare(i: int) -> dict:
        conn = connection()
        return {"results": [conn.execute(sql, params).fetchall() for sql, params in statements[i]]}

    return app


# --- servers --------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, name: str, argv: list[str], port: int, env: dict | None = None, log: Path | None = None):
        self.name, self.port = name, port
        self.log = open(log or os.devnull, "w")  # noqa: SIM115 (closed in stop)
        started = time.perf_counter()
        self.proc = subprocess.Popen(argv, env={**os.environ, **(env or {})}, stdout=self.log, stderr=subprocess.STDOUT,
                                     cwd=ROOT, start_new_session=True)
        self.cold_start = self._wait(started)

    def _wait(self, started: float) -> float:
        import httpx

        deadline = started + 120
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}")
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/healthz", timeout=2).status_code < 500:
                    return time.perf_counter() - started
            except httpx.HTTPError:
                pass
            time.sleep(0.02)
        raise RuntimeError(f"{self.name} did not start")

    def pids(self) -> list[int]:
        """The server and its worker processes."""
        pids, frontier = [self.proc.pid], [self.proc.pid]
        while frontier:
            parent = frontier.pop()
            for stat in Path("/proc").glob("[0-9]*/stat"):
                try:
                    fields = stat.read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == parent:
                    pid = int(stat.parent.name)
                    pids.append(pid)
                    frontier.append(pid)
        return pids

    def peak_rss_mb(self) -> float:
        total = 0
        for pid in self.pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
        return total / 1024

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


# --- load -----------------------------------------------------------------------------------------


def load(url: str, headers: dict, connections: int, duration: int) -> dict:
    wrk = shutil.which("wrk")
    if wrk is None:
        return asyncio.run(load_httpx(url, headers, connections, duration))
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(WRK_LUA)
    argv = [wrk, "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "30s", "-s", f.name]
    for k, v in headers.items():
        argv += ["-H", f"{k}: {v}"]
    out = subprocess.run([*argv, url], capture_output=True, text=True, check=True).stdout
    os.unlink(f.name)
    data = json.loads(next(line for line in out.splitlines() if line.startswith("BENCH "))[6:])
    return {"rps": data["requests"] / (data["duration_us"] / 1e6), "p50": data["p50"] / 1000,
            "p95": data["p95"] / 1000, "p99": data["p99"] / 1000,
            "errors": data["status_errors"] + data["socket_errors"], "tool": "wrk"}


async def load_httpx(url: str, headers: dict, connections: int, duration: int) -> dict:
    import httpx

    latencies: list[float] = []
    errors = 0
    end = time.perf_counter() + duration

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.perf_counter() < end:
            t = time.perf_counter()
            r = await client.get(url, headers=headers)
            latencies.append(time.perf_counter() - t)
            errors += r.status_code >= 400

    limits = httpx.Limits(max_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:
        began = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(connections)))
        elapsed = time.perf_counter() - began
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    return {"rps": len(latencies) / elapsed, "p50": pct(50), "p95": pct(95), "p99": pct(99), "errors": errors,
            "tool": "httpx"}


# --- ingestion ------------------------------------------------------------------------------------


def bench_ingest(n: int, work: Path, repeat: int = 1) -> dict:
    """Articles/s of `dossier ingest` (its default: extraction in one worker process per CPU; and with
    --jobs 1: everything in one process), of plain sqlite3 INSERTs, and of extraction alone. Each
    timed `repeat` times into a fresh database; the median is kept."""
    from statistics import median

    from app.democorpus import demo_articles
    from app.extract import extract
    from app.ingest import content_hash
    from app.migrate import upgrade

    items = list(demo_articles(n, seed=4242))
    batch = work / "batch.jsonl"
    with batch.open("w", encoding="utf-8") as f:
        for a in items:
            f.write(json.dumps({"body": a.body, "title": a.title, "url": a.url, "publisher": a.publisher,
                                "credit": a.credit, "published": a.published.isoformat(), "language": "de"},
                               ensure_ascii=False) + "\n")

    def fresh(name: str) -> Path:
        db = work / name
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        upgrade(f"sqlite:///{db}")
        return db

    def dossier(*options: str) -> float:
        """One `dossier ingest` process, start-up included: extraction, actors, quotes, estimates,
        search index, near-duplicates."""
        db = fresh("ingest.db")
        env = {**os.environ, "DOSSIER_DATABASE_URL": f"sqlite:///{db}"}
        t = time.perf_counter()
        subprocess.run([str(BIN / "dossier"), "ingest", str(batch), *options], env=env, check=True,
                       capture_output=True)
        seconds = time.perf_counter() - t
        with sqlite3.connect(db) as c:
            assert c.execute("SELECT count(*) FROM article").fetchone()[0] == n
        return n / seconds

    def floor() -> float:
        """The same texts into the same table (FTS triggers included), one transaction each."""
        conn = sqlite3.connect(fresh("floor.db"), isolation_level=None)
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
            conn.execute(f"PRAGMA {pragma}")
        t = time.perf_counter()
        for a in items:
            conn.execute("BEGIN")
            conn.execute(
                "INSERT INTO article (title, body, language, url, publisher, credit, published, date_basis, "
                "file_name, content_hash, ingested_at, extractor_version, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (a.title, a.body, "de", a.url, a.publisher, a.credit, a.published.isoformat(), "given", None,
                 content_hash(a.body), datetime.now(UTC).isoformat(), "", "jsonl"))
            conn.execute("COMMIT")
        seconds = time.perf_counter() - t
        conn.close()
        return n / seconds

    def extract_only() -> float:
        t = time.perf_counter()
        for a in items:
            extract(a.body)
        return n / (time.perf_counter() - t)

    runs: dict[str, list[float]] = {"dossier": [], "dossier_jobs1": [], "floor": [], "extract_only": []}
    extract_only()  # the extractor's data loaded once before timing it
    for _ in range(repeat):  # interleaved, so that a busy moment of the machine is shared out
        runs["dossier"].append(dossier())
        runs["dossier_jobs1"].append(dossier("--jobs", "1"))
        runs["floor"].append(floor())
        runs["extract_only"].append(extract_only())
    return {"n": n, "repeat": repeat, "cpus": os.cpu_count(), **{k: median(v) for k, v in runs.items()},
            "runs": runs}


def ingest_lines(ingest: dict) -> list[str]:
    runs = f", median of {ingest['repeat']} runs" if ingest["repeat"] > 1 else ""
    return [
        "| ingestion | articles/s |",
        "| --- | ---: |",
        f"| `dossier ingest` ({ingest['n']:,} demo articles, extraction and storage, process start included; "
        f"extraction in {ingest['cpus']} worker processes{runs}) | {ingest['dossier']:.1f} |",
        f"| `dossier ingest --jobs 1` (the same, all in one process) | {ingest['dossier_jobs1']:.1f} |",
        f"| plain sqlite3 INSERTs of the same texts (floor) | {ingest['floor']:.1f} |",
        f"| extraction alone, in process (for reference) | {ingest['extract_only']:.1f} |",
        f"| floor ÷ dossier | {ingest['floor'] / ingest['dossier']:.1f}× |",
        "",
    ]


# --- the run --------------------------------------------------------------------------------------


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))) / 1024 / 1024
    os_name = Path("/etc/os-release").read_text().split('PRETTY_NAME="')[1].split('"')[0]
    return (f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM, {os_name}, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help="a database `dossier demo-corpus` built (not for --ingest-only)")
    ap.add_argument("--duration", type=int, default=10, help="seconds of load per question and server")
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--workers", type=int, default=1, help="worker processes of Dossier and of the bare endpoint")
    ap.add_argument("--ingest", type=int, default=1000, help="articles for the ingestion figures (0: skip)")
    ap.add_argument("--ingest-only", action="store_true", help="only the ingestion figures (no --db, no servers)")
    ap.add_argument("--ingest-repeat", type=int, default=1, help="time each ingestion that often, keep the median")
    ap.add_argument("--only", default="dossier,dossier-nocache,bare,datasette",
                    help="servers to measure (dossier-nocache: DOSSIER_QUERY_CACHE=0 and DOSSIER_RESPONSE_CACHE_MB=0, "
                         "every answer and count computed; also dossier-querycache: counts kept, answers not)")
    ap.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = ap.parse_args()
    if args.ingest_only:
        main_ingest_only(args)
        return
    if args.db is None:
        ap.error("--db is needed (unless --ingest-only)")
    db = args.db.resolve()
    servers = args.only.split(",")
    print(f"machine: {machine()}", flush=True)
    params = pick(db)
    plan = scenarios(params, db.stem)
    print(f"database: {db} ({os.path.getsize(db) / 2**20:.0f} MiB): "
          + ", ".join(f"{v} {k}s" for k, v in params["size"].items()), flush=True)

    work = Path(tempfile.mkdtemp(prefix="bench_web."))
    ingest = None
    if args.ingest:
        print(f"ingesting {args.ingest} articles twice (dossier ingest, plain sqlite3) …", flush=True)
        ingest = bench_ingest(args.ingest, work, args.ingest_repeat)
        print(json.dumps(ingest), flush=True)

    statements = capture_sql(db, plan)
    (work / "statements.json").write_text(json.dumps(statements))
    results: dict[str, dict] = {}
    meta: dict[str, dict] = {}
    for name in servers:
        port = free_port()
        if name.startswith("dossier"):
            argv = [str(BIN / "dossier"), "serve", "--port", str(port), "--workers", str(args.workers)]
            env = {"DOSSIER_DATABASE_URL": f"sqlite:///{db}", "DOSSIER_LOAD_SEEDS": "false",
                   **MODES[name]}
            urls = [s.app for s in plan]
        elif name == "bare":
            argv = [sys.executable, "-m", "uvicorn", "--factory", "bench_web:_bare_from_env", "--port", str(port),
                    "--workers", str(args.workers), "--log-level", "warning", "--no-access-log",
                    "--app-dir", str(ROOT / "scripts")]
            env = {"BENCH_DB": str(db), "BENCH_STATEMENTS": str(work / "statements.json")}
            urls = [f"/bare/{i}" for i in range(len(plan))]
        else:
            argv = [str(BIN / "datasette"), "serve", str(db), "--port", str(port), "--setting", "sql_time_limit_ms",
                    "10000", "--setting", "facet_time_limit_ms", "10000", "--setting", "suggest_facets", "off"]
            env, urls = {}, [s.datasette for s in plan]
        server = Server(name, argv, port, env, work / f"{name}.log")
        meta[name] = {"cold_start": server.cold_start}
        try:
            import httpx

            t = time.perf_counter()
            first = httpx.get(f"http://127.0.0.1:{port}{urls[0]}", headers=plan[0].headers, timeout=120)
            meta[name]["first_request"] = time.perf_counter() - t
            assert first.status_code == 200, (name, urls[0], first.status_code, first.text[:300])
            for s, url in zip(plan, urls, strict=True):
                for _ in range(3):  # warm: page cache, statement caches, templates
                    r = httpx.get(f"http://127.0.0.1:{port}{url}", headers=s.headers, timeout=120)
                    assert r.status_code == 200, (name, url, r.status_code, r.text[:300])
                res = load(f"http://127.0.0.1:{port}{url}", s.headers, args.connections, args.duration)
                results[f"{name}|{s.name}"] = res
                print(f"{name:<16} {s.name:<24} {res['rps']:8.1f} req/s  p50 {res['p50']:7.1f} ms  "
                      f"p95 {res['p95']:7.1f}  p99 {res['p99']:7.1f}  errors {res['errors']}", flush=True)
            meta[name]["peak_rss"] = server.peak_rss_mb()
        finally:
            server.stop()
    table = report(args, db, params, plan, ingest, results, meta, servers)
    print()
    print(table)
    if args.markdown:
        write_markdown(args.markdown, table)
    shutil.rmtree(work, ignore_errors=True)


def main_ingest_only(args) -> None:  # noqa: ANN001
    print(f"machine: {machine()}", flush=True)
    work = Path(tempfile.mkdtemp(prefix="bench_ingest."))
    try:
        ingest = bench_ingest(args.ingest, work, args.ingest_repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(ingest), flush=True)
    print()
    print(f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}.\n")
    print("\n".join(ingest_lines(ingest)))


def _bare_from_env():  # noqa: ANN202  (uvicorn --factory)
    return bare_app(os.environ["BENCH_DB"], os.environ["BENCH_STATEMENTS"])


def report(args, db, params, plan, ingest, results, meta, servers) -> str:  # noqa: ANN001
    tool = next(iter(results.values()))["tool"] if results else "-"
    lines = [
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}.",
        f"Database `{db.name}`: " + ", ".join(f"{v:,} {k}s" for k, v in params["size"].items())
        + f" ({os.path.getsize(db) / 2**20:,.0f} MiB). Load: {tool}, {args.connections} connections, "
        f"{args.duration} s per row, loopback; Dossier and the bare endpoint with {args.workers} worker(s).",
        "",
    ]
    if ingest:
        lines += ingest_lines(ingest)
    head = "| question | " + " | ".join(f"{s} req/s | {s} p50 / p95 / p99 ms" for s in servers)
    ratios = []
    for d in MODES:
        if d in servers and "bare" in servers:
            ratios.append((f"{d} p50 ÷ bare p50", d, "bare", "p50"))
        if d in servers and "datasette" in servers:
            ratios.append((f"{d} req/s ÷ Datasette", d, "datasette", "rps"))
        if d in servers:
            ratios.append((f"{d} p99 ÷ p50", d, None, "tail"))
    head += "".join(f" | {r[0]}" for r in ratios) + " |"
    cols = head.count("|") - 1
    lines += [head, "|" + " --- |" * cols]
    for s in plan:
        row = [f"{s.name} ({s.detail})"]
        for name in servers:
            r = results.get(f"{name}|{s.name}")
            row += [f"{r['rps']:.1f}", f"{r['p50']:.1f} / {r['p95']:.1f} / {r['p99']:.1f}"] if r else ["-", "-"]
        for _, a, b, what in ratios:
            x, y = results.get(f"{a}|{s.name}"), results.get(f"{b}|{s.name}")
            if what == "tail":
                row.append(f"{x['p99'] / x['p50']:.1f}" if x and x["p50"] else "-")
            else:
                row.append(f"{x[what] / y[what]:.1f}×" if x and y and y[what] else "-")
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", "| server | cold start (spawn → /healthz) | first request | peak RSS |", "| --- | ---: | ---: | ---: |"]
    for name in servers:
        m = meta.get(name, {})
        lines.append(f"| {name} | {m.get('cold_start', 0):.2f} s | {m.get('first_request', 0) * 1000:.0f} ms | "
                     f"{m.get('peak_rss', 0):.0f} MB |")
    return "\n".join(lines)


def write_markdown(path: Path, table: str) -> None:
    """Replace the part between the BENCH markers of `path` (or write the file)."""
    begin, end = "<!-- bench_web:begin -->", "<!-- bench_web:end -->"
    block = f"{begin}\n{table}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{block}\n"
    if begin in text and end in text:
        text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
    elif block not in text:
        text += f"\n{block}\n"
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
