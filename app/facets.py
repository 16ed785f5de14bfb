"""Facets: counts over the current filtered set, each value a link that adds or removes itself.

A facet is counted with every filter but its own, so that its values stay visible and choosing a
second value widens the list (values of one facet are alternatives, facets narrow each other).

Speed: the counts are kept until the data changes (app/querycache.py); a quote or estimate counts
once per value (count(*): no join here can repeat a row within a group); the article is joined only
when a condition or the facet reads it; actor facets count by id first and name the top ones after.
The quotes list's facets are read from the maintained tally (app/tally.py) when its filters allow:
sums over a few thousand tally rows instead of counts over up to every quote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import desc, func
from sqlmodel import Session, select

from app import querycache, tally
from app.filters import ListFilters
from app.models import Actor, Article, Estimate, EstimateSource, Mention, Quote, QuoteVia
from app.queries import (
    actor_conditions,
    actor_ids,
    article_conditions,
    estimate_conditions,
    month_of,
    needs_article,
    quote_conditions,
    quote_tally,
    source_conditions,
    unindexed,
    without,
)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
LIMIT = 12


def month_label(value: str) -> str:
    year, month = value.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


@dataclass
class FacetValue:
    label: str
    value: str
    count: int
    active: bool
    url: str


@dataclass
class Facet:
    name: str  # the query parameter
    title: str
    values: list[FacetValue] = field(default_factory=list)


def _facet(f: ListFilters, path: str, name: str, title: str, rows, keys: dict[str, object]) -> Facet:  # noqa: ANN001
    """rows: (label, value, count, key); keys: each chosen value of the filter → its key (an actor
    is chosen by any spelling, so actor facets compare ids; other facets compare the values)."""
    chosen: list[str] = list(getattr(f, name))
    values = []
    for label, value, count, key in rows:
        if label is None or value is None:
            continue
        on = key in keys.values()
        choice = [v for v in chosen if keys.get(v) != key] if on else [*chosen, str(value)]
        values.append(FacetValue(str(label), str(value), count, on, f.url(path, **{name: choice})))
    return Facet(name, title, values)


def _plain(rows, label=lambda v: v) -> list[tuple]:  # noqa: ANN001
    return [(label(v), v, n, v) for v, n in rows]


def _actors(rows) -> list[tuple]:  # noqa: ANN001
    return [(name, name, n, actor_id) for actor_id, name, n in rows]


def _months(rows) -> list[tuple]:  # noqa: ANN001
    return [(month_label(m), m, n, m) for m, n in rows]


def _words(value: str) -> str:
    return value.replace("_", " ")


def _same(chosen: list[str]) -> dict[str, object]:
    return {v: v for v in chosen}


def _actor_keys(session: Session, chosen: list[str]) -> dict[str, object]:
    return dict(zip(chosen, actor_ids(session, chosen), strict=True))


def _month_rows(session: Session, base, conditions) -> list:  # noqa: ANN001
    """(month, count) of the 24 latest months."""
    month = month_of(Article.published, session)
    return querycache.rows(session,
        base(month, article=True).where(*conditions, Article.published.is_not(None)).group_by(month)
        .order_by(desc(month)).limit(24)
    )


def _top_actors(session: Session, counted, *conditions) -> list:  # noqa: ANN001
    """(actor id, name, count) of the LIMIT actors counted most (among those meeting `conditions`):
    `counted` is (actor id, n) rows, aggregated before any actor is read. Ties by name."""
    sub = counted.subquery()
    return querycache.rows(session,
        select(Actor.id, Actor.name, sub.c.n).join(sub, sub.c.actor_id == Actor.id).where(*conditions)
        .order_by(desc(sub.c.n), Actor.name).limit(LIMIT)
    )


def _counting(model, c, n):  # noqa: ANN001, ANN202
    """`base(*cols, article=…, leave_out=…)`: the columns and the count `n` over `model`'s rows, joined
    to their article when a column (article=True) or a condition other than the facet's own reads it."""
    def base(*cols, article: bool = False, leave_out: str | None = None):  # noqa: ANN202
        stmt = select(*cols, n).select_from(model)
        if model is not Article and (article or needs_article(c, leave_out)):
            stmt = stmt.join(Article, model.article_id == Article.id)
        return stmt
    return base


def _publisher_rows(session: Session, base, conditions, n) -> list:  # noqa: ANN001
    """(outlet, count) of the LIMIT outlets counted most."""
    return querycache.rows(session,
        base(Article.publisher, article=True).where(*conditions, Article.publisher.is_not(None))
        .group_by(unindexed(Article.publisher, session)).order_by(desc(n), Article.publisher).limit(LIMIT)
    )


def quote_facets(session: Session, f, path: str) -> list[Facet]:  # noqa: ANN001
    c = quote_conditions(session, f)
    tallied = quote_tally(session, f, c)
    if tallied:
        speakers, via, publishers, months, kinds = _tallied_quote_facets(session, tallied)
    else:
        speakers, via, publishers, months, kinds = _counted_quote_facets(session, c)
    return [
        _facet(f, path, "speaker", "Speaker", _actors(speakers), _actor_keys(session, f.speaker)),
        _facet(f, path, "via", "Via", _actors(via), _actor_keys(session, f.via)),
        _facet(f, path, "publisher", "Publisher", _plain(publishers), _same(f.publisher)),
        _facet(f, path, "month", "Month", _months(months), _same(f.month)),
        _facet(f, path, "kind", "Kind", _plain(kinds), _same(f.kind)),
    ]


def _counted_quote_facets(session: Session, c) -> tuple[list, ...]:  # noqa: ANN001
    """speakers, channels, outlets, months, kinds: counted over the matching quotes."""
    n = func.count().label("n")
    base = _counting(Quote, c, n)
    speakers = _top_actors(session,
        base(Quote.speaker_id.label("actor_id"), leave_out="speaker").where(
            *without(c, "speaker"), Quote.speaker_id.is_not(None)).group_by(Quote.speaker_id)
    )
    via = _top_actors(session,
        base(QuoteVia.actor_id.label("actor_id"), leave_out="via").join(QuoteVia, QuoteVia.quote_id == Quote.id)
        .where(*without(c, "via")).group_by(QuoteVia.actor_id)
    )
    publishers = _publisher_rows(session, base, without(c, "publisher"), n)
    kinds = querycache.rows(session, base(Quote.kind, leave_out="kind").where(*without(c, "kind"))
                            .group_by(Quote.kind).order_by(Quote.kind))
    return speakers, via, publishers, _month_rows(session, base, without(c, "month")), kinds


def _tallied_quote_facets(session: Session, t: tally.QuoteTally) -> tuple[list, ...]:
    """The same, read from the tally."""
    T = tally.T  # noqa: N806
    speakers = _top_actors(session, t.speakers())
    via = _top_actors(session, t.counted(T.via_id.label("actor_id"), "via"))
    publishers = querycache.rows(session, t.counted(T.publisher, "publisher", T.publisher != "")
                                 .order_by(desc("n"), T.publisher).limit(LIMIT))
    months = querycache.rows(session, t.counted(T.month, "month", T.month != "").order_by(desc(T.month)).limit(24))
    kinds = querycache.rows(session, t.counted(T.kind, "kind").order_by(T.kind))
    return speakers, via, publishers, months, kinds


def estimate_facets(session: Session, f, path: str) -> list[Facet]:  # noqa: ANN001
    c = estimate_conditions(session, f)
    count = func.count().label("n")
    base = _counting(Estimate, c, count)

    sources = _top_actors(session,
        base(EstimateSource.actor_id.label("actor_id"), leave_out="source")
        .join(EstimateSource, EstimateSource.estimate_id == Estimate.id).where(*without(c, "source"))
        .group_by(EstimateSource.actor_id)
    )
    qualifiers = querycache.rows(session,
        base(Estimate.qualifier, leave_out="qualifier").where(*without(c, "qualifier")).group_by(Estimate.qualifier)
        .order_by(desc(count))
    )
    units = querycache.rows(session,
        base(Estimate.unit, leave_out="unit").where(*without(c, "unit"), Estimate.unit.is_not(None))
        .group_by(Estimate.unit).order_by(desc(count)).limit(LIMIT)
    )
    publishers = _publisher_rows(session, base, without(c, "publisher"), count)
    return [
        _facet(f, path, "source", "Who says so", _actors(sources), _actor_keys(session, f.source)),
        _facet(f, path, "qualifier", "Qualifier", _plain(qualifiers, _words), _same(f.qualifier)),
        _facet(f, path, "unit", "What is counted", _plain(units), _same(f.unit)),
        _facet(f, path, "publisher", "Publisher", _plain(publishers), _same(f.publisher)),
        _facet(f, path, "month", "Month", _months(_month_rows(session, base, without(c, "month"))), _same(f.month)),
    ]


def article_facets(session: Session, f, path: str) -> list[Facet]:  # noqa: ANN001
    c = article_conditions(session, f)
    count = func.count(func.distinct(Article.id))
    base = _counting(Article, c, count)
    publishers = _publisher_rows(session, base, without(c, "publisher"), count)
    named = select(Mention.actor_id.label("actor_id"), func.count(func.distinct(Mention.article_id)).label("n"))
    if without(c, "actor"):  # only then the article is read (ix_mention_actor_article serves the rest)
        named = named.join(Article, Mention.article_id == Article.id).where(*without(c, "actor"))
    actors = _top_actors(session, named.group_by(Mention.actor_id), Actor.kind != "media")
    return [
        _facet(f, path, "publisher", "Publisher", _plain(publishers), _same(f.publisher)),
        _facet(f, path, "actor", "Mentions", _actors(actors), _actor_keys(session, f.actor)),
        _facet(f, path, "month", "Month", _months(_month_rows(session, base, without(c, "month"))), _same(f.month)),
    ]


def actor_facets(session: Session, f, path: str) -> list[Facet]:  # noqa: ANN001
    c = actor_conditions(session, f)
    kinds = session.exec(
        select(Actor.kind, func.count()).where(*without(c, "kind")).group_by(Actor.kind).order_by(desc(func.count()))
    ).all()
    return [_facet(f, path, "kind", "Kind", _plain(kinds), _same(f.kind))]


def source_facets(session: Session, f, path: str) -> list[Facet]:  # noqa: ANN001
    c = source_conditions(session, f)
    kinds = session.exec(
        select(Actor.role, func.count()).where(*without(c, "kind"), Actor.role.is_not(None)).group_by(Actor.role)
        .order_by(desc(func.count()))
    ).all()
    return [_facet(f, path, "kind", "Kind", _plain(kinds, _words), _same(f.kind))]


# --- the active filters, as removable chips and one plain sentence ---------------------------------

PHRASES = {
    "q": "containing “{}”",
    "speaker": "by {}",
    "via": "via {}",
    "publisher": "published by {}",
    "source": "according to {}",
    "qualifier": "given as “{}”",
    "unit": "counting {}",
    "actor": "mentioning {}",
    "kind": "of kind {}",
    "month": "in {}",
    "from": "since {}",
    "to": "until {}",
    "article": "from article {}",
}
ACTOR_FIELDS = {"speaker", "via", "source", "actor"}


@dataclass
class Chip:
    label: str
    remove_url: str


def day_label(d) -> str:  # noqa: ANN001
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def active_filters(session: Session, f: ListFilters, path: str, noun: str) -> tuple[str, list[Chip]]:
    """("quotes by Kim Jong Un, via KCNA, since 1 November 2024", [chips])."""
    phrases, chips = [], []
    data = f.model_dump(by_alias=True, exclude={"page"})
    for name, template in PHRASES.items():
        value = data.get(name)
        if value in (None, "", []):
            continue
        values = value if isinstance(value, list) else [value]
        shown = []
        for v in values:
            if name in ACTOR_FIELDS:
                actor = session.get(Actor, actor_ids(session, [v])[0])
                label = actor.name if actor else f"{v} (unknown)"
            elif name == "month":
                label = month_label(v)
            elif name in ("from", "to"):
                label = day_label(v)
            else:
                label = str(v).replace("_", " ")
            shown.append(label)
            rest = [x for x in values if x != v] if isinstance(value, list) else None
            chips.append(Chip(template.format(label), f.url(path, **{_field(name): rest})))
        phrases.append(template.format(" or ".join(shown)))
    return (f"{noun} " + ", ".join(phrases)) if phrases else f"all {noun}", chips


def _field(name: str) -> str:
    return "from_" if name == "from" else name
