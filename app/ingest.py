"""Files → articles: read, normalise, hash, extract, store. Idempotent and all-or-nothing.

An article is identified by the hash of its normalised text: loading the same text again changes
nothing. Extraction runs before the transaction; the article and all its items are written in one
transaction, so a failure leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from app.extract import EXTRACTOR_VERSION, extract
from app.models import Article
from app.store import clear_items, store_extraction
from app.textfile import UnreadableArticle, decode_article_bytes

ARTICLE_SUFFIXES = {".txt"}
SIDECAR_SUFFIX = ".meta.json"
META_FIELDS = ("title", "url", "publisher", "credit", "published", "date_basis", "language")


@dataclass
class ArticleInput:
    body: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    credit: str | None = None
    published: date | None = None
    date_basis: str | None = None
    language: str | None = None
    file_name: str | None = None


@dataclass
class IngestResult:
    name: str
    status: str  # loaded | unchanged | error
    article_id: int | None = None
    message: str = ""
    counts: dict[str, int] = field(default_factory=dict)


def normalise(text: str) -> str:
    """NFC, \\n line ends, no trailing spaces: the form that is hashed."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def first_line(text: str) -> str:
    return next((line.strip() for line in text.split("\n") if line.strip()), "")[:300]


_STATED_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b")


def stated_date(text: str) -> date | None:
    """A date printed in the article's first lines ("09.02.2025, 07:30 Uhr")."""
    head = "\n".join(text.split("\n")[:8])
    for m in _STATED_DATE.finditer(head):
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            continue
    return None


def parse_meta(raw: dict, name: str) -> dict:
    """Validate a metadata mapping (sidecar or options) into ArticleInput fields."""
    meta = {k: raw[k] for k in META_FIELDS if raw.get(k) not in (None, "")}
    if "published" in meta and not isinstance(meta["published"], date):
        try:
            meta["published"] = date.fromisoformat(str(meta["published"])[:10])
        except ValueError as exc:
            raise UnreadableArticle(f"{name}: published must be a date like 2025-02-09, not {raw['published']!r}") from exc
    for k, v in meta.items():
        if k != "published" and not isinstance(v, str):
            raise UnreadableArticle(f"{name}: {k} must be text, not {type(v).__name__}")
    return meta


def read_sidecar(path: Path) -> dict:
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        raw = json.loads(sidecar.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise UnreadableArticle(f"{sidecar.name}: not valid JSON ({exc})") from exc
    if not isinstance(raw, dict):
        raise UnreadableArticle(f"{sidecar.name}: expected a JSON object")
    return parse_meta(raw, sidecar.name)


def read_article_file(path: Path, max_bytes: int | None = None) -> ArticleInput:
    path = Path(path)
    if max_bytes is not None and path.stat().st_size > max_bytes:
        raise UnreadableArticle(f"{path.name}: {path.stat().st_size} bytes, over the limit of {max_bytes}")
    body = decode_article_bytes(path.read_bytes(), path.name)
    meta = read_sidecar(path)
    return ArticleInput(body=body, file_name=path.name, **meta)


def article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The article files named by `paths` (files, or folders searched recursively), in order."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in ARTICLE_SUFFIXES)
        else:
            yield path


def ingest_article(engine: Engine, item: ArticleInput) -> IngestResult:
    """Store one article with its extraction, or report that it is already there."""
    name = item.file_name or (item.title or first_line(item.body))[:60]
    digest = content_hash(item.body)
    with Session(engine) as session:
        existing = session.exec(select(Article.id).where(Article.content_hash == digest)).first()
        if existing is not None:
            return IngestResult(name, "unchanged", existing, f"already loaded as article {existing}")
    extraction = extract(item.body)
    article = Article(
        title=item.title or first_line(item.body),
        body=item.body,
        language=item.language or extraction.language,
        url=item.url,
        publisher=item.publisher,
        credit=item.credit,
        published=item.published or stated_date(item.body),
        date_basis=item.date_basis or ("given" if item.published else None),
        file_name=item.file_name,
        content_hash=digest,
        extractor_version=EXTRACTOR_VERSION,
    )
    if article.published and not article.date_basis:
        article.date_basis = "stated"
    try:
        with Session(engine) as session:
            session.add(article)
            session.flush()
            counts = store_extraction(session, article, extraction)
            session.commit()
            article_id = article.id
    except IntegrityError:  # the same text, loaded at the same moment by someone else
        with Session(engine) as session:
            existing = session.exec(select(Article.id).where(Article.content_hash == digest)).first()
        if existing is None:
            raise
        return IngestResult(name, "unchanged", existing, f"already loaded as article {existing}")
    return IngestResult(name, "loaded", article_id, f"loaded as article {article_id}", counts)


def ingest_paths(engine: Engine, paths: Iterable[Path], max_bytes: int | None = None) -> list[IngestResult]:
    results = []
    for path in article_files(paths):
        try:
            item = read_article_file(path, max_bytes)
        except (UnreadableArticle, OSError) as exc:
            message = str(exc) if isinstance(exc, UnreadableArticle) else f"{path.name}: {exc.strerror}"
            results.append(IngestResult(path.name, "error", message=message))
            continue
        try:
            results.append(ingest_article(engine, item))
        except Exception as exc:  # noqa: BLE001  (reported per file; the transaction left nothing behind)
            results.append(IngestResult(path.name, "error", message=f"{path.name}: not stored ({type(exc).__name__}: {exc})"))
    return results


def reextract(engine: Engine, force: bool = False) -> list[IngestResult]:
    """Run the current extractor over stored articles whose items an older version produced."""
    results = []
    with Session(engine) as session:
        rows = session.exec(select(Article.id, Article.extractor_version)).all()
    for article_id, version in rows:
        if version == EXTRACTOR_VERSION and not force:
            continue
        with Session(engine) as session:
            article = session.get(Article, article_id)
            extraction = extract(article.body)
            clear_items(session, article.id)
            counts = store_extraction(session, article, extraction)
            article.extractor_version = EXTRACTOR_VERSION
            name = article.file_name or str(article_id)
            session.add(article)
            session.commit()
        results.append(IngestResult(name, "reextracted", article_id, f"re-extracted with {EXTRACTOR_VERSION}", counts))
    return results


def article_count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Article)).one()
