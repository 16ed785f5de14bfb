"""The demo corpus: deterministic, varied enough to be many articles and many stories, and loaded
through the real ingest path."""

from sqlmodel import Session, func, select

from app.democorpus import article, demo_articles
from app.ingest import content_hash, ingest_article
from app.models import Actor, Article, Quote


def test_article_i_depends_only_on_the_seed_and_i():
    assert article(7).body == list(demo_articles(3, start=6))[1].body
    assert article(7, seed=1).body != article(7).body


def test_texts_differ_and_carry_metadata():
    items = list(demo_articles(200))
    assert len({content_hash(a.body) for a in items}) == 200
    assert all(a.publisher and a.published and a.title and a.body.startswith(a.title) for a in items)
    assert len({a.publisher for a in items}) > 5 and len({a.published for a in items}) > 100


def test_loaded_through_ingest_into_many_stories_with_frequent_and_rare_speakers(engine):
    results = [ingest_article(engine, a) for a in demo_articles(40)]
    assert all(r.status == "loaded" for r in results)
    assert sum(r.duplicate_of is not None for r in results) < 5  # near-duplicates are the exception
    with Session(engine) as s:
        assert s.exec(select(func.count()).select_from(Article)).one() == 40
        counts = s.exec(
            select(Actor.name, func.count()).join(Quote, Quote.speaker_id == Actor.id).group_by(Actor.name)
            .order_by(func.count().desc())
        ).all()
    assert counts[0][1] >= 10 and counts[-1][1] == 1 and len(counts) > 30
