"""Counts and facet counts are kept until the data changes, and only until then."""

from sqlmodel import Session, select

from app import facets, querycache
from app.filters import QuoteFilters
from app.models import Quote
from app.queries import list_quotes


def totals(engine, **filters) -> tuple[int, dict]:
    f = QuoteFilters(**filters)
    with Session(engine) as s:
        page = list_quotes(s, f, 5)
        kinds = {v.value: v.count for v in facets.quote_facets(s, f, "/quotes")[-1].values}
    return page.total, kinds


def test_every_table_a_list_reads_has_its_data_version_triggers(engine):
    with Session(engine) as s:
        dialect = s.get_bind().dialect.name
        assert querycache.expected_triggers(dialect) <= querycache.installed_triggers(s)


def test_a_change_makes_the_kept_counts_stale(engine, seeded):
    before, kinds = totals(engine)
    assert totals(engine) == (before, kinds)  # the second time from the cache
    assert querycache.stats(engine)["hits"] > 0
    with Session(engine) as s:
        quote = s.exec(select(Quote).where(Quote.kind == "direct")).first()
        quote.rejected = True
        s.add(quote)
        s.commit()
    after, kinds_after = totals(engine)
    assert after == before - 1 and kinds_after["direct"] == kinds["direct"] - 1


def test_what_a_rolled_back_transaction_saw_is_never_served(engine, seeded):
    before, _ = totals(engine)
    with Session(engine) as s:
        for quote in s.exec(select(Quote).limit(3)).all():
            quote.rejected = True
            s.add(quote)
        assert list_quotes(s, QuoteFilters(), 5).total == before - 3  # its own writes, kept under its version
        s.rollback()
    with Session(engine) as s:  # another transaction raises n as far: the token tells them apart
        for quote in s.exec(select(Quote).offset(5).limit(3)).all():
            quote.kind = quote.kind
            quote.speaker_text = (quote.speaker_text or "") + " "
            s.add(quote)
        s.commit()
    assert totals(engine)[0] == before


def test_a_speaker_filter_lists_the_same_rows_walking_or_sorting(engine, seeded, monkeypatch):
    """Large results are listed by walking the articles newest first; the order is the same."""
    from app import queries

    with Session(engine) as s:
        f = QuoteFilters(speaker=["Kim Jong Un"])
        sorted_ids = [r.quote.id for r in list_quotes(s, f, 3).items]
        monkeypatch.setattr(queries, "_walk_articles", lambda *a: s.get_bind().dialect.name == "sqlite")
        walked = [r.quote.id for r in list_quotes(s, f, 3).items]
        second_page = [r.quote.id for r in list_quotes(s, f.model_copy(update={"page": 2}), 3).items]
    assert walked == sorted_ids and len(sorted_ids) == 3 and not set(second_page) & set(walked)
