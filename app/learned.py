"""The gazetteer the extractor uses, with what analysts taught it: aliases they added, names they
gave, actors they merged. So the next article is right from the start.

The packaged gazetteer (app/extract/gazetteer.toml) is read once; analysts' additions are laid over
it whenever their corrections change (cached on the latest correction's id and time)."""

from __future__ import annotations

import copy
import tomllib

from sqlalchemy import func
from sqlmodel import Session, select

from app.extract.gazetteer import Gazetteer
from app.extract.lexicon import HERE
from app.models import Actor, ActorAlias, Correction

_base: dict | None = None
_cache: dict[tuple, Gazetteer] = {}
SECTIONS = {"person": "person", "state": "state", "organization": "organization", "media": "media"}


def base_data() -> dict:
    global _base
    if _base is None:
        with open(HERE / "gazetteer.toml", "rb") as f:
            _base = tomllib.load(f)
    return _base


def learned_gazetteer(session: Session) -> Gazetteer | None:
    """None when analysts taught nothing (the extractor then uses its own gazetteer)."""
    key = session.exec(
        select(func.count(Correction.id), func.max(Correction.id), func.max(Correction.undone_at))
        .where(Correction.target == "actor")
    ).one()
    if not key[0]:
        return None
    if key not in _cache:
        _cache.clear()
        _cache[key] = Gazetteer(overlay(session))
    return _cache[key]


def overlay(session: Session) -> dict:
    """The packaged data with every actor analysts touched: its current name and all its aliases."""
    data = copy.deepcopy(base_data())
    touched = set(session.exec(select(Correction.actor_id).where(Correction.target == "actor",
                                                                   Correction.undone_at.is_(None))).all())
    for actor in session.exec(select(Actor).where(Actor.id.in_(touched))).all():
        aliases = list(session.exec(select(ActorAlias.alias).where(ActorAlias.actor_id == actor.id)).all())
        section = data.setdefault(SECTIONS[actor.kind], [])
        entry = next((e for e in section if e["name"] == actor.name or e["name"] in aliases), None)
        if entry is None:
            section.append({"name": actor.name, "aliases": aliases, "role": actor.role})
        else:
            old = entry["name"]
            entry["name"] = actor.name
            entry["aliases"] = sorted({*entry.get("aliases", []), *aliases, old} - {actor.name})
    return data
