"""Formatting for the templates: numbers, figures with their qualifier, dates, and the article text
with its items highlighted at their character offsets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from app.filters import QUALIFIER_WORDS


def number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def figure(estimate) -> str:  # noqa: ANN001
    """"more than 10,000", "11,000–12,000", "up to 100,000"."""
    if estimate.qualifier == "range" or estimate.value_max is not None:
        return f"{number(estimate.value)}–{number(estimate.value_max)}"
    words = QUALIFIER_WORDS.get(estimate.qualifier, "")
    return f"{words} {number(estimate.value)}".strip()


def day(value: date | None) -> str:
    return value.isoformat() if value else "undated"


@dataclass
class Span:
    start: int
    end: int
    kind: str  # quote | estimate | mention | speaker | cue
    anchor: str | None = None  # the element id links land on: "q-1079" (the offset, stable across re-extraction)
    title: str = ""
    group: str | None = None  # a colour class (one per speaker)


def highlight_article(body: str, spans: list[Span]) -> Markup:
    """The body as HTML, every span marked; overlapping spans nest as flat segments.

    The text is cut at every span boundary; each piece is one <mark> carrying the classes of all
    spans covering it. An empty anchor element is placed where each span begins, so that
    /articles/1#q-1079 scrolls to the quote.
    """
    spans = [s for s in spans if 0 <= s.start < s.end <= len(body)]
    cuts = sorted({0, len(body), *(s.start for s in spans), *(s.end for s in spans)})
    starts: dict[int, list[Span]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s)
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for s in starts.get(a, []):
            if s.anchor:
                out.append(f'<span class="anchor" id="{escape(s.anchor)}"></span>')
        covering = [s for s in spans if s.start <= a and b <= s.end]
        piece = escape(body[a:b])
        if not covering:
            out.append(str(piece))
            continue
        classes = sorted({f"hl-{s.kind}" for s in covering} | {s.group for s in covering if s.group})
        items = " ".join(s.anchor for s in covering if s.anchor)
        title = "; ".join(dict.fromkeys(s.title for s in covering if s.title))
        out.append(
            f'<mark class="hl {escape(" ".join(classes))}" data-items="{escape(items)}" title="{escape(title)}">{piece}</mark>'
        )
    return Markup("".join(out))
