"""Numeric estimates: a figure, what it counts, how it is hedged, and who gives it.

    find_estimates(text, mentions) -> list[Estimate]

1. `numbers.find_numbers` finds the figures with their qualifiers ("mehr als 10.000", "bis zu 8.000",
   "zwischen 10.000 und 12.000"); years, dates, times, ordinals, labels are already gone.
2. A figure is an estimate when it counts something: a unit noun follows it ("Soldaten", "km",
   "Artilleriegranaten", "Nordkorea-Soldaten"); or, for a hedged figure without a noun ("könne auf
   bis zu 100.000 steigen"), the sentence named the thing before ("Die Zahl der Soldaten ...", "von den
   10.000 Soldaten ... bis zu 8.000") or the sentence before counted it ("Ihm zufolge könnten es bis zu
   20.000 sein"); or a participle says what happened to the counted ("mehr als 300 wurden getötet",
   "zwei deutsche Touristen sind ums Leben gekommen"; "getötet oder verwundet" are casualties).
   Not: a distance that places or measures ("30 Kilometer nördlich von Kiew", "140 Kilometer pro
   Stunde", "die 1.000 Kilometer lange Front"), a speed, an age ("im Alter von 79 Jahren gestorben").
   Percentages and sums of money count only when someone is named as their source.
3. Attribution, within the figure's sentence:
   a. a source cue in the figure's own clause: "Nach Schätzungen Südkoreas und der USA", "laut Kiew",
      "Angaben aus Südkorea zufolge", "Berichten zufolge" (unnamed: nobody), "unter Berufung auf",
      "heißt es in einem Bericht des ..."; the source is every actor mentioned in the noun phrase the
      cue governs (a relative clause that cites included: "Laut Medienberichten, die sich auf eine
      Einschätzung des ukrainischen Geheimdienstes berufen");
   b. else the sentence's speech verb ("warnte der ukrainische Präsident Wolodymyr Selenskyj",
      "Die USA schätzen ...", "wie KCNA meldete", "hatte von 100 Toten gesprochen"): its subject, found
      by German word order, or the source cue of the speech clause when the speaker relays one
      ("Unter Berufung auf amerikanische Geheimdienste wies Blinken darauf hin, dass ...");
   c. else a source cue earlier in the sentence, or one that closes it ("..., according to officials");
      else the speaker of the quotation the figure is in (when the caller passes quotations);
   d. else, after "demnach" or in reported speech that goes on (Konjunktiv I: "Das entspreche ..."),
      the source of the sentence before.
   Within one phrase a person or a named body wins over the state adjective that describes it ("der
   ukrainische Präsident Selenskyj" is Selenskyj, "die chinesische Nachrichtenagentur Xinhua" is Xinhua);
   a definite phrase without a name refers back ("teilte der Geheimdienst mit" after "des südkoreanischen
   Geheimdienstes NIS"); a pronoun ("Ihm zufolge") is the last person named. The subject of the counted
   action is never the source ("Nordkorea hat 10.000 Soldaten entsandt"); it only names them in
   `subject` ("North Korean soldiers").
4. The same figure (value, qualifier, unit) repeated without a source, typically in a headline, takes
   the source the article gives for it elsewhere.

The words (unit nouns, qualifiers, cues, speech verbs, distance contexts) are data in estimates.toml.
Only regular expressions and plain Python: no dateparser, no model; text2num only inside numbers.py.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import ActorMention, Estimate
from .numbers import (
    _CURRENCY_AFTER_RE,
    _MONTHS,
    _ORD_BEFORE,
    _PERCENT_RE,
    DATA,
    NumberSpan,
    detect_language,
    find_numbers,
)

# ---------------------------------------------------------------------------------------------- data


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


class _Units:
    """Unit nouns of one language: whole words, and (5+ letters) endings of compounds."""

    def __init__(self, lang: str):
        self.exact: dict[str, str] = {}
        for key, entry in DATA["units"].items():
            for w in entry.get(lang, []):
                self.exact[w.casefold()] = key
        suffixes = [w for w in self.exact if len(w) >= 5 and " " not in w]
        self.suffix_re = re.compile(r"(?:" + _alt(suffixes) + r")n?\Z")
        self.multi = {w: k for w, k in self.exact.items() if " " in w}

    def of(self, word: str) -> tuple[str, int] | None:
        """(unit, index where the matched ending starts in `word`) or None."""
        low = word.casefold()
        for cand in (low, low[:-1] if low.endswith("n") and len(low) > 4 else None):
            if cand and cand in self.exact:
                return self.exact[cand], 0
        m = self.suffix_re.search(low)  # the longest known ending of a compound ("nordkorea-soldaten")
        if m and m.start() > 0:
            suf = low[m.start() : m.end()]
            return self.exact.get(suf) or self.exact[suf[:-1]], m.start()
        return None


_UNITS = {lang: _Units(lang) for lang in ("de", "en")}
_UNIT_NOUN = {key: entry["noun"] for key, entry in DATA["units"].items()}
_PARTICIPLES = {w.casefold(): k for k, ws in DATA["participles"].items() for w in ws}
_PARTICIPLE_UNITS = {w.casefold(): set(us) for w, us in DATA["participle_units"].items()}
_PARTICIPLE_RE = re.compile(r"(?<!\w)(" + _alt(_PARTICIPLES) + r")(?!\w)", re.I)
_ADDITIONAL = {w.casefold() for w in DATA["subject"]["additional"]}
_NATIONALITY = sorted(DATA["subject"]["nationality"].items(), key=lambda kv: -len(kv[0]))
_NO_ESTIMATE = {key for key, entry in DATA["units"].items() if entry.get("estimate") is False}
_UNIT_SKIP = {
    key: (
        re.compile(r"(?:\s+[\w-]+){0,2}?\s*(?:" + _alt(c["skip_after"]) + r")(?!\w)") if c["skip_after"] else None,
        re.compile(r"(?<!\w)(?:" + _alt(c["skip_before"]) + r")\s*\Z", re.I) if c["skip_before"] else None,
    )
    for key, c in DATA["unit_context"].items()
}
_NOT_COUNTED = {lang: set(DATA["not_counted"][lang]) for lang in ("de", "en")}
_PREPOSITIONS = set(DATA["participle_blockers"]["prepositions"])
_NEGATIONS = set(DATA["participle_blockers"]["negations"])
_PARTICIPLE_SUBJECT = {"dead": "killed", "wounded": "wounded", "prisoners": "captured", "casualties": "killed or wounded"}
_COUNTED_PEOPLE = {"people", "soldiers", "civilians", "workers", "refugees", None}

_ATT = DATA["attribution"]


def _cue_re(lang: str) -> re.Pattern:
    a = _ATT[lang]
    preps = [p for p in a["prepositions"] if p.casefold() not in ("nach", "zufolge")]
    alts = [_alt(preps)] if preps else []
    if lang == "de":
        adj = _alt(a["source_adjectives"])
        adj = rf"(?:{adj}|[\w-]+(?:e|en|er|es|em))"  # "nach ersten offiziellen Angaben", "nach Moskauer Angaben"
        alts.append(rf"nach\s+(?:{adj}\s+){{0,2}}[\w-]*?(?:{_alt(a['source_nouns'])})")
    pattern = r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])"
    return re.compile(pattern, re.I)


_CUE_RE = {lang: _cue_re(lang) for lang in ("de", "en")}
_POSTP_RE = {
    lang: re.compile(r"(?<![\w-])(?:" + _alt(_ATT[lang]["postpositions"]) + r")(?![\w-])")
    if _ATT[lang]["postpositions"]
    else None
    for lang in ("de", "en")
}
_SOURCE_NOUNS = {lang: {w.casefold() for w in _ATT[lang]["source_nouns"]} for lang in ("de", "en")}
_BACKREF = {
    lang: re.compile(r"(?<![\w-])(?:" + _alt(_ATT[lang]["back_references"]) + r")(?![\w-])", re.I)
    for lang in ("de", "en")
}
_REPORTED = {
    lang: re.compile(r"(?<![\w-])(?:" + _alt(_ATT[lang]["reported_speech"]) + r")(?![\w-])")
    if _ATT[lang]["reported_speech"]
    else None
    for lang in ("de", "en")
}
_ANAPHORA_HEADS = {lang: tuple(_ATT[lang]["anaphora_heads"]) for lang in ("de", "en")}
_DEF_DET = {"der", "die", "das", "des", "dem", "den", "the"}


def _verb_table(lang: str):
    single, separable = list(_ATT[lang]["speech_participles"]), {}
    for v in _ATT[lang]["speech_verbs"]:
        if "|" in v:
            finite, particle = v.split("|")
            separable.setdefault(finite, set()).add(particle)
        elif v != "so":
            single.append(v)
    words = single + list(separable)
    verb_re = re.compile(r"(?<![\w-])(" + _alt(words) + r")(?![\w-])")
    return verb_re, separable, set(single)


_VERBS = {lang: _verb_table(lang) for lang in ("de", "en")}
_SO_RE = re.compile(r",\s+(so)\s+(?=\w)")
_PRONOUNS = {lang: set(_ATT[lang]["pronouns"]) for lang in ("de", "en")}

_DET = {
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "sein", "seine",
    "seiner", "seines", "seinem", "seinen", "ihr", "ihre", "ihrer", "ihres", "ihrem", "ihren", "dieser", "diese",
    "dieses", "diesem", "diesen", "mehrerer", "mehrere", "zahlreicher", "beider", "aller", "jener", "unserer",
    "the", "a", "an", "its", "his", "her", "their",
}
_GEN_DET = {"des", "der", "eines", "einer", "seines", "seiner", "ihres", "ihrer", "dieses", "dieser", "beider",
            "aller", "mehrerer", "of"}
_CONJ = {"und", "sowie", "oder", "bzw", "auch", "sowohl", "als", "and", "or", "as", "well"}
_CONNECT = {"von", "vom", "aus", "of"}
_REL = {"die", "der", "das", "welche", "welcher", "welches", "denen", "dessen", "deren", "which", "who", "that"}
_FUNC = {
    "nach", "laut", "auch", "zudem", "bereits", "dabei", "im", "am", "in", "bei", "mit", "von", "zu", "für", "aus",
    "seit", "wie", "so", "doch", "aber", "jedoch", "nun", "demnach", "damit", "dann", "da", "dort", "hier",
    "außerdem", "zuvor", "schon", "noch", "nur", "es", "man", "wir", "ich", "etwa", "rund", "mehr", "über", "bis",
    "unter", "zwischen", "gegen", "ohne", "um", "weil", "wenn", "als", "dass", "ob", "während", "trotz",
    "allerdings", "inzwischen", "insgesamt", "derzeit", "heute", "gestern", "morgen", "jetzt", "bisher", "vor",
    "hinter", "neben", "zum", "zur", "vom", "beim", "ins", "ans", "unterdessen", "indes", "mittlerweile",
    "offenbar", "angeblich", "demzufolge", "zufolge", "gleichzeitig", "zugleich", "ebenfalls", "ferner",
    "weiter", "weiterhin", "einst", "zuletzt", "erst", "fast", "knapp", "mindestens", "bislang", "nicht", "kein",
    "keine", "alle", "viele", "einige", "mehrere", "diese", "dieser", "dieses", "jeder", "jede", "jedes",
}
_VERB_STOP = {
    "haben", "waren", "wurden", "werden", "sollen", "sollten", "könnten", "können", "dürften", "seien", "hätten",
    "würden", "müssen", "wollen", "kämen", "gäben", "lagen", "liegen", "stehen", "standen", "gehen", "gingen",
    "kommen", "kamen", "geben", "gaben", "sagen", "sagten", "schätzen", "berichten", "melden", "sehen", "sahen",
    "hatten", "wären", "mögen", "gelten", "galten", "bleiben", "blieben", "zählen", "kämpfen", "dienen",
    "beteiligt", "sowie", "ebenfalls", "derzeit", "bereits", "mehrere", "wieder", "aber", "oder", "immer", "eine",
    "keine", "seine", "ihre", "diese", "jene", "alle", "viele", "einige", "welche", "solche", "manche", "jede",
}
# a relative clause that says where the source has it from ("Medienberichte, die sich auf ... berufen")
_RELAYS = re.compile(r"(?<!\w)(?:beruf|bezieh|bezog|stütz|zitier|cite|citing|quot)\w*", re.I)
_BOUNDARY_RE = re.compile(r"[,;:()\[\]–—\n]|\s-\s")
_TOKEN_RE = re.compile(r"[^\W\d_](?:\w|[-‐'’.](?=\w))*|\d+(?:[.,]\d+)*|[^\w\s]")
_ABBREV = {
    "ca.", "mio.", "mrd.", "nr.", "dr.", "prof.", "st.", "bzw.", "z.b.", "u.a.", "usw.", "etc.", "abs.", "art.",
    "jh.", "gen.", "lt.", "vgl.", "evtl.", "inkl.", "ggf.", "mr.", "mrs.", "ms.", "u.s.", "jan.", "feb.", "aug.",
    "sept.", "okt.", "nov.", "dez.", "min.", "max.", "rd.", "vs.", "no.", "bzw", "d.h.", "v.a.", "s.",
}
_SENT_CHAR = re.compile(r"[.!?…\n]")
_CLOSERS = "\"“”»«’')"


def _sentence_ends(text: str) -> list[int]:
    """Where a sentence may end: after . ! ? … (and closing quotes) before a space, and at a line end."""
    ends: list[int] = []
    n = len(text)
    for m in _SENT_CHAR.finditer(text):
        i = m.end()
        if m.group() != "\n":
            while i < n and text[i] in _CLOSERS:
                i += 1
            if i < n and not text[i].isspace():
                continue
        if not ends or ends[-1] != i:
            ends.append(i)
    return ends


# ------------------------------------------------------------------------------------------ the text


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str
    word: bool


class _Doc:
    """Sentences, tokens and mentions of one text, with the noun-phrase walks attribution needs.

    Work happens one sentence at a time: `focus(sentence)` makes `toks` the tokens of that sentence
    (tokenised on first use and kept), so that sentences without a figure cost nothing.
    """

    def __init__(self, text: str, mentions: Sequence[ActorMention], lang: str):
        self.text = text
        self.lang = lang
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.m_starts = [m.start for m in self.mentions]
        self.pronouns = _PRONOUNS[lang]
        self._ends = _sentence_ends(text)  # candidate sentence ends
        self._valid: dict[int, bool] = {}
        self._tokens: dict[tuple[int, int], tuple[list[_Tok], list[int]]] = {}
        self._focus = (0, 0)

    # -- sentences
    def _is_end(self, i: int) -> bool:
        """Whether candidate i really ends a sentence (not "ca.", not "am 4. Dezember")."""
        got = self._valid.get(i)
        if got is None:
            got = self._valid[i] = self._check_end(self._ends[i])
        return got

    def _check_end(self, end: int) -> bool:
        text = self.text
        if text[end - 1] == "\n":
            return True
        w = re.search(r"(\S+)\Z", text[max(0, end - 30) : end])
        word = w.group(1).casefold().rstrip("\"“”»«’')") if w else ""
        if word in _ABBREV or re.fullmatch(r"[a-zäöü]\.", word):
            return False
        if re.fullmatch(r"\d{1,2}\.", word):  # "am 4. Dezember": an ordinal, not a sentence end
            nxt = re.match(r"\s*(\w+)", text[end : end + 20])
            prev = re.search(r"(\w+)\s+\d{1,2}\.\Z", text[max(0, end - 30) : end])
            if (nxt and nxt.group(1).casefold() in _MONTHS) or (prev and prev.group(1).casefold() in _ORD_BEFORE):
                return False
        return True

    def sentence(self, pos: int) -> tuple[int, int]:
        ends = self._ends
        i = bisect.bisect_right(ends, pos)
        j = i - 1
        while j >= 0 and not self._is_end(j):
            j -= 1
        k = i
        while k < len(ends) and not self._is_end(k):
            k += 1
        return (ends[j] if j >= 0 else 0), (ends[k] if k < len(ends) else len(self.text))

    def focus(self, sent: tuple[int, int]) -> None:
        self._focus = sent

    def _tokenized(self) -> tuple[list[_Tok], list[int]]:
        sent = self._focus
        got = self._tokens.get(sent)
        if got is None:  # tokenised on first use only: most sentences never need it
            toks = [
                _Tok(m.start(), m.end(), m.group(), m.group().casefold(), m.group()[0].isalpha())
                for m in _TOKEN_RE.finditer(self.text, sent[0], sent[1])
            ]
            got = self._tokens[sent] = (toks, [t.start for t in toks])
        return got

    @property
    def toks(self) -> list[_Tok]:
        return self._tokenized()[0]

    @property
    def starts(self) -> list[int]:
        return self._tokenized()[1]

    # -- tokens
    def tok_index(self, pos: int) -> int:
        """Index of the first token starting at or after `pos`."""
        return bisect.bisect_left(self.starts, pos)

    def is_noun(self, t: _Tok) -> bool:
        if not t.word or t.low in self.pronouns or t.low in _DET or t.low in _CONJ or t.low in _FUNC:
            return False
        if self.lang == "en":
            return t.low not in _EN_STOP
        return t.text[0].isupper()

    def is_adj(self, t: _Tok) -> bool:
        if not t.word or t.low in _DET or t.low in _FUNC or t.low in _VERB_STOP:
            return False
        if self.lang == "en":
            return t.low not in _EN_STOP
        return t.text[0].islower() and t.low.endswith(("e", "en", "er", "es", "em"))

    def mention_of(self, t: _Tok) -> ActorMention | None:
        i = bisect.bisect_right(self.m_starts, t.start) - 1
        for m in self.mentions[max(i - 3, 0) : i + 1]:
            if m.start < t.end and m.end > t.start:
                return m
        return None

    def boundary(self, a: int, b: int) -> bool:
        return a < b and _BOUNDARY_RE.search(self.text, a, b) is not None

    # -- noun phrases
    def np_forward(self, k: int, limit: int) -> tuple[int, int] | None:
        """The noun phrase starting at token k: (start, end) offsets, a relative clause included."""
        toks, last, after_noun, j = self.toks, None, False, k
        while j < len(toks) and toks[j].start < limit:
            t = toks[j]
            if not t.word and t.text not in "-":
                if t.text == "," and last is not None and j + 1 < len(toks):
                    nxt = toks[j + 1]
                    if nxt.low in _REL:  # ", die sich auf ... berufen,": part of the source
                        r = j + 1
                        while r < len(toks) and toks[r].start < limit and toks[r].text not in ",;.!?:":
                            r += 1
                        end = toks[r].end if r < len(toks) and toks[r].text == "," else toks[r - 1].end
                        if _RELAYS.search(self.text, toks[j].end, end):
                            return toks[k].start, end
                        return toks[k].start, toks[last].end
                    if self._list_continues(j + 1, limit):
                        after_noun, j = False, j + 1
                        continue
                break
            if self.is_noun(t):
                if after_noun and last is not None:
                    a, b = self.mention_of(toks[last]), self.mention_of(t)
                    if _two_names(a, b):
                        break  # "Kiew Moskau": two names, not one phrase
                last, after_noun = j, True
            elif t.low in _DET:
                if after_noun and t.low not in _GEN_DET:
                    break
                after_noun = False
            elif t.low in _CONJ or t.low in _CONNECT:
                after_noun = False
            elif t.low == "in" and after_noun and j + 1 < len(toks) and self.is_noun(toks[j + 1]):
                after_noun = False  # "ein Sprecher des Generalstabs in Seoul"
            elif t.low in self.pronouns and last is None and j == k:
                return t.start, t.end
            elif self.is_adj(t) and not after_noun:
                pass
            else:
                break
            j += 1
        if last is None:
            return None
        return toks[k].start, toks[last].end

    def _list_continues(self, j: int, limit: int) -> bool:
        """After a comma: "der USA, Südkoreas und Japans" goes on to an "und" through noun-phrase words."""
        for t in self.toks[j : j + 6]:
            if t.start >= limit:
                return False
            if t.low in ("und", "sowie", "and"):
                return True
            if not (self.is_noun(t) or t.low in _DET or self.is_adj(t) or t.low in _CONNECT):
                return False
        return False

    def np_backward(self, j_end: int, floor: int, stop_at_source: bool) -> tuple[int, int] | None:
        """The noun phrase ending right before token j_end (not before offset `floor`)."""
        toks = self.toks
        j = j_end - 1
        if j < 0 or toks[j].start < floor:
            return None
        if toks[j].low in self.pronouns:
            return toks[j].start, toks[j].end
        end, start, state, prev_m = toks[j].end, None, "noun", None
        while j >= 0 and toks[j].start >= floor:
            t = toks[j]
            if state == "noun":
                if not self.is_noun(t):
                    if start is None:
                        return None
                    state = "mods"
                    continue
                m = self.mention_of(t)
                if _two_names(m, prev_m):
                    break
                prev_m = m or prev_m
                start = j
                j -= 1
                if stop_at_source and _is_source_noun(t.low, self.lang):
                    # "offiziellen chinesischen Angaben zufolge": keep the words describing the source
                    while j >= 0 and toks[j].start >= floor and (self.is_adj(toks[j]) or toks[j].low in _DET):
                        start, j = j, j - 1
                    break
                continue
            # modifiers of the noun: determiners, adjectives; then maybe a chain or a coordination
            if t.low in _DET or self.is_adj(t):
                start = j
                if t.low in _GEN_DET and j > 0 and self.is_noun(toks[j - 1]):
                    state, prev_m = "noun", None  # "dem Bericht der Zeitung"
                j -= 1
                continue
            if (t.low in _CONJ or t.low in _CONNECT) and j > 0 and toks[j - 1].start >= floor:
                p = toks[j - 1]
                if self.is_noun(p) or self.is_adj(p) or p.low in _DET:
                    state, prev_m = ("noun" if self.is_noun(p) else "mods"), None
                    j -= 1
                    continue
            break
        if start is None:
            return None
        return toks[start].start, end

    # -- actors
    def names_in(self, a: int, b: int, pronoun_at: int | None = None) -> list[str]:
        """Canonical names mentioned in text[a:b]; per conjunct, persons over the states describing them."""
        i = bisect.bisect_left(self.m_starts, a - 200)
        found = [m for m in self.mentions[i:] if m.start < b and m.end > a]
        if not found:
            seg = self.text[a:b].strip().casefold()
            if seg in self.pronouns:
                return self.resolve_pronoun(a, seg)
            return self.resolve_definite(a, b)
        cuts = [m.end() for m in re.finditer(r"\s(?:und|sowie|oder|and|or)\s|,", self.text[a:b])]
        groups: dict[int, list[ActorMention]] = {}
        for m in found:
            groups.setdefault(bisect.bisect_right(cuts, m.start - a), []).append(m)
        names: list[str] = []
        for _, ms in sorted(groups.items()):
            persons = [m for m in ms if m.kind == "person"]
            if not persons:  # "die chinesische Nachrichtenagentur Xinhua": Xinhua, not China
                heads = [m for m in ms if m.kind != "state" and m.text[:1].isupper()]
                persons = heads and [m for m in ms if not (m.kind == "state" and m.text[:1].islower())]
            for m in persons or ms:
                if m.name not in names:
                    names.append(m.name)
        return names

    def resolve_definite(self, a: int, b: int) -> list[str]:
        """ "der Geheimdienst" after "des südkoreanischen Geheimdienstes NIS": the actors named with it then."""
        words = re.findall(r"[\w-]+", self.text[a:b])
        if not words or len(words) > 5 or words[0].casefold() not in _DEF_DET:
            return []
        head = words[-1]
        low = head.casefold()
        if not low.endswith(_ANAPHORA_HEADS[self.lang]):
            return []
        stem = head
        for suffix in ("es", "s", "en", "n"):
            if low.endswith(suffix) and len(head) - len(suffix) >= 5:
                stem = head[: -len(suffix)]
                break
        hits = list(re.finditer(r"[\w-]*" + re.escape(stem) + r"\w*", self.text[max(0, a - 3000) : a], re.I))
        if not hits:
            return []
        base = max(0, a - 3000)
        hs, he = base + hits[-1].start(), base + hits[-1].end()
        i = bisect.bisect_left(self.m_starts, hs - 60)
        near = [m for m in self.mentions[i:] if m.start < he + 30 and m.end > hs - 40 and m.end <= a]
        near = [m for m in near if not _BOUNDARY_RE.search(self.text, min(m.end, hs), max(m.start, he))]
        persons = [m for m in near if m.kind == "person"]
        names: list[str] = []
        for m in persons or near:
            if m.name not in names:
                names.append(m.name)
        return names

    def resolve_pronoun(self, pos: int, pronoun: str) -> list[str]:
        if pronoun not in ("er", "ihm", "ihn", "sie", "ihr", "he", "him", "she", "her"):
            return []
        i = bisect.bisect_left(self.m_starts, pos) - 1
        while i >= 0 and pos - self.mentions[i].start < 800:
            if self.mentions[i].kind == "person":
                return [self.mentions[i].name]
            i -= 1
        return []


def _two_names(first: ActorMention | None, second: ActorMention | None) -> bool:
    """Two neighbouring names that are not one phrase; a state before a person or body describes it
    ("Ukrainian President Volodymyr Zelensky", "US-Präsident Biden")."""
    if first is None or second is None or first.name == second.name:
        return False
    return not (first.kind == "state" and second.kind != "state")


_EN_STOP = {
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "may", "might", "said", "says",
    "sent", "estimated", "that", "which", "who", "in", "on", "at", "by", "for", "with", "to", "from", "into",
    "be", "been", "being", "told", "say", "reported", "believes", "believe", "claimed", "about", "some", "over",
    "more", "than", "up", "as", "there", "already", "now", "also", "not",
}


def _is_source_noun(low: str, lang: str) -> bool:
    nouns = _SOURCE_NOUNS[lang]
    return low in nouns or any(low.endswith(n) for n in nouns if len(n) >= 6)


# ------------------------------------------------------------------------------------------ the cues


@dataclass(slots=True)
class _Cue:
    start: int  # the cue words ("Nach Schätzungen", "zufolge", "warnte")
    end: int
    region_start: int  # cue and the source phrase it governs
    region_end: int
    names: list[str] | None  # None: no source phrase found (a speech verb without subject)
    verb: bool = False


def _source_cues(doc: _Doc, s: int, e: int) -> list[_Cue]:
    text, out = doc.text, []
    for m in _CUE_RE[doc.lang].finditer(text, s, e):
        if "eigenen" in m.group().casefold():  # "nach eigenen Angaben": the clause's subject says so
            k = doc.tok_index(m.end())
            names = []
            for t in doc.toks[k : k + 12]:
                if t.start >= e or not t.word and t.text in ",;:":
                    break
                mm = doc.mention_of(t)
                if mm is not None:
                    names = [mm.name]
                    break
            out.append(_Cue(m.start(), m.end(), m.start(), m.end(), names))
            continue
        k = doc.tok_index(m.end())
        np = doc.np_forward(k, e) if doc.lang == "de" else _np_forward_en(doc, k, e)
        if np is None:  # the cue may name the source itself: "nach UN-Angaben", "laut US-Angaben"
            out.append(_Cue(m.start(), m.end(), m.start(), m.end(), doc.names_in(m.start(), m.end())))
        else:
            out.append(_Cue(m.start(), m.end(), m.start(), np[1], doc.names_in(m.start(), np[1])))
    pr = _POSTP_RE[doc.lang]
    if pr is not None:
        for m in pr.finditer(text, s, e):
            np = doc.np_backward(doc.tok_index(m.start()), s, stop_at_source=True)
            if np is None:
                out.append(_Cue(m.start(), m.end(), m.start(), m.end(), []))
            else:
                out.append(_Cue(m.start(), m.end(), np[0], m.end(), doc.names_in(np[0], np[1])))
    return out


def _np_forward_en(doc: _Doc, k: int, limit: int) -> tuple[int, int] | None:
    toks, j = doc.toks, k
    while j < len(toks) and toks[j].start < limit and j - k < 8:
        t = toks[j]
        if not t.word or t.low in _EN_STOP:
            break
        j += 1
    return (toks[k].start, toks[j - 1].end) if j > k else None


_SUBORDINATORS = {"wie", "als", "da", "weil", "nachdem", "dass", "ob", "wobei", "während", "so", "und", "aber"}


def _clause_start(doc: _Doc, pos: int, sent_start: int) -> int:
    last = None
    for m in _BOUNDARY_RE.finditer(doc.text, sent_start, pos):
        last = m
    return last.end() if last else sent_start


def _opens_clause(doc: _Doc, pos: int, sent_start: int) -> bool:
    head = doc.text[sent_start:pos]
    return not head.strip(" \t\n„“”\"»«'") or bool(re.search(r"[,;:–—(]\s*[„“\"»]?\s*\Z", head))


def _closes_clause(doc: _Doc, pos: int, sent_end: int) -> bool:
    return bool(re.match(r"\s*(?:[,;:.!?)–—]|\Z)", doc.text[pos:sent_end]))


def _speech_cues(doc: _Doc, s: int, e: int) -> list[_Cue]:
    text, out = doc.text, []
    verb_re, separable, _single = _VERBS[doc.lang]
    hits = [(m.start(1), m.end(1), m.group(1)) for m in verb_re.finditer(text, s, e)]
    if doc.lang == "de":
        hits += [(m.start(1), m.end(1), "so") for m in _SO_RE.finditer(text, s, e)]
    for vs, ve, verb in hits:
        if verb in separable:
            stop = _BOUNDARY_RE.search(text, ve, e)
            tail = text[ve : stop.start() if stop else e]
            if not any(re.search(rf"(?<!\w){p}(?!\w)", tail) for p in separable[verb]):
                if verb not in _single:
                    continue
        k = doc.tok_index(ve)
        names: list[str] | None = None
        region = (vs, ve)
        # German word order: "Die USA schätzen ...", "wie KCNA meldete": the subject stands before the verb
        # when it opens the clause or the verb closes it; otherwise after it ("warnte Selenskyj")
        # (a phrase that names nobody gives way to one that does: "Die Zahl bezifferte Xinhua mit 13")
        before = doc.np_backward(doc.tok_index(vs), s, stop_at_source=False) if verb != "so" else None
        after = None
        if k < len(doc.toks) and doc.toks[k].start < e and doc.toks[k].word and doc.toks[k].low not in (
            "dass", "ob", "wie", "that", "if", "whether"
        ):
            after = doc.np_forward(k, e) if doc.lang == "de" else _np_forward_en(doc, k, e)
        b_names = doc.names_in(*before) if before is not None else None
        a_names = doc.names_in(*after) if after is not None else None
        first = before is not None and (_opens_clause(doc, before[0], s) or _closes_clause(doc, ve, e))
        if first and (b_names or not a_names):
            names, region = b_names, (before[0], ve)
        elif after is not None:
            names, region = a_names, (vs, after[1])
        elif before is not None:
            names, region = b_names, (before[0], ve)
        if not names and _closes_clause(doc, ve, e):
            # a perfect tense ("Der Geheimdienst hatte ... gesprochen", "Selenskyj hat am Montag erklärt"):
            # the subject opens the clause
            k0 = doc.tok_index(_clause_start(doc, vs, s))
            while k0 < len(doc.toks) and doc.toks[k0].low in _SUBORDINATORS:
                k0 += 1  # "wie die Nachrichtenagentur KCNA am Folgetag berichtete"
            opening = doc.np_forward(k0, vs) if doc.lang == "de" else None
            if opening is not None and opening[1] <= vs:
                o_names = doc.names_in(*opening)
                if o_names:
                    names, region = o_names, (opening[0], ve)
        out.append(_Cue(vs, ve, region[0], region[1], names, verb=True))
    return out


# ---------------------------------------------------------------------------------------- the figures


_BETWEEN = {"von", "mehr", "und", "oder", "bzw"}  # "Tausende von Soldaten", "getöteten oder verwundeten"


def _unit_after(doc: _Doc, pos: int, limit: int) -> tuple[str, _Tok, list[_Tok]] | None:
    """The unit noun after a figure: (unit, its token, the words in between)."""
    units = _UNITS[doc.lang]
    toks = [
        _Tok(m.start(), m.end(), m.group(), m.group().casefold(), m.group()[0].isalpha())
        for m in itertools.islice(_TOKEN_RE.finditer(doc.text, pos, min(limit, pos + 160)), 6)
    ]
    between: list[_Tok] = []
    prev_end = pos
    for j, t in enumerate(toks[:5]):
        if doc.text[prev_end : t.start].strip() or not t.word:
            return None
        if doc.lang == "en" and j + 1 < len(toks):
            two = f"{t.low} {toks[j + 1].low}"
            if two in units.multi:
                return units.multi[two], toks[j + 1], between
        u = units.of(t.text)
        if u is not None and (doc.lang == "en" or t.text[0].isupper() or t.low in ("km", "km²", "km2", "qkm", "t")):
            return u[0], t, between
        if doc.lang == "de":
            if not (t.text[0].islower() and (doc.is_adj(t) or t.low in _ADDITIONAL or t.low in _BETWEEN)):
                return None
        elif t.low in _EN_STOP and t.low not in ("more", "of"):
            return None
        between.append(t)
        prev_end = t.end
    return None


def _continues(doc: _Doc, prev_start: int, sent: tuple[int, int], pos: int) -> bool:
    """The figure at `pos` goes on counting what the previous figure (in the sentence before) counted:
    nothing but pronouns, function words and names stands before it in its sentence."""
    if doc.sentence(prev_start)[1] != sent[0]:
        return False
    for t in doc.toks:
        if t.start >= pos:
            return True
        if t.word and t.text[0].isupper() and t.low not in doc.pronouns and t.low not in _FUNC:
            if t.start != sent[0] and doc.mention_of(t) is None:
                return False
    return True


def _located(doc: _Doc, unit: str, start: int, end: int, limit: int) -> bool:
    """A distance that places or measures something ("30 Kilometer nördlich von Kiew") is no claim."""
    skip = _UNIT_SKIP.get(unit)
    if skip is None:
        return False
    after, before = skip
    if after is not None:
        stop = _BOUNDARY_RE.search(doc.text, end, limit)
        if after.match(doc.text, end, stop.start() if stop else limit):
            return True
    return before is not None and before.search(doc.text, max(0, start - 40), start) is not None


def _noun_follows(doc: _Doc, pos: int, limit: int) -> int | None:
    """The end of a noun that follows the figure but is no unit ("zwölf andere Mitglieder"), or None."""
    prev = pos
    for m in itertools.islice(_TOKEN_RE.finditer(doc.text, pos, min(limit, pos + 120)), 4):
        t = m.group()
        if not t[0].isalpha() or doc.text[prev : m.start()].strip():
            return None
        if t.casefold() in _NOT_COUNTED[doc.lang]:
            return -1
        if doc.lang == "de" and t[0].isupper():
            return m.end()
        if not t.casefold().endswith(("e", "en", "er", "es", "em")) or t.casefold() in _VERB_STOP:
            return None
        prev = m.end()
    return None


_ZAHL_RE = re.compile(r"(?<!\w)(?:Zahl|Anzahl|Gesamtzahl|number|total)\s+(?:der|an|von|des|of)\s", re.I)


def _unit_before(doc: _Doc, n: NumberSpan, sent: tuple[int, int], found: dict[int, tuple]) -> tuple | None:
    """An elliptic figure's unit from earlier in the sentence: "Die Zahl der Soldaten ... auf bis zu
    100.000", "von den 10.000 Soldaten ... bis zu 8.000", "Die Verluste beliefen sich auf 1.000"."""
    units = _UNITS[doc.lang]
    k = doc.tok_index(n.start) - 1
    s = sent[0]
    clause_start = None
    while k >= 0 and doc.toks[k].start >= s:
        t = doc.toks[k]
        if clause_start is None and doc.boundary(t.end, n.start):
            clause_start = t.end
        u = units.of(t.text) if t.word and (t.text[0].isupper() or doc.lang == "en") else None
        if u is not None:
            near = clause_start is None and doc.tok_index(n.start) - k <= 8
            zahl = _ZAHL_RE.search(doc.text, max(s, t.start - 60), t.start) is not None
            counted = any(a <= t.start <= b for a, b in found.values() if a < n.start)
            if near or zahl or counted:
                return u[0], k
            return None
        k -= 1
    return None


_STATE_ADJ = DATA["subject"]["state_adjective"]
_FIELDED = {"soldiers", "dead", "wounded", "casualties", "prisoners"}
_NOT_AGENT = _PREPOSITIONS | {"laut", "zufolge", "angaben", "schätzungen", "informationen", "gegen", "according"}


def _fielding_state(doc: _Doc, pos: int) -> str | None:
    """ "Nordkorea hat ... 10.000 Soldaten entsandt": the state named as the clause's actor, not in a
    prepositional phrase ("nach Russland") nor in a source cue ("Nach Schätzungen Südkoreas")."""
    s = doc.sentence(pos)[0]
    start = _clause_start(doc, pos, s)
    i = bisect.bisect_left(doc.m_starts, start)
    best = None
    for m in doc.mentions[i:]:
        if m.start >= pos:
            break
        if m.kind != "state" or not m.text[:1].isupper() or m.name not in _STATE_ADJ:
            continue
        prev = doc.text[max(0, m.start - 25) : m.start].casefold().split()
        if prev and (prev[-1] in _NOT_AGENT or prev[-1] in _DEF_DET or prev[-1] in ("und", "and")):
            continue
        if doc.text[m.end : m.end + 1] == "s" or m.text.endswith("s") and m.text[:-1] in _STATE_ADJ:
            continue  # a genitive: "Schätzungen Südkoreas"
        best = m
        break  # the first: the clause's actor comes before the names in its phrases
    return _STATE_ADJ[best.name] if best is not None else None


def _subject(doc: _Doc, n: NumberSpan, unit: str, unit_tok: _Tok | None, between: list[_Tok], cut: int,
             event: str | None) -> str:
    words = [t.low for t in between]
    before = re.search(r"(\w+)\s+\Z", doc.text[max(0, n.start - 30) : n.start])
    if before:
        words.append(before.group(1).casefold())
    additional = any(w in _ADDITIONAL for w in words)
    nat = None
    cands = [t.low for t in between] + [" ".join(t.low for t in between)]  # "north korean"
    if unit_tok is not None and cut > 0:
        cands.append(unit_tok.low[:cut])
    for c in cands:
        for stem, adj in _NATIONALITY:
            if c.startswith(stem) or c.replace("-", "").startswith(stem):
                nat = adj
                break
        if nat:
            break
    if nat is None and unit in _FIELDED:
        nat = _fielding_state(doc, n.start)
    noun = _UNIT_NOUN.get(unit, unit)
    parts = ["additional" if additional else None, nat, noun, _PARTICIPLE_SUBJECT.get(event) if event else None]
    return " ".join(p for p in parts if p)


def _event(
    doc: _Doc, pos: int, sent_end: int, start: int | None = None, later: Sequence[int] = (), unit: str | None = None
) -> str | None:
    """A participle in the rest of the clause that says what happened to the counted: "getötet".
    Not when the figure stands in a prepositional phrase or is negated ("keiner der 30 Insassen")."""
    if start is not None:
        before = doc.text[max(0, start - 25) : start].casefold().split()
        if before and (before[-1] in _PREPOSITIONS or any(w in _NEGATIONS for w in before[-2:])):
            return None
    stop = _BOUNDARY_RE.search(doc.text, pos, sent_end)
    end = min(stop.start() if stop else sent_end, pos + 80)
    for other in later:  # another figure first: the participle is its ("zwei getötet und drei verletzt")
        if other >= end:
            break
        if other < pos:
            continue
        before = doc.text[max(0, other - 15) : other].casefold().split()
        if not before or before[-1] not in _PREPOSITIONS:  # (but not "bei 33 Angriffen")
            end = other
            break
    words = (" ".join(m.group(1).casefold().split()) for m in _PARTICIPLE_RE.finditer(doc.text, pos, end))
    return _merge_events(_PARTICIPLES[w] for w in words if w not in _PARTICIPLE_UNITS or unit in _PARTICIPLE_UNITS[w])


def _merge_events(kinds) -> str | None:
    """ "getötet oder verwundet": casualties; otherwise the first thing that happened."""
    seen = list(dict.fromkeys(kinds))
    if "dead" in seen and "wounded" in seen:
        return "casualties"
    return seen[0] if seen else None



_PARTICIPLE_WORDS = sorted((w for w in _PARTICIPLES if " " not in w and len(w) >= 5), key=len, reverse=True)


def _event_before(between: list[_Tok]) -> str | None:
    """A participle used as an adjective before the noun: "1.250 getötete russische Soldaten"."""
    return _merge_events(_PARTICIPLES[w] for t in between for w in _PARTICIPLE_WORDS if t.low.startswith(w))


# ------------------------------------------------------------------------------------------ the work


def find_estimates(
    text: str,
    mentions: Sequence[ActorMention],
    lang: str | None = None,
    quotes: Sequence | None = None,
    include_vague: bool = True,
) -> list[Estimate]:
    """Every counted figure in `text` with its qualifier, unit, subject and source.

    `mentions`: the actor mentions resolved in the text (persons, states and their adjectives,
    organisations, media). `quotes` (optional): objects with start, end and speaker; a figure inside
    one without any other source is the speaker's. `include_vague`: keep "Tausende Soldaten"
    (qualifier "vague").
    """
    lang = lang or detect_language(text)
    if lang not in _UNITS:
        lang = "de"
    numbers = find_numbers(text, lang)
    if not numbers:
        return []
    doc = _Doc(text, mentions, lang)
    found: dict[int, tuple[int, int]] = {}  # number index -> unit noun offsets, for elliptic figures
    picked: list[tuple[NumberSpan, str, int, int, str]] = []
    for idx, n in enumerate(numbers):
        if n.kind == "vague" and not include_vague:
            continue
        sent = doc.sentence(n.num_start)
        end = n.end
        unit = None
        subject_before = None
        event = None
        cut = 0
        unit_tok = None
        between: list[_Tok] = []
        if n.kind in ("percent", "currency"):
            unit = n.kind
            m = (_PERCENT_RE if unit == "percent" else _CURRENCY_AFTER_RE).match(text, n.end)
            end = m.end() if m else n.end  # "3,1 Prozent", "22,5 Millionen Euro"
        else:
            ua = _unit_after(doc, n.end, sent[1])
            if ua is not None:
                unit, unit_tok, between = ua
                end = unit_tok.end
                u = _UNITS[lang].of(unit_tok.text)
                cut = u[1] if u else 0
                found[idx] = (unit_tok.start, unit_tok.end)
            elif not n.yearlike:
                # no noun after the figure: an elliptic figure ("auf bis zu 100.000 steigen") takes the
                # noun named before it; a participle ("mehr als 300 wurden getötet") says what it counts
                hedged = n.qualifier not in ("exact", "vague")
                later = [x.start for x in numbers[idx + 1 : idx + 4]]
                ev = _event(doc, n.end, sent[1], n.start, later)
                zahl = _ZAHL_RE.search(text, sent[0], n.start) is not None
                noun_end = _noun_follows(doc, n.end, sent[1]) if (hedged or zahl or ev) else None
                if noun_end == -1:
                    continue  # "im Alter von 79 Jahren"
                if noun_end is not None and ev is not None:
                    unit = event = ev  # "zwei deutsche Touristen (sind) ums Leben gekommen"
                    end = noun_end
                elif (hedged or zahl or ev) and noun_end is None:
                    doc.focus(sent)
                    ub = _unit_before(doc, n, sent, found) if hedged or zahl else None
                    if ub is not None:
                        unit, j = ub
                        unit_tok = doc.toks[j]
                        u = _UNITS[lang].of(unit_tok.text)
                        cut = u[1] if u else 0
                        between = [t for t in doc.toks[max(0, j - 3) : j] if doc.is_adj(t)]
                    elif ev is not None and (hedged or n.kind == "vague" or n.value >= 2):
                        unit = event = ev
                    elif hedged and picked and _continues(doc, picked[-1][2], sent, n.start):
                        # "Ihm zufolge könnten es bald bis zu 20.000 sein": the count of the sentence before
                        unit, subject_before = picked[-1][1], picked[-1][4]
            if unit is None or unit in _NO_ESTIMATE or _located(doc, unit, n.start, end, sent[1]):
                continue
        counted = unit  # what the subject names: "Russian soldiers killed" counts soldiers, unit "dead"
        if event is not None and unit == event:
            counted = "people"
        elif unit in _COUNTED_PEOPLE:
            later = [x.start for x in numbers[idx + 1 : idx + 4]]
            event = _event_before(between) or _event(doc, end, sent[1], n.start, later, unit)
            if event is not None:
                unit = event
        subject = subject_before or _subject(doc, n, counted, unit_tok, between, cut, event)
        picked.append((n, unit, n.start, end, subject))

    out: list[Estimate] = []
    for n, unit, start, end, subject in picked:
        names, cue = _attribute(doc, start, end, quotes)
        if unit in ("percent", "currency") and not names:
            continue  # a percentage or a sum with nobody behind it is not a claim we track
        est = Estimate(
            text=text[start:end], start=start, end=end, value=n.value, value_max=n.value_max,
            qualifier=n.qualifier, unit=unit, subject=subject, attributed_to=names,
        )
        if cue is not None:
            est.cue, est.cue_start, est.cue_end = text[cue.start : cue.end], cue.start, cue.end
        out.append(est)
    _share_sources(out)
    return out


def _attribute(doc: _Doc, start: int, end: int, quotes) -> tuple[list[str], _Cue | None]:
    s, e = doc.sentence(start)
    doc.focus((s, e))
    sources = _source_cues(doc, s, e)
    # a. a source cue in the figure's own clause (or in a relative clause on the counted noun)
    rel = re.match(r"\s*,\s*(?:die|der|das|welche|denen|which|who)\b", doc.text[end : end + 20])
    rel_end = None
    if rel:
        stop = _BOUNDARY_RE.search(doc.text, end + rel.end(), e)
        rel_end = stop.start() if stop else e
    same = []
    for c in sources:
        if c.region_end <= start and not doc.boundary(c.region_end, start):
            same.append((start - c.region_end, c))
        elif c.start >= end and not doc.boundary(end, c.start):
            same.append((c.start - end, c))
        elif c.region_start <= start and c.region_end >= end:
            same.append((0, c))
        elif rel_end is not None and end < c.start < rel_end:
            same.append((c.start - end, c))
    if same:
        c = min(same, key=lambda x: x[0])[1]
        return c.names or [], c
    # b. the sentence's speech verb: its subject, or the source it relays
    verbs = [c for c in _speech_cues(doc, s, e)]
    if verbs:
        v = min(verbs, key=lambda c: abs(c.start - start))
        relayed = [
            c for c in sources if c.names and not doc.boundary(min(c.region_end, v.start), max(c.region_start, v.end))
        ]
        if relayed:
            return relayed[0].names or [], relayed[0]
        if v.names:
            return v.names, v
    # c. a source cue earlier in the sentence ("Nach Angaben Kiews wurden 300 getötet, 500 weitere verletzt");
    #    not one after it, which belongs to its own clause ("auf 384, darunter laut UNO-Angaben 62 Zivilisten")
    before = [c for c in sources if c.names and c.region_end <= start]
    if before:
        return before[-1].names or [], before[-1]
    # ... or one that closes the sentence after it: "..., according to U.S. officials."
    for c in sources:
        if c.names and c.start >= end and not re.search(r"\d", doc.text[end:e]) and not doc.boundary(c.start, e):
            return c.names, c
    if quotes:
        for q in quotes:
            if q.start <= start and end <= q.end and getattr(q, "speaker", None):
                return [q.speaker], None
    # d. "demnach", or reported speech going on (Konjunktiv I): the source of the sentence before
    reported = _REPORTED[doc.lang]
    for _ in range(2):
        back = _BACKREF[doc.lang].search(doc.text, s, e)
        if s == 0 or not (back or (reported is not None and reported.search(doc.text, s, e))):
            break
        s, e = doc.sentence(s - 1)
        names, cue = _sentence_source(doc, s, e)
        if names:
            return names, cue
        if back:
            break
    return [], None


def _sentence_source(doc: _Doc, s: int, e: int) -> tuple[list[str], _Cue | None]:
    """The named source of a whole sentence: its first source cue or speech verb that names someone."""
    doc.focus((s, e))
    for c in _source_cues(doc, s, e) + _speech_cues(doc, s, e):
        if c.names:
            return c.names, c
    return [], None


def _share_sources(out: list[Estimate]) -> None:
    """A figure repeated without a source (a headline) takes the source given for it elsewhere."""
    for est in out:
        if est.attributed_to or est.cue is not None or est.qualifier == "vague":
            continue
        for other in out:
            if other is not est and other.attributed_to and other.qualifier != "vague" and (other.value, other.value_max, other.qualifier, other.unit) == (
                est.value, est.value_max, est.qualifier, est.unit
            ):
                est.attributed_to = list(other.attributed_to)
                est.cue, est.cue_start, est.cue_end = other.cue, other.cue_start, other.cue_end
                break
