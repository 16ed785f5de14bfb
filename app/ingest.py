"""Articles → the database: normalise, hash, extract, store. Idempotent and all-or-nothing.

An article is identified by the hash of its normalised text: loading the same text again changes
nothing and answers with the article already there. Extraction runs before the transaction; the
article and all its items are written in one transaction, so a failure leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from app.corrections import apply_article
from app.dates import stated_date
from app.extract import EXTRACTOR_VERSION, extract
from app.formats import ArticleInput, article_files, read_file, with_meta
from app.learned import learned_gazetteer
from app.models import Article
from app.store import clear_items, store_extraction
from app.stories import link_story
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


def existing_article(engine: Engine, body: str) -> int | None:
    with Session(engine) as session:
        return session.exec(select(Article.id).where(Article.content_hash == content_hash(body))).first()


def ingest_article(engine: Engine, item: ArticleInput) -> IngestResult:
    """Store one article with its extraction, or report that it is already there."""
    name = item.file_name or (item.title or first_line(item.body))[:60]
    digest = content_hash(item.body)
    with Session(engine) as session:
        existing = session.exec(select(Article.id).where(Article.content_hash == digest)).first()
        if existing is not None:
            return IngestResult(name, "unchanged", existing, f"already loaded as article {existing}")
        gazetteer = learned_gazetteer(session)
    extraction = extract(item.body, gazetteer=gazetteer)
    published, basis = item.published, item.date_basis
    if published is None:
        published = stated_date(item.body)
        basis = "stated" if published else None
    article = Article(
        title=(item.title or first_line(item.body))[:500],
        body=item.body,
        language=item.language or extraction.language,
        url=item.url,
        publisher=item.publisher,
        credit=item.credit,
        published=published,
        date_basis=basis or ("given" if published else None),
        file_name=(item.file_name or "")[:300] or None,
        content_hash=digest,
        extractor_version=EXTRACTOR_VERSION,
        origin=item.origin,
    )
    try:
        with Session(engine) as session:
            session.add(article)
            session.flush()
            counts = store_extraction(session, article, extraction)
            twin = link_story(session, article)
            session.commit()
            article_id, twin_id = article.id, twin.id if twin else None
    except IntegrityError:  # the same text, loaded at the same moment by someone else
        existing = existing_article(engine, item.body)
        if existing is None:
            raise
        return IngestResult(name, "unchanged", existing, f"already loaded as article {existing}")
    message = f"loaded as article {article_id}"
    if twin_id:
        message += f", the same story as article {twin_id}"
    return IngestResult(name, "loaded", article_id, message, counts, twin_id)


def ingest_items(engine: Engine, items: Iterable[ArticleInput | UnreadableArticle]) -> list[IngestResult]:
    """Each good item loaded (or found already there); each bad one reported, nothing of it stored."""
    results = []
    for item in items:
        if isinstance(item, UnreadableArticle):
            results.append(IngestResult(str(item).split(":")[0], "error", message=str(item)))
            continue
        try:
            results.append(ingest_article(engine, item))
        except Exception as exc:  # noqa: BLE001  (reported per item; the transaction left nothing behind)
            name = item.file_name or first_line(item.body)[:60]
            results.append(IngestResult(name, "error", message=f"{name}: not stored ({type(exc).__name__}: {exc})"))
    return results


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
                 meta: dict | None = None) -> list[IngestResult]:
    return ingest_items(engine, read_items(paths, max_bytes, meta))


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
