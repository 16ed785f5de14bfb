"""Article files → ArticleInput: .txt (headline first), .md (YAML front matter), .html (main text and
metadata by trafilatura), .jsonl (one article an object). Metadata may also come from a sidecar
`NAME.meta.json` or from the caller (command-line options, form fields), which win.

Every problem raises UnreadableArticle with a message that names the file (and the line of a batch).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from glob import glob
from pathlib import Path

from app.textfile import UnreadableArticle, decode_article_bytes

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}
SIDECAR_SUFFIX = ".meta.json"
BATCH_FACTOR = 25  # a .jsonl batch may be this many times the article limit
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
    file_name: str | None = None  # the name shown in messages: "batch.jsonl line 3"
    origin: str | None = None  # txt | md | html | jsonl | api | form


def parse_meta(raw: dict, name: str) -> dict:
    """Validate a metadata mapping (sidecar, front matter, batch line, options) into ArticleInput fields."""
    meta = {k: raw[k] for k in META_FIELDS if raw.get(k) not in (None, "")}
    if "published" in meta:
        value = meta["published"]
        if isinstance(value, datetime):
            meta["published"] = value.date()
        elif not isinstance(value, date):
            try:
                meta["published"] = date.fromisoformat(str(value).strip()[:10])
            except ValueError as exc:
                raise UnreadableArticle(f"{name}: published must be a date like 2025-02-09, not {value!r}") from exc
    for key, value in meta.items():
        if key != "published" and not isinstance(value, str):
            raise UnreadableArticle(f"{name}: {key} must be text, not {type(value).__name__}")
        if key != "published" and len(value) > 2000:
            raise UnreadableArticle(f"{name}: {key} is longer than 2000 characters")
    if "language" in meta and not (2 <= len(meta["language"]) <= 8):
        raise UnreadableArticle(f"{name}: language must be a code like 'de' or 'en'")
    return meta


def with_meta(item: ArticleInput, meta: dict) -> ArticleInput:
    """`item` with the given metadata taking precedence over what the file said."""
    return replace(item, **{k: v for k, v in meta.items() if v not in (None, "")})


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


def from_text(text: str, name: str) -> ArticleInput:
    return ArticleInput(body=text, file_name=name, origin="txt")


_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)(.*)\Z", re.S)


def from_markdown(text: str, name: str) -> ArticleInput:
    """Markdown with optional YAML front matter between '---' lines (read with PyYAML)."""
    import yaml

    raw: dict = {}
    body = text
    if text.startswith("---"):
        m = _FRONT.match(text)
        if m is None:
            raise UnreadableArticle(f"{name}: the front matter is not closed by a line of ---")
        try:
            raw = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError as exc:
            problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise UnreadableArticle(f"{name}: the front matter is not valid YAML ({problem})") from exc
        if not isinstance(raw, dict):
            raise UnreadableArticle(f"{name}: the front matter must be fields (title: …), not a {type(raw).__name__}")
        body = m.group(2)
    body = body.strip("\n")
    if not body.strip():
        raise UnreadableArticle(f"{name}: no text after the front matter")
    meta = parse_meta(raw, name)
    if "title" in meta and not body.lstrip().lstrip("#").strip().startswith(meta["title"][:40]):
        body = f"{meta['title']}\n\n{body}"  # headline first, as the extractor expects
    return ArticleInput(body=body, file_name=name, origin="md", **meta)


def from_html(text: str, name: str) -> ArticleInput:
    import trafilatura

    main = trafilatura.extract(text, include_comments=False, include_tables=False, favor_precision=True)
    if not main or not main.strip():
        raise UnreadableArticle(f"{name}: no article text found in the HTML")
    meta = trafilatura.extract_metadata(text)
    title = (meta.title or "").strip() if meta else ""
    body = main if not title or main.startswith(title) else f"{title}\n{main}"
    found = {
        "title": title or None,
        "url": meta.url if meta else None,
        "publisher": (meta.sitename or meta.hostname) if meta else None,
        "published": meta.date if meta and meta.date else None,
        "language": meta.language if meta else None,
    }
    try:
        parsed = parse_meta(found, name)
    except UnreadableArticle:
        parsed = parse_meta({k: v for k, v in found.items() if k != "published"}, name)
    if "published" in parsed:
        parsed["date_basis"] = "stated"
    return ArticleInput(body=body, file_name=name, origin="html", **parsed)


def from_jsonl(text: str, name: str, max_bytes: int | None) -> Iterator[ArticleInput | UnreadableArticle]:
    """One article per line; a bad line is reported by number and does not stop the batch."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            raw = json.loads(line)
            if not isinstance(raw, dict):
                raise UnreadableArticle(f"{where}: expected a JSON object")
            body = raw.get("body", raw.get("text"))
            if not isinstance(body, str) or not body.strip():
                raise UnreadableArticle(f"{where}: no text (give it as \"body\")")
            if max_bytes is not None and len(body.encode("utf-8")) > max_bytes:
                raise UnreadableArticle(f"{where}: the text is over the limit of {max_bytes} bytes")
            meta = parse_meta(raw, where)
            if "title" in meta and not body.lstrip().startswith(meta["title"][:40]):
                body = f"{meta['title']}\n\n{body}"
            yield ArticleInput(body=body.replace("\r\n", "\n"), file_name=where, origin="jsonl", **meta)
        except ValueError as exc:  # json.JSONDecodeError and UnreadableArticle are ValueErrors
            yield exc if isinstance(exc, UnreadableArticle) else UnreadableArticle(f"{where}: not valid JSON ({exc.msg})")


READERS = {".md": from_markdown, ".markdown": from_markdown, ".html": from_html, ".htm": from_html}


def _limit(suffix: str, max_bytes: int | None) -> int | None:
    return None if max_bytes is None else (max_bytes * BATCH_FACTOR if suffix == ".jsonl" else max_bytes)


def parse_bytes(data: bytes, name: str, max_bytes: int | None = None) -> list[ArticleInput | UnreadableArticle]:
    """The articles in a file's bytes (the name's suffix chooses the format; none means text). A
    batch may hold several, bad items among good ones."""
    suffix = Path(name).suffix.lower() or ".txt"
    if suffix not in SUFFIXES:
        raise UnreadableArticle(f"{name}: not an article file (.txt, .md, .html or .jsonl)")
    limit = _limit(suffix, max_bytes)
    if limit is not None and len(data) > limit:
        raise UnreadableArticle(f"{name}: {len(data)} bytes, over the limit of {limit}")
    text = decode_article_bytes(data, name)
    if suffix == ".jsonl":
        return list(from_jsonl(text, name, max_bytes))
    return [READERS.get(suffix, from_text)(text, name)]


def read_file(path: Path, max_bytes: int | None = None) -> list[ArticleInput | UnreadableArticle]:
    """parse_bytes for a file, its sidecar's metadata applied."""
    path = Path(path)
    limit = _limit(path.suffix.lower(), max_bytes)
    if limit is not None and path.stat().st_size > limit:  # refuse before reading it all
        raise UnreadableArticle(f"{path.name}: {path.stat().st_size} bytes, over the limit of {limit}")
    items = parse_bytes(path.read_bytes(), path.name, max_bytes)
    if path.suffix.lower() == ".jsonl":
        return items
    meta = read_sidecar(path)
    return [with_meta(i, meta) if isinstance(i, ArticleInput) else i for i in items]


def article_files(paths: Iterable[Path | str]) -> Iterator[Path | UnreadableArticle]:
    """The files named by `paths`: files, folders (searched recursively for article files; sidecars
    and a folder's README left out) and globs ("news/*.md", for shells that pass them on unexpanded)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.endswith(SIDECAR_SUFFIX)
                and p.stem.upper() != "README"
            )
        elif path.exists():
            yield path
        elif any(c in str(raw) for c in "*?["):
            matches = sorted(Path(m) for m in glob(str(raw), recursive=True) if Path(m).is_file())
            if not matches:
                yield UnreadableArticle(f"{raw}: no file matches")
            yield from matches
        else:
            yield UnreadableArticle(f"{raw}: no such file or folder")

