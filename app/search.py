"""Full-text search. User input never reaches FTS5 syntax: it is cut into words, each word quoted
and prefix-matched ("Soldat" finds "Soldaten"), all words required."""

from __future__ import annotations

import re

from sqlalchemy import Integer, column, text
from sqlmodel import Session

_WORD = re.compile(r"\w+")


def fts_expression(user_input: str) -> str | None:
    """`Recht auf "Selbst*` → `"Recht"* "auf"* "Selbst"*`; None when no word is left."""
    words = _WORD.findall(user_input or "")[:20]
    return " ".join(f'"{w}"*' for w in words) or None


def _matching(table: str, user_input: str):  # noqa: ANN202
    expression = fts_expression(user_input) or '""'
    return (
        text(f"SELECT rowid FROM {table} WHERE {table} MATCH :fts")  # table is one of two constants
        .bindparams(fts=expression)
        .columns(column("rowid", Integer))
    )


def quote_ids_matching(session: Session, user_input: str):  # noqa: ANN201, ARG001
    return _matching("quote_fts", user_input)


def article_ids_matching(session: Session, user_input: str):  # noqa: ANN201, ARG001
    return _matching("article_fts", user_input)


OPEN, CLOSE = "\x02", "\x03"  # markers FTS5 puts around hits; never in stored text after escaping


def marked(fragment: str):  # noqa: ANN201
    """Escape the text, then turn the hit markers into <mark> elements."""
    from markupsafe import Markup, escape

    return Markup(str(escape(fragment)).replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))


def search_quotes(session: Session, user_input: str, limit: int = 30) -> list[tuple[int, object]]:
    """(quote id, highlighted text), best match first."""
    expression = fts_expression(user_input)
    if not expression:
        return []
    rows = session.connection().execute(
        text(
            "SELECT rowid, highlight(quote_fts, 0, :o, :c) FROM quote_fts WHERE quote_fts MATCH :m "
            "ORDER BY bm25(quote_fts) LIMIT :n"
        ),
        {"o": OPEN, "c": CLOSE, "m": expression, "n": limit},
    ).all()
    return [(rowid, marked(h)) for rowid, h in rows]


def search_articles(session: Session, user_input: str, limit: int = 30) -> list[tuple[int, object]]:
    """(article id, highlighted snippet of the text), best match first (title hits weigh more)."""
    expression = fts_expression(user_input)
    if not expression:
        return []
    rows = session.connection().execute(
        text(
            "SELECT rowid, snippet(article_fts, 1, :o, :c, '…', 24) FROM article_fts WHERE article_fts MATCH :m "
            "ORDER BY bm25(article_fts, 5.0, 1.0) LIMIT :n"
        ),
        {"o": OPEN, "c": CLOSE, "m": expression, "n": limit},
    ).all()
    return [(rowid, marked(s)) for rowid, s in rows]
