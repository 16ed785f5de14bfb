"""Filter objects → SQL statements, and the rows the pages and the API show.

Every list is one filtered statement; the page's rows and its total are taken from the same
conditions. No SQL is built from strings: user input only ever reaches bound parameters.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from math import ceil

from sqlalchemy import ColumnElement, and_, desc, event, func, literal_column, nulls_last, or_
from sqlalchemy.orm import aliased, defer
from sqlmodel import Session, select

from app import querycache, tally
from app.filters import (
    ActorFilters,
    ArticleFilters,
    EstimateFilters,
    ListFilters,
    QuoteFilters,
    SourceFilters,
)
from app.models import (
    Actor,
    ActorAlias,
    Article,
    ArticleSource,
    Estimate,
    EstimateSource,
    Mention,
    Quote,
    QuoteVia,
)
from app.names import norm
from app.search import article_ids_matching, quote_ids_matching


@dataclass
class Page:
    items: list
    total: int
    page: int
    page_size: int
    counts: dict = field(default_factory=dict)  # per-row extras a page may add (item counts of articles)

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.page_size))

    @property
    def first(self) -> int:
        return (self.page - 1) * self.page_size + 1 if self.items else 0

    @property
    def last(self) -> int:
        return (self.page - 1) * self.page_size + len(self.items)


@dataclass
class QuoteRow:
    quote: Quote
    article: Article
    speaker: Actor | None
    via: list[Actor] = field(default_factory=list)


@dataclass
class EstimateRow:
    estimate: Estimate
    article: Article
    sources: list[Actor] = field(default_factory=list)


@dataclass
class ActorRow:
    actor: Actor
    quotes: int = 0
    articles: int = 0
    estimates: int = 0


@dataclass
class SourceRow:
    actor: Actor
    articles: int = 0
    credited: int = 0
    quotes: int = 0


# --- resolving names -------------------------------------------------------------------------


def resolve_actor(session: Session, value: str) -> Actor | None:
    """An actor by id, canonical name or any alias."""
    value = value.strip()
    if value.isdecimal():  # not isdigit: '¹' is a digit that int() refuses
        return session.get(Actor, int(value))
    key = norm(value)
    actor = session.exec(
        select(Actor).join(ActorAlias, ActorAlias.actor_id == Actor.id).where(ActorAlias.norm == key)
    ).first()
    return actor or session.exec(select(Actor).where(Actor.name == value)).first()


def actor_ids(session: Session, values: list[str]) -> list[int]:
    """Ids of the named actors; an unknown name matches nothing (id -1 keeps the filter closed).
    A request asks for the same names several times (conditions, counts, facets, chips): each name is
    looked up once per session until it next writes."""
    known = session.info.setdefault(_ACTOR_IDS, {})
    ids = []
    for value in values:
        if value not in known:
            actor = resolve_actor(session, value)
            known[value] = actor.id if actor else -1
        ids.append(known[value])
    return ids


_ACTOR_IDS = "dossier.actor_ids"


@event.listens_for(Session, "after_flush")
def _forget_actor_ids(session: Session, _context) -> None:  # noqa: ANN001
    session.info.pop(_ACTOR_IDS, None)


def _paginate(session: Session, stmt, count_stmt, f: ListFilters, page_size: int):  # noqa: ANN001
    total = querycache.scalar(session, count_stmt)
    page = min(f.page, max(1, ceil(total / page_size)))
    rows = session.exec(stmt.offset((page - 1) * page_size).limit(page_size)).all()
    return rows, total, page


VISIBLE_QUOTE = Quote.rejected.is_(False)  # an analyst's "not a quote" hides it everywhere
VISIBLE_ESTIMATE = Estimate.rejected.is_(False)
Conditions = dict[str, ColumnElement]  # filter name → its clause, so a facet can leave its own out


def without(conditions: Conditions, name: str | None = None) -> list[ColumnElement]:
    return [c for key, c in conditions.items() if key != name]


ARTICLE_FILTERS = {"from", "to", "month", "publisher"}  # the conditions that read the article's columns


def needs_article(conditions: Conditions, name: str | None = None) -> bool:
    """Whether the conditions (less `name`'s) read the article. A quote or estimate always has one
    (article_id is a non-null foreign key), so without such a condition the join changes no count."""
    return bool(ARTICLE_FILTERS & (conditions.keys() - {name}))


def count_items(table, conditions: Conditions):  # noqa: ANN001, ANN201
    """count(*) of the quotes or estimates the conditions select, joining the article only when read."""
    stmt = select(func.count()).select_from(table)
    if needs_article(conditions):
        stmt = stmt.join(Article, table.article_id == Article.id)
    return stmt.where(*conditions.values())


def _walk_articles(session: Session, total: int, offset: int, limit: int) -> bool:
    """Whether to list a large result by walking the articles newest first (stopping after the page)
    rather than by sorting every matching row: cheaper when the rows are many and the page is
    near the front. SQLite only (PostgreSQL's planner weighs this from its statistics)."""
    if session.get_bind().dialect.name != "sqlite" or total < 1000:
        return False
    rows = session.exec(select(func.max(Quote.id))).one() or 0  # about the number of quotes, from the index
    return total * total > (offset + limit) * rows * 4


def month_of(column, session: Session):  # noqa: ANN001, ANN201
    """'2024-11' for a date column, in the database's own dialect."""
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


def unindexed(column, session: Session):  # noqa: ANN001, ANN201
    """`column` for a GROUP BY that must not choose how rows are found. SQLite will walk an index of
    the grouped column to skip a sort (all 100,000 articles in outlet order, reading each one's date
    from the table) rather than search the few articles of a date range and sort their outlets;
    `+column` is SQLite's way to keep an index out of a term (~10× on a month's outlet facet)."""
    if session.get_bind().dialect.name == "sqlite":
        return literal_column("+" + column.table.name + "." + column.name)
    return column


def _date_conditions(session: Session, f: ListFilters) -> Conditions:
    conditions: Conditions = {}
    if f.from_:
        conditions["from"] = Article.published >= f.from_
    if f.to:
        conditions["to"] = Article.published <= f.to
    if f.month:
        conditions["month"] = month_of(Article.published, session).in_(f.month)
    return conditions


def _publisher_condition(values: list[str]):  # noqa: ANN202
    return func.lower(Article.publisher).in_([v.lower() for v in values])


# --- quotes ----------------------------------------------------------------------------------


def quote_conditions(session: Session, f: QuoteFilters) -> Conditions:
    conditions = {"visible": VISIBLE_QUOTE, **_date_conditions(session, f)}
    if f.q:
        conditions["q"] = Quote.id.in_(quote_ids_matching(session, f.q))
    if f.speaker:
        conditions["speaker"] = Quote.speaker_id.in_(actor_ids(session, f.speaker))
    if f.via:
        via_ids = actor_ids(session, f.via)
        conditions["via"] = Quote.id.in_(select(QuoteVia.quote_id).where(QuoteVia.actor_id.in_(via_ids)))
    if f.publisher:
        conditions["publisher"] = _publisher_condition(f.publisher)
    if f.kind:
        conditions["kind"] = Quote.kind.in_(f.kind)
    if f.article:
        conditions["article"] = Quote.article_id == f.article
    return conditions


def quote_tally(session: Session, f: QuoteFilters, conditions: Conditions) -> tally.QuoteTally | None:
    """The quotes list's counts from the maintained tally, when its filters allow (app/tally.py)."""
    if not conditions.keys() <= tally.ANSWERS:
        return None
    return tally.for_quotes(session, f, set(conditions), actor_ids(session, f.speaker), actor_ids(session, f.via))


def list_quotes(session: Session, f: QuoteFilters, page_size: int) -> Page:
    conditions = quote_conditions(session, f)
    tallied = quote_tally(session, f, conditions)
    total = querycache.scalar(session, tallied.total() if tallied else count_items(Quote, conditions))
    page = min(f.page, max(1, ceil(total / page_size)))
    offset = (page - 1) * page_size
    order = (nulls_last(desc(Article.published)), Article.id, Quote.start)
    ids = select(Quote.id).join(Article, Quote.article_id == Article.id).where(*conditions.values())
    if _walk_articles(session, total, offset, page_size):
        # newest articles first (ix_article_published_desc), each one's quotes by offset
        # (ix_quote_article_start): the ORDER BY is the index order, so the scan stops after the page.
        # SQLite would rather use the filter's own index and sort every match; coalesce() hides the
        # quote conditions from the index choice (a date range stays visible: it bounds the walk).
        dates = {k: v for k, v in conditions.items() if k in ("from", "to")}
        rest = [v for k, v in conditions.items() if k not in dates]
        ids = (select(Quote.id).select_from(Article).join(Quote, Quote.article_id == Article.id)
               .where(*dates.values(), func.coalesce(and_(*rest), literal_column("0"))))
    page_ids = list(session.exec(ids.order_by(*order).offset(offset).limit(page_size)).all())
    rows = {r.quote.id: r for r in quote_rows(session, page_ids)} if page_ids else {}
    items = [rows[i] for i in page_ids if i in rows]
    return Page(items, total, page, page_size)


def quote_rows(session: Session, quote_ids: list[int]) -> list[QuoteRow]:
    """The rows of the given quotes, in no particular order."""
    if not quote_ids:
        return []
    rows = session.exec(
        select(Quote, Article, Actor)
        .join(Article, Quote.article_id == Article.id)
        .outerjoin(Actor, Quote.speaker_id == Actor.id)
        .options(defer(Article.body))
        .where(Quote.id.in_(quote_ids), VISIBLE_QUOTE)
    ).all()
    via = via_of(session, quote_ids)
    return [QuoteRow(q, a, s, via.get(q.id, [])) for q, a, s in rows]


def articles_by_id(session: Session, ids: list[int]) -> list[Article]:
    return list(session.exec(select(Article).where(Article.id.in_(ids)))) if ids else []


def via_of(session: Session, quote_ids: list[int]) -> dict[int, list[Actor]]:
    out: dict[int, list[Actor]] = defaultdict(list)
    if quote_ids:
        rows = session.exec(
            select(QuoteVia.quote_id, Actor).join(Actor, QuoteVia.actor_id == Actor.id).where(QuoteVia.quote_id.in_(quote_ids))
        ).all()
        for quote_id, actor in rows:
            out[quote_id].append(actor)
    return out


# --- estimates -------------------------------------------------------------------------------


def estimate_conditions(session: Session, f: EstimateFilters) -> Conditions:
    conditions = {"visible": VISIBLE_ESTIMATE, **_date_conditions(session, f)}
    if f.q:
        like = f"%{f.q.lower()}%"
        conditions["q"] = or_(func.lower(Estimate.text).like(like), func.lower(Estimate.subject).like(like))
    if f.source:
        ids = actor_ids(session, f.source)
        conditions["source"] = Estimate.id.in_(
            select(EstimateSource.estimate_id).where(EstimateSource.actor_id.in_(ids))
        )
    if f.qualifier:
        conditions["qualifier"] = Estimate.qualifier.in_(f.qualifier)
    if f.unit:
        conditions["unit"] = Estimate.unit.in_(f.unit)
    if f.publisher:
        conditions["publisher"] = _publisher_condition(f.publisher)
    if f.article:
        conditions["article"] = Estimate.article_id == f.article
    return conditions


def list_estimates(session: Session, f: EstimateFilters, page_size: int) -> Page:
    conditions = estimate_conditions(session, f)
    stmt = (
        select(Estimate, Article)
        .join(Article, Estimate.article_id == Article.id)
        .options(defer(Article.body))  # a list shows the article's title and date; its text stays on disk
        .where(*conditions.values())
        .order_by(nulls_last(desc(Article.published)), Article.id, Estimate.start)
    )
    rows, total, page = _paginate(session, stmt, count_items(Estimate, conditions), f, page_size)
    sources = sources_of(session, [e.id for e, _ in rows])
    return Page([EstimateRow(e, a, sources.get(e.id, [])) for e, a in rows], total, page, page_size)


def sources_of(session: Session, estimate_ids: list[int]) -> dict[int, list[Actor]]:
    out: dict[int, list[Actor]] = defaultdict(list)
    if estimate_ids:
        rows = session.exec(
            select(EstimateSource.estimate_id, Actor)
            .join(Actor, EstimateSource.actor_id == Actor.id)
            .where(EstimateSource.estimate_id.in_(estimate_ids))
            .order_by(Actor.name)
        ).all()
        for estimate_id, actor in rows:
            out[estimate_id].append(actor)
    return out


# --- articles --------------------------------------------------------------------------------


def article_conditions(session: Session, f: ArticleFilters) -> Conditions:
    conditions = _date_conditions(session, f)
    if f.q:
        conditions["q"] = Article.id.in_(article_ids_matching(session, f.q))
    if f.publisher:
        conditions["publisher"] = _publisher_condition(f.publisher)
    if f.actor:
        ids = actor_ids(session, f.actor)
        mentioned = select(Mention.article_id).where(Mention.actor_id.in_(ids))
        credited = select(ArticleSource.article_id).where(ArticleSource.actor_id.in_(ids))
        conditions["actor"] = or_(Article.id.in_(mentioned), Article.id.in_(credited))
    return conditions


def list_articles(session: Session, f: ArticleFilters, page_size: int) -> Page:
    conditions = article_conditions(session, f)
    stmt = select(Article).where(*conditions.values()).order_by(nulls_last(desc(Article.published)), desc(Article.id))
    count = select(func.count()).select_from(Article).where(*conditions.values())
    rows, total, page = _paginate(session, stmt, count, f, page_size)
    return Page(list(rows), total, page, page_size)


def item_counts(session: Session, article_ids: list[int]) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = defaultdict(lambda: {"quotes": 0, "estimates": 0})
    if not article_ids:
        return out
    for table, key in ((Quote, "quotes"), (Estimate, "estimates")):
        for article_id, n in session.exec(
            select(table.article_id, func.count())
            .where(table.article_id.in_(article_ids), table.rejected.is_(False))
            .group_by(table.article_id)
        ).all():
            out[article_id][key] = n
    return out


# --- actors and sources ------------------------------------------------------------------------


def _actor_text_condition(q: str):  # noqa: ANN202
    like = f"%{norm(q)}%"
    return Actor.id.in_(select(ActorAlias.actor_id).where(ActorAlias.norm.like(like)))


def actor_conditions(session: Session, f: ActorFilters) -> Conditions:
    conditions = _actor_activity_window(session, f)
    if f.q:
        conditions["q"] = _actor_text_condition(f.q)
    if f.kind:
        conditions["kind"] = Actor.kind.in_(f.kind)
    return conditions


def _quotes_by_speaker(session: Session):  # noqa: ANN202
    """(actor_id, n) of every speaker's visible quotes: the speakers' tally (app/tally.py) when there."""
    if tally.installed(session):
        s = tally.SPEAKERS.c
        return select(s.speaker_id.label("actor_id"), s.n.label("n")).where(s.speaker_id != 0, s.n > 0)
    return select(Quote.speaker_id.label("actor_id"), func.count().label("n")).where(VISIBLE_QUOTE).group_by(
        Quote.speaker_id)


def list_actors(session: Session, f: ActorFilters, page_size: int) -> Page:
    conditions = actor_conditions(session, f)
    quotes = _quotes_by_speaker(session).subquery()
    articles = (
        select(Mention.actor_id.label("actor_id"), func.count(func.distinct(Mention.article_id)).label("n"))
        .group_by(Mention.actor_id)
        .subquery()
    )
    estimates = (
        select(EstimateSource.actor_id.label("actor_id"), func.count().label("n"))
        .join(Estimate, Estimate.id == EstimateSource.estimate_id).where(VISIBLE_ESTIMATE)
        .group_by(EstimateSource.actor_id).subquery()
    )
    n_quotes = func.coalesce(quotes.c.n, 0)
    n_articles = func.coalesce(articles.c.n, 0)
    n_estimates = func.coalesce(estimates.c.n, 0)
    stmt = (
        select(Actor, n_quotes, n_articles, n_estimates)
        .outerjoin(quotes, quotes.c.actor_id == Actor.id)
        .outerjoin(articles, articles.c.actor_id == Actor.id)
        .outerjoin(estimates, estimates.c.actor_id == Actor.id)
        .where(*conditions.values())
        .order_by(desc(n_quotes), desc(n_articles), Actor.name)
    )
    count = select(func.count()).select_from(Actor).where(*conditions.values())
    rows, total, page = _paginate(session, stmt, count, f, page_size)
    return Page([ActorRow(a, q, n, e) for a, q, n, e in rows], total, page, page_size)


def _actor_activity_window(session: Session, f: ListFilters) -> Conditions:
    """Actors mentioned in articles of the date range, when one is given."""
    dates = _date_conditions(session, f)
    if not dates:
        return {}
    mentioned = select(Mention.actor_id).join(Article, Mention.article_id == Article.id).where(*dates.values())
    return {"dates": Actor.id.in_(mentioned)}


def source_conditions(session: Session, f: SourceFilters) -> Conditions:
    conditions = {"media": Actor.kind == "media", **_actor_activity_window(session, f)}
    if f.q:
        conditions["q"] = _actor_text_condition(f.q)
    if f.kind:
        conditions["kind"] = Actor.role.in_(f.kind)
    return conditions


def list_sources(session: Session, f: SourceFilters, page_size: int) -> Page:
    conditions = source_conditions(session, f)
    named = (
        select(ArticleSource.actor_id.label("actor_id"), func.count(func.distinct(ArticleSource.article_id)).label("n"))
        .group_by(ArticleSource.actor_id)
        .subquery()
    )
    credited = (
        select(ArticleSource.actor_id.label("actor_id"), func.count(func.distinct(ArticleSource.article_id)).label("n"))
        .where(ArticleSource.credit.is_(True))
        .group_by(ArticleSource.actor_id)
        .subquery()
    )
    via = (
        select(QuoteVia.actor_id.label("actor_id"), func.count().label("n"))
        .join(Quote, Quote.id == QuoteVia.quote_id).where(VISIBLE_QUOTE)
        .group_by(QuoteVia.actor_id).subquery()
    )
    n_named, n_credited, n_via = (func.coalesce(t.c.n, 0) for t in (named, credited, via))
    stmt = (
        select(Actor, n_named, n_credited, n_via)
        .outerjoin(named, named.c.actor_id == Actor.id)
        .outerjoin(credited, credited.c.actor_id == Actor.id)
        .outerjoin(via, via.c.actor_id == Actor.id)
        .where(*conditions.values())
        .order_by(desc(n_via), desc(n_named), Actor.name)
    )
    count = select(func.count()).select_from(Actor).where(*conditions.values())
    rows, total, page = _paginate(session, stmt, count, f, page_size)
    return Page([SourceRow(a, n, c, v) for a, n, c, v in rows], total, page, page_size)


def aliases_of(session: Session, actor_id: int) -> list[str]:
    return list(session.exec(select(ActorAlias.alias).where(ActorAlias.actor_id == actor_id).order_by(ActorAlias.alias)))


def article_sources(session: Session, article_id: int) -> list[tuple[Actor, bool]]:
    return list(
        session.exec(
            select(Actor, ArticleSource.credit)
            .join(ArticleSource, ArticleSource.actor_id == Actor.id)
            .where(ArticleSource.article_id == article_id)
            .order_by(ArticleSource.credit, Actor.name)
        )
    )


def article_mentions(session: Session, article_id: int) -> list[tuple[Mention, Actor]]:
    return list(
        session.exec(
            select(Mention, Actor).join(Actor, Mention.actor_id == Actor.id).where(Mention.article_id == article_id)
        )
    )


# --- overview --------------------------------------------------------------------------------


@dataclass
class Overview:
    counts: dict[str, int]
    latest_quotes: list[QuoteRow]
    estimates: list[EstimateRow]
    top_speakers: list[ActorRow]
    sources: list[SourceRow]


def overview(session: Session) -> Overview:
    counts = {
        "articles": session.exec(select(func.count()).select_from(Article)).one(),
        "quotes": session.exec(select(func.count()).select_from(Quote).where(VISIBLE_QUOTE)).one(),
        "estimates": session.exec(select(func.count()).select_from(Estimate).where(VISIBLE_ESTIMATE)).one(),
        "actors": session.exec(select(func.count()).select_from(Actor).where(Actor.kind != "media")).one(),
        "sources": session.exec(select(func.count()).select_from(Actor).where(Actor.kind == "media")).one(),
    }
    quotes = list_quotes(session, QuoteFilters(kind=["direct"]), 6).items
    estimates = list_estimates(session, EstimateFilters(), 10).items
    speakers = [r for r in list_actors(session, ActorFilters(), 8).items if r.quotes]
    sources = [r for r in list_sources(session, SourceFilters(), 8).items if r.articles or r.quotes]
    return Overview(counts, quotes, estimates, speakers, sources)



class FilterOptions:
    """The values offered beside the filter fields, each queried only when a template asks."""

    qualifiers = [(q, q.replace("_", " ")) for q in ("exact", "approx", "more_than", "at_least", "up_to", "almost", "range")]

    def __init__(self, session: Session):
        self.session = session

    def _names(self, stmt) -> list[str]:  # noqa: ANN001
        return [n for n in self.session.exec(stmt.limit(500)).all() if n]

    @property
    def speakers(self) -> list[str]:
        return self._names(select(Actor.name).where(Actor.id.in_(select(Quote.speaker_id))).order_by(Actor.name))

    @property
    def sources(self) -> list[str]:
        return self._names(select(Actor.name).where(Actor.kind == "media").order_by(Actor.name))

    @property
    def estimate_sources(self) -> list[str]:
        return self._names(
            select(Actor.name).where(Actor.id.in_(select(EstimateSource.actor_id))).order_by(Actor.name)
        )

    @property
    def publishers(self) -> list[str]:
        return self._names(select(Article.publisher).distinct().order_by(Article.publisher))

    @property
    def units(self) -> list[str]:
        return self._names(select(Estimate.unit).distinct().order_by(Estimate.unit))

    @property
    def actors(self) -> list[str]:
        return self._names(select(Actor.name).order_by(Actor.name))


# --- actor pages and chains -----------------------------------------------------------------------


def co_actors(session: Session, actor_id: int, limit: int = 15,
              articles: int = 2_000) -> tuple[list[tuple[Actor, int]], int]:
    """The actors named in the same articles, with the number of articles shared, counted over the
    latest `articles` stored articles that name this one (a head of state is named in most of them:
    counting every mention of 80,000 articles takes a second), and how many articles name it.
    Counted by actor id (no join per mention pair), kept until the data changes."""
    theirs = (select(Mention.article_id).where(Mention.actor_id == actor_id).distinct()
              .order_by(desc(Mention.article_id)).limit(articles))
    counted = (select(Mention.actor_id.label("actor_id"), func.count(func.distinct(Mention.article_id)).label("n"))
               .where(Mention.article_id.in_(theirs), Mention.actor_id != actor_id)
               .group_by(Mention.actor_id).subquery())
    top = querycache.rows(session, select(Actor.id, counted.c.n).join(counted, counted.c.actor_id == Actor.id)
                          .order_by(desc(counted.c.n), Actor.name).limit(limit))
    naming = querycache.scalar(session, select(func.count(func.distinct(Mention.article_id)))
                               .where(Mention.actor_id == actor_id))
    actors = {a.id: a for a in session.exec(select(Actor).where(Actor.id.in_([i for i, _ in top])))} if top else {}
    return [(actors[i], n) for i, n in top if i in actors], naming


@dataclass
class Chain:
    speaker: Actor | None
    speaker_text: str | None
    agency: Actor
    outlet: str
    quotes: int


def chains(session: Session, agency_id: int | None = None) -> list[Chain]:
    """speaker → agency → outlet for every quote that came through an agency, with counts.

    The outlet is the article's publisher, else its credit line."""
    speaker = aliased(Actor)
    outlet = func.coalesce(Article.publisher, Article.credit, "outlet unknown")
    stmt = (
        select(speaker, Quote.speaker_text, Actor, outlet, func.count(func.distinct(Quote.id)))
        .select_from(Quote)
        .join(QuoteVia, QuoteVia.quote_id == Quote.id)
        .join(Actor, Actor.id == QuoteVia.actor_id)
        .join(Article, Article.id == Quote.article_id)
        .outerjoin(speaker, speaker.id == Quote.speaker_id)
        .where(VISIBLE_QUOTE)
        .group_by(speaker.id, Quote.speaker_text, Actor.id, outlet)
        .order_by(desc(func.count(func.distinct(Quote.id))))
    )
    if agency_id is not None:
        stmt = stmt.where(Actor.id == agency_id)
    return [Chain(s, t, a, o, n) for s, t, a, o, n in session.exec(stmt.limit(200)).all()]


def quote_months(session: Session, f: QuoteFilters) -> list[tuple[str, int]]:
    """(YYYY-MM, count) of the quotes `f` selects, oldest first; undated ones left out. Counted in
    the database (an actor may have tens of thousands of quotes), kept until the data changes."""
    month = month_of(Article.published, session)
    stmt = (select(month, func.count()).select_from(Quote).join(Article, Quote.article_id == Article.id)
            .where(*quote_conditions(session, f).values(), Article.published.is_not(None))
            .group_by(month).order_by(month))
    return [(m, n) for m, n in querycache.rows(session, stmt)]
