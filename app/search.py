"""Full-text search. User input never reaches the search syntax: it is cut into words, each word
quoted and prefix-matched ("Soldat" finds "Soldaten"), all words required.

SQLite: the FTS5 tables of migration 0002 (unicode61, diacritics removed), ranked by bm25.
PostgreSQL: the `dossier_german` text search configuration and GIN expression indexes of migration
0004 (German stemming and stop words, accents folded by unaccent), ranked by ts_rank, highlighted
by ts_headline."""

from __future__ import annotations

import re

from sqlalchemy import Integer, column, text
from sqlmodel import Session

_WORD = re.compile(r"\w+")


def fts_expression(user_input: str) -> str | None:
    """`Recht auf "Selbst*` → `"Recht"* "auf"* "Selbst"*`; None when no word is left."""
    words = _WORD.findall(user_input or "")[:20]
    return " ".join(f'"{w}"*' for w in words) or None


# The indexed expressions of migration 0004 (written the same way, or PostgreSQL ignores the index).
# '<' and '>' become private-use characters first: PostgreSQL's parser would skip "<script>" as a
# tag, where FTS5 finds the word "script" (ts_headline gets the same text; _untag turns them back).
CONFIG = "dossier_german"
TAG_OPEN, TAG_CLOSE = "\ue000", "\ue001"
TAGLESS = r"translate({}, '<>', E'\uE000\uE001')"
QUOTE_VECTOR = f"to_tsvector('dossier_german'::regconfig, {TAGLESS.format('text')})"
ARTICLE_VECTOR = (f"setweight(to_tsvector('dossier_german'::regconfig, {TAGLESS.format('title')}), 'A') || "
                  f"setweight(to_tsvector('dossier_german'::regconfig, {TAGLESS.format('body')}), 'B')")
POSTGRES_TABLES = {"quote_fts": ("quote", QUOTE_VECTOR), "article_fts": ("article", ARTICLE_VECTOR)}


def ts_query(user_input: str) -> str | None:
    """`Recht auf "Selbst*` → `'Recht':* & 'auf':* & 'Selbst':*` (words are \\w+, so no quote inside)."""
    words = _WORD.findall(user_input or "")[:20]
    return " & ".join(f"'{w}':*" for w in words) or None


def _tagless(column_name: str) -> str:
    return TAGLESS.format(column_name)


def _untag(fragment: str) -> str:
    return fragment.replace(TAG_OPEN, "<").replace(TAG_CLOSE, ">")


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _matching(table: str, user_input: str, session: Session | None = None):  # noqa: ANN202
    if session is not None and _postgres(session):
        name, vector = POSTGRES_TABLES[table]
        query = ts_query(user_input)
        if query is None:
            return text(f"SELECT id AS rowid FROM {name} WHERE false").columns(column("rowid", Integer))
        return (
            text(f"SELECT id AS rowid FROM {name} WHERE {vector} @@ to_tsquery('{CONFIG}', :tsq)")  # constants only
            .bindparams(tsq=query)
            .columns(column("rowid", Integer))
        )
    expression = fts_expression(user_input) or '""'
    return (
        text(f"SELECT rowid FROM {table} WHERE {table} MATCH :fts")  # table is one of two constants
        .bindparams(fts=expression)
        .columns(column("rowid", Integer))
    )


def quote_ids_matching(session: Session, user_input: str):  # noqa: ANN201
    return _matching("quote_fts", user_input, session)


def article_ids_matching(session: Session, user_input: str):  # noqa: ANN201
    return _matching("article_fts", user_input, session)


OPEN, CLOSE = "\x02", "\x03"  # markers FTS5 puts around hits; never in stored text after escaping


def marked(fragment: str):  # noqa: ANN201
    """Escape the text, then turn the hit markers into <mark> elements."""
    from markupsafe import Markup, escape

    return Markup(str(escape(fragment)).replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))


def _hits(session: Session, user_input: str, limit: int, postgres: tuple[str, str, str, str], sqlite: str):
    """(id, highlighted fragment) of the best matches: on PostgreSQL `postgres` = (table, column,
    vector, ts_headline options), on SQLite `sqlite` = the FTS5 query (:o, :c, :m, :n bound)."""
    expression = fts_expression(user_input)
    if not expression:
        return []
    if _postgres(session):
        table, column, vector, options = postgres
        rows = session.connection().execute(
            text(
                f"SELECT id, ts_headline('{CONFIG}', {_tagless(column)}, q, :options) FROM {table}, to_tsquery('{CONFIG}', :q) q "
                f"WHERE {vector} @@ q ORDER BY ts_rank({vector}, q) DESC, id LIMIT :n"
            ),
            {"q": ts_query(user_input), "options": f"StartSel={OPEN}, StopSel={CLOSE}, {options}", "n": limit},
        ).all()
        return [(rowid, marked(_untag(h))) for rowid, h in rows]
    rows = session.connection().execute(text(sqlite), {"o": OPEN, "c": CLOSE, "m": expression, "n": limit}).all()
    return [(rowid, marked(h)) for rowid, h in rows]


def search_quotes(session: Session, user_input: str, limit: int = 30) -> list[tuple[int, object]]:
    """(quote id, highlighted text), best match first."""
    return _hits(session, user_input, limit, ("quote", "text", QUOTE_VECTOR, "HighlightAll=true"),
                 "SELECT rowid, highlight(quote_fts, 0, :o, :c) FROM quote_fts WHERE quote_fts MATCH :m "
                 "ORDER BY bm25(quote_fts) LIMIT :n")


def search_articles(session: Session, user_input: str, limit: int = 30) -> list[tuple[int, object]]:
    """(article id, highlighted snippet of the text), best match first (title hits weigh more)."""
    return _hits(session, user_input, limit,
                 ("article", "body", ARTICLE_VECTOR, 'MaxWords=24, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'),
                 "SELECT rowid, snippet(article_fts, 1, :o, :c, '…', 24) FROM article_fts WHERE article_fts MATCH :m "
                 "ORDER BY bm25(article_fts, 5.0, 1.0) LIMIT :n")
