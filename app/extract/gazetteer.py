"""The gazetteer of known actors (gazetteer.toml): loading, and finding its aliases in a text."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .lexicon import HERE

KINDS = {"person": "person", "state": "state", "organization": "organization", "media": "media"}
_SEP = r"[\s\-‐‑]+"


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


def _alias_pattern(alias: str) -> str:
    parts = [re.escape(p) for p in re.split(r"[\s\-‐‑]+", alias) if p]
    return _SEP.join(parts)


class Gazetteer:
    def __init__(self, data: dict) -> None:
        self.entities: list[Entity] = []
        self.by_name: dict[str, Entity] = {}
        patterns: list[tuple[str, str, Entity, bool]] = []
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
                genitive = kind in ("person", "state")
                for alias in {ent.name, *ent.aliases}:
                    pat = _alias_pattern(alias)
                    if genitive and alias[-1:].isalpha() and alias[-1] not in "sxzß":
                        pat += r"(?:s|’s|'s)?"
                    patterns.append((alias, pat, ent, False))
                for adj in ent.adjectives:
                    head = adj[0]
                    pat = f"[{head.lower()}{head.upper()}]" + re.escape(adj[1:])
                    if adj[0].islower():
                        pat += r"(?:e|en|er|es|em)?"
                    patterns.append((adj, pat, ent, True))
                for prefix in e.get("prefixes", []):
                    patterns.append((prefix, re.escape(prefix) + r"(?=-)", ent, False))
        patterns.sort(key=lambda p: len(p[0]), reverse=True)
        self._groups: list[tuple[Entity, bool, str]] = []
        alts = []
        for i, (alias, pat, ent, adj) in enumerate(patterns):
            alts.append(f"(?P<g{i}>{pat})")
            self._groups.append((ent, adj, alias))
        self._regex = re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])")

    def find(self, text: str) -> list[GazMention]:
        """All alias occurrences, longest first, not overlapping, in text order."""
        out: list[GazMention] = []
        for m in self._regex.finditer(text):
            idx = int(m.lastgroup[1:])  # type: ignore[index]
            ent, adj, alias = self._groups[idx]
            if ent.kind == "person" and " " not in alias and "-" not in alias and _followed_by_name(text, m.end()):
                continue  # "Kim Dae-jung" is not "Kim"
            out.append(GazMention(m.start(), m.end(), m.group(), ent, adj))
        return out


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
