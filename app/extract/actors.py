"""Actors in one article: gazetteer aliases, persons the gazetteer does not know, and their mentions.

`Cast.build(text, tokens, gazetteer)` finds them; the speaker step then asks the cast to resolve a
name, a role noun or a pronoun at a position (`person_by_name`, `person_by_role`,
`person_by_pronoun`) and may register a person found only beside a speech verb (`add_person`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import Entity, Gazetteer, GazMention
from .lexicon import Lexicon
from .model import Actor, ActorMention, Mention
from .tokens import NAME_PARTICLES, ROMAN, Token, looks_like_name_part


@dataclass
class Person:
    name: str  # canonical (gazetteer) or the fullest form the text gives
    gender: str | None = None
    roles: set[str] = field(default_factory=set)  # role heads seen attached ("sprecher", "minister")
    entity: Entity | None = None
    state: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    role_text: str | None = None
    aliases: set[str] = field(default_factory=set)  # names the extractor gave it ("Bundespräsident Köhler")
    role_words: set[str] = field(default_factory=set)  # role nouns seen as its title ("bundespräsident")

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    def family_name(self, korean_surnames: set[str] | frozenset[str] = frozenset()) -> str:
        """The surname as the text writes it: "Köhler" of "Horst Köhler", "van Laak" of "Heike van
        Laak", "Kim" of "Kim Dae-jung" (a Korean family name comes first)."""
        parts = [w for w in self.name.split() if not (len(w) == 2 and w.endswith("."))]  # initials: "Anna K. Weber"
        if len(parts) <= 1:
            return parts[0] if parts else self.name
        if parts[-1].rstrip(".") in ROMAN:
            return " ".join(parts[:-1])  # "Benedikt XVI.": a regnal name, "Papst Benedikt"
        if parts[0] in korean_surnames and len(parts) <= 3:
            return parts[0]
        for i in range(1, len(parts) - 1):
            if parts[i] in NAME_PARTICLES:
                return " ".join(parts[i:])
        return parts[-1]

    def first_pos(self) -> int:
        return self.mentions[0].start if self.mentions else 0


def _korean_given(w: str) -> bool:
    """A Korean given name after the family name: "Dae-jung", "Jong", "Son" (short syllables)."""
    if "-" in w:
        return w.rsplit("-", 1)[1][:1].islower()
    return w[:1].isupper() and w[1:].islower() and 2 <= len(w) <= 4


def _compound_of(word: str, head: str | None) -> bool:
    """The noun head makes the word a common noun: the word itself or a compound ending in it
    ("Bundesland", "Stadtrat"), not a name that merely ends in the letters ("Roland", "Konrad")."""
    if not head:
        return False
    rest = len(word) - len(head)
    return rest <= 0 or rest >= 3

SENTENCE_END = re.compile(r"[.!?][“”\"»«]?\s+(?=[„“\"»«]?[A-ZÄÖÜ])")


def norm_name(s: str) -> str:
    return re.sub(r"[\s\-‐‑]+", " ", s).strip().casefold()


class Cast:
    """Everyone and everything an article names, in text order."""

    def __init__(self, text: str, tokens: list[Token], gaz: Gazetteer, lex: Lexicon) -> None:
        self.text = text
        self.tokens = tokens
        self.gaz = gaz
        self.lex = lex
        self.persons: list[Person] = []
        self.others: dict[str, tuple[Entity, list[Mention]]] = {}  # states, organisations, media
        self.person_mentions: list[tuple[int, int, Person]] = []  # (start, end, person), sorted
        self._by_entity: dict[str, Person] = {}
        self._by_norm: dict[str, Person] = {}
        self._references: set[tuple[int, int]] = set()  # role nouns resolved to a person
        self.gaz_mentions: list[GazMention] = gaz.find(text)
        self._mask = bytearray(len(text))  # 1 where a known mention covers the text
        for m in self.gaz_mentions:
            self._cover(m.start, m.end)
        self._build()

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        for m in self.gaz_mentions:
            ent = m.entity
            if ent.kind == "person":
                p = self._by_entity.get(ent.name)
                if p is None:
                    p = Person(ent.name, ent.gender, {e.lower() for e in ent.epithets}, ent, ent.state, role_text=ent.role)
                    self._by_entity[ent.name] = p
                    self.persons.append(p)
                    for a in [ent.name, *ent.aliases]:
                        self._by_norm.setdefault(norm_name(a), p)
                p.mentions.append(Mention(m.start, m.end, m.text))
                self.person_mentions.append((m.start, m.end, p))
                self._attach_role_before(p, m.start)
            else:
                entry = self.others.setdefault(ent.name, (ent, []))
                entry[1].append(Mention(m.start, m.end, m.text))
                if ent.kind == "organization" and ent.state and ent.state in self.gaz.by_name:
                    # "des südkoreanischen Geheimdienstes" names South Korea too
                    st = self.gaz.by_name[ent.state]
                    self.others.setdefault(st.name, (st, []))[1].append(Mention(m.start, m.end, m.text))
        self._find_unknown_persons()
        self._find_surname_mentions()
        self.person_mentions.sort(key=lambda x: x[0])
        self._find_apposed_roles()

    def _find_apposed_roles(self) -> None:
        """A role noun in apposition after a name is the person's title: "Horst Köhler, der
        Bundespräsident, …", "Theo Zwanziger, Präsident des Verbands, …"."""
        toks = self.tokens
        for _s, e, p in self.person_mentions:
            k = self._token_index_at_or_after(e)
            if k is None or k + 2 >= len(toks) or toks[k].text != "," or toks[k].start != e:
                continue
            m = k + 1
            det = toks[m].text if toks[m].text in ("der", "die", "ein", "eine") else None
            if det:
                m += 1
            while m < len(toks) and toks[m].text[:1].islower() and toks[m].text.endswith(("e", "en", "er", "es")) and len(toks[m].text) > 3:
                m += 1  # "der frühere", "die langjährige"
            if m + 1 >= len(toks) or not toks[m].cap:
                continue
            word = toks[m].text
            if not self.lex.person_head(word) or toks[m + 1].text in ("und", "sowie", "oder", "-", "–"):
                continue  # "Köhler, die Kanzlerin und der Minister": an enumeration
            feminine = self.lex.feminine(word) or det == "die"
            if p.gender and (p.gender == "f") != feminine and (det or self.lex.feminine(word)):
                continue
            self.note_role(p, word)

    def _token_index_at_or_after(self, pos: int) -> int | None:
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].start < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self.tokens) else None

    def covered(self, start: int, end: int) -> bool:
        return self._mask.find(1, start, end) != -1

    def _cover(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)

    def _name_part(self, tok: Token) -> bool:
        t = tok.text
        if t in self.lex.not_names or not looks_like_name_part(t):
            return False
        if self.lex.person_head(t) or _compound_of(t, self.lex.org_head(t)) or _compound_of(t, self.lex.doc_head(t)):
            return False
        return not self.covered(tok.start, tok.end)

    def _collect_name(self, i: int, max_parts: int = 4) -> int:
        """Index after the name parts that start at token i (particles allowed inside)."""
        toks = self.tokens
        j = i
        while j < len(toks) and j - i < max_parts:
            t = toks[j]
            if j > i and toks[j - 1].end != t.start - 1 and self.text[toks[j - 1].end : t.start] not in (" ", "\u00a0"):
                break
            if self._name_part(t):
                j += 1
            elif t.text in NAME_PARTICLES and j + 1 < len(toks) and self._name_part(toks[j + 1]) and j > i:
                j += 1
            else:
                break
        while j > i and toks[j - 1].text in NAME_PARTICLES:
            j -= 1
        return j

    def _find_unknown_persons(self) -> None:
        toks = self.tokens
        lex = self.lex
        name_words = lex.name_words
        i = 0
        while i < len(toks):
            t = toks[i]
            if not t.text[:1].isupper() and t.text not in name_words:
                i += 1  # neither a role noun nor a first name or Korean surname: nothing starts here
                continue
            if self.covered(t.start, t.end):
                i += 1
                continue
            gender = lex.gender_of_first_name(t.text)
            korean = t.text in lex.korean_surnames and i + 1 < len(toks) and _korean_given(toks[i + 1].text)
            if (gender or korean) and i + 1 < len(toks) and (
                self._name_part(toks[i + 1])
                or toks[i + 1].text in NAME_PARTICLES and i + 2 < len(toks) and self._name_part(toks[i + 2])
            ):
                j = self._collect_name(i, 3 if korean else 4)
                if j - i >= 2:
                    role = self._role_before(i)
                    self.add_person(t.start, toks[j - 1].end, gender=gender, role=role)
                    i = j
                    continue
            head = lex.person_head(t.text) if t.cap else None
            if head and i + 1 < len(toks) and toks[i + 1].start == t.end + 1:
                nxt = toks[i + 1]
                if self._name_part(nxt) and not lex.gender_of_first_name(nxt.text):
                    j = self._collect_name(i + 1, 3)
                    if j > i + 1 and self._plausible_after_role(i + 1, j) and not self._genitive_name(i + 1, j):
                        g = "f" if lex.feminine(t.text) else None
                        self.add_person(nxt.start, toks[j - 1].end, gender=g, role=t.text)
                        i = j
                        continue
            i += 1

    def _plausible_after_role(self, i: int, j: int) -> bool:
        """Tokens i..j after a role noun are a name, not the start of the next phrase."""
        toks = self.tokens
        if j < len(toks) and toks[j].text in ("-", "–"):
            return False
        last = toks[j - 1].text
        if j - i == 1 and (last.endswith("s") and self.gaz_like(last[:-1])):
            return False
        return True

    def _genitive_name(self, i: int, j: int) -> bool:
        """Tokens i..j are a name in the genitive after the role noun ("Anhänger Saddam Husseins"): the
        text names the same person without the -s elsewhere; the role noun is someone else."""
        last = self.tokens[j - 1].text
        if not last.endswith("s") or len(last) < 4:
            return False
        base = self.text[self.tokens[i].start : self.tokens[j - 1].end - 1]
        return re.search(r"\b" + re.escape(base) + r"\b", self.text) is not None

    def gaz_like(self, word: str) -> bool:
        return any(m.text == word for m in self.gaz_mentions)

    def _role_before(self, i: int) -> str | None:
        """The role noun right before a name ("Bundespräsident Horst Köhler"), as written."""
        if i > 0 and self.tokens[i - 1].cap and self.lex.person_head(self.tokens[i - 1].text):
            return self.tokens[i - 1].text
        return None

    def _attach_role_before(self, p: Person, start: int) -> None:
        k = self._token_index(start)
        if k is not None and k > 0:
            role = self._role_before(k)
            if role:
                self.note_role(p, role)

    def note_role(self, p: Person, word: str) -> None:
        """A role noun that stands as p's title ("Bundespräsident Horst Köhler", "Köhler, der
        Bundespräsident"); a plural before a name ("von den Ermittlern Demjanjuk") is none."""
        head = self.lex.person_head(word)
        if head and self.lex.title_form(word):
            p.roles.add(head)
            p.role_words.add(self.lex.role_nominative(word).lower())

    def _token_index(self, start: int) -> int | None:
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].start < start:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self.tokens) and self.tokens[lo].start == start else None

    def add_person(self, start: int, end: int, gender: str | None = None, role: str | None = None) -> Person:
        """Register the person named by text[start:end] (merging with one already known)."""
        name = " ".join(self.text[start:end].split())
        if name.endswith(("s", "’s", "'s")) and norm_name(name[:-1].rstrip("’'")) in self._by_norm:
            name = name[:-1].rstrip("’'")
        key = norm_name(name)
        p = self._by_norm.get(key)
        if p is None:
            p = self._match_existing(name)
        if p is None:
            p = Person(name, gender)
            self.persons.append(p)
        elif len(name.split()) > len(p.name.split()) and p.entity is None:
            p.name = name
        self._by_norm[key] = p
        self._by_norm.setdefault(norm_name(p.surname), p)
        if gender and not p.gender:
            p.gender = gender
        if role:
            self.note_role(p, role)
        if not any(m.start == start for m in p.mentions):
            p.mentions.append(Mention(start, end, self.text[start:end]))
            self.person_mentions.append((start, end, p))
            self.person_mentions.sort(key=lambda x: x[0])
            self._cover(start, end)
        return p

    def _match_existing(self, name: str) -> Person | None:
        parts = norm_name(name).split()
        for p in self.persons:
            pp = norm_name(p.name).split()
            if parts[-1] == pp[-1] and (len(parts) == 1 or len(pp) == 1 or parts[0] == pp[0]):
                return p
        return None

    def _find_surname_mentions(self) -> None:
        known = {}
        for p in self.persons:
            if p.entity is None and len(p.name.split()) >= 2:
                known[p.surname] = p
        if not known:
            return
        for t in self.tokens:
            w = t.text
            base = w[:-1] if w.endswith("s") and w[:-1] in known else w
            p = known.get(base)
            if p and not self.covered(t.start, t.end):
                p.mentions.append(Mention(t.start, t.end, w))
                self.person_mentions.append((t.start, t.end, p))
                self._cover(t.start, t.end)

    # -- resolving ------------------------------------------------------------------------------
    def person_in(self, start: int, end: int) -> tuple[Person, int, int] | None:
        """The last person mention inside [start, end)."""
        best = None
        for s, e, p in self.person_mentions:
            if s >= start and e <= end:
                best = (p, s, e)
        return best

    def persons_before(self, pos: int) -> list[tuple[int, int, Person]]:
        return [x for x in self.person_mentions if x[1] <= pos]

    def person_by_role(self, head: str, pos: int, feminine: bool | None, state: str | None = None) -> Person | None:
        """The most recent person before pos whose known roles or epithets fit the role noun."""
        word = self.lex.role_nominative(head).lower()
        head = (self.lex.person_head(head) or head).lower()
        seen: dict[int, int] = {}
        last: dict[int, int] = {}
        cands: list[Person] = []
        for _s, _e, p in reversed(self.persons_before(pos)):
            seen[id(p)] = seen.get(id(p), 0) + 1
            last.setdefault(id(p), _e)
            if p in cands:
                continue
            if feminine is not None and p.gender and (p.gender == "f") != feminine:
                continue
            if state and p.state and p.state != state:
                continue
            if any(r == head or r.endswith(head) or head.endswith(r) for r in p.roles if len(r) >= 4):
                cands.append(p)
        if not cands:
            return None
        exact = [p for p in cands if word in p.role_words or word.removesuffix("in") in p.role_words]
        if exact:
            cands = exact  # "der Bundespräsident": the person titled so before a mere "Präsident"
        if len(SENTENCE_END.findall(self.text, last[id(cands[0])], pos)) <= 2:
            return cands[0]  # named in the sentence or the two before: "Minister Jung sagte … Dann sagte der Minister"
        # the most mentioned of the fitting persons; the most recent among equals
        return max(cands, key=lambda p: (seen[id(p)], -cands.index(p)))

    def add_reference(self, p: Person, start: int, end: int) -> None:
        """A role noun or pronoun resolved to p is a mention of p too (but no alias: "der
        Bundespräsident" names someone else in the next article)."""
        self._references.add((start, end))
        if not any(m.start == start for m in p.mentions):
            p.mentions.append(Mention(start, end, self.text[start:end]))
            self.person_mentions.append((start, end, p))
            self.person_mentions.sort(key=lambda x: x[0])

    def is_reference(self, start: int, end: int) -> bool:
        return (start, end) in self._references

    def person_by_epithet(self, head: str) -> Person | None:
        """A gazetteer person that alone carries this epithet ("der Kremlchef"), even if not named yet."""
        h = head.lower()
        hits = [e for e in self.gaz.entities if e.kind == "person" and any(x.lower() == h for x in e.epithets)]
        if len(hits) != 1:
            return None
        ent = hits[0]
        p = self._by_entity.get(ent.name)
        if p is None and not self._epithet_in_context(ent, h):
            return None  # "die Sprecherin" in an article about something else is not this person
        if p is None:
            p = Person(ent.name, ent.gender, {x.lower() for x in ent.epithets}, ent, ent.state, role_text=ent.role)
            self._by_entity[ent.name] = p
            self.persons.append(p)
        return p

    def _epithet_in_context(self, ent: Entity, epithet: str) -> bool:
        """An unnamed gazetteer person stands behind an epithet only where the article names their
        state, or the epithet itself does ("Kremlchef")."""
        if not ent.state:
            return False
        if ent.state in self.others:
            return True
        st = self.gaz.by_name.get(ent.state)
        return bool(st) and any(len(a) >= 4 and epithet.startswith(a.lower()) for a in [st.name, *st.aliases])

    def person_by_pronoun(self, gender: str, pos: int, prefer: Person | None = None) -> Person | None:
        if prefer is not None and (prefer.gender in (None, gender)):
            return prefer
        for _s, _e, p in reversed(self.persons_before(pos)):
            if p.gender == gender or p.gender is None:
                return p
        return None

    def entity_in(self, start: int, end: int, kinds: tuple[str, ...]) -> GazMention | None:
        for m in self.gaz_mentions:
            if m.start >= start and m.end <= end and m.entity.kind in kinds and not m.adjective:
                return m
        return None

    # -- output ---------------------------------------------------------------------------------
    def actors(self) -> list[Actor]:
        out: list[Actor] = []
        for p in sorted(self.persons, key=lambda p: p.first_pos()):
            if not p.mentions:
                continue
            written = {" ".join(m.text.split()) for m in p.mentions if (m.start, m.end) not in self._references}
            aliases = sorted((written | p.aliases) - {p.name})
            out.append(Actor(p.name, "person", aliases, p.role_text, sorted(p.mentions, key=lambda m: m.start)))
        for name, (ent, mentions) in self.others.items():
            aliases = sorted({" ".join(m.text.split()) for m in mentions} - {name})
            out.append(Actor(name, ent.kind, aliases, ent.role, mentions))
        return out

    def actor_mentions(self) -> list[ActorMention]:
        out = [ActorMention(s, e, self.text[s:e], p.name, "person") for s, e, p in self.person_mentions]
        for name, (ent, mentions) in self.others.items():
            out += [ActorMention(m.start, m.end, m.text, name, ent.kind) for m in mentions]
        out.sort(key=lambda m: m.start)
        return out
