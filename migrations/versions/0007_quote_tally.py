"""Maintained counts for the quotes list: quote_tally.

The quotes list counts its total and five facets (speaker, via, publisher, month, kind) over every
matching quote. For a frequent speaker that is ~80,000 quotes at 100,000 articles, and a facet that
leaves out its own filter (the speaker facet of a speaker-filtered list) counts all of them. The
tally keeps those counts at the grain of the filters instead:

    (via_id, speaker_id, publisher, month, kind) -> n visible quotes

via_id 0 is the quote itself (one row per quote); a channel's id counts the quote once more per
channel it came through (quote_via), so the via facet and a filter on one channel read the same
table. 0 / '' stand for "none" (no speaker, no publisher, no date) so that the key has no NULL.
About 1 row per 5 quotes overall, and a frequent speaker's ~80,000 quotes are ~1,600 rows.
quote_speaker_tally keeps each speaker's visible quotes alone (speaker_id -> n): the speaker facet
of a list filtered by speaker only (the facet leaves its own filter out: all quotes by speaker).

Triggers keep it exact under every change the tables see: a quote stored, deleted (BEFORE, while its
channels are still there), corrected (speaker, kind, "not a quote", moved); a channel added, removed
or re-pointed (actor merges); an article's outlet or date changed, or the article deleted (BEFORE: its
quotes go by cascade after it, when their article is no longer there to be read, and are skipped).
Rows whose count falls to 0 stay (readers sum and keep sums > 0).
tests/test_tally.py compares the tally with a count from scratch after each kind of change, on
SQLite and PostgreSQL.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = "via_id, speaker_id, publisher, month, kind"


def _visible(q: str, dialect: str) -> str:
    return f"NOT {q}.rejected" if dialect == "postgresql" else f"{q}.rejected = 0"


def _month(column: str, dialect: str) -> str:
    return f"to_char({column}, 'YYYY-MM')" if dialect == "postgresql" else f"strftime('%Y-%m', {column})"


def _of_quote(q: str, d: str) -> str:
    """(via_id, speaker_id, kind, article_id) rows of one quote record (NEW or OLD) if visible."""
    return (f"SELECT 0 AS via_id, {q}.speaker_id AS speaker_id, {q}.kind AS kind, {q}.article_id AS article_id "
            f"WHERE {_visible(q, d)} UNION ALL "
            f"SELECT actor_id, {q}.speaker_id, {q}.kind, {q}.article_id FROM quote_via "
            f"WHERE quote_id = {q}.id AND {_visible(q, d)}")


def _of_via(v: str, d: str) -> str:
    """The row of one quote_via record, if its quote is there and visible."""
    return (f"SELECT {v}.actor_id AS via_id, q.speaker_id AS speaker_id, q.kind AS kind, q.article_id AS article_id "
            f"FROM quote AS q WHERE q.id = {v}.quote_id AND {_visible('q', d)}")


def _of_article(a: str, d: str) -> str:
    """The rows of every visible quote of one article record."""
    return (f"SELECT 0 AS via_id, q.speaker_id AS speaker_id, q.kind AS kind, q.article_id AS article_id "
            f"FROM quote AS q WHERE q.article_id = {a}.id AND {_visible('q', d)} UNION ALL "
            f"SELECT qv.actor_id, q.speaker_id, q.kind, q.article_id FROM quote AS q "
            f"JOIN quote_via AS qv ON qv.quote_id = q.id WHERE q.article_id = {a}.id AND {_visible('q', d)}")


def _add(rows: str, sign: str, d: str, article: str | None = None, speakers: bool = True) -> list[str]:
    """Add `sign` per row of `rows` to its tally key, and per quote (via_id 0) to its speaker's count.
    The outlet and month come from `article` (a record: OLD or NEW of an article trigger) or else from
    the quote's article, read from the table (none there, nothing added: a quote deleted by its
    article's cascade, already taken out by the article's trigger). `speakers`: False where no row is
    a quote's own (a channel's rows)."""
    if article:
        source, where, a = f"({rows}) AS x", "1 = 1", article
    else:
        source, where, a = f"({rows}) AS x, article AS a", "a.id = x.article_id", "a"
    month = f"coalesce({_month(a + '.published', d)}, '')"
    key = f"x.via_id, coalesce(x.speaker_id, 0), coalesce({a}.publisher, ''), {month}, x.kind"
    tally = (f"INSERT INTO quote_tally ({KEY}, n) SELECT {key}, {sign} * count(*) FROM {source} WHERE {where} "
             f"GROUP BY {key} ON CONFLICT ({KEY}) DO UPDATE SET n = quote_tally.n + excluded.n")
    speaker = (f"INSERT INTO quote_speaker_tally (speaker_id, n) SELECT coalesce(x.speaker_id, 0), {sign} * count(*) "
               f"FROM {source} WHERE {where} AND x.via_id = 0 GROUP BY coalesce(x.speaker_id, 0) "
               f"ON CONFLICT (speaker_id) DO UPDATE SET n = quote_speaker_tally.n + excluded.n")
    return [tally, speaker] if speakers else [tally]


# (name, timing and event, table, [statements]) — the same changes on both databases
def _triggers(d: str) -> list[tuple[str, str, str, list[str]]]:
    return [
        ("quote_tally_quote_insert", "AFTER INSERT", "quote", [*_add(_of_quote("NEW", d), "1", d)]),
        ("quote_tally_quote_update", "AFTER UPDATE OF speaker_id, kind, rejected, article_id", "quote",
         [*_add(_of_quote("OLD", d), "-1", d), *_add(_of_quote("NEW", d), "1", d)]),
        ("quote_tally_quote_delete", "BEFORE DELETE", "quote", [*_add(_of_quote("OLD", d), "-1", d)]),
        ("quote_tally_via_insert", "AFTER INSERT", "quote_via", [*_add(_of_via("NEW", d), "1", d, speakers=False)]),
        ("quote_tally_via_update", "AFTER UPDATE", "quote_via",
         [*_add(_of_via("OLD", d), "-1", d, speakers=False), *_add(_of_via("NEW", d), "1", d, speakers=False)]),
        ("quote_tally_via_delete", "AFTER DELETE", "quote_via", [*_add(_of_via("OLD", d), "-1", d, speakers=False)]),
        ("quote_tally_article_update", "AFTER UPDATE OF publisher, published", "article",
         [*_add(_of_article("OLD", d), "-1", d, "OLD"), *_add(_of_article("NEW", d), "1", d, "NEW")]),
        ("quote_tally_article_delete", "BEFORE DELETE", "article", [*_add(_of_article("OLD", d), "-1", d, "OLD")]),
    ]


def upgrade() -> None:
    d = op.get_bind().dialect.name
    options = " WITHOUT ROWID" if d == "sqlite" else ""
    op.execute("CREATE TABLE quote_tally (via_id INTEGER NOT NULL, speaker_id INTEGER NOT NULL, "
               "publisher VARCHAR NOT NULL, month VARCHAR(7) NOT NULL, kind VARCHAR NOT NULL, n INTEGER NOT NULL, "
               f"PRIMARY KEY ({KEY})){options}")
    # a month or a date range: the tally rows of those months (with the rest of the key: covering)
    op.execute("CREATE INDEX ix_quote_tally_month ON quote_tally (via_id, month, n)" if d == "sqlite" else
               f"CREATE INDEX ix_quote_tally_month ON quote_tally (via_id, month) INCLUDE (speaker_id, publisher, kind, n)")
    everything = ("SELECT 0 AS via_id, speaker_id, kind, article_id FROM quote AS q WHERE " + _visible("q", d) +
                  " UNION ALL SELECT qv.actor_id, q.speaker_id, q.kind, q.article_id FROM quote AS q "
                  "JOIN quote_via AS qv ON qv.quote_id = q.id WHERE " + _visible("q", d))
    op.execute("CREATE TABLE quote_speaker_tally (speaker_id INTEGER NOT NULL PRIMARY KEY, n INTEGER NOT NULL)")
    for statement in _add(everything, "1", d):
        op.execute(statement)
    for name, when, table, statements in _triggers(d):
        if d == "postgresql":
            body = "; ".join(statements)
            result = "OLD" if when.startswith("BEFORE") else "NULL"
            op.execute(f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                       f"BEGIN {body}; RETURN {result}; END $$")
            op.execute(f"CREATE TRIGGER {name} {when} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()")
        else:
            op.execute(f"CREATE TRIGGER {name} {when} ON {table} BEGIN {'; '.join(statements)}; END")
    op.execute("ANALYZE quote_tally")
    op.execute("ANALYZE quote_speaker_tally")


def downgrade() -> None:
    d = op.get_bind().dialect.name
    for name, _when, table, _statements in _triggers(d):
        if d == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE quote_tally")
    op.execute("DROP TABLE quote_speaker_tally")
