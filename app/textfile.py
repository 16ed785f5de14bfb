"""Reading article text from files: one decoding rule for the CLI, ingestion and the tests."""

from __future__ import annotations

from pathlib import Path


class UnreadableArticle(ValueError):
    """A file that cannot be an article (not text, empty, ...). The message names the file."""


def decode_article_bytes(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 (a superset of Latin-1 in its printable
    range); newlines normalised to \\n as Python's text mode does."""
    if b"\x00" in data[:8192]:
        raise UnreadableArticle(f"{name}: a binary file, not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise UnreadableArticle(
                f"{name}: neither UTF-8 nor Windows-1252/Latin-1 text ({exc.reason} at byte {exc.start})"
            ) from exc
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 8:
        raise UnreadableArticle(f"{name}: a binary file, not an article")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableArticle(f"{name}: the file is empty")
    return text


def read_article_text(path: Path) -> str:
    return decode_article_bytes(Path(path).read_bytes(), Path(path).name)
