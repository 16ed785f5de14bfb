"""Answers to reads, kept as bytes until the data changes: a pure ASGI layer in front of the app.

A GET that nobody is signed in for (no session cookie, no Authorization header) is answered from
memory when the same question was answered before and no write has been committed since, by this
process or any other (`dossier ingest` elsewhere, another worker). The question is the path, the
query string (parsed as Starlette parses it, so `?a=1&b=2` and `?b=2&a=1` are one), the host and
scheme (cite texts hold absolute links) and the request headers the pages read to shape their body
(VARY: htmx's). A route that starts reading another request header must add it there.

Kept: 200 and 404 answers without Set-Cookie and without `Cache-Control: no-store`/`private`, up
to an eighth of the budget each. Never: other methods, other statuses, /static (files, which carry
their own validators), /healthz (it must touch the database), /audit and /api/corrections (below).
Each kept answer carries an ETag (a hash of its body); a request whose If-None-Match names it gets
304. The outer layers (security headers, access log) run on every answer, kept or not.

The data version is asked of the database on every request, before the app runs (so a kept answer
is never older than the version it is filed under), on a connection of its own. SQLite: `PRAGMA
data_version`, which changes with every commit by any other connection, in any process (~2 µs).
PostgreSQL: the row of migration 0005's `data_version` table (one primary-key lookup), which its
triggers raise with every change to the tables the lists and pages are made of; the corrections
table is not among them, hence the two routes that list corrections are never kept. When the
version changes everything kept is dropped at once.

Requests for the same answer that arrive while it is being computed wait for it rather than compute
it again each (after a write empties the cache, a dashboard's readers ask at once); an answer that
may not be kept (a stream, a 500, a cookie) lets them go as soon as that is known, each computing
its own.

DOSSIER_RESPONSE_CACHE_MB sets the budget (bytes of bodies and headers, least recently used
dropped first; default 64; 0 turns the layer off). It is independent of DOSSIER_QUERY_CACHE (the
counts app/querycache.py keeps).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from sqlalchemy.engine import Engine

from app import querycache
from app.web.security import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

VARY = (b"hx-request", b"hx-trigger", b"hx-history-restore-request")  # request headers a body depends on
# /static: files, with validators of their own; /healthz must reach the database; /audit and
# /api/corrections read the corrections, which PostgreSQL's data version does not follow
SKIP_PREFIXES = ("/static/", "/healthz", "/audit", "/api/corrections")
STORED_STATUSES = (200, 404)
SESSION_COOKIE = b"dossier_session="
ENTRY_OVERHEAD = 256  # bytes counted per entry beyond its body and headers (key, objects)


@dataclass(slots=True)
class Entry:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes
    size: int


# --- the data version -----------------------------------------------------------------------------


class DataVersion:
    """A value that changes whenever a write the pages could show is committed, asked cheaply; None
    when it cannot be asked (then nothing is kept or served)."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect = engine.dialect.name
        self.lock = threading.Lock()
        self.conn = None
        self.failing = False  # warn once when the version cannot be read, not on every request

    def _connect(self):  # noqa: ANN202
        if self.dialect == "sqlite":
            path = self.engine.url.database
            if not path or path == ":memory:" or path.startswith("file:"):
                raise ValueError("an in-memory SQLite database has no version another connection can see")
            return sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=5)
        if self.dialect != "postgresql":
            raise ValueError(f"no data version for {self.dialect}")
        cargs, cparams = self.engine.dialect.create_connect_args(self.engine.url)
        conn = self.engine.dialect.loaded_dbapi.connect(*cargs, **cparams)
        conn.autocommit = True
        cur = conn.cursor()
        cur.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'data_version_%' AND NOT tgisinternal")
        missing = querycache.expected_triggers("postgresql") - {row[0] for row in cur.fetchall()}
        cur.close()
        if missing:
            conn.close()
            raise ValueError(f"{', '.join(sorted(missing))} missing (run `dossier migrate`)")
        return conn

    def _ask(self) -> object:
        if self.conn is None:
            self.conn = self._connect()
        cur = self.conn.cursor()
        try:
            if self.dialect == "sqlite":
                cur.execute("PRAGMA data_version")
                return cur.fetchone()[0]
            cur.execute("SELECT n, token FROM data_version WHERE id = 1")
            return tuple(cur.fetchone())
        finally:
            cur.close()

    def __call__(self) -> object | None:
        with self.lock:
            for attempt in (1, 2):  # a connection the server dropped is opened again, once
                try:
                    version = self._ask()
                    self.failing = False
                    return version
                except Exception as exc:  # noqa: BLE001  (never fail a request over the cache)
                    self.close()
                    if attempt == 2 and not self.failing:
                        self.failing = True
                        log.warning("response cache bypassed: no data version (%s)", exc)
            return None

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:  # noqa: BLE001, S110
                pass
            self.conn = None


# --- the layer ------------------------------------------------------------------------------------


def _etag_matches(if_none_match: bytes, etag: bytes) -> bool:
    tags = [t.strip() for t in if_none_match.split(b",")]
    return any(t == b"*" or t.removeprefix(b"W/") == etag for t in tags)


class ResponseCache:
    def __init__(self, app: ASGIApp, budget_bytes: int, version: Callable[[], object | None]):
        self.app = app
        self.budget = budget_bytes
        self.max_entry = budget_bytes // 8
        self.version = version
        self.current: object = None
        self.entries: OrderedDict[tuple, Entry] = OrderedDict()
        self.used = 0
        self.hits = self.misses = self.waited = 0
        self.computing: dict[tuple, asyncio.Event] = {}  # (version, key) -> set once it is kept or won't be

    def clear(self) -> None:
        self.entries.clear()
        self.used = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(SKIP_PREFIXES):
            await self.app(scope, receive, send)
            return
        host = if_none_match = b""
        vary = []
        for name, value in scope["headers"]:
            if name == b"authorization" or (name == b"cookie" and SESSION_COOKIE in value):
                await self.app(scope, receive, send)  # a signed-in writer: answered afresh, never kept
                return
            if name == b"host":
                host = value
            elif name == b"if-none-match":
                if_none_match = value
            elif name in VARY:
                vary.append((name, value))
        version = self.version()
        if version is None:
            await self.app(scope, receive, send)
            return
        if version != self.current:
            self.clear()
            self.current = version
        query = scope.get("query_string", b"").decode("latin-1")
        if query:  # read as Starlette reads it
            query = urlencode(sorted(parse_qsl(query, keep_blank_values=True), key=lambda kv: kv[0]))
        key = (scope["path"], query, scope.get("scheme"), host, scope.get("root_path", ""), tuple(sorted(vary)))
        entry = self.entries.get(key)
        if entry is None and (computing := self.computing.get((version, key))) is not None:
            self.waited += 1
            await computing.wait()  # the same answer is on its way: take it when it is kept
            entry = self.entries.get(key) if version == self.current else None
        if entry is not None:
            self.hits += 1
            self.entries.move_to_end(key)
            await self._answer(entry, if_none_match, send)
            return
        self.misses += 1
        if (version, key) in self.computing:  # its first asker could not keep it: computed here too
            await self.app(scope, receive, self._keeping(key, version, if_none_match, send))
            return
        done = self.computing[version, key] = asyncio.Event()
        try:
            await self.app(scope, receive, self._keeping(key, version, if_none_match, send, done))
        finally:
            done.set()
            del self.computing[version, key]

    def _keeping(self, key: tuple, version: object, if_none_match: bytes, send: Send,
                 done: asyncio.Event | None = None) -> Send:
        """A send that keeps the answer (if it may be kept). An answer of known length is held back
        until complete, then sent with its ETag (or as 304); a streamed one (a CSV export) is passed
        on as it comes, a copy kept while it stays small enough. `done` is set once the answer is
        kept, or known not to be held (requests waiting for it then go on alone)."""
        release = done.set if done is not None else lambda: None
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        mode = "hold"  # hold | tee | pass

        async def keeping_send(message: Message) -> None:
            nonlocal start, size, mode
            kind = message["type"]
            if mode == "pass" or kind not in ("http.response.start", "http.response.body"):
                await send(message)  # also extensions (the test client's http.response.debug), trailers
                return
            if kind == "http.response.start":
                start = message
                length = next((v for k, v in message.get("headers", []) if k.lower() == b"content-length"), None)
                if length is None:
                    mode = "tee"
                elif not length.isdigit() or int(length) > self.max_entry:
                    mode = "pass"
                if mode != "hold":
                    release()
                    await send(message)
                return
            body = message.get("body", b"")
            more = message.get("more_body", False)
            if mode == "tee":
                await send(message)
            if size + len(body) > self.max_entry:  # only a stream can grow past its entry's limit
                mode = "pass"
                chunks.clear()
                return
            chunks.append(body)
            size += len(body)
            if more:
                return
            entry = self._entry(start, b"".join(chunks))
            if entry is not None:
                self._store(key, version, entry)
            release()
            if mode == "hold":
                if entry is None:
                    await send(start)
                    await send({"type": "http.response.body", "body": b"".join(chunks)})
                else:
                    await self._answer(entry, if_none_match, send)

        return keeping_send

    def _entry(self, start: Message, body: bytes) -> Entry | None:
        """The answer as kept, with its ETag and length; None when it may not be kept."""
        status = start["status"]
        raw = [(bytes(k).lower(), bytes(v)) for k, v in start.get("headers", [])]
        control = b",".join(v for k, v in raw if k == b"cache-control").lower()
        if (status not in STORED_STATUSES or any(k == b"set-cookie" for k, _ in raw)
                or b"no-store" in control or b"private" in control):
            return None
        etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        headers = [(k, v) for k, v in raw if k not in (b"content-length", b"transfer-encoding", b"etag")]
        headers += [(b"content-length", str(len(body)).encode()), (b"etag", etag)]
        return Entry(status, headers, body, etag, len(body) + sum(len(k) + len(v) for k, v in headers) + ENTRY_OVERHEAD)

    def _store(self, key: tuple, version: object, entry: Entry) -> None:
        if version != self.current:  # never filed under a version that has since passed
            return
        old = self.entries.pop(key, None)
        self.used += entry.size - (old.size if old else 0)
        self.entries[key] = entry
        while self.used > self.budget and self.entries:
            self.used -= self.entries.popitem(last=False)[1].size

    @staticmethod
    async def _answer(entry: Entry, if_none_match: bytes, send: Send) -> None:
        if if_none_match and entry.status == 200 and _etag_matches(if_none_match, entry.etag):
            headers = [(k, v) for k, v in entry.headers if k in (b"etag", b"vary", b"cache-control")]
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": entry.status, "headers": entry.headers})
        await send({"type": "http.response.body", "body": entry.body})
