"""Analysts' corrections: their own records (who, when, before, after), applied over what the
extractor produced, re-applied after every re-extraction, undoable, listed on the audit page.

Quotes and estimates are found by their span in the article ("start:end"), which stays the same
when the article is extracted again; actor corrections change the actor tables directly, and the
store resolves every later article through the aliases they leave behind.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import Session, delete, select

from app.models import (
    Actor,
    ActorAlias,
    ArticleSource,
    Correction,
    Estimate,
    EstimateSource,
    Mention,
    Quote,
    QuoteVia,
    utcnow,
)
from app.names import norm

QUALIFIERS = ("exact", "approx", "more_than", "at_least", "up_to", "almost", "range", "vague")
ACTOR_KINDS = ("person", "state", "organization", "media")


class CorrectionError(ValueError):
    """A correction that cannot be made; the message says why, in the analyst's terms."""


class NotFound(CorrectionError):
    """The quote, estimate, actor or correction named does not exist."""


def _span(item) -> str:  # noqa: ANN001
    return f"{item.start}:{item.end}"


def _item(session: Session, table, article_id: int, span: str):  # noqa: ANN001, ANN202
    start, end = (int(x) for x in span.split(":"))
    return session.exec(
        select(table).where(table.article_id == article_id, table.start == start, table.end == end)
    ).first()


def _actor(session: Session, actor_id: int) -> Actor:
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFound(f"There is no actor {actor_id}.")
    return actor


def _record(session: Session, analyst: str, **fields) -> Correction:
    correction = Correction(analyst=analyst, **fields)
    session.add(correction)
    session.flush()
    return correction


# --- quotes and estimates: recorded, then applied (and re-applied after re-extraction) ---------------


def apply_item(session: Session, c: Correction) -> bool:
    """Apply one quote or estimate correction to the current rows; False when its item is gone."""
    table = Quote if c.target == "quote" else Estimate
    item = _item(session, table, c.article_id, c.span)
    if item is None:
        return False
    a = c.after
    if c.action in ("not_quote", "reject"):
        item.rejected = True
    elif c.action == "set_speaker":
        item.speaker_id = a.get("speaker_id")
        item.speaker_text = a.get("speaker")
    elif c.action == "set_figure":
        for key in ("value", "value_max", "qualifier", "unit"):
            if key in a:
                setattr(item, key, a[key])
    elif c.action == "set_sources":
        session.exec(delete(EstimateSource).where(EstimateSource.estimate_id == item.id))
        for actor_id in dict.fromkeys(a.get("actor_ids", [])):
            if session.get(Actor, actor_id) is not None:
                session.add(EstimateSource(estimate_id=item.id, actor_id=actor_id))
    item.corrected = True
    session.add(item)
    return True


def apply_article(session: Session, article_id: int) -> int:
    """Re-apply the active item corrections of an article, oldest first (after (re-)extraction)."""
    rows = session.exec(
        select(Correction)
        .where(Correction.article_id == article_id, Correction.undone_at.is_(None),
               Correction.target.in_(("quote", "estimate")))
        .order_by(Correction.id)
    ).all()
    return sum(apply_item(session, c) for c in rows)


def correct_quote(session: Session, quote_id: int, analyst: str, *, speaker_id: int | None = None,
                  not_a_quote: bool = False, note: str | None = None) -> Correction:
    quote = session.get(Quote, quote_id)
    if quote is None:
        raise NotFound(f"There is no quote {quote_id}.")
    if not_a_quote:
        c = _record(session, analyst, target="quote", action="not_quote", article_id=quote.article_id,
                    span=_span(quote), before={"rejected": quote.rejected}, after={"rejected": True}, note=note)
    elif speaker_id is not None:
        speaker = _actor(session, speaker_id)
        c = _record(session, analyst, target="quote", action="set_speaker", article_id=quote.article_id,
                    span=_span(quote), before={"speaker_id": quote.speaker_id, "speaker": quote.speaker_text},
                    after={"speaker_id": speaker.id, "speaker": speaker.name}, note=note)
    else:
        raise CorrectionError("Say what to change: a speaker, or that it is not a quote.")
    apply_item(session, c)
    return c


def correct_estimate(session: Session, estimate_id: int, analyst: str, *, value: float | None = None,
                     value_max: float | None = None, qualifier: str | None = None,
                     source_ids: list[int] | None = None, reject: bool = False, note: str | None = None) -> list[Correction]:
    e = session.get(Estimate, estimate_id)
    if e is None:
        raise NotFound(f"There is no estimate {estimate_id}.")
    made = []
    if reject:
        made.append(_record(session, analyst, target="estimate", action="reject", article_id=e.article_id,
                            span=_span(e), before={"rejected": e.rejected}, after={"rejected": True}, note=note))
    figure = {k: v for k, v in (("value", value), ("value_max", value_max), ("qualifier", qualifier)) if v is not None}
    if figure:
        if qualifier is not None and qualifier not in QUALIFIERS:
            raise CorrectionError(f"Qualifier must be one of {', '.join(QUALIFIERS)}, not {qualifier!r}.")
        if figure.get("value", e.value) < 0:
            raise CorrectionError("A figure cannot be negative.")
        made.append(_record(session, analyst, target="estimate", action="set_figure", article_id=e.article_id,
                            span=_span(e), before={k: getattr(e, k) for k in figure}, after=figure, note=note))
    if source_ids is not None:
        actors = [_actor(session, i) for i in source_ids]
        current = session.exec(select(EstimateSource.actor_id).where(EstimateSource.estimate_id == e.id)).all()
        made.append(_record(session, analyst, target="estimate", action="set_sources", article_id=e.article_id,
                            span=_span(e), before={"actor_ids": list(current)},
                            after={"actor_ids": [a.id for a in actors], "names": [a.name for a in actors]}, note=note))
    if not made:
        raise CorrectionError("Say what to change: the figure, the qualifier, who gives it, or reject it.")
    for c in made:
        apply_item(session, c)
    return made


# --- actors: changed in place; their corrections are records of the change --------------------------


def rename_actor(session: Session, actor_id: int, name: str, analyst: str, note: str | None = None) -> Correction:
    actor = _actor(session, actor_id)
    name = name.strip()
    if not name:
        raise CorrectionError("A name cannot be empty.")
    other = session.exec(select(Actor).where(Actor.name == name, Actor.id != actor_id)).first()
    if other is not None:
        raise CorrectionError(f"“{name}” is already the name of actor {other.id}; merge the two instead.")
    _claim_alias(session, actor, name)
    c = _record(session, analyst, target="actor", action="rename", actor_id=actor.id,
                before={"name": actor.name}, after={"name": name}, note=note)
    actor.name = name  # the old name stays an alias: old links and the next article still find it
    session.add(actor)
    return c


def set_actor_fields(session: Session, actor_id: int, analyst: str, *, kind: str | None = None,
                     role: str | None = None, note: str | None = None) -> list[Correction]:
    actor = _actor(session, actor_id)
    made = []
    if kind is not None and kind != actor.kind:
        if kind not in ACTOR_KINDS:
            raise CorrectionError(f"Kind must be one of {', '.join(ACTOR_KINDS)}, not {kind!r}.")
        made.append(_record(session, analyst, target="actor", action="set_kind", actor_id=actor.id,
                            before={"kind": actor.kind}, after={"kind": kind}, note=note))
        actor.kind = kind
    if role is not None and role != (actor.role or ""):
        made.append(_record(session, analyst, target="actor", action="set_role", actor_id=actor.id,
                            before={"role": actor.role}, after={"role": role or None}, note=note))
        actor.role = role or None
    if not made:
        raise CorrectionError("Nothing to change: give a new kind or role.")
    session.add(actor)
    return made


def _claim_alias(session: Session, actor: Actor, alias: str) -> bool:
    """Give `alias` to `actor`; False when it already had it. Refuses an alias of another actor."""
    key = norm(alias)
    if not key:
        raise CorrectionError("An alias cannot be empty.")
    owners = session.exec(select(ActorAlias).where(ActorAlias.norm == key)).all()
    foreign = [o for o in owners if o.actor_id != actor.id]
    if foreign:
        holder = session.get(Actor, foreign[0].actor_id)
        raise CorrectionError(f"“{alias}” already names {holder.name} (actor {holder.id}); merge the two instead.")
    if any(o.alias == alias for o in owners):
        return False
    session.add(ActorAlias(actor_id=actor.id, alias=alias, norm=key))
    return True


def add_alias(session: Session, actor_id: int, alias: str, analyst: str, note: str | None = None) -> Correction:
    actor = _actor(session, actor_id)
    alias = alias.strip()
    if not _claim_alias(session, actor, alias):
        raise CorrectionError(f"{actor.name} already has the alias “{alias}”.")
    return _record(session, analyst, target="actor", action="add_alias", actor_id=actor.id,
                   before={}, after={"alias": alias}, note=note)


def merge_actors(session: Session, from_id: int, into_id: int, analyst: str, note: str | None = None) -> Correction:
    """Everything of actor `from_id` moves to `into_id` (aliases, mentions, quotes, estimates, sources);
    `from_id` is removed. Undo recreates it and re-extracts the articles concerned."""
    if from_id == into_id:
        raise CorrectionError("An actor cannot be merged into itself.")
    source, target = _actor(session, from_id), _actor(session, into_id)
    aliases = list(session.exec(select(ActorAlias.alias).where(ActorAlias.actor_id == source.id)))
    c = _record(session, analyst, target="actor", action="merge", actor_id=target.id,
                before={"actor": {"id": source.id, "name": source.name, "kind": source.kind, "role": source.role},
                        "aliases": aliases},
                after={"into_id": target.id, "into": target.name}, note=note)
    session.exec(update(ActorAlias).where(ActorAlias.actor_id == source.id).values(actor_id=target.id))
    session.exec(update(Mention).where(Mention.actor_id == source.id).values(actor_id=target.id))
    session.exec(update(Quote).where(Quote.speaker_id == source.id).values(speaker_id=target.id))
    _move_links(session, QuoteVia, "quote_id", source.id, target.id)
    _move_links(session, EstimateSource, "estimate_id", source.id, target.id)
    for row in session.exec(select(ArticleSource).where(ArticleSource.actor_id == source.id)).all():
        twin = session.exec(select(ArticleSource).where(
            ArticleSource.actor_id == target.id, ArticleSource.article_id == row.article_id,
            ArticleSource.credit == row.credit)).first()
        if twin is None:
            row.actor_id = target.id
            session.add(row)
        else:
            session.delete(row)
    session.flush()
    session.delete(source)
    return c


def _move_links(session: Session, table, key: str, old: int, new: int) -> None:  # noqa: ANN001
    """Re-point link rows (quote_via, estimate_source) from actor `old` to `new`, dropping twins."""
    column = getattr(table, key)
    have = set(session.exec(select(column).where(table.actor_id == new)).all())
    for row in session.exec(select(table).where(table.actor_id == old)).all():
        owner = getattr(row, key)
        session.delete(row)
        if owner not in have:
            session.add(table(**{key: owner, "actor_id": new}))
            have.add(owner)
    session.flush()


# --- undo ------------------------------------------------------------------------------------------


def undo(session: Session, correction_id: int, analyst: str, rebuild) -> Correction:  # noqa: ANN001
    """Mark a correction undone and restore what it changed. `rebuild(session, article_ids)` re-extracts
    articles and re-applies the corrections still active (app.ingest.rebuild_articles)."""
    c = session.get(Correction, correction_id)
    if c is None:
        raise NotFound(f"There is no correction {correction_id}.")
    if c.undone_at is not None:
        raise CorrectionError(f"Correction {correction_id} was already undone by {c.undone_by}.")
    c.undone_at, c.undone_by = utcnow(), analyst
    session.add(c)
    if c.target in ("quote", "estimate"):
        rebuild(session, [c.article_id])
        return c
    actor = session.get(Actor, c.actor_id)
    if c.action == "merge":
        _undo_merge(session, c, rebuild)
    elif actor is None:
        raise CorrectionError("The actor this correction changed no longer exists (merged since); undo that first.")
    elif c.action == "rename":
        actor.name = c.before["name"]
    elif c.action == "set_kind":
        actor.kind = c.before["kind"]
    elif c.action == "set_role":
        actor.role = c.before["role"]
    elif c.action == "add_alias":
        session.exec(delete(ActorAlias).where(ActorAlias.actor_id == actor.id, ActorAlias.alias == c.after["alias"]))
    if actor is not None:
        session.add(actor)
    return c


def _undo_merge(session: Session, c: Correction, rebuild) -> None:  # noqa: ANN001
    old = c.before["actor"]
    if session.exec(select(Actor).where(Actor.name == old["name"])).first() is not None:
        raise CorrectionError(f"An actor named “{old['name']}” exists again; cannot restore the merged one.")
    restored = Actor(id=None if session.get(Actor, old["id"]) else old["id"], name=old["name"], kind=old["kind"],
                     role=old["role"])
    session.add(restored)
    session.flush()
    for alias in c.before["aliases"]:
        session.exec(update(ActorAlias).where(ActorAlias.alias == alias).values(actor_id=restored.id))
    into = c.after["into_id"]
    articles = set(session.exec(select(Mention.article_id).where(Mention.actor_id == into)).all())
    articles |= set(session.exec(select(Quote.article_id).where(Quote.speaker_id == into)).all())
    articles |= set(session.exec(select(ArticleSource.article_id).where(ArticleSource.actor_id == into)).all())
    session.flush()
    rebuild(session, sorted(articles))
