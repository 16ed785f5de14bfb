"""Folding names for lookup: "Kim Jong-un", "kim jong un" and "Kim Jong Un" are one key."""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\-‐‑–—'’`´.]")


def norm(name: str) -> str:
    """Accents folded, case folded, hyphens and apostrophes as spaces, whitespace collapsed."""
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(_SEPARATORS.sub(" ", s).split())
