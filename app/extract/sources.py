"""Sources: the agencies and outlets an article names, and its credit line ("(ial mit dpa)")."""

from __future__ import annotations

import re

from .actors import Cast
from .gazetteer import Gazetteer
from .model import Mention, Source

# "(ial mit dpa)", "(dpa)", "(AFP/dpa)", "Quelle: ntv.de, ino/AFP/dpa", "Mit Material von dpa"
_CREDIT = re.compile(
    r"(?:\((?P<paren>[^()\n]{2,60})\)\s*$)"
    r"|(?:^|\n)\s*(?:Quelle|Quellen|Source|Mit Material von|mit Material von)\s*:?\s*(?P<line>[^\n]{2,80})",
    re.M,
)
_PHOTO = re.compile(r"\((?:Foto|Fotos|Bild|Bilder|Photo|Archivfoto|Symbolbild)\s*:[^)]*\)|(?:Foto|Bild)\s*:\s*[^\n]{0,60}|©[^\n]{0,60}")
_UNKNOWN_AGENCY = re.compile(r"\bNachrichtenagentur\s+(?P<name>[A-Z][A-Za-z]{1,15}(?:[ -][A-Z][A-Za-z]+)?)\b")
_DOMAIN = re.compile(r"^[a-z0-9-]+\.(?:de|com|org|net|ru|kr|uk|fr|at|ch|eu)$")


def photo_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PHOTO.finditer(text)]


def find_sources(text: str, cast: Cast, gaz: Gazetteer) -> list[Source]:
    photos = photo_spans(text)
    out: dict[str, Source] = {}

    def add(name: str, kind: str, start: int, end: int, credit: bool = False) -> None:
        s = out.get(name)
        if s is None:
            s = out[name] = Source(name=name, kind=kind)
        s.credit = s.credit or credit
        s.mentions.append(Mention(start, end, text[start:end]))

    for m in cast.gaz_mentions:
        if m.entity.kind != "media" or m.entity.generic:
            continue
        if any(a <= m.start < b for a, b in photos):
            continue
        add(m.entity.name, m.entity.media_kind, m.start, m.end)
    for m in _UNKNOWN_AGENCY.finditer(text):
        if not cast.covered(m.start("name"), m.end("name")):
            add(m.group("name"), "news_agency", m.start("name"), m.end("name"))
    for start, end in credit_spans(text):
        for tm in re.finditer(r"[\w.-]+", text[start:end]):
            word = tm.group().strip(".")
            s0 = start + tm.start()
            ent = _media_alias(gaz, word)
            if ent is not None:
                add(ent[0], ent[1], s0, s0 + len(word), credit=True)
            elif _DOMAIN.match(word.lower()):
                add(word, "outlet", s0, s0 + len(word), credit=True)
    return list(out.values())


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Where the credit line is: a parenthesis closing the article body, or a "Quelle:" line."""
    spans = []
    tail_from = max(0, len(text) - 1500)
    for m in _CREDIT.finditer(text, tail_from):
        g = "paren" if m.group("paren") else "line"
        body = m.group(g)
        if g == "paren" and not re.fullmatch(r"[\w./,&+ -]+", body):
            continue
        if g == "paren" and len(body.split()) > 4:
            continue
        spans.append((m.start(g), m.end(g)))
    return spans


def _media_alias(gaz: Gazetteer, word: str) -> tuple[str, str] | None:
    for e in gaz.entities:
        if e.kind == "media" and not e.generic and (word == e.name or word in e.aliases):
            return e.name, e.media_kind
    return None
