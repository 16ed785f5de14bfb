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
