"""Text plumbing: quotation-mark pairing, sentence spans, word tokens with offsets.

Everything here works on offsets into the original string, so that whatever is found later can
point back at the article's own characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENERS_DOUBLE = "„“”\"»«"
ALL_MARKS = "„“”\"»«‚‘’‹›"
MAX_QUOTE = 2500  # an opener without a closer this far on is a stray mark


@dataclass
class QSpan:
    """A pair of quotation marks: `start`/`end` delimit the words inside, without the marks."""

    open_at: int  # index of the opening mark
    close_at: int | None  # index of the closing mark (None: closed by a paragraph end)
    start: int
    end: int
    mark: str  # the opening mark
    depth: int = 0  # 0: top level; 1: a quotation inside a quotation
    inner: list[QSpan] = field(default_factory=list)

    @property
    def outer_end(self) -> int:
        return self.close_at + 1 if self.close_at is not None else self.end


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch == ""


def _prev(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else ""


def _next(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else ""


def _can_open(text: str, i: int) -> bool:
    """A mark at i stands where a quotation can start: after space/bracket/dash, before a non-space."""
    p, n = _prev(text, i), _next(text, i)
    return (p == "" or p.isspace() or p in "([{–—-/:") and n != "" and not n.isspace()


def _can_close(text: str, i: int) -> bool:
    p, n = _prev(text, i), _next(text, i)
    return p != "" and not p.isspace() and (n == "" or not n.isalnum() or n in "s")


def _closers(text: str, opener: str, german_low: bool) -> str:
    if opener == "„":
        return "“”\""
    if opener == "“":
        return "”\"" if german_low else "”\"“"
    if opener == "”":
        return "”\""
    if opener == "\"":
        return "\"“”"
    if opener == "»":
        return "«"
    if opener == "«":
        return "»"
    if opener == "‚":
        return "‘’'"
    if opener == "‘":
        return "’"
    return ""


def find_quotes(text: str) -> list[QSpan]:
    """Pair the quotation marks of a German or English text; returns top-level spans in order.

    „…“ “…” "…" »…« «…» and, inside them, ‚…‘ ‘…’. An opener of the same family inside an
    open quotation is taken as part of its text (unbalanced marks); a quotation left open runs
    to the end of its paragraph, and a stray opener far from any closer is dropped.
    """
    german_low = "„" in text
    french = _french_guillemets(text)
    out: list[QSpan] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch not in "„“”\"»«‚‘":
            i += 1
            continue
        opener = _opening_mark(text, i, ch, german_low, french)
        if not opener:
            i += 1
            continue
        span = _scan(text, i, german_low, french, depth=0)
        if span is None:
            i += 1
            continue
        out.append(span)
        i = span.outer_end
    return out


def _opening_mark(text: str, i: int, ch: str, german_low: bool, french: bool) -> bool:
    if ch == "„":
        return _next(text, i) != "" and not _next(text, i).isspace()
    if ch == "“":
        return not german_low and _can_open(text, i)
    if ch == "”":
        return not german_low and _can_open(text, i) and "“" not in text
    if ch == "\"":
        if _can_open(text, i):
            return True
        # a detokenised '" Vielfalt ist …"': space on both sides, a word after the space
        p, n2 = _prev(text, i), text[i + 2 : i + 3]
        return (p == "" or p.isspace()) and _next(text, i) == " " and n2[:1].isalnum() and text.count("\"", 0, i) % 2 == 0
    if ch == "»":
        return not french and _next(text, i) != "" and not _next(text, i).isspace()
    if ch == "«":
        return french and _next(text, i) != "" and not _next(text, i).isspace()
    if ch == "‚":
        return _can_open(text, i)
    if ch == "‘":
        return not german_low and _can_open(text, i)
    return False


def _french_guillemets(text: str) -> bool:
    a, b = text.find("«"), text.find("»")
    return a != -1 and (b == -1 or a < b)


def _scan(text: str, i: int, german_low: bool, french: bool, depth: int) -> QSpan | None:
    """Find the closer of the opener at i; nested single quotes become `inner` spans."""
    opener = text[i]
    closers = _closers(text, opener, german_low)
    n = len(text)
    limit = min(n, i + MAX_QUOTE)
    inner: list[QSpan] = []
    j = i + 1
    single = opener in "‚‘"
    while j < limit:
        c = text[j]
        if c == "\n" and _paragraph_break(text, j):
            if j - i < 3:
                return None
            end = j
            while end > i + 1 and text[end - 1].isspace():
                end -= 1
            return QSpan(i, None, i + 1, end, opener, depth, inner)
        if c in closers and (_can_close(text, j) or c == "\"" and _loose_close(text, j)) and not (single and _apostrophe(text, j)):
            if c == opener and opener in "\"" and j == i + 1:
                return None
            if j - (i + 1) < 1:
                return None
            return QSpan(i, j, i + 1, j, opener, depth, inner)
        if depth == 0 and not single and c in "‚‘" and _opening_mark(text, j, c, german_low, french):
            sub = _scan(text, j, german_low, french, depth + 1)
            if sub is not None and sub.close_at is not None and sub.close_at < limit:
                inner.append(sub)
                j = sub.close_at + 1
                continue
        if depth == 0 and c == "„" and opener == "„" and _opening_mark(text, j, c, german_low, french) and _balanced_inside(text, j, limit):
            # „A „B“ C“: a second opener of the same kind, and two closers follow in the paragraph
            sub = _scan(text, j, german_low, french, depth + 1)
            if sub is not None and sub.close_at is not None:
                inner.append(sub)
                j = sub.close_at + 1
                continue
        if depth == 0 and not single and c in "»«" and opener not in "»«" and _opening_mark(
            text, j, c, german_low, french
        ):
            sub = _scan(text, j, german_low, french, depth + 1)
            if sub is not None and sub.close_at is not None:
                inner.append(sub)
                j = sub.close_at + 1
                continue
        j += 1
    if j >= n and depth == 0 and n - i < MAX_QUOTE and n - i > 3:
        end = n
        while end > i + 1 and text[end - 1].isspace():
            end -= 1
        return QSpan(i, None, i + 1, end, opener, depth, inner)
    return None


def _balanced_inside(text: str, j: int, limit: int) -> bool:
    """The „ at j, inside an open „…, is closed and its host after it: two closing marks follow before
    the paragraph ends or another „ opens; with only one, the inner opener is a stray mark."""
    closes = 0
    for m in range(j + 1, limit):
        c = text[m]
        if c == "\n" or c == "„":
            return False
        if c in "“”" and _can_close(text, m):
            closes += 1
            if closes == 2:
                return True
    return False


def _loose_close(text: str, j: int) -> bool:
    """'stellt ", zitiert': a straight closing mark after a space, before punctuation or the end."""
    n = _next(text, j)
    return n == "" or n in ",.;:!?)" or n.isspace()


def _paragraph_break(text: str, j: int) -> bool:
    return True


def _apostrophe(text: str, j: int) -> bool:
    return _prev(text, j).isalpha() and _next(text, j).isalpha()


# --- sentences -----------------------------------------------------------------------------------

ABBREV = {
    "z", "b", "u", "a", "d", "h", "v", "o", "s", "dr", "prof", "nr", "st", "bzw", "ca", "etc", "vgl",
    "inkl", "zzt", "usw", "ggf", "evtl", "sog", "mio", "mrd", "bzgl", "jh", "jhd", "abs", "art", "hr",
    "fr", "mr", "mrs", "ms", "jr", "sen", "gen", "col", "lt", "sgt", "vs", "no", "str", "tel", "min",
    "max", "std", "ggü", "ehem", "gegr", "geb", "verh", "rd", "mind", "insb", "allg", "bspw", "dt",
    "engl", "frz", "ital", "russ", "lat", "amerik", "chr", "co", "inc", "ltd", "corp", "gmbh", "e",
    "i", "m", "okt", "nov", "dez", "jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep", "sept",
}

_BOUNDARY = re.compile(r"[.!?…]+[“”\"«»‘’)\]]*(?=\s+[\"„“»«‚(\[]?[A-ZÄÖÜ0-9])|\n+")


@dataclass
class Sentence:
    start: int
    end: int


def sentences(text: str, quotes: list[QSpan]) -> list[Sentence]:
    """Sentence spans; a quotation's inside never splits its host sentence unless it ends one.

    The inside of each quotation is masked, except its final punctuation, so that
    „Das stimmt.“ Danach … splits after the closing mark, while „Das stimmt“, sagte er. does not.
    """
    masked = list(text)
    for q in quotes:
        if q.close_at is None:
            continue
        for k in range(q.start, q.end):
            if masked[k] != "\n":
                masked[k] = "X" if masked[k].isupper() else "x"
        tail = text[q.start : q.end].rstrip()
        if tail and tail[-1] in ".!?…":
            # a quotation ending a sentence ends the host sentence when the next word opens one
            masked[q.start + len(tail) - 1] = "."
    m = "".join(masked)
    out: list[Sentence] = []
    start = 0
    for b in _BOUNDARY.finditer(m):
        if b.group().startswith("\n"):
            end = b.start()
        else:
            end = b.end()
            if b.group()[0] == "." and _no_break(m, b.start()):
                continue
        if text[start:end].strip():
            out.append(_trim(text, start, end))
        start = b.end()
    if text[start:].strip():
        out.append(_trim(text, start, len(text)))
    return out


def _no_break(m: str, dot: int) -> bool:
    """The period at `dot` closes an abbreviation, an initial or an ordinal number, not a sentence."""
    k = dot
    while k > 0 and m[k - 1].isalnum():
        k -= 1
    word = m[k:dot]
    if not word:
        return False
    if word.isdigit():
        return len(word) <= 2  # "am 4. Dezember", "der 16. Deutsche Bundestag"
    if len(word) == 1 and word.isupper():
        return True  # an initial: "George W. Bush"
    return word.lower() in ABBREV and word.lower() not in {"a", "e", "i", "o", "s", "m", "no", "art"}


def _trim(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end)


WORD = re.compile(r"[\w][\w'’.-]*[\w]|[\w]", re.UNICODE)


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Word tokens (offset, end, text) of text[start:end]."""
    end = len(text) if end is None else end
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end)]
