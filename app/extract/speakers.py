"""Attribution: the cue that introduces a quotation, its speaker noun phrase, and the channel.

A sentence is seen as a sequence of tokens in which each top-level quotation is one placeholder
item, so that the constructions read like patterns:

    Q , sagte NP            Q , so NP              Q , fügte NP hinzu      Q , NP zufolge
    NP sagte : Q            sagte NP : Q           Q , hieß es in NP       Q , zitiert NP NP
    NP bezeichnete X als Q  laut NP … Q            wie NP berichtete , … Q
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .actors import Cast, Person
from .lexicon import Lexicon, VerbForm
from .tokens import NAME_PARTICLES, Token, is_capitalized_word, looks_like_name_part

QUOTE = "\x00Q"
SUBORDINATORS = {"wie", "als", "nachdem", "dass", "daß", "weil", "während", "wobei", "ob", "wenn", "obwohl", "da", "womit", "worin", "wo", "zumal", "sodass", "wonach"}
PRONOUNS = {"er": "m", "sie": "f", "Er": "m", "Sie": "f", "he": "m", "He": "m", "she": "f", "She": "f"}
NEUTRAL_PRONOUNS = {"es", "man", "Es", "Man", "wir", "Wir", "ich", "Ich", "it", "they", "They", "I", "we", "We"}
PASSIVE_AUX = {"wird", "wurde", "werden", "wurden", "worden"}
AUXILIARIES = PASSIVE_AUX | {"hat", "hatte", "habe", "hätte", "haben", "hatten", "hätten", "ist", "war", "sei", "wäre", "soll", "sollte", "will", "wollte", "wolle", "kann", "konnte", "könne", "muss", "musste", "müsse"}
AGE_NOUN = re.compile(r"\d+-[Jj]ährige[nr]?")
ADVERB_ENDINGS = ("lich", "ig", "end", "weise", "mals", "dings", "falls", "wärts", "halb", "seits")
POSSESSIVE_DETS = {"sein", "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer", "deren", "dessen"}
INDEFINITE = {"ein", "eine", "einer", "eines", "einem", "einen"}
COORDINATORS = {"und", "sowie", "aber", "oder", "doch"}
OBJECT_DETS = {"den", "dem", "einen", "einem", "seinen", "seinem", "ihren", "ihrem", "diesen", "diesem", "sein", "seine", "ihre"}
TITLES = {"Prof", "Dr", "Dipl", "Ing", "Mag", "Sen", "Gen", "Mr", "Mrs", "Ms"}
FOCUS = {"Auch", "Selbst", "Sogar", "Nur", "Gerade", "Allein", "Ausgerechnet", "Insbesondere", "Besonders", "Even", "Only"}
CLAUSE_BREAK = {",", ";", ":", "(", ")", "–", "—", "-"}


@dataclass
class NP:
    i: int  # first item index in the sequence
    j: int  # one past the last
    start: int  # character offsets
    end: int
    head: str | None = None  # the capitalised head word ("Sprecherin", "Polizei", "Kim")
    det: str | None = None
    pronoun: str | None = None
    names: list[Token] = field(default_factory=list)  # name tokens after the head / apposition
    quoted: bool = False  # the head is a quoted name: die „Computerwoche“
    trusted: bool = False  # stands right beside a speech verb, so a bare word there is a name
    inner_names: bool = False  # a genitive complement carries names: "der Vorsitzende der Gemeinde Istvan Kovacs"


@dataclass
class Attribution:
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    via: list[str] = field(default_factory=list)
    person: Person | None = None
    strength: int = 0  # 3: cue beside the quotation, 2: speech verb in the sentence, 1: inherited


class Attributor:
    def __init__(self, text: str, cast: Cast, lex: Lexicon) -> None:
        self.text = text
        self.cast = cast
        self.lex = lex
        self.last_person: Person | None = None

    # -- noun phrases ---------------------------------------------------------------------------
    def _is_adj(self, t: Token) -> bool:
        w = t.text
        if not w[:1].isalpha() and not w[:1].isdigit():
            return False
        if w.isdigit():
            return True  # "der 13 beteiligten Feuerwehrmänner"
        if w[:1].isdigit():
            return "-" in w and w.split("-")[-1][:1].islower()  # 84-jährige (the 84-Jährige is a noun)
        if w in ("nicht", "namentlich", "noch", "bisher", "bislang", "zuvor"):
            return True
        if w in AUXILIARIES:
            return False  # "haben Anhänger der Partei": the verb before the subject
        if w[0].isupper() or w in self.lex.np_stop or w in self.lex.determiners:
            return False
        if "-" in w and w.rsplit("-", 1)[1][:1].isupper():
            return False  # "documenta-Homepage": a noun
        return w.endswith(("e", "en", "er", "es", "em")) and len(w) > 3

    def _head_ok(self, t: Token) -> bool:
        w = t.text
        if w == QUOTE or not w[:1].isalnum():
            return False
        if w in self.lex.not_names and w not in ("Polizei",):
            return False
        if "-" in w and w[0].isalpha() and w.rsplit("-", 1)[1][:1].isupper():
            return True  # a compound with a lower-case first part: "documenta-Homepage", "iPhone-Hersteller"
        return w[0].isupper() or "." in w or bool(AGE_NOUN.fullmatch(w))  # ndr.de, 58-Jährige

    def parse_np(self, seq: list[Token], i: int, limit: int | None = None, apposition: bool = True) -> NP | None:
        limit = len(seq) if limit is None else limit
        if i >= limit:
            return None
        t = seq[i]
        if t.text in PRONOUNS or t.text in NEUTRAL_PRONOUNS:
            return NP(i, i + 1, t.start, t.end, pronoun=t.text)
        if t.text in ("Einer", "Eine", "Eines", "einer", "eine", "eines") and i + 2 < limit and seq[i + 1].text in ("der", "von"):
            # "Einer der beteiligten Feuerwehrmänner", "eine von ihnen": the group names who speaks
            sub = self.parse_np(seq, i + 1 if seq[i + 1].text == "der" else i + 2, limit, apposition=False)
            if sub is not None and not sub.pronoun:
                return NP(i, sub.j, t.start, sub.end, head=sub.head, det=t.text, names=sub.names)
        j = i
        det = None
        if t.text.lower() in self.lex.determiners and t.text.lower() not in ("alle", "viele", "einige", "mehrere", "beide", "beiden", "zwei", "drei", "vier"):
            det = t.text
            j += 1
        elif self._possessive(seq, i, limit):
            det = t.text
            j += 1
        while j < limit and self._is_adj(seq[j]):
            j += 1
        if j < limit and seq[j].text == QUOTE and self._quoted_name(seq[j], det is not None):
            return NP(i, j + 1, seq[i].start, seq[j].end, head=self.text[seq[j].start + 1 : seq[j].end - 1], det=det, quoted=True)
        if j >= limit or not self._head_ok(seq[j]):
            return None
        if self.lex.verb(seq[j].text) and det is None and seq[j].text[0].islower():
            return None
        head_tok = seq[j]
        j += 1
        names: list[Token] = []
        while j < limit and self._name_continues(seq, j):
            names.append(seq[j])
            j += 1
        if j + 2 < limit and seq[j].text == "(" and (names or det is None):
            close = next((m for m in range(j + 1, min(limit, j + 8)) if seq[m].text == ")"), None)
            if close is not None:
                j = close + 1
        np = NP(i, j, seq[i].start, seq[j - 1].end, head=head_tok.text, det=det, names=names)
        # genitive complement: "der Sprecher der Stiftung Warentest", "des Influenza-Programms der WHO"
        for _ in range(2):
            if j < limit and seq[j].text in ("der", "des"):
                sub = self.parse_np(seq, j, limit, apposition=False)
                if sub is None or sub.pronoun:
                    break
                np.inner_names = np.inner_names or bool(sub.names) or sub.inner_names
                j = sub.j
                np.j, np.end = j, seq[j - 1].end
            else:
                break
        # a prepositional phrase before an apposition: "die Sprecherin der Fraktion im Bundestag, Anna Weber,"
        if (apposition and not names and j + 3 < limit and seq[j].text in ("im", "in", "von", "vom", "bei", "beim", "für", "am")
                and self.lex.person_head(head_tok.text)):
            m = j + 1
            while m < limit and m < j + 6 and seq[m].text not in (",", ":", QUOTE, "."):
                m += 1
            if m + 2 < limit and seq[m].text == "," and self._name_token(seq[m + 1]) and self._name_token(seq[m + 2]):
                j = m
        # apposition: "Die Sprecherin der Stiftung Warentest, Heike van Laak," or
        # "Renate Künast, Fraktionschefin von Bündnis 90 / Die Grünen,"
        if apposition and j + 1 < limit and seq[j].text == ",":
            k = j + 1
            while k + 2 < limit and seq[k].text in TITLES and seq[k + 1].text == "." and seq[k + 1].start == seq[k].end:
                k += 2  # "Der Präsident der Kammer, Dr. Hans Meier,": a title before the apposed name
            app: list[Token] = []
            while k < limit and (self._name_token(seq[k]) or (seq[k].text in NAME_PARTICLES and app)) and len(app) < 4:
                app.append(seq[k])
                k += 1
            k = self._skip_paren(seq, k, limit)
            if app and (len(app) >= 2 or self.cast.person_in(app[0].start, app[-1].end)) and (
                k >= limit or seq[k].text in (",", ".", ":", QUOTE) or self.lex.verb(seq[k].text)
            ) and not np.names:
                np.names = app
                np.j, np.end = k, seq[k - 1].end
            elif np.names or self.cast.person_in(np.start, np.end):
                sub = self.parse_np(seq, j + 1, limit, apposition=False)
                if sub is not None and not sub.pronoun and (self.lex.person_head(sub.head or "") or sub.det is None and not sub.names):
                    k = sub.j
                    while k < limit and k < sub.j + 8 and seq[k].text not in (",", ":", QUOTE, "."):
                        k += 1  # "Fraktionschefin von Bündnis 90 / Die Grünen"
                    if k < limit and seq[k].text == "," and (k + 1 >= limit or self.lex.verb(seq[k + 1].text) or self.verb_at(seq, k + 1, limit)):
                        np.j, np.end = k, seq[k - 1].end
        return np

    def _quoted_name(self, t: Token, after_det: bool) -> bool:
        inner = self.text[t.start + 1 : t.end - 1].split()
        if not (0 < len(inner) <= 5 and inner[0][:1].isalnum()):
            return False
        return after_det or all(w[:1].isupper() for w in inner if w.lower() not in ("der", "die", "das", "von", "und", "dello", "della", "of", "the"))

    def _skip_paren(self, seq: list[Token], k: int, limit: int) -> int:
        if k < limit and seq[k].text == "(":
            close = next((m for m in range(k + 1, min(limit, k + 8)) if seq[m].text == ")"), None)
            if close is not None:
                return close + 1
        return k

    def _possessive(self, seq: list[Token], i: int, limit: int) -> bool:
        """A genitive name used as a determiner: "Jelpkes Mitarbeiter", "Russlands Präsident"."""
        t = seq[i]
        if i + 1 >= limit or not t.text.endswith("s") or not is_capitalized_word(t.text):
            return False
        hit = self.cast.person_in(t.start, t.end) or self.cast.entity_in(t.start, t.end, ("state", "person", "organization"))
        if not hit:
            return False
        nxt = seq[i + 1]
        return self._is_adj(nxt) or bool(self.lex.person_head(nxt.text))

    def _name_token(self, t: Token) -> bool:
        w = t.text
        return is_capitalized_word(w) and w not in self.lex.not_names and not self.lex.verb(w) and w != QUOTE

    def _name_continues(self, seq: list[Token], j: int) -> bool:
        t = seq[j]
        prev = seq[j - 1]
        if t.text == QUOTE or prev.text == QUOTE:
            return False
        if t.text == "." and (prev.text in TITLES or len(prev.text) == 1 and prev.text.isupper()):
            nxt = seq[j + 1].text if j + 1 < len(seq) else ""
            return t.start == prev.end and is_capitalized_word(nxt) or len(nxt) == 1 and nxt.isupper()  # "Prof. Dr. Matthias W. Beckmann"
        if self.text[prev.end : t.start] not in (" ", "\u00a0"):
            return False
        w = t.text
        if (w in TITLES or len(w) == 1 and w.isupper()) and j + 1 < len(seq) and seq[j + 1].text == "." and seq[j + 1].start == t.end:
            return True  # a title or an initial: "Prof.", "W."
        if w in ("der", "den") and prev.text not in ("von", "van", "ter"):
            return False
        if w in NAME_PARTICLES and j + 1 < len(seq) and not self.lex.person_head(prev.text) and (
                not self.lex.common_noun(prev.text) or self.lex.gender_of_first_name(prev.text)):  # not "die Gefahr von Waldbränden"
            nxt = seq[j + 1].text
            if is_capitalized_word(nxt) and nxt not in self.lex.not_names:
                return True
            if nxt in NAME_PARTICLES and j + 2 < len(seq) and is_capitalized_word(seq[j + 2].text):
                return True
        if w.isupper() and len(w) >= 2 and w.isalpha():
            return True  # "Nachrichtenagentur KCNA", "der WHO"
        if not is_capitalized_word(w) or w in self.lex.not_names:
            return False
        if self.lex.verb(w) or w.lower() in self.lex.np_stop:
            return False
        return True

    # -- resolution -----------------------------------------------------------------------------
    def resolve(self, np: NP, pos: int) -> Attribution:
        """Name the actor a noun phrase refers to; pos is where the statement stands."""
        a = Attribution(speaker_start=np.start, speaker_end=np.end)
        lex = self.lex
        cast = self.cast
        if np.pronoun:
            g = PRONOUNS.get(np.pronoun)
            if g:
                p = cast.person_by_pronoun(g, np.start, prefer=self._recent_speaker(g))
                if p:
                    a.speaker, a.person = p.name, p
            return a
        hit = cast.person_in(np.start, np.end)
        if hit and np.det and hit[1] == np.start and hit[2] <= np.start + len(np.det) and lex.person_head(np.head or ""):
            hit = None  # "Demjanjuks Sohn", "Kims Schwester": someone else than the person named
        if hit and hit[1] > np.start and lex.person_head(np.head or "") and self._genitive_of(hit[0], hit[1], hit[2]):
            a.speaker = self._np_text(np)  # "Anhänger Saddam Husseins", "der Sohn Kims": someone of the person's
            return a
        if hit:
            p = hit[0]
            a.speaker, a.person = self.written(p, hit[1], hit[2]), p
            if cast.is_reference(hit[1], hit[2]) and p.entity is None and lex.person_head(np.head or ""):
                a.speaker = self.role_name(np.head or "", p)  # a role noun resolved before: the same name again
            if np.head and lex.person_head(np.head) and hit[1] > np.start:
                cast.note_role(p, np.head)
            return a
        ent = cast.entity_in(np.start, np.end, ("media", "organization", "state"))
        head = np.head or ""
        role = lex.person_head(head)
        if ent and ent.entity.kind in ("media", "organization") and not np.names and not role:
            a.speaker = ent.entity.name
            return a
        named = self._body_named_from_head(np) if role else None
        if named is not None:
            a.speaker = named  # "Ärzte ohne Grenzen": a known body whose name starts with a role noun
            return a
        if np.names and cast.entity_in(np.names[0].start, np.names[-1].end, ("state", "organization", "media")) and role:
            pass  # "Der oberste Führer Irans": a state's genitive after the role noun, no person's name
        elif np.names:
            nm = np.names
            while len(nm) > 1 and (lex.person_head(nm[0].text) or nm[0].text in TITLES or nm[0].text == "."):
                nm = nm[1:]  # "Hessens Ministerpräsident Roland Koch", "Prof. Dr. X": roles and titles are no part of the name
            last = nm[-1].text
            if lex.org_head(last) and not lex.person_head(last) and len(last) > len(lex.org_head(last) or "") + 2:
                a.speaker = self._np_text(np)  # "vom Deutschen Wetterdienst": a body, no person
                return a
            if (nm is np.names and len(nm) == 1 and np.det and head.endswith(("e", "en", "er"))
                    and lex.common_noun(nm[0].text) and not lex.gender_of_first_name(nm[0].text)
                    and not cast.person_in(nm[0].start, nm[0].end)):
                h0 = self.text.find(head, np.start, nm[0].start)
                if h0 != -1:  # "die Deutsche Welle", "die Wiener Linien": an institution, no person
                    a.speaker = " ".join(self.text[h0 : nm[0].end].split())
                    return a
            if nm is np.names and not role and lex.org_head(head) and not lex.media_head(head):
                h0 = self.text.find(head, np.start, nm[0].start)
                if h0 != -1:
                    a.speaker = " ".join(self.text[h0 : nm[-1].end].split())  # "die Stiftung Warentest": a body's name
                    return a
            if len(nm) >= 1 and all(is_capitalized_word(x.text) or x.text in NAME_PARTICLES or x.text == "." or len(x.text) == 1 and x.text.isupper() for x in nm):
                s0 = nm[0].start
                if nm is np.names and not np.det and not role and self._name_like_head(np) and not lex.media_head(head):
                    h0 = s0 - len(head) - 1  # "Norman Pach": a first name the list lacks is part of the name
                    if h0 >= np.start and self.text[h0:s0 - 1] == head:
                        s0 = h0
                if role and nm is np.names and self._genitive_text(nm[0].start, nm[-1].end):
                    a.speaker = self._np_text(np)  # "Anhänger Saddam Husseins": someone of the person's
                    return a
                p = cast.add_person(s0, nm[-1].end, gender=self._gender(np), role=head if role else None)
                a.speaker, a.person = self.written(p, s0, nm[-1].end), p
                return a
        if role and (np.det or "").lower() in INDEFINITE | POSSESSIVE_DETS:
            a.speaker = self._np_text(np)  # "ein Sprecher", "sein Agent": someone new, not a person named before
            return a
        if AGE_NOUN.fullmatch(head):
            # "der 58-Jährige": the last person of that gender named before
            g = self._gender(np)
            p = cast.person_by_pronoun(g or "m", np.start) if g else None
            if p is None:
                before = cast.persons_before(np.start)
                p = before[-1][2] if before else None
            if p:
                a.speaker, a.person = p.name, p
                return a
        if role:
            near = self._apposed_person(np)
            if near is not None:
                p, s0, e0 = near  # "Erkki Tuomioja, Präsident des Rats:": the name before the role speaks
                cast.note_role(p, head)
                a.speaker, a.person = self.written(p, s0, e0), p
                return a
            state = self._state_in(np)
            p = cast.person_by_role(head, np.start, self._feminine(np), state)
            if p is None and state:
                p = cast.person_by_role(head, np.start, self._feminine(np), None)
                if p and p.state and p.state != state:
                    p = None
            if p is None and np.det:
                p = cast.person_by_epithet(head)
            if p and p.entity is None and np.inner_names:
                p = None  # "der Vorsitzende der Gemeinde Istvan Kovacs": a name the cast lacks stands in the phrase
            if p:
                a.person = p
                # a known actor is named canonically; anyone else by the role noun the text uses
                # here and the surname ("der Bundespräsident" -> "Bundespräsident Köhler")
                a.speaker = p.name if p.entity is not None else self.role_name(head, p)
                cast.add_reference(p, np.start, np.end)
                return a
            a.speaker = self._np_text(np)
            return a
        if ent and ent.entity.kind in ("media", "organization"):
            a.speaker = ent.entity.name
            return a
        if np.trusted and np.det is None and self._name_like_head(np) and not head.endswith(ADVERB_ENDINGS):
            # a bare capitalised word right beside a speech verb: a surname ("Watzke sagte")
            p = cast.add_person(np.start, np.end, gender=None)
            a.speaker, a.person = self.written(p, np.start, np.end), p
            return a
        ref = self._body_antecedent(np)
        if ref is not None:
            a.speaker = ref  # "die Fraktion" after "die SPD-Landtagsfraktion": the body named before
            return a
        if np.quoted and np.det is None:
            a.speaker = np.head  # im „Standard“: the name without its marks
            return a
        if self.personish(np):
            a.speaker = self._np_text(np)
        return a

    def _body_antecedent(self, np: NP) -> str | None:
        """A definite noun phrase whose head is a bare institution noun ("die Fraktion", "das
        Ministerium") refers back to the last compound of that noun in the text before it
        ("SPD-Landtagsfraktion", "Bundesinnenministerium"), named in the nominative."""
        head = np.head or ""
        if not np.det or np.det.lower() not in DEFINITE_DETS or np.names or np.inner_names or np.quoted or np.i + 3 < np.j:
            return None
        base = self.lex.org_head(head)
        if not base or len(head) > len(base) + 2 or not head[:1].isupper() or self.lex.person_head(head):
            return None
        lo = max(0, np.start - 3000)
        found = None
        for m in COMPOUND_WORD.finditer(self.text, lo, np.start):
            w = m.group()
            low = w.lower()
            for ending in ("", "s", "es", "n", "en"):
                if low.endswith(base + ending) and len(low) > len(base) + len(ending) + 1:
                    found = w[: len(w) - len(ending)] if ending else w
                    break
        return found

    def _body_named_from_head(self, np: NP) -> str | None:
        """A known organisation or medium whose name starts with the noun phrase's head word and goes
        on past it ("Ärzte ohne Grenzen"), not a compound that only begins with a name ("EU-Kommissar")."""
        head = np.head or ""
        h = self.text.find(head, np.start, np.end) if head else -1
        if h == -1:
            return None
        for m in self.cast.gaz_mentions:
            if m.start == h and m.end > h + len(head) and m.entity.kind in ("organization", "media"):
                return m.entity.name
        return None

    def _genitive_text(self, start: int, end: int) -> bool:
        """The name at start..end ends in a genitive -s, and the text names it elsewhere without it."""
        w = self.text[start:end]
        if not w.endswith("s") or len(w) < 4:
            return False
        return re.search(r"\b" + re.escape(w[:-1]) + r"\b", self.text) is not None

    def _genitive_of(self, p: Person, start: int, end: int) -> bool:
        """The mention is the person's name in the genitive ("Husseins", "Pötschs"), not the name."""
        w = " ".join(self.text[start:end].split())
        if not w.endswith(("s", "’s", "'s")) or p.name.endswith(w) or any(a.endswith(w) for a in p.aliases):
            return False
        base = w[:-1].rstrip("’'")
        return bool(base) and (p.name.endswith(base) or any(a.endswith(base) for a in p.aliases))

    def written(self, p: Person, start: int, end: int) -> str:
        """The speaker's name: canonical for a known actor, else as this mention writes it
        ("Pötsch" where the text says "Pötsch", "Hans Dieter Pötsch" where it gives the full name)."""
        if p.entity is not None:
            return p.name
        w = " ".join(self.text[start:end].split())
        if not w or w in PRONOUNS or w in NEUTRAL_PRONOUNS:
            return p.name
        if w.endswith(("s", "’s", "'s")) and not p.name.endswith(w) and w[:-1].rstrip("’'") and p.name.endswith(w[:-1].rstrip("’'")):
            w = w[:-1].rstrip("’'")  # a genitive: "Pötschs"
        return w

    def _apposed_person(self, np: NP) -> tuple[Person, int, int] | None:
        """A person named right before the role phrase and a comma: "Köhler, der Bundespräsident",
        "Erkki Tuomioja, Präsident des Rats der EU"."""
        k = np.start
        while k > 0 and self.text[k - 1] == " ":
            k -= 1
        if k == 0 or self.text[k - 1] != ",":
            return None
        k -= 1
        for s0, e0, p in reversed(self.cast.persons_before(k)):
            if e0 == k:
                return p, s0, e0
            if e0 < k - 1:
                break
        return None

    def role_name(self, head: str, p: Person) -> str:
        """"Bundespräsident Köhler": the role noun (in the nominative singular when the text
        declines it) and the surname, a name that tells the analyst who speaks; it becomes an
        alias of the person."""
        name = f"{self.lex.role_nominative(head)} {p.family_name(self.lex.korean_surnames)}"
        p.aliases.add(name)
        return name

    def _adjectival_person(self, np: NP) -> bool:
        """"Ein Übertrittswilliger", "ein Betroffener": an adjective used as a noun for a person."""
        head = np.head or ""
        return (np.det or "").lower() in ("ein", "kein") and head[:1].isupper() and head.endswith(
            ("iger", "licher", "ener", "ter", "ischer", "ender"))

    def personish(self, np: NP) -> bool:
        """Can this noun phrase name a speaker: a person, a role, a body, a medium, a document?"""
        if np.pronoun or np.names or np.quoted or self._adjectival_person(np):
            return True
        if self.cast.person_in(np.start, np.end) or self.cast.entity_in(np.start, np.end, ("organization", "media", "person")):
            return True
        head = np.head or ""
        lex = self.lex
        if lex.person_head(head) or lex.org_head(head) or lex.doc_head(head) or lex.media_head(head):
            return True
        return (head.isupper() and len(head) >= 2 and head.isalpha()) or "." in head

    def _entity_is_head(self, np: NP, ent_start: int) -> bool:
        return True

    def _np_text(self, np: NP) -> str:
        return " ".join(self.text[np.start : np.end].split())

    def _gender(self, np: NP) -> str | None:
        f = self._feminine(np)
        return None if f is None else ("f" if f else "m")

    def _feminine(self, np: NP) -> bool | None:
        head = np.head or ""
        if self.lex.person_head(head) and head.lower().endswith(("in", "innen")) and self.lex.feminine(head):
            return True
        if self.lex.person_head(head) and np.det in ("der", "Der", "ein", "Ein"):
            return False
        if np.det in ("die", "Die", "eine", "Eine") and self.lex.person_head(head):
            return True
        return None

    def _state_in(self, np: NP) -> str | None:
        for m in self.cast.gaz_mentions:
            if m.start >= np.start and m.end <= np.end and m.entity.kind == "state":
                return m.entity.name
        return None

    def _recent_speaker(self, gender: str) -> Person | None:
        p = self.last_person
        if p is not None and p.gender in (gender, None):
            return p
        return None

    # -- cues -----------------------------------------------------------------------------------
    def verb_at(self, seq: list[Token], k: int, limit: int) -> VerbForm | None:
        """The speech verb at seq[k]; a separable one only when its particle follows in the clause."""
        w = seq[k].text
        v = self.lex.verb(w)
        separable = self.lex.separable.get(w, ()) if v is None else ()
        if v is None and not separable:
            return None  # most words: looked up first, the tests below only for a speech verb
        if w[:1].isupper() and k > 0 and seq[k - 1].text not in (QUOTE, ":", ",", "(", "–"):
            return None  # "Fragen", "Bericht": a noun inside the sentence, not a verb
        if k > 0 and w.endswith("e") and seq[k - 1].text in ATTRIBUTIVE_BEFORE and not (k > 1 and seq[k - 2].text == ","):
            return None  # "nicht näher bezeichnete „Probleme“", "die genannte Zahl": an adjective, no verb
        if v:
            return v
        for cand in separable:
            for m in range(k + 1, min(limit, k + 20)):
                t = seq[m].text
                if t == cand.particle:
                    return cand
                if t in (".", ";", ":"):
                    break
        return None

    def subject_after(self, seq: list[Token], k: int, limit: int, verb: VerbForm | None) -> tuple[NP | None, list[str]]:
        """The subject after a finite verb at k (inverted order), skipping a few adverbs."""
        via: list[str] = []
        j = k + 1
        for _ in range(3):
            if j >= limit:
                return None, via
            np = self.parse_np(seq, j, limit)
            if np is not None and np.det and np.det.lower() in OBJECT_DETS and (verb is None or verb.use != "cite") and not (
                    np.det.lower() in ("sein", "seine", "ihr", "ihre") and j == k + 1 and k > 0 and seq[k - 1].text in (QUOTE, ",")
                    and self.lex.person_head(np.head or "")):
                return None, via  # an object; but "„…“, sagte sein Agent": a possessive in the nominative
            if np is not None and j == k + 1 and k > 0 and seq[k - 1].text in (QUOTE, ",", ":"):
                np.trusted = True  # „…“, sagte Watzke: inverted after the quotation, a bare word is a name
            elif (np is not None and j == k + 1 and np.det is None and not np.pronoun and np.head and np.head[:1].isupper()
                  and not self.lex.common_noun(np.head) and verb is not None and verb.finite):
                np.trusted = True  # "Bei einem Empfang sagte Franziskus": the inverted subject, a name no noun
            if np is not None:
                if verb is not None and verb.use == "cite" and np.pronoun in ("man", "Man", "es"):
                    second = self.parse_np(seq, np.j, limit)
                    if second is not None:
                        return second, via
                if verb is not None and verb.use == "cite":
                    # "zitiert ndr.de Polizeisprecher Ralf Meyer": the first phrase is the channel
                    media = self.cast.entity_in(np.start, np.end, ("media",))
                    second = self.parse_np(seq, np.j, limit)
                    if second is not None and not second.pronoun and (
                            media or self.lex.media_head(np.head or "") or "." in (np.head or "") or np.quoted
                            or (second.det or "").lower() in ("den", "einen")):
                        second.trusted = second.det is None
                        via.append(media.entity.name if media else self._np_text(np))
                        return second, via
                return np, via
            w = seq[j].text
            if w in (",", ".", QUOTE, ":", ";") or (w[:1].isupper() and w not in self.lex.not_names):
                return None, via
            if w in PREPOSITIONS and w not in ("als", "wie", "laut", "zufolge"):
                sub = self.parse_np(seq, j + 1, limit, apposition=False)  # "sagte in der Zeitung X": skip the phrase
                j = sub.j if sub is not None else j + 1
                continue
            j += 1
        return None, via

    def clause_start(self, seq: list[Token], k: int, lo: int) -> int:
        """Index where the clause holding seq[k] starts (after a comma, colon or quotation)."""
        m = k - 1
        while m >= lo:
            t = seq[m].text
            if t in (";", ":", ","):
                return m + 1
            if t == QUOTE and (m == lo or seq[m - 1].text in (",", ";", ":", ".")):
                return m + 1  # a quotation standing as its own clause, not one inside the clause
            m -= 1
        return lo

    def subject_for_verb(
        self, seq: list[Token], k: int, lo: int, hi: int, verb: VerbForm | None
    ) -> tuple[NP | None, list[str]]:
        """The subject of the speech verb at k: before it (X sagte) or after it (… sagte X)."""
        c = self.clause_start(seq, k, lo)
        if c < k and seq[c].text in COORDINATORS:
            c += 1
        if c + 1 < k and seq[c].text in FOCUS:
            c += 1  # "Auch Hessens Ministerpräsident X kritisierte"
        if verb is not None and verb.use == "cite" and c < k:
            # "Die Agentur zitierte Lawrow mit den Worten": the object speaks, the subject is the channel
            obj = self.parse_np(seq, k + 1, hi)
            subj = self.parse_np(seq, c, k)
            if obj is not None and not obj.pronoun and subj is not None and subj.j == k:
                obj.trusted = True
                return obj, [self._np_text(subj)]
        verb_final = k + 1 >= len(seq) or seq[k + 1].text in (",", ".", ";", ":", QUOTE, ")") or (
            seq[k + 1].text in AUXILIARIES and (k + 2 >= len(seq) or seq[k + 2].text in (",", ".", ";", ":", QUOTE)))  # "betont hatte,"
        if verb_final and c > lo + 2 and seq[c - 1].text == "," and seq[c].text.lower() not in SUBORDINATORS:
            # "Wie Norman Paech, der … anwesend war, dazu feststellt": past the relative clause
            r = c - 2
            while r > lo and seq[r].text != ",":
                r -= 1
            if r > lo and seq[r + 1].text in RELATIVE_PRONOUNS:
                c2 = self.clause_start(seq, r, lo)
                if c2 < r and seq[c2].text.lower() in SUBORDINATORS:
                    np = self.parse_np(seq, c2 + 1, r)
                    if np is not None and np.j == r:
                        np.trusted = True
                        return np, []
        if c < k and seq[c].text.lower() in SUBORDINATORS and verb_final:
            np = self.parse_np(seq, c + 1, k)
            if np is not None and (np.j >= k - 2 or (np.names or self.cast.person_in(np.start, np.end))
                                   and (seq[np.j].text.lower() in PREPOSITIONS or seq[np.j].text[:1].islower()
                                        and seq[np.j].text not in self.lex.determiners)):
                np.trusted = np.j == k  # "wie Minister X am Dienstag in Hannover erklärte"
                return np, []
        # "X drückte … aus und lobte Y": the subject of the first verb
        if k - 1 > lo and seq[k - 1].text in COORDINATORS and (c < k - 1 or seq[k - 2].text == ","):
            # "Er sagte, Europa brauche X, und fügte hinzu": the main clause's subject when it can speak
            np = self.main_clause_subject(seq, lo, k - 1) if c > lo or seq[k - 2].text == "," else None
            if np is None and c < k - 1:
                np = self.parse_np(seq, c, k)
                if np is None or np.j < k - 1:
                    # "Auf Twitter zeigte sich die Regierung bestürzt und verurteilte …"
                    np = self.main_clause_subject(seq, c, k - 1)
            if np is not None and self._subject_ok(np, seq, c, lo):
                return np, []
        # a participle after an auxiliary: "habe Lawrow erklärt", "wurde der Diktator … zitiert"
        if True:
            a = self._aux_before(seq, c, k)
            if (a is not None and seq[a].text in PASSIVE_AUX and verb is not None and verb.use not in ("cite", "report")
                    and seq[k].text in self.lex.participles):
                # a passive: "wird … vom Wetterdienst als „sehr hoch“ eingestuft" — the agent speaks;
                # "Die Pläne wurden als „…“ bezeichnet" names nobody
                return self._agent(seq, a + 1, k), []
            if a is not None:
                if a > c:
                    np = self.parse_np(seq, c, a)
                    if np is not None and np.j == a and (self._subject_ok(np, seq, c, lo) or self._name_like_head(np)):
                        np.trusted = True
                        return np, []
                np = self.parse_np(seq, a + 1, k)
                if np is not None:
                    np.trusted = True
                    via = self._von_media(seq, np.j, k) if seq[a].text in PASSIVE_AUX else []
                    return np, via
        # the subject before the verb, possibly with an apposition: "X, Sprecherin der Y, sagte"
        starts = [c]
        if c == k and k - 1 > lo and seq[k - 1].text == ",":
            starts = [s for s in range(lo, k - 1) if s == lo or seq[s - 1].text in (",", ":", QUOTE)]
        for s in starts:
            if s >= k:
                continue
            np = self.parse_np(seq, s, k)
            if np is None:
                continue
            if np.j in (k, k - 1) and self._subject_ok(np, seq, s, lo):
                np.trusted = np.j == k
                return np, []
            if np.j + 1 < k and seq[np.j].text in ("im", "in", "aus", "von", "vom", "bei", "beim", "um") and s == c and self._can_speak(np):
                pp = self.parse_np(seq, np.j + 1, k, apposition=False)  # "Das Komitee im norwegischen Oslo würdigte"
                if pp is not None and pp.j == k and not pp.pronoun:
                    return np, []
            if (np.j + 1 < k and seq[np.j].text == "," and seq[np.j + 1].text in RELATIVE_PRONOUNS
                    and seq[k - 1].text == "," and (self.cast.person_in(np.start, np.end) or np.names or self.lex.person_head(np.head or ""))):
                return np, []
        if c < k and c == lo and k + 1 < len(seq) and seq[k + 1].text not in (",", ".", ";", ":", QUOTE, ")"):
            np = self.parse_np(seq, c, k)  # "Modder nannte die Absage einen …": the Vorfeld name speaks
            if np is not None and np.j == k and not np.det and self._name_like_head(np) and len(seq[c].text) > 2:
                np.trusted = True
                return np, []
        np, via = self.subject_after(seq, k, hi, verb)
        if np is not None:
            return np, via
        if c < k:
            np = self.parse_np(seq, c, k)
            if np is not None and np.j == k and (self._subject_ok(np, seq, c, lo) or self._name_like_head(np)):
                np.trusted = True
                return np, []
        np = self.first_agent(seq, lo, k)
        if np is not None and not np.pronoun:
            return np, []
        return None, []

    def _name_like_head(self, np: NP) -> bool:
        head = np.head or ""
        return (np.det is None and is_capitalized_word(head) and head not in self.lex.not_names
                and not self.lex.org_head(head) and not self.lex.doc_head(head) and looks_like_name_part(head))

    def _aux_before(self, seq: list[Token], c: int, k: int) -> int | None:
        """Index of a finite auxiliary in the clause before a participle at k, if any."""
        w = seq[k].text
        if not (w.startswith("ge") or w.endswith(("t", "en"))) or k + 1 < len(seq) and seq[k + 1].text not in (",", ".", ":", QUOTE, ";", "und", "dass", "daß"):
            return None
        for m in range(c, k):
            if seq[m].text in AUXILIARIES:
                return m
        return None

    def _agent(self, seq: list[Token], j: int, k: int) -> NP | None:
        """The agent of a passive: "von der Ministerin", "vom Deutschen Wetterdienst", "durch die Polizei"."""
        for m in range(j, k - 1):
            if seq[m].text in ("von", "vom", "durch"):
                np = self.parse_np(seq, m + 1, k, apposition=False)
                if np is not None and self.personish(np):
                    np.trusted = True
                    return np
        for m in range(j, k - 1):
            # "wurden gestern im „Standard“ als „…“ bezeichnet": the publication that used the words
            if seq[m].text in ("im", "in"):
                np = self.parse_np(seq, m + 1, k, apposition=False)
                if np is not None and (np.quoted or self.cast.entity_in(np.start, np.end, ("media",))
                                       or self.lex.media_head(np.head or "")):
                    return np
        return None

    def _von_media(self, seq: list[Token], j: int, k: int) -> list[str]:
        """"von nordkoreanischen Staatsmedien zitiert": the channel of a passive quotation."""
        for m in range(j, k):
            if seq[m].text in ("von", "vom", "im", "in", "durch"):
                ent = self.cast.entity_in(seq[m].start, seq[k - 1].end, ("media",))
                if ent is not None:
                    return [ent.entity.name]
        return []

    def _subject_ok(self, np: NP, seq: list[Token], s: int, lo: int) -> bool:
        """A noun phrase before the verb that can be its subject (not an adverb or an object)."""
        if np.pronoun:
            return np.pronoun in PRONOUNS or np.pronoun in ("wir", "Wir", "ich", "Ich", "they", "They", "we", "We")
        if np.det and np.det.lower() in ("den", "dem", "des", "einen", "einem", "seinen", "seinem", "ihren", "ihrem"):
            return False
        if np.det:
            return True
        if self.cast.person_in(np.start, np.end) or self.cast.entity_in(np.start, np.end, ("media", "organization", "state", "person")):
            return True
        head = np.head or ""
        if self.lex.person_head(head) or np.names:
            return True
        sentence_initial = s == lo
        if not sentence_initial:
            return True
        return head.isupper() and len(head) >= 2  # an acronym: "KCNA", "FIFA"

    def main_clause_subject(self, seq: list[Token], lo: int, hi: int) -> NP | None:
        """The first noun phrase in seq[lo:hi] that can be the subject and can speak: the
        Vorfeld ("Der Ermittler, der …, will …") or, after it, the inverted subject ("Den Unmut …
        brachte die Sprecherin …, X, zum Ausdruck"); prepositional phrases, a leading subordinate
        clause and relative clauses are skipped."""
        j = lo
        if j < hi and seq[j].text.lower() in SUBORDINATORS:
            while j < hi and seq[j].text != ",":
                j += 1
            j += 1
        while j < hi:
            t = seq[j].text
            if t == "," and j + 1 < hi and seq[j + 1].text in RELATIVE_PRONOUNS:
                j += 2
                while j < hi and seq[j].text != ",":
                    j += 1
                continue
            if t == QUOTE or not t[:1].isalnum():
                j += 1
                continue
            if t.lower() in PREPOSITIONS:
                sub = self.parse_np(seq, j + 1, hi, apposition=False)
                j = sub.j if sub is not None else j + 2
                continue
            np = self.parse_np(seq, j, hi)
            if np is not None:
                if np.pronoun:
                    if np.pronoun in PRONOUNS:
                        return np
                elif not (np.det and np.det.lower() in OBJECT_DETS | {"des", "eines"}) and self._can_speak(np):
                    return np
                j = max(np.j, j + 1)
                continue
            j += 1
        return None

    def _can_speak(self, np: NP) -> bool:
        if np.names or self.cast.person_in(np.start, np.end):
            return True
        head = np.head or ""
        if self._adjectival_person(np):
            return True
        if self.lex.person_head(head) or self.lex.org_head(head) or self.lex.media_head(head):
            return True
        return self.cast.entity_in(np.start, np.end, ("organization", "media")) is not None

    def first_agent(self, seq: list[Token], lo: int, hi: int) -> NP | None:
        """The first person-like noun phrase of a clause not governed by a preposition."""
        j = lo
        while j < hi:
            t = seq[j].text
            if t in PREPOSITIONS or t.lower() in PREPOSITIONS:
                sub = self.parse_np(seq, j + 1, hi, apposition=False)  # the whole phrase the preposition governs
                j = sub.j if sub is not None else j + 2
                continue
            np = self.parse_np(seq, j, hi)
            if np is not None:
                if np.pronoun in PRONOUNS or self.cast.person_in(np.start, np.end) or self.lex.person_head(np.head or "") or np.names:
                    if not (np.det and np.det.lower() in ("den", "dem", "des", "einen", "einem")):
                        return np
                j = max(np.j, j + 1)
                continue
            j += 1
        return None


DEFINITE_DETS = {"der", "die", "das", "des", "dem", "den"}
COMPOUND_WORD = re.compile(r"\b[A-ZÄÖÜ][\w-]{3,}")
ATTRIBUTIVE_BEFORE = {"näher", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen"}
RELATIVE_PRONOUNS = {"der", "die", "das", "dem", "den", "deren", "dessen", "welcher", "welche", "welches"}
PREPOSITIONS = {
    "in", "im", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "von", "vom", "vor", "zu", "zum",
    "zur", "über", "unter", "für", "gegen", "gegenüber", "um", "durch", "ohne", "seit", "während", "wegen",
    "trotz", "laut", "zufolge", "hinter", "neben", "zwischen", "innerhalb", "außerhalb", "als", "wie",
}


def _has_np_after(att: Attributor, seq: list[Token], k: int, hi: int) -> bool:
    return k + 1 < hi and att.parse_np(seq, k + 1, hi) is not None
