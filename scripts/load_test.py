#!/usr/bin/env python3
"""A bounded load run on loopback while a batch ingest writes to the same SQLite file.

Starts `dossier serve` (seeds loaded) on a fresh database in a temporary folder, then for DURATION
seconds keeps CONNECTIONS clients busy with a mix of pages, htmx result fragments (HX-Request:
true), JSON API lists and CSV exports, while `dossier ingest` loads ARTICLES generated articles
(scripts/make_articles.py) into the same database in another process. Prints the figures; exits 1
if any answer was a 5xx or failed to arrive, if "database is locked" appears anywhere (answers,
server log, ingest log), or if the ingest did not complete.

    python scripts/load_test.py [--connections 32] [--duration 60] [--articles 300] [--workers 1]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.make_articles import write as write_articles  # noqa: E402

DOSSIER = str(Path(sys.executable).parent / "dossier")
HTMX = {"HX-Request": "true"}
# (kind, path, headers, weight)
MIX = [
    ("page", "/", {}, 2), ("page", "/quotes", {}, 3), ("page", "/estimates", {}, 2), ("page", "/articles", {}, 2),
    ("page", "/actors", {}, 1), ("page", "/sources", {}, 1), ("page", "/articles/{article}", {}, 3),
    ("page", "/actors/1", {}, 1), ("page", "/search?q=Kim+Soldaten", {}, 1),
    ("htmx", "/quotes?speaker=Kim+Jong+Un", HTMX, 3), ("htmx", "/quotes?q=Russland&page=2", HTMX, 2),
    ("htmx", "/estimates?unit=soldiers", HTMX, 2), ("htmx", "/articles?q=Soldaten", HTMX, 2),
    ("htmx", "/actors?kind=person", HTMX, 1), ("htmx", "/sources?q=a", HTMX, 1),
    ("api", "/api/quotes?via=KCNA", {}, 2), ("api", "/api/estimates?qualifier=more_than", {}, 2),
    ("api", "/api/articles?page=2", {}, 2), ("api", "/api/actors?kind=person", {}, 1),
    ("api", "/api/articles/{article}", {}, 1),
    ("csv", "/quotes.csv", {}, 1), ("csv", "/estimates.csv?unit=soldiers", {}, 1), ("csv", "/articles.csv", {}, 1),
]
LOCKED = "database is locked"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, workers: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "DOSSIER_DATABASE_URL": f"sqlite:///{db}", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([DOSSIER, "serve", "--port", str(port), "--workers", str(workers)], env=env,
                            stdout=subprocess.DEVNULL, stderr=log.open("w"))
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return proc
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start: {log.read_text()[-2000:]}") from None
            time.sleep(0.2)


async def client_loop(client: httpx.AsyncClient, deadline: float, rng: random.Random, results: list) -> None:
    weights = [w for *_, w in MIX]
    while time.monotonic() < deadline:
        kind, path, headers, _ = rng.choices(MIX, weights)[0]
        path = path.replace("{article}", str(rng.randint(1, 5)))
        began = time.perf_counter()
        try:
            r = await client.get(path, headers=headers)
            body = r.content
            results.append((kind, r.status_code, time.perf_counter() - began, LOCKED.encode() in body,
                            time.perf_counter()))
        except httpx.HTTPError as exc:
            results.append((kind, type(exc).__name__, time.perf_counter() - began, False, time.perf_counter()))


async def load(base: str, connections: int, duration: float, seed: int) -> tuple[list, float]:
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=httpx.Timeout(120.0)) as client:
        deadline = time.monotonic() + duration
        results: list = []
        began = time.perf_counter()
        await asyncio.gather(*(client_loop(client, deadline, random.Random(seed * 1000 + i), results)
                               for i in range(connections)))
        return results, time.perf_counter() - began


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def run(connections: int = 32, duration: float = 60, articles: int = 300, workers: int = 1, seed: int = 1,
        work: Path | None = None, log=print) -> dict:  # noqa: ANN001
    tmp = None
    if work is None:
        tmp = tempfile.TemporaryDirectory()
        work = Path(tmp.name)
    db, folder, server_log, ingest_log = work / "load.db", work / "articles", work / "server.log", work / "ingest.log"
    write_articles(folder, articles, seed)
    port = free_port()
    server = start_server(db, port, workers, server_log)
    ingest = None
    ingest_began = 0.0
    ingest_ended: float | None = None
    try:
        env = {**os.environ, "DOSSIER_DATABASE_URL": f"sqlite:///{db}", "PYTHONPATH": str(ROOT)}

        async def main() -> tuple[list, float]:
            nonlocal ingest, ingest_began, ingest_ended
            task = asyncio.create_task(load(f"http://127.0.0.1:{port}", connections, duration, seed))
            await asyncio.sleep(min(1.0, duration / 10))
            ingest_began = time.perf_counter()
            ingest = subprocess.Popen([DOSSIER, "ingest", str(folder)], env=env, stdout=ingest_log.open("w"),
                                      stderr=subprocess.STDOUT)
            while not task.done():  # note when the ingest ends
                if ingest_ended is None and ingest.poll() is not None:
                    ingest_ended = time.perf_counter()
                await asyncio.sleep(0.05)
            return await task

        results, seconds = asyncio.run(main())
        ingest_code = ingest.wait(timeout=900)
        ingest_total = (ingest_ended or time.perf_counter()) - ingest_began
    finally:
        if ingest is not None and ingest.poll() is None:
            ingest.kill()
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    ingest_text = ingest_log.read_text()
    server_text = server_log.read_text()
    access = [json.loads(line) for line in server_text.splitlines() if line.startswith("{")]
    statuses = Counter(str(r[1]) for r in results)
    by_kind: dict[str, list[float]] = defaultdict(list)
    for kind, status, seconds_, *_ in results:
        if status == 200:
            by_kind[kind].append(seconds_)
    latencies = [r[2] for r in results if r[1] == 200]
    end_of_ingest = ingest_ended or float("inf")
    during = [r for r in results if ingest_began <= r[4] <= end_of_ingest]
    loaded = sum(1 for line in ingest_text.splitlines() if line.startswith("loaded "))
    figures = {
        "connections": connections, "duration_s": round(seconds, 1), "requests": len(results),
        "requests_per_s": round(len(results) / seconds, 1), "statuses": dict(statuses),
        "server_5xx": sum(1 for a in access if a["status"] >= 500),
        "locked": sum(1 for r in results if r[3]) + server_text.count(LOCKED) + ingest_text.count(LOCKED),
        "tracebacks": server_text.count("Traceback"),
        "latency_ms": {k: {"n": len(v), "p50": round(statistics.median(v) * 1000), "p95": round(percentile(v, 95) * 1000),
                           "max": round(max(v) * 1000)} for k, v in sorted(by_kind.items())},
        "all_p50_ms": round(statistics.median(latencies) * 1000) if latencies else None,
        "all_p95_ms": round(percentile(latencies, 95) * 1000),
        "all_p99_ms": round(percentile(latencies, 99) * 1000),
        "ingest_exit": ingest_code, "ingest_loaded": loaded, "articles": articles,
        "ingest_seconds": round(ingest_total, 1), "ingest_finished_during_load": ingest_ended is not None,
        "answers_during_ingest": len(during), "statuses_during_ingest": dict(Counter(str(r[1]) for r in during)),
        "access_log_lines": len(access),
    }
    if tmp is not None:
        tmp.cleanup()
    log(json.dumps(figures, indent=2))
    return figures


def held(figures: dict) -> list[str]:
    problems = []
    bad = {s: n for s, n in figures["statuses"].items() if s != "200"}
    if bad:
        problems.append(f"answers other than 200: {bad}")
    if figures["server_5xx"] or figures["tracebacks"]:
        problems.append(f"server errors: {figures['server_5xx']} 5xx, {figures['tracebacks']} tracebacks")
    if figures["locked"]:
        problems.append(f"'database is locked' {figures['locked']} times")
    if figures["ingest_exit"] != 0 or figures["ingest_loaded"] != figures["articles"]:
        problems.append(f"ingest exit {figures['ingest_exit']}, loaded {figures['ingest_loaded']}/{figures['articles']}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description="Load on loopback while an ingest runs; prints figures.")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    figures = run(args.connections, args.duration, args.articles, args.workers, args.seed)
    problems = held(figures)
    print("HELD" if not problems else "DID NOT HOLD: " + "; ".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
