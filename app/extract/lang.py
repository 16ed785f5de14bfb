"""Language of an article (de/en) by counting frequent function words: cheap and good enough."""

from __future__ import annotations

import re

_DE = {"der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "sich", "auch", "ein", "eine", "zu", "auf", "für", "dass", "wird", "hat", "sagte", "im", "des"}
_EN = {"the", "and", "is", "not", "with", "of", "to", "a", "in", "that", "was", "for", "on", "said", "has", "by", "it", "he", "are", "from"}
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


def detect_language(text: str) -> str:
    words = list(map(str.lower, _WORD.findall(text, 0, min(len(text), 4000))))
    de = sum(map(_DE.__contains__, words))
    en = sum(map(_EN.__contains__, words))
    return "en" if en > de else "de"
