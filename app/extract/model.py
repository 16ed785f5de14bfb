"""What the extractor returns: plain data with character offsets into the article text.

Every item carries its evidence (start/end offsets, and the cue that made it an item) so that the
article page can highlight it and an analyst can check it against the article's own words.
`Extraction.to_contract()` gives the JSON shape of ../shared/eval/CONTRACT.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

ACTOR_KINDS = ("person", "state", "organization", "media")
QUALIFIERS = ("exact", "approx", "more_than", "at_least", "up_to", "almost", "range", "vague")


@dataclass
class Mention:
    """A place in the text that names an actor (a name, an alias, a role noun, a pronoun)."""

    start: int
    end: int
    text: str


@dataclass
class ActorMention:
    """A mention resolved to an actor: what the estimate and quote attribution steps read."""

    start: int
    end: int
    text: str
    name: str  # the actor's canonical name
    kind: str  # one of ACTOR_KINDS


@dataclass
class Actor:
    name: str  # canonical name
    kind: str  # one of ACTOR_KINDS
    aliases: list[str] = field(default_factory=list)  # other spellings seen in this text or known
    role: str | None = None  # "Machthaber Nordkoreas"
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Quote:
    text: str  # the words inside the quotation marks, without the marks
    start: int  # offsets of `text` in the article
    end: int
    kind: str = "direct"  # direct | indirect
    speaker: str | None = None  # canonical actor name, None when unknown
    speaker_start: int | None = None  # the words in the text that name the speaker (evidence)
    speaker_end: int | None = None
    cue: str | None = None  # "sagte", "laut", "so", "zufolge"
    cue_start: int | None = None
    cue_end: int | None = None
    via: list[str] = field(default_factory=list)  # channels: ["KCNA"]


@dataclass
class Estimate:
    text: str  # "mehr als 10.000 Soldaten"
    start: int
    end: int
    value: float
    value_max: float | None = None
    qualifier: str = "exact"  # one of QUALIFIERS
    unit: str | None = None  # soldiers, dead, wounded, shells, containers, km, ...
    subject: str | None = None  # what is counted, in words
    attributed_to: list[str] = field(default_factory=list)  # canonical actor names
    cue: str | None = None  # "Nach Schätzungen", "zufolge"
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass
class Source:
    """A news agency or outlet the information came through."""

    name: str  # canonical: "KCNA", "TASS", "dpa"
    kind: str = "news_agency"  # news_agency | outlet | state_media
    credit: bool = False  # named in the credit line ("(ial mit dpa)", "Quelle: ntv.de, ino/AFP/dpa")
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Extraction:
    language: str = "de"
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    estimates: list[Estimate] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    published: str | None = None  # ISO date stated in the text, when one is found

    def to_contract(self, file: str) -> dict:
        """The JSON object `dossier extract --jsonl` prints (see ../shared/eval/CONTRACT.md)."""
        return {
            "file": file,
            "language": self.language,
            "actors": [
                {"name": a.name, "kind": a.kind, "aliases": a.aliases, "role": a.role} for a in self.actors
            ],
            "quotes": [
                {
                    "text": q.text,
                    "speaker": q.speaker,
                    "kind": q.kind,
                    "via": q.via,
                    "cue": q.cue,
                    "start": q.start,
                    "end": q.end,
                }
                for q in self.quotes
            ],
            "estimates": [
                {
                    "text": e.text,
                    "value": e.value,
                    "value_max": e.value_max,
                    "qualifier": e.qualifier,
                    "unit": e.unit,
                    "subject": e.subject,
                    "attributed_to": e.attributed_to,
                    "start": e.start,
                    "end": e.end,
                }
                for e in self.estimates
            ],
            "sources": [{"name": s.name, "kind": s.kind} for s in self.sources],
        }

    def to_dict(self) -> dict:
        """Everything, evidence offsets included (for debugging and the JSON API)."""
        return asdict(self)
