"""Word and punctuation tokens with offsets, and the word-shape tests the other steps share."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

_TOKEN = re.compile(
    r"\w[\w-]*\.(?:de|com|org|net|ru|kr|uk|fr|at|ch|eu|info)\b"  # ntv.de, tagesschau.de
    r"|\d+(?:[.,]\d+)*(?:-[A-Za-zÄÖÜäöüß]+)*"  # 10.000, 58-Jährige
    r"|\w+(?:[-’'‐]\w+)*-?"  # words, hyphenated compounds, "Nordkorea-" in "Nordkorea- und"
    r"|[^\w\s]"
)
NOUN_SUFFIXES = (
    "ung", "heit", "keit", "schaft", "tion", "sion", "tät", "ismus", "tum", "nis", "ment", "enz",
    "anz", "ungen", "heiten", "keiten", "schaften", "tionen", "äten", "ismen", "nisse", "ikum",
    "ität", "logie", "grafie", "graphie", "ierung", "ieren", "ern", "eln",
)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


class TextTokens:
    """The tokens of a whole text, from which those of a stretch of it are cut out rather than found
    again. A stretch whose start or end falls inside a token of the whole is tokenised afresh (there
    the two differ: "ntv.de" cut after "ntv" is the word "ntv"); elsewhere the tokens of the whole
    that lie inside it are exactly what `tokenize(text, start, end)` gives (the pattern looks behind
    nothing, and the whole's tokens around the stretch end where it does)."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.starts = [t.start for t in tokens]

    def between(self, start: int, end: int) -> list[Token]:
        """tokenize(self.text, start, end), as a new list of the same (shared, read-only) tokens."""
        tokens, starts = self.tokens, self.starts
        i = bisect_left(starts, start)
        j = bisect_left(starts, end, i)
        if (i and tokens[i - 1].end > start) or (j and tokens[j - 1].end > end):
            return tokenize(self.text, start, end)
        return tokens[i:j]


def is_capitalized_word(t: str) -> bool:
    return bool(t) and t[0].isupper() and any(c.islower() for c in t)


ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII"}


def looks_like_name_part(t: str) -> bool:
    """A capitalised word that could be part of a person's name (not a typical German noun)."""
    if t in ROMAN:
        return True
    if not is_capitalized_word(t) or len(t) < 2:
        return False
    if "-" in t and t.rsplit("-", 1)[1][:1].islower():
        return True  # "Dae-jung", "Jong-un": a given name, not a German compound ("Nordkorea-Soldaten")
    low = t.lower()
    if low.endswith(NOUN_SUFFIXES) and len(t) > 6:
        return False
    return True


NAME_PARTICLES = {"van", "von", "de", "der", "den", "la", "le", "di", "da", "del", "dos", "du", "al", "el", "bin", "ibn", "ter", "ten", "mc", "y"}
