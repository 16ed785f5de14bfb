"""The extractor: pure functions over text, no database in sight.

    extract(text) -> Extraction

A first version: direct quotes by pairing quotation marks. The real extractor replaces it.
"""

from __future__ import annotations

import re

from .model import Actor, Estimate, Extraction, Mention, Quote, Source

EXTRACTOR_VERSION = "0.0.1"

__all__ = ["EXTRACTOR_VERSION", "Actor", "Estimate", "Extraction", "Mention", "Quote", "Source", "extract"]

_PAIRS = re.compile(r"„([^“”\"]{2,}?)[“”\"]|“([^”“]{2,}?)”|\"([^\"]{2,}?)\"|»([^«]{2,}?)«")


def extract(text: str) -> Extraction:
    quotes = []
    for m in _PAIRS.finditer(text):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        quotes.append(Quote(text=m.group(g), start=m.start(g), end=m.end(g)))
    return Extraction(quotes=quotes)
