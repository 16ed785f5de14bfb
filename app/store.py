"""Writing an extraction into the database: actors found or created by alias, the article's items
replaced as a whole. The caller owns the transaction."""

from __future__ import annotations

from sqlmodel import Session, delete, select

from app.extract.model import Extraction
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


class ActorBook:
    """Finds actors by any alias, creating them on first sight. One per transaction."""

    def __init__(self, session: Session):
        self.session = session
        self._by_norm: dict[str, Actor] = {}
        self._spellings: set[str] = set()

    def find(self, name: str) -> Actor | None:
        key = norm(name)
        if not key:
            return None
        if key in self._by_norm:
            return self._by_norm[key]
        row = self.session.exec(
            select(Actor).join(ActorAlias, ActorAlias.actor_id == Actor.id).where(ActorAlias.norm == key)
        ).first()
        if row is None:
            row = self.session.exec(select(Actor).where(Actor.name == name)).first()
        if row is not None:
            self._by_norm[key] = row
        return row

    def get(self, name: str, kind: str, role: str | None = None, aliases: list[str] = ()) -> Actor:
        actor = self.find(name)
        if actor is None:
            actor = Actor(name=name, kind=kind, role=role)
            self.session.add(actor)
            self.session.flush()
        elif role and not actor.role:
            actor.role = role
            self.session.add(actor)
        for alias in [name, *aliases]:
            self.add_alias(actor, alias)
        return actor

    def add_alias(self, actor: Actor, alias: str) -> None:
        """Record a spelling; a folded form already owned by another actor stays with that actor."""
        alias = alias.strip()
        key = norm(alias)
        if not key or alias in self._spellings:
            return
        self._spellings.add(alias)
        owner = self._by_norm.get(key) or self.find(key)
        if owner is not None and owner.id != actor.id:
            return
        if self.session.exec(select(ActorAlias.id).where(ActorAlias.alias == alias)).first() is None:
            self.session.add(ActorAlias(actor_id=actor.id, alias=alias, norm=key))
        self._by_norm[key] = actor


def clear_items(session: Session, article_id: int) -> None:
    """Remove what an extractor produced for an article (before storing a new extraction)."""
    for table in (Mention, Quote, Estimate, ArticleSource):
        session.exec(delete(table).where(table.article_id == article_id))


def store_extraction(session: Session, article: Article, extraction: Extraction) -> dict[str, int]:
    """Store `extraction` as the items of `article` (which has an id). Returns counts."""
    book = ActorBook(session)
    seen: set[tuple] = set()

    def mention(actor: Actor, m) -> None:  # noqa: ANN001
        key = (actor.id, m.start, m.end)
        if key not in seen:
            seen.add(key)
            session.add(Mention(article_id=article.id, actor_id=actor.id, start=m.start, end=m.end, text=m.text))

    for a in extraction.actors:
        actor = book.get(a.name, a.kind, a.role, a.aliases)
        for m in a.mentions:
            mention(actor, m)
    for s in extraction.sources:
        actor = book.get(s.name, "media", s.kind)
        if ("source", actor.id, s.credit) not in seen:
            seen.add(("source", actor.id, s.credit))
            session.add(ArticleSource(article_id=article.id, actor_id=actor.id, credit=s.credit))
        for m in s.mentions:
            mention(actor, m)
    for q in extraction.quotes:
        speaker = book.find(q.speaker) if q.speaker else None
        row = Quote(
            article_id=article.id,
            speaker_id=speaker.id if speaker else None,
            speaker_text=q.speaker,
            text=q.text,
            kind=q.kind,
            cue=q.cue,
            start=q.start,
            end=q.end,
            speaker_start=q.speaker_start,
            speaker_end=q.speaker_end,
            cue_start=q.cue_start,
            cue_end=q.cue_end,
        )
        session.add(row)
        session.flush()
        for actor_id in dict.fromkeys(book.get(name, "media").id for name in q.via):  # two spellings, one actor
            session.add(QuoteVia(quote_id=row.id, actor_id=actor_id))
    for e in extraction.estimates:
        row = Estimate(
            article_id=article.id,
            text=e.text,
            value=e.value,
            value_max=e.value_max,
            qualifier=e.qualifier,
            unit=e.unit,
            subject=e.subject,
            cue=e.cue,
            start=e.start,
            end=e.end,
            cue_start=e.cue_start,
            cue_end=e.cue_end,
        )
        session.add(row)
        session.flush()
        sources = dict.fromkeys((book.find(name) or book.get(name, "organization")).id for name in e.attributed_to)
        for actor_id in sources:
            session.add(EstimateSource(estimate_id=row.id, actor_id=actor_id))
    return {
        "actors": len(extraction.actors),
        "quotes": len(extraction.quotes),
        "estimates": len(extraction.estimates),
        "sources": len(extraction.sources),
    }
