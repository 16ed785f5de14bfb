"""The extractor: pure functions over text, no database in sight.

    extract(text, gazetteer=None) -> Extraction

Steps, each in its own module: text (quotation marks, sentences), actors (gazetteer and unknown
persons), quotes + speakers (statements and their attribution), sources (agencies, credit line),
estimates (numbers, by its own module), lang (de/en). Word lists live in the *.toml files here.
"""

from __future__ import annotations

from pathlib import Path

from .actors import Cast
from .gazetteer import Gazetteer, load_gazetteer
from .lang import detect_language
from .lexicon import lexicon
from .model import Actor, ActorMention, Estimate, Extraction, Mention, Quote, Source
from .quotes import QuoteFinder
from .sources import find_sources
from .text import find_quotes, sentences
from .tokens import tokenize

EXTRACTOR_VERSION = "0.2.45"

__all__ = [
    "EXTRACTOR_VERSION",
    "Actor",
    "ActorMention",
    "Estimate",
    "Extraction",
    "Mention",
    "Quote",
    "Source",
    "extract",
]


def extract(text: str, gazetteer: Gazetteer | str | Path | None = None) -> Extraction:
    """Quotes, speakers, actors, sources (and estimates) of one article's text."""
    gaz = gazetteer if isinstance(gazetteer, Gazetteer) else load_gazetteer(gazetteer)
    lex = lexicon()
    spans = find_quotes(text)
    sents = sentences(text, spans)
    tokens = tokenize(text)
    cast = Cast(text, tokens, gaz, lex)
    sources = find_sources(text, cast, gaz)
    quotes = QuoteFinder(text, sents, spans, cast, lex, {s.name for s in sources}).run()
    actors = [a for a in cast.actors() if not (a.kind == "media" and _generic(gaz, a.name))]
    mentions = cast.actor_mentions()
    estimates = _estimates(text, mentions, _speaking(quotes, actors))
    return Extraction(
        language=detect_language(text),
        actors=actors,
        quotes=quotes,
        estimates=estimates,
        sources=sources,
    )


def _generic(gaz: Gazetteer, name: str) -> bool:
    e = gaz.by_name.get(name)
    return bool(e and e.generic)


def _speaking(quotes: list[Quote], actors: list[Actor]) -> list[Quote]:
    """The quotations whose speaker is an actor of the article, named canonically ("Bundespräsident
    Köhler" -> "Horst Köhler"): a figure inside one is that actor's."""
    canon: dict[str, str] = {}
    for a in actors:
        for n in (a.name, *a.aliases):
            canon.setdefault(n, a.name)
    out = []
    for q in quotes:
        name = canon.get(q.speaker or "")
        if name:
            out.append(Quote(text=q.text, start=q.start, end=q.end, kind=q.kind, speaker=name))
    return out


def _estimates(text: str, mentions: list[ActorMention], quotes: list[Quote]) -> list[Estimate]:
    try:
        from .estimates import find_estimates  # written by the estimates step; absent until then
    except ImportError:
        return []
    return find_estimates(text, mentions, quotes=quotes)
