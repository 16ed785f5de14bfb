"""Facets: counts over the current filtered set, each value a link that adds or removes itself.

A facet is counted with every filter but its own, so that its values stay visible and choosing a
second value widens the list (values of one facet are alternatives, facets narrow each other).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import desc, func
from sqlmodel import Session, select

from app.filters import ListFilters
from app.models import Actor, Article, Estimate, EstimateSource, Mention, Quote, QuoteVia
from app.queries import (
    actor_conditions,
    actor_ids,
    article_conditions,
    estimate_conditions,
    month_of,
    quote_conditions,
    source_conditions,
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


def _words(value: str) -> str:
    return value.replace("_", " ")


def _same(chosen: list[str]) -> dict[str, object]:
    return {v: v for v in chosen}


def _actor_keys(session: Session, chosen: list[str]) -> dict[str, object]:
    return dict(zip(chosen, actor_ids(session, chosen), strict=True))


def _month_rows(session: Session, base, conditions) -> list:  # noqa: ANN001
    month = month_of(Article.published, session)
    rows = session.exec(
        base(month).where(*conditions, Article.published.is_not(None)).group_by(month).order_by(desc(month)).limit(24)
    ).all()
    return [(month_label(m), m, n, m) for m, n in rows]


def quote_facets(session: Session, f, path: str) -> list[Facet]:  # noqa: ANN001
    c = quote_conditions(session, f)

    def base(*cols):  # noqa: ANN202
        return select(*cols, func.count(func.distinct(Quote.id))).select_from(Quote).join(
            Article, Quote.article_id == Article.id
        )

    speakers = session.exec(
        base(Actor.id, Actor.name).join(Actor, Quote.speaker_id == Actor.id).where(*without(c, "speaker"))
        .group_by(Actor.id).order_by(desc(func.count(func.distinct(Quote.id))), Actor.name).limit(LIMIT)
    ).all()
    via = session.exec(
        base(Actor.id, Actor.name).join(QuoteVia, QuoteVia.quote_id == Quote.id).join(Actor, QuoteVia.actor_id == Actor.id)
        .where(*without(c, "via")).group_by(Actor.id).order_by(desc(func.count(func.distinct(Quote.id)))).limit(LIMIT)
    ).all()
    publishers = session.exec(
        base(Article.publisher).where(*without(c, "publisher"), Article.publisher.is_not(None))
        .group_by(Article.publisher).order_by(desc(func.count(func.distinct(Quote.id)))).limit(LIMIT)
    ).all()
    kinds = session.exec(base(Quote.kind).where(*without(c, "kind")).group_by(Quote.kind)).all()
    return [
        _facet(f, path, "speaker", "Speaker", _actors(speakers), _actor_keys(session, f.speaker)),
        _facet(f, path, "via", "Via", _actors(via), _actor_keys(session, f.via)),
        _facet(f, path, "publisher", "Publisher", _plain(publishers), _same(f.publisher)),
        _facet(f, path, "month", "Month", _month_rows(session, base, without(c, "month")), _same(f.month)),
        _facet(f, path, "kind", "Kind", _plain(kinds), _same(f.kind)),
    ]


def estimate_facets(session: Session, f, path: str) -> list[Facet]:  # noqa: ANN001
    c = estimate_conditions(session, f)

    def base(*cols):  # noqa: ANN202
        return select(*cols, func.count(func.distinct(Estimate.id))).select_from(Estimate).join(
            Article, Estimate.article_id == Article.id
        )

    count = func.count(func.distinct(Estimate.id))
    sources = session.exec(
        base(Actor.id, Actor.name).join(EstimateSource, EstimateSource.estimate_id == Estimate.id)
        .join(Actor, EstimateSource.actor_id == Actor.id).where(*without(c, "source"))
        .group_by(Actor.id).order_by(desc(count), Actor.name).limit(LIMIT)
    ).all()
    qualifiers = session.exec(
        base(Estimate.qualifier).where(*without(c, "qualifier")).group_by(Estimate.qualifier).order_by(desc(count))
    ).all()
    units = session.exec(
        base(Estimate.unit).where(*without(c, "unit"), Estimate.unit.is_not(None)).group_by(Estimate.unit)
        .order_by(desc(count)).limit(LIMIT)
    ).all()
    publishers = session.exec(
        base(Article.publisher).where(*without(c, "publisher"), Article.publisher.is_not(None))
        .group_by(Article.publisher).order_by(desc(count)).limit(LIMIT)
    ).all()
    return [
        _facet(f, path, "source", "Who says so", _actors(sources), _actor_keys(session, f.source)),
        _facet(f, path, "qualifier", "Qualifier", _plain(qualifiers, _words), _same(f.qualifier)),
        _facet(f, path, "unit", "What is counted", _plain(units), _same(f.unit)),
        _facet(f, path, "publisher", "Publisher", _plain(publishers), _same(f.publisher)),
        _facet(f, path, "month", "Month", _month_rows(session, base, without(c, "month")), _same(f.month)),
    ]


def article_facets(session: Session, f, path: str) -> list[Facet]:  # noqa: ANN001
    c = article_conditions(session, f)

    def base(*cols):  # noqa: ANN202
        return select(*cols, func.count(func.distinct(Article.id))).select_from(Article)

    count = func.count(func.distinct(Article.id))
    publishers = session.exec(
        base(Article.publisher).where(*without(c, "publisher"), Article.publisher.is_not(None))
        .group_by(Article.publisher).order_by(desc(count)).limit(LIMIT)
    ).all()
    actors = session.exec(
        base(Actor.id, Actor.name).join(Mention, Mention.article_id == Article.id).join(Actor, Mention.actor_id == Actor.id)
        .where(*without(c, "actor"), Actor.kind != "media").group_by(Actor.id).order_by(desc(count), Actor.name)
        .limit(LIMIT)
    ).all()
    return [
        _facet(f, path, "publisher", "Publisher", _plain(publishers), _same(f.publisher)),
        _facet(f, path, "actor", "Mentions", _actors(actors), _actor_keys(session, f.actor)),
        _facet(f, path, "month", "Month", _month_rows(session, base, without(c, "month")), _same(f.month)),
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
