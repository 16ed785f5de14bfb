"""Counts and facet counts, kept until the data changes.

A filtered list's total and its facet counts aggregate over every matching row; at 100,000 articles
a frequent speaker's quotes, or all quotes when a facet leaves its own filter out, are hundreds of
thousands of rows. The page of rows itself is cheap (app/queries.py walks an index), so those
aggregates are what this module keeps: per process, keyed by the statement (SQL and parameters) and
by the database's data version, a number that triggers (migration 0005) raise with every change to
the tables the lists are made of (with a token of the transaction that raised it). A change anywhere makes every kept result stale at once; results
are then computed afresh, once, on the next request that asks.

The version is read from the database on every call, so several processes (workers) stay right.
When the data_version table or one of its triggers is missing (an older schema, or a later
migration that recreated a table and lost them), nothing is kept and every query runs.

DOSSIER_QUERY_CACHE sets how many results a process keeps (default 2048; 0 turns this off).
"""

from __future__ import annotations

import logging
import os
import threading
import weakref
from collections import OrderedDict

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

log = logging.getLogger(__name__)

# Keep in step with migrations/versions/0005_list_speed.py.
VERSIONED_TABLES = ("article", "quote", "quote_via", "estimate", "estimate_source", "mention", "article_source",
                    "actor", "actor_alias", "story")


def capacity() -> int:
    try:
        return max(0, int(os.environ.get("DOSSIER_QUERY_CACHE", "2048")))
    except ValueError:
        return 2048


class _Store:
    def __init__(self, size: int, enabled: bool):
        self.size, self.enabled = size, enabled
        self.lock = threading.Lock()
        self.items: OrderedDict[tuple, object] = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key: tuple):  # noqa: ANN201
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                self.hits += 1
                return self.items[key]
            self.misses += 1
            return _MISSING

    def put(self, key: tuple, value: object) -> None:
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)


_MISSING = object()
_stores: weakref.WeakKeyDictionary[Engine, _Store] = weakref.WeakKeyDictionary()
_stores_lock = threading.Lock()


def expected_triggers(dialect: str) -> set[str]:
    if dialect == "postgresql":
        return {f"data_version_{t}" for t in VERSIONED_TABLES}
    return {f"data_version_{t}_{e}" for t in VERSIONED_TABLES for e in ("insert", "update", "delete")}


def installed_triggers(session: Session) -> set[str]:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        sql = "SELECT tgname FROM pg_trigger WHERE tgname LIKE 'data_version_%' AND NOT tgisinternal"
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'data_version_%'"
    return set(session.connection().execute(text(sql)).scalars())


def _store(session: Session) -> _Store:
    engine = session.get_bind()
    engine = getattr(engine, "engine", engine)
    store = _stores.get(engine)
    if store is None:
        with _stores_lock:
            store = _stores.get(engine)
            if store is None:
                size = capacity()
                enabled = size > 0
                if enabled:
                    try:
                        missing = expected_triggers(engine.dialect.name) - installed_triggers(session)
                    except Exception:  # noqa: BLE001  (no such table: an old schema)
                        missing = {"data_version"}
                    if missing:
                        log.warning("query cache off: %s missing (run `dossier migrate`)", ", ".join(sorted(missing)))
                        enabled = False
                store = _stores[engine] = _Store(size, enabled)
    return store


def data_version(session: Session) -> tuple[int, int]:
    """(n, token): n grows with every change; token names the transaction that made it, so that the
    n a rolled-back transaction saw is never mistaken for the same n committed later."""
    return tuple(session.connection().execute(text("SELECT n, token FROM data_version WHERE id = 1")).one())


def _key(session: Session, stmt) -> tuple:  # noqa: ANN001, ARG001
    """SQLAlchemy's own cache key of the statement (its structure) and the values bound to it."""
    key = stmt._generate_cache_key()  # noqa: SLF001  (what SQLAlchemy's compiled cache uses)
    return (key.key, tuple(_hashable(b.effective_value) for b in key.bindparams))


def _hashable(value):  # noqa: ANN001, ANN202
    if isinstance(value, list | tuple):
        return tuple(_hashable(v) for v in value)
    return value


def cached(session: Session, stmt, compute):  # noqa: ANN001, ANN201
    """compute() (the rows of `stmt`, in whatever form the caller needs), or what it gave before
    for the same statement while the data has not changed. Pending changes of the session are
    flushed first, so a caller that writes and then reads sees its writes."""
    store = _store(session)
    if not store.enabled:
        return compute()
    if session.new or session.dirty or session.deleted:
        session.flush()
    key = (*data_version(session), *_key(session, stmt))
    value = store.get(key)
    if value is _MISSING:
        value = compute()
        store.put(key, value)
    return value


def rows(session: Session, stmt) -> list[tuple]:  # noqa: ANN001
    """The rows of `stmt` as tuples, kept until the data changes."""
    return cached(session, stmt, lambda: [tuple(r) for r in session.exec(stmt).all()])


def scalar(session: Session, stmt):  # noqa: ANN001, ANN201
    """The one value of `stmt`, kept until the data changes."""
    return cached(session, stmt, lambda: session.exec(stmt).one())


def stats(engine: Engine) -> dict:
    store = _stores.get(engine)
    if store is None:
        return {"enabled": None}
    return {"enabled": store.enabled, "size": len(store.items), "hits": store.hits, "misses": store.misses}
