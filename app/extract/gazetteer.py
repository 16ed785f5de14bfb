"""The gazetteer of known actors (gazetteer.toml): loading, and finding its aliases in a text."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .lexicon import HERE

KINDS = {"person": "person", "state": "state", "organization": "organization", "media": "media"}


@dataclass
class Entity:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    role: str | None = None
    state: str | None = None
    epithets: list[str] = field(default_factory=list)
    media_kind: str = "news_agency"
    adjectives: list[str] = field(default_factory=list)
    generic: bool = False  # a description ("Staatsmedien"), not a named outlet


@dataclass
class GazMention:
    start: int
    end: int
    text: str
    entity: Entity
    adjective: bool = False  # "nordkoreanische": a state named through its adjective


_TOKEN = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*")
_GAP = re.compile(r"[\s\-‐‑]+")
_ENDINGS = ("", "e", "en", "er", "es", "em")


def _alias_tokens(alias: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _TOKEN.finditer(alias))


class Gazetteer:
    """Known actors, matched token by token: an alias is a sequence of words that the text must
    give in the same order, separated by spaces or hyphens ("Kim Jong-un" = "Kim Jong Un")."""

    def __init__(self, data: dict) -> None:
        self.entities: list[Entity] = []
        self.by_name: dict[str, Entity] = {}
        # first token -> [(token sequence, entity, alias)], longest first
        self._index: dict[str, list[tuple[tuple[str, ...], Entity, str]]] = {}
        self._adjectives: dict[str, Entity] = {}  # every inflected form, lower case
        self._prefixes: dict[str, Entity] = {}  # "US" in "US-Präsident"
        for section, kind in KINDS.items():
            for e in data.get(section, []):
                ent = Entity(
                    name=e["name"],
                    kind=kind,
                    aliases=list(e.get("aliases", [])),
                    gender=e.get("gender"),
                    role=e.get("role"),
                    state=e.get("state"),
                    epithets=list(e.get("epithets", [])),
                    media_kind=e.get("kind", "news_agency"),
                    adjectives=list(e.get("adjectives", [])),
                    generic=bool(e.get("generic", False)),
                )
                self.entities.append(ent)
                self.by_name[ent.name] = ent
                for alias in {ent.name, *ent.aliases}:
                    toks = _alias_tokens(alias)
                    if toks:
                        self._index.setdefault(toks[0], []).append((toks, ent, alias))
                for adj in ent.adjectives:
                    toks = _alias_tokens(adj)
                    if len(toks) == 1 and adj[0].islower():
                        for ending in _ENDINGS:
                            self._adjectives[(adj + ending).lower()] = ent
                    elif toks:
                        self._index.setdefault(toks[0], []).append((toks, ent, adj))
                for prefix in e.get("prefixes", []):
                    self._prefixes[prefix] = ent
        for entries in self._index.values():
            entries.sort(key=lambda x: len(x[0]), reverse=True)
        # every token _match_at can start a match at (the first tokens, and those with a genitive -s):
        # the others are not looked at further
        self._first = {w + s for w in self._index for s in ("", "s", "’s", "'s")}

    def find(self, text: str) -> list[GazMention]:
        """All alias occurrences, longest first, not overlapping, in text order."""
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        out: list[GazMention] = []
        i = 0
        n = len(toks)
        while i < n:
            s0, e0, w = toks[i]
            hit = self._match_at(text, toks, i) if w in self._first else None
            if hit is not None:
                j, ent, alias = hit
                end = toks[j - 1][1]
                if ent.kind == "person" and j - i == 1 and _followed_by_name(text, end):
                    i += 1
                    continue  # "Kim Dae-jung" is not "Kim"
                out.append(GazMention(s0, end, text[s0:end], ent))
                i = j
                continue
            ent = self._adjectives.get(w.lower())
            if ent is not None:
                out.append(GazMention(s0, e0, w, ent, adjective=True))
            elif w in self._prefixes and text[e0 : e0 + 1] == "-":
                out.append(GazMention(s0, e0, w, self._prefixes[w]))
            i += 1
        return out

    def _match_at(self, text: str, toks: list, i: int) -> tuple[int, Entity, str] | None:
        w = toks[i][2]
        cands = self._index.get(w)
        genitive = False
        if cands is None and len(w) > 3:
            base = w[:-1] if w.endswith("s") else w[:-2] if w.endswith(("’s", "'s")) else None
            cands = self._index.get(base) if base else None
            genitive = cands is not None
        if not cands:
            return None
        for seq, ent, alias in cands:
            if genitive and (len(seq) > 1 or ent.kind not in ("person", "state")):
                continue
            k = len(seq)
            if i + k > len(toks):
                continue
            ok = True
            for m in range(1, k):
                tw = toks[i + m][2]
                if tw != seq[m] and not (m == k - 1 and ent.kind in ("person", "state") and tw in (seq[m] + "s", seq[m] + "’s")):
                    ok = False
                    break
                if not _GAP.fullmatch(text[toks[i + m - 1][1] : toks[i + m][0]]):
                    ok = False
                    break
            if ok:
                return i + k, ent, alias
        return None


_NEXT_NAME = re.compile(r"[ \u00a0]+([A-ZÄÖÜ][a-zäöüß]+)(?:[\s\-]|$)")


def _followed_by_name(text: str, end: int) -> bool:
    m = _NEXT_NAME.match(text, end)
    if not m:
        return False
    # a capitalised next word that is a common German noun or function word does not count;
    # we only reject when the next word looks like a further name part (short, not a noun)
    word = m.group(1)
    return len(word) <= 6 and word not in _NOT_NAME_PARTS


_NOT_NAME_PARTS = {"Der", "Die", "Das", "Und", "Am", "Im", "In", "Bei", "Mit", "Auf", "Nach", "Vor", "Für", "Seit", "Auch"}


_cache: dict[Path, Gazetteer] = {}


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Load (once per path) the gazetteer; the packaged gazetteer.toml by default."""
    p = Path(path) if path else HERE / "gazetteer.toml"
    if p not in _cache:
        with open(p, "rb") as f:
            _cache[p] = Gazetteer(tomllib.load(f))
    return _cache[p]
