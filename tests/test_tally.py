"""The quote tally (migration 0007) stays equal to a count from scratch under every kind of change,
and the quotes list counted from it shows what counting the quotes shows."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from app import facets, tally
from app.corrections import correct_quote, merge_actors, undo
from app.democorpus import demo_articles
from app.filters import QuoteFilters
from app.ingest import ingest_items
from app.models import Actor, Article, Quote, QuoteVia
from app.queries import list_quotes, quote_conditions, quote_tally
from app.store import clear_items


def kept(conn) -> dict[tuple, int]:  # noqa: ANN001
    rows = conn.execute(text("SELECT via_id, speaker_id, publisher, month, kind, n FROM quote_tally WHERE n <> 0"))
    return {tuple(r[:5]): r[5] for r in rows}


def from_scratch(conn) -> dict[tuple, int]:  # noqa: ANN001
    month = ("to_char(a.published, 'YYYY-MM')" if conn.dialect.name == "postgresql"
             else "strftime('%Y-%m', a.published)")
    key = f"coalesce(q.speaker_id, 0), coalesce(a.publisher, ''), coalesce({month}, ''), q.kind"
    sql = (f"SELECT 0, {key}, count(*) FROM quote q JOIN article a ON a.id = q.article_id "
           f"WHERE NOT q.rejected GROUP BY {key} UNION ALL "
           f"SELECT v.actor_id, {key}, count(*) FROM quote q JOIN article a ON a.id = q.article_id "
           f"JOIN quote_via v ON v.quote_id = q.id WHERE NOT q.rejected GROUP BY v.actor_id, {key}")
    return {tuple(r[:5]): r[5] for r in conn.execute(text(sql))}


def speakers_kept(conn) -> dict[int, int]:  # noqa: ANN001
    return dict(conn.execute(text("SELECT speaker_id, n FROM quote_speaker_tally WHERE n <> 0")).all())


def speakers_from_scratch(conn) -> dict[int, int]:  # noqa: ANN001
    return dict(conn.execute(text("SELECT coalesce(speaker_id, 0), count(*) FROM quote WHERE NOT rejected "
                                  "GROUP BY coalesce(speaker_id, 0)")).all())


def assert_exact(engine) -> None:  # noqa: ANN001
    with engine.connect() as conn:
        assert kept(conn) == from_scratch(conn)
        assert speakers_kept(conn) == speakers_from_scratch(conn)


@pytest.fixture
def corpus(engine):
    results = ingest_items(engine, list(demo_articles(60, seed=11)))
    assert {r.status for r in results} <= {"loaded", "duplicate"}
    return engine


def test_the_tally_stays_exact_under_every_change(corpus):
    engine = corpus
    assert_exact(engine)
    with engine.connect() as conn:
        assert sum(kept(conn).values()) > 100  # counts something

    with Session(engine) as s:
        vias = s.exec(select(QuoteVia)).all()
        assert vias, "the corpus has quotes that came through a channel"
        via_quote = s.get(Quote, vias[0].quote_id)
        other = s.exec(select(Actor).where(Actor.kind == "person", Actor.id != via_quote.speaker_id)).first()
        c = correct_quote(s, via_quote.id, "tester", speaker_id=other.id)  # a new speaker, channels and all
        s.commit()
        assert_exact(engine)
        correct_quote(s, via_quote.id, "tester", not_a_quote=True)  # hidden
        s.commit()
        assert_exact(engine)
        undo(s, c.id, "tester", rebuild=lambda *_: None)
        s.commit()
        assert_exact(engine)

        quote = s.exec(select(Quote).where(Quote.rejected.is_(False))).first()
        quote.kind = "indirect" if quote.kind == "direct" else "direct"
        s.add(quote)
        s.commit()
        assert_exact(engine)

        s.delete(s.exec(select(QuoteVia)).first())  # a channel removed from a quote
        s.commit()
        assert_exact(engine)
        channel = s.exec(select(Actor).where(Actor.kind == "media", Actor.id.not_in(
            select(QuoteVia.actor_id).where(QuoteVia.quote_id == quote.id)))).first()
        s.add(QuoteVia(quote_id=quote.id, actor_id=channel.id))  # and one added
        s.commit()
        assert_exact(engine)

        counts = s.exec(text("SELECT actor_id, count(*) FROM quote_via GROUP BY actor_id ORDER BY 2 DESC")).all()
        if len(counts) > 1:  # two channels merged: their quote_via rows move or fold
            merge_actors(s, counts[1][0], counts[0][0], "tester")
            s.commit()
            assert_exact(engine)
        speakers = s.exec(text("SELECT speaker_id FROM quote WHERE speaker_id IS NOT NULL "
                               "GROUP BY speaker_id ORDER BY count(*) DESC LIMIT 2")).all()
        merge_actors(s, speakers[1][0], speakers[0][0], "tester")  # two speakers merged
        s.commit()
        assert_exact(engine)

        article = s.get(Article, quote.article_id)
        article.publisher, article.published = "Ein anderes Blatt", date(2019, 5, 17)  # outlet and date
        s.add(article)
        s.commit()
        assert_exact(engine)
        article.published = None
        s.add(article)
        s.commit()
        assert_exact(engine)

        clear_items(s, article.id)  # what re-extraction does first
        s.commit()
        assert_exact(engine)
        s.delete(s.exec(select(Article).where(Article.id != article.id)).first())  # cascades to its quotes
        s.commit()
        assert_exact(engine)


def test_a_rolled_back_change_leaves_the_tally_as_it_was(corpus):
    engine = corpus
    with engine.connect() as conn:
        before = kept(conn)
    with Session(engine) as s:
        for quote in s.exec(select(Quote).limit(5)).all():
            quote.rejected = True
            s.add(quote)
        s.flush()
        s.rollback()
    with engine.connect() as conn:
        assert kept(conn) == before


def lists(engine, f: QuoteFilters, use_tally: bool, monkeypatch) -> tuple:  # noqa: ANN001
    monkeypatch.setenv("DOSSIER_QUERY_CACHE", "0")
    with monkeypatch.context() as m:
        if not use_tally:
            m.setattr(tally, "for_quotes", lambda *a, **k: None)
        with Session(engine) as s:
            page = list_quotes(s, f, 5)
            shown = [(x.name, sorted((v.value, v.count, v.active) for v in x.values))
                     for x in facets.quote_facets(s, f, "/quotes")]
            return page.total, [r.quote.id for r in page.items], shown


def test_the_list_counted_from_the_tally_shows_what_counting_the_quotes_shows(corpus, monkeypatch):
    engine = corpus
    with Session(engine) as s:
        speaker = s.exec(text("SELECT a.name FROM quote q JOIN actor a ON a.id = q.speaker_id "
                              "GROUP BY a.name ORDER BY count(*) DESC, a.name LIMIT 1")).one()[0]
        channel = s.exec(text("SELECT a.name FROM quote_via v JOIN actor a ON a.id = v.actor_id "
                              "GROUP BY a.name ORDER BY count(*) DESC, a.name LIMIT 1")).one()[0]
        publisher, published = s.exec(select(Article.publisher, Article.published)
                                      .where(Article.published.is_not(None)).order_by(Article.id)).first()
    first = published.replace(day=1)
    month = f"{first:%Y-%m}"
    year_end = date(first.year, 12, 31)
    cases = [
        {},
        {"speaker": [speaker]},
        {"speaker": [speaker.upper()], "kind": ["direct"]},
        {"via": [channel]},
        {"via": [channel], "speaker": [speaker]},
        {"publisher": [publisher.lower()]},
        {"month": [month]},
        {"from": first.isoformat(), "to": year_end.isoformat(), "speaker": [speaker]},
        {"from": first.isoformat()},
        {"to": year_end.isoformat(), "publisher": [publisher]},
        {"speaker": ["nobody we know"]},
        {"speaker": [speaker, "nobody we know"]},
        {"via": ["nobody we know"]},
    ]
    for case in cases:
        f = QuoteFilters(**case)
        with Session(engine) as s:
            assert quote_tally(s, f, quote_conditions(s, f)) is not None, case
        tallied = lists(engine, f, True, monkeypatch)
        assert tallied == lists(engine, f, False, monkeypatch), case
    assert lists(engine, QuoteFilters(), True, monkeypatch)[0] > 0


@pytest.mark.parametrize("case", [
    {"q": "Sanktionen"},
    {"article": 1},
    {"via": ["KCNA", "TASS"]},
    {"from": "2024-07-02"},
    {"to": "2024-07-30"},
])
def test_filters_the_tally_cannot_answer_are_counted_from_the_quotes(engine, case):
    f = QuoteFilters(**case)
    with Session(engine) as s:
        s.add_all([Actor(name="KCNA", kind="media"), Actor(name="TASS", kind="media")])
        s.commit()
        assert quote_tally(s, f, quote_conditions(s, f)) is None


def test_a_database_without_the_tally_triggers_is_counted_from_the_quotes(db_url, engine):
    with Session(engine) as s:
        assert tally.installed(s)
    with engine.begin() as conn:
        name = "quote_tally_quote_insert"
        if conn.dialect.name == "postgresql":
            conn.execute(text(f"DROP TRIGGER {name} ON quote"))
        else:
            conn.execute(text(f"DROP TRIGGER {name}"))
    from app.db import make_engine

    other = make_engine(db_url)
    try:
        with Session(other) as s:
            assert not tally.installed(s)
            f = QuoteFilters()
            assert quote_tally(s, f, quote_conditions(s, f)) is None
            assert list_quotes(s, f, 5).total == 0
    finally:
        other.dispose()


def test_the_actors_list_counts_quotes_from_the_speakers_tally_as_from_the_quotes(corpus, monkeypatch):
    from app.filters import ActorFilters
    from app.queries import list_actors

    def listed() -> list[tuple]:
        with Session(corpus) as s:
            return [(r.actor.id, r.quotes, r.articles, r.estimates) for r in list_actors(s, ActorFilters(), 500).items]

    with Session(corpus) as s:  # one quote hidden, so that visible and stored differ
        quote = s.exec(select(Quote).where(Quote.speaker_id.is_not(None))).first()
        correct_quote(s, quote.id, "tester", not_a_quote=True)
        s.commit()
    tallied = listed()
    monkeypatch.setattr(tally, "installed", lambda session: False)
    assert tallied == listed()
    assert sum(q for _, q, _, _ in tallied) > 100
