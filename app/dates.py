"""A publication date stated in an article's first lines ("09.02.2025, 07:30 Uhr", "9. Februar 2025",
"February 9, 2025", "2025-02-09"). Candidates are found by pattern; dateparser reads the ones with
month names, so German and English month names (and their abbreviations) are both understood."""

from __future__ import annotations

import re
from datetime import date

HEAD_LINES = 10
_MONTH = r"[A-ZÄÖÜa-zäöü]{3,10}\.?"
CANDIDATES = [
    ("dmy", re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?!\d)")),
    ("iso", re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")),
    ("words", re.compile(rf"(?<!\d)\d{{1,2}}\.?\s+{_MONTH}\s+(?:19|20)\d{{2}}(?!\d)")),
    ("words", re.compile(rf"\b{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}(?!\d)")),
]


def _numeric(kind: str, m: re.Match) -> date | None:
    try:
        if kind == "dmy":
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _words(text: str) -> date | None:
    import dateparser  # slow to import: only when a candidate needs it

    settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
    parsed = dateparser.parse(text, languages=["de", "en"], settings=settings)
    return parsed.date() if parsed else None


def stated_date(text: str) -> date | None:
    """The first date printed in the article's first lines, or None."""
    head = "\n".join(text.split("\n")[:HEAD_LINES])
    found: list[tuple[int, date]] = []
    for kind, pattern in CANDIDATES:
        for m in pattern.finditer(head):
            value = _numeric(kind, m) if kind != "words" else _words(m.group(0))
            if value is not None:
                found.append((m.start(), value))
                break
    return min(found)[1] if found else None
