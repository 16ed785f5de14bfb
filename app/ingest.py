"""Articles → the database: normalise, hash, extract, store. Idempotent and all-or-nothing.

An article is identified by the hash of its normalised text: loading the same text again changes
nothing and answers with the article already there. Extraction runs before the transaction; the
article and all its items are written together inside a savepoint of a transaction that stores a
batch of articles, so a failure leaves nothing of that article behind, and a process killed half way
leaves whole articles (those of the batches already committed) or nothing.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import signal
import threading
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import bindparam, insert
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from app.corrections import apply_article
from app.dates import stated_date
from app.extract import EXTRACTOR_VERSION, extract
from app.extract.gazetteer import Gazetteer
from app.extract.model import Extraction
from app.formats import ArticleInput, article_files, read_file, with_meta
from app.learned import learned_gazetteer
from app.models import Article, utcnow
from app.store import ActorMemo, clear_items, store_extraction
from app.stories import band_hashes, link_story, shingles
from app.textfile import UnreadableArticle

__all__ = ["ArticleInput", "IngestResult", "ingest_article", "ingest_items", "ingest_paths", "reextract"]


@dataclass
class IngestResult:
    name: str
    status: str  # loaded | unchanged | error | reextracted
    article_id: int | None = None
    message: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    duplicate_of: int | None = None  # the article of the same wire story, when one was found


def normalise(text: str) -> str:
    """NFC, \\n line ends, no trailing spaces: the form that is hashed."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def first_line(text: str) -> str:
    return next((line.strip() for line in text.split("\n") if line.strip()), "")[:300]


BATCH = 50  # articles written per transaction (each in its own savepoint)
POOL_MIN = 16  # a batch with fewer articles to extract is extracted in this process
CHUNK = 5  # articles per task sent to a worker process
_INSERT_ARTICLE = insert(Article).returning(Article.id)
_STORED = select(Article.content_hash, Article.id).where(Article.content_hash.in_(bindparam("keys", expanding=True)))


@dataclass
class _Todo:
    """An article on its way: read and hashed, then extracted, then stored."""

    item: ArticleInput
    name: str
    digest: str
    result: IngestResult | None = None  # once known
    extraction: Extraction | None = None
    published: date | None = None
    basis: str | None = None
    shingles: set[int] | None = None
    bands: list[int] | None = None  # the shingles' MinHash bands
    first: _Todo | None = None  # the same text earlier in this run


def ingest_article(engine: Engine, item: ArticleInput) -> IngestResult:
    """Store one article with its extraction, or report that it is already there (or what failed)."""
    return ingest_items(engine, [item])[0]


def ingest_items(engine: Engine, items: Iterable[ArticleInput | UnreadableArticle],
                 jobs: int = 1) -> list[IngestResult]:
    """Each good item loaded (or found already there); each bad one reported, nothing of it stored.

    Items go in batches of BATCH: one query finds the texts already stored, the new ones are
    extracted (outside any transaction), then written in one transaction, each article inside its
    own savepoint, so an article that fails rolls back alone and the others are committed together.
    With `jobs` > 1, extraction (pure work on text) runs in that many worker processes, the next
    batch being extracted while this one is stored, in order, by this process."""
    results: list[IngestResult] = []
    seen: dict[str, _Todo] = {}  # content hash → its first article in this run
    with _Extractor(jobs) as extractor:
        waiting = None
        for batch in _batches(items):
            started = _start_batch(engine, batch, seen, extractor)
            if waiting is not None:
                results += _finish_batch(engine, *waiting)
            waiting = started
        if waiting is not None:
            results += _finish_batch(engine, *waiting)
    return results


def _batches(items: Iterable[ArticleInput | UnreadableArticle]):  # noqa: ANN202
    batch: list[_Todo | IngestResult] = []
    for item in items:
        if isinstance(item, UnreadableArticle):
            batch.append(IngestResult(str(item).split(":")[0], "error", message=str(item)))
        else:
            name = item.file_name or (item.title or first_line(item.body))[:60]
            batch.append(_Todo(item, name, content_hash(item.body)))
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _start_batch(engine: Engine, batch: list[_Todo | IngestResult], seen: dict[str, _Todo],
                 extractor: _Extractor) -> tuple:
    """Find the texts already stored; start extracting the others."""
    todos = [t for t in batch if isinstance(t, _Todo)]
    if not todos:
        return batch, [], lambda: None
    with Session(engine) as session:
        stored = dict(session.execute(_STORED, {"keys": sorted({t.digest for t in todos})}).all())
        gazetteer = learned_gazetteer(session)
    new: list[_Todo] = []
    for t in todos:
        if t.digest in stored:
            t.result = _unchanged(t.name, stored[t.digest])
        elif t.digest in seen:
            t.first = seen[t.digest]
        else:
            seen[t.digest] = t
            new.append(t)
    return batch, new, extractor.start(new, gazetteer)


def _finish_batch(engine: Engine, batch: list[_Todo | IngestResult], new: list[_Todo], wait) -> list[IngestResult]:  # noqa: ANN001
    """Wait for the batch's extractions, store them, and answer for every item of the batch."""
    wait()
    _store(engine, [t for t in new if t.result is None])
    for t in new:  # stored: kept for the rest of the run (as `seen`) only for its result
        t.extraction = t.shingles = t.bands = None
    for t in batch:
        if isinstance(t, _Todo) and t.first is not None:  # loaded by its twin in this run, or failed with it
            twin = t.first.result
            t.result = (_unchanged(t.name, twin.article_id) if twin.article_id is not None else
                        IngestResult(t.name, "error", message=twin.message.replace(t.first.name, t.name, 1)))
    return [t.result if isinstance(t, _Todo) else t for t in batch]


def _analyse(body: str, need_date: bool, gazetteer: Gazetteer | None) -> tuple:
    """Extraction, the stated date, the near-duplicate shingles and their bands: pure work on the
    text. (extraction, date, shingles, bands, None) or, when it failed, (None, …, None, the error)."""
    try:
        own = shingles(body)
        return (extract(body, gazetteer=gazetteer), stated_date(body) if need_date else None, own,
                band_hashes(own), None)
    except Exception as exc:  # noqa: BLE001  (reported per item)
        return None, None, None, None, f"{type(exc).__name__}: {exc}"


def _settle(t: _Todo, analysed: tuple) -> None:
    extraction, stated, t.shingles, t.bands, error = analysed
    if error is not None:
        t.result = IngestResult(t.name, "error", message=f"{t.name}: not stored ({error})")
        return
    t.extraction = extraction
    t.published, t.basis = t.item.published, t.item.date_basis
    if t.published is None:
        t.published, t.basis = stated, "stated" if stated else None


class _Extractor:
    """Extraction in this process, or in worker processes (forked, so they start with everything
    loaded) when `jobs` > 1 and a batch is large enough to be worth it."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool = None
        self._gazetteer: tuple = (None, 0, None)  # the learned gazetteer, its serial number, pickled

    def __enter__(self) -> _Extractor:
        return self

    def __exit__(self, *exc) -> None:  # noqa: ANN002
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def start(self, todos: list[_Todo], gazetteer: Gazetteer | None):  # noqa: ANN201
        """Start extracting `todos`; returns the function that waits for them (and fills them in)."""
        if self.jobs <= 1 or len(todos) < POOL_MIN or not self._pool():
            def here() -> None:
                for t in todos:
                    _settle(t, _analyse(t.item.body, t.item.published is None, gazetteer))
            return here
        if gazetteer is not None and gazetteer is not self._gazetteer[0]:
            self._gazetteer = (gazetteer, self._gazetteer[1] + 1, pickle.dumps(gazetteer))
        key, blob = (self._gazetteer[1], self._gazetteer[2]) if gazetteer is not None else (0, None)
        chunks = [todos[i:i + CHUNK] for i in range(0, len(todos), CHUNK)]
        futures = [self.pool.submit(_extract_chunk, key, blob, [(t.item.body, t.item.published is None) for t in c])
                   for c in chunks]

        def wait() -> None:
            for chunk, future in zip(chunks, futures, strict=True):
                try:
                    answers = future.result()
                except Exception:  # noqa: BLE001  (a worker died: do it here)
                    answers = [_analyse(t.item.body, t.item.published is None, gazetteer) for t in chunk]
                for t, analysed in zip(chunk, answers, strict=True):
                    _settle(t, analysed)
        return wait

    def _pool(self):  # noqa: ANN202
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            from app.extract.gazetteer import load_gazetteer
            from app.extract.lexicon import lexicon

            load_gazetteer(), lexicon()  # loaded once, here, and inherited by the forked workers
            gc.freeze()  # and left alone by their garbage collector: no copy of every page it would touch
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            try:
                self.pool = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_worker_init,
                                                initargs=(os.getpid(),))
            except OSError:
                self.jobs = 1
                return None
        return self.pool


def _worker_init(parent: int) -> None:
    """A worker ignores Ctrl-C (its parent handles it) and ends when its parent is gone (kill -9)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


_worker_gazetteer: tuple = (0, None)


def _extract_chunk(key: int, blob: bytes | None, texts: list[tuple[str, bool]]) -> list[tuple]:
    """In a worker: _analyse for each (text, needs a date); the learned gazetteer kept by its key."""
    global _worker_gazetteer
    gazetteer = None
    if blob is not None:
        if _worker_gazetteer[0] != key:
            _worker_gazetteer = (key, pickle.loads(blob))  # noqa: S301  (from our own parent process)
        gazetteer = _worker_gazetteer[1]
    return [_analyse(body, need_date, gazetteer) for body, need_date in texts]


def _unchanged(name: str, article_id: int) -> IngestResult:
    return IngestResult(name, "unchanged", article_id, f"already loaded as article {article_id}")


def _failed(t: _Todo, exc: Exception) -> IngestResult:
    return IngestResult(t.name, "error", message=f"{t.name}: not stored ({type(exc).__name__}: {exc})")


def _store(engine: Engine, todos: list[_Todo]) -> None:
    """Write the prepared articles in one transaction, one savepoint each; if the transaction as a
    whole fails (not one article), each is tried again in a transaction of its own.

    First without the savepoints (on SQLite each costs a sixth of an article's writing): when
    nothing fails, which is nearly always, the outcome is the same; when anything does, all of the
    batch is rolled back and written again as described."""
    if not todos:
        return
    if len(todos) > 1:
        try:
            with engine.connect() as conn:
                outcomes = _write(conn, todos, _store_plain)
        except Exception:  # noqa: BLE001, S110  (nothing of it stays: done again the careful way)
            pass
        else:
            for t, result in zip(todos, outcomes, strict=True):
                t.result = result
            return
    try:
        with engine.connect() as conn:
            outcomes = _write(conn, todos, _store_one)
    except Exception as exc:  # noqa: BLE001
        if len(todos) == 1:
            todos[0].result = _failed(todos[0], exc)
            return
        for t in todos:
            _store(engine, [t])
        return
    for t, result in zip(todos, outcomes, strict=True):
        t.result = result


def _write(conn: Connection, todos: list[_Todo], store_one) -> list[IngestResult]:  # noqa: ANN001
    """The articles written by `store_one` in one transaction, committed."""
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:  # take the write lock now: a read turned write could not wait
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        # and keep up to 64 MiB of pages (SQLite's default: 2 MiB): the pages of the indexes and search
        # tables that a batch's rows go into are then read once, not again for every few articles
        conn.exec_driver_sql("PRAGMA cache_size=-65536")
    try:
        memo = ActorMemo()
        outcomes = [store_one(conn, t, memo) for t in todos]
        conn.commit()
    finally:
        if sqlite:  # the pooled connection goes back with the default (a server's readers stay small)
            conn.connection.driver_connection.execute("PRAGMA cache_size=-2000")
    return outcomes


def _store_one(conn: Connection, t: _Todo, memo: ActorMemo) -> IngestResult:
    """One article and its items inside a savepoint of the caller's transaction."""
    learned = ActorMemo()
    try:
        with conn.begin_nested():
            article_id, counts, twin_id = _insert(conn, t, memo, learned)
    except IntegrityError as exc:  # the same text, stored by someone else since the batch was checked
        existing = conn.execute(select(Article.id).where(Article.content_hash == t.digest)).scalar()
        return _unchanged(t.name, existing) if existing is not None else _failed(t, exc)
    except Exception as exc:  # noqa: BLE001  (its savepoint rolled back: nothing of it stays)
        return _failed(t, exc)
    memo.absorb(learned)
    return _loaded(t, article_id, counts, twin_id)


def _store_plain(conn: Connection, t: _Todo, memo: ActorMemo) -> IngestResult:
    """One article and its items in the caller's transaction; a failure is the caller's."""
    learned = ActorMemo()
    article_id, counts, twin_id = _insert(conn, t, memo, learned)
    memo.absorb(learned)
    return _loaded(t, article_id, counts, twin_id)


def _insert(conn: Connection, t: _Todo, memo: ActorMemo, learned: ActorMemo) -> tuple[int, dict[str, int], int | None]:
    item, extraction = t.item, t.extraction
    article_id = conn.execute(_INSERT_ARTICLE, {
        "title": (item.title or first_line(item.body))[:500],
        "body": item.body,
        "language": item.language or extraction.language,
        "url": item.url,
        "publisher": item.publisher,
        "credit": item.credit,
        "published": t.published,
        "date_basis": t.basis or ("given" if t.published else None),
        "file_name": (item.file_name or "")[:300] or None,
        "content_hash": t.digest,
        "ingested_at": utcnow(),
        "extractor_version": EXTRACTOR_VERSION,
        "origin": item.origin,
    }).scalar_one()
    counts = store_extraction(conn, article_id, extraction, memo, learned)
    twin_id = link_story(conn, article_id, item.body, t.shingles, t.bands)
    return article_id, counts, twin_id


def _loaded(t: _Todo, article_id: int, counts: dict[str, int], twin_id: int | None) -> IngestResult:
    message = f"loaded as article {article_id}"
    if twin_id:
        message += f", the same story as article {twin_id}"
    return IngestResult(t.name, "loaded", article_id, message, counts, twin_id)


def read_items(paths: Iterable[Path | str], max_bytes: int | None = None, meta: dict | None = None):  # noqa: ANN201
    """The ArticleInputs (and UnreadableArticles) of files, folders and globs; `meta` overrides."""
    for path in article_files(paths):
        if isinstance(path, UnreadableArticle):
            yield path
            continue
        try:
            items = read_file(path, max_bytes)
        except UnreadableArticle as exc:
            yield exc
            continue
        except OSError as exc:
            yield UnreadableArticle(f"{path.name}: {exc.strerror}")
            continue
        for item in items:
            yield with_meta(item, meta) if meta and isinstance(item, ArticleInput) else item


def ingest_paths(engine: Engine, paths: Iterable[Path | str], max_bytes: int | None = None,
                 meta: dict | None = None, jobs: int = 1) -> list[IngestResult]:
    return ingest_items(engine, read_items(paths, max_bytes, meta), jobs)


def rebuild_articles(session: Session, article_ids: Iterable[int]) -> None:
    """Extract the articles again and re-apply the analysts' corrections (in the caller's transaction)."""
    gazetteer = learned_gazetteer(session)
    for article_id in article_ids:
        article = session.get(Article, article_id)
        if article is None:
            continue
        extraction = extract(article.body, gazetteer=gazetteer)
        clear_items(session, article.id)
        session.flush()
        store_extraction(session, article, extraction)
        session.flush()
        apply_article(session, article.id)
        article.extractor_version = EXTRACTOR_VERSION
        session.add(article)


def reextract(engine: Engine, force: bool = False) -> list[IngestResult]:
    """Run the current extractor over stored articles an older version produced; analysts'
    corrections are applied again, never overwritten."""
    results = []
    with Session(engine) as session:
        rows = session.exec(select(Article.id, Article.extractor_version, Article.file_name)).all()
    for article_id, version, name in rows:
        if version == EXTRACTOR_VERSION and not force:
            continue
        with Session(engine) as session:
            rebuild_articles(session, [article_id])
            session.commit()
        results.append(IngestResult(name or str(article_id), "reextracted", article_id,
                                    f"re-extracted with {EXTRACTOR_VERSION}"))
    return results


def article_count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Article)).one()
