"""Figures in German (and English) text: where they are, what they are worth, how they are hedged.

    find_numbers(text, lang="de") -> list[NumberSpan]

A `NumberSpan` covers the qualifier and the figure ("bis zu 100.000", "zwischen 10.000 und 12.000",
"1,5 Millionen", "zehntausend", "Tausende"), with its value(s), qualifier and the qualifier's words.
What is not an amount is left out: years ("im Februar 2022"), dates ("09.02.2025", "4. Dezember"),
times ("07:30 Uhr"), ordinals, labels ("Artikel 5", "Resolution 2270", "F-16"), digits glued to a word
("kontrolliert2": a footnote left by machine translation), compounds ("42-Jährige"), phone numbers.
`find_numbers(..., keep_all=True)` keeps them too, with their `kind`, for inspection and tests.

Parsing of digits, separators and scale words ("Mio.", "Millionen") is written here: it is a handful of
regular expressions and must tell "10.000" (German thousands) from "1.5" and "10,000" by language.
text2num (`text_to_num.text2num`) is used only for spelled-out numbers ("zehntausend",
"zweihundertfünfzig", "ten thousand"), and only on a span the number-word pattern has already found;
it does not know "eine Million" or "zweieinhalb", which are composed here from its parts.

The words (qualifiers, scale words, vague amounts, months, label words) are data in estimates.toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from text_to_num import text2num

DATA = tomllib.loads(Path(__file__).with_name("estimates.toml").read_text(encoding="utf-8"))

KINDS_AMOUNT = ("number", "vague", "percent", "currency")


@dataclass(frozen=True, slots=True)
class NumberSpan:
    start: int  # text[start:end] == text: qualifier + figure (+ second figure of a range)
    end: int
    text: str
    value: float
    value_max: float | None = None  # ranges only
    qualifier: str = "exact"  # exact approx more_than at_least up_to almost range vague
    qualifier_text: str | None = None  # "bis zu", "zwischen", "oder mehr"
    qualifier_start: int | None = None
    qualifier_end: int | None = None
    num_start: int = 0  # the figure itself, without its qualifier
    num_end: int = 0
    kind: str = "number"  # number vague percent currency | year date time ordinal label
    spelled: bool = False  # written in words ("zehntausend")
    yearlike: bool = False  # a bare 4-digit figure 1000..2100: a year unless a unit noun follows


# ---------------------------------------------------------------------------------------------- data


def _alt(words) -> str:
    words = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


_SP = "[ \u00a0\u202f\u2009]"  # a space inside a figure: plain, no-break, narrow no-break, thin
_SCALES = {k.casefold(): v for k, v in DATA["scales"].items()}
_SCALE_RE = _alt(DATA["scales"])
_MONTHS = {m.casefold() for m in DATA["context"]["months"]}
_YEAR_WORDS = {w.casefold() for w in DATA["context"]["year_words"]}
_LABEL_WORDS = {w.casefold() for w in DATA["context"]["label_words"]}
_PERCENT_RE = re.compile(r"\s*(?:" + _alt(DATA["context"]["percent_words"]) + r")(?!\w)", re.I)
_CURRENCY_AFTER_RE = re.compile(
    r"\s*(?:(?:" + _SCALE_RE + r")\s*)?(?:" + _alt(DATA["context"]["currency_words"]) + r")(?!\w)"
)
_CURRENCY_BEFORE_RE = re.compile(r"(?:[$€£]|US\$|EUR|USD)\s*\Z")
_TIME_AFTER_RE = {
    "de": re.compile(r"\s*(?:Uhr|h)(?!\w)"),
    "en": re.compile(r"\s*(?:h|a\.m\.|p\.m\.|am|pm|o'clock)(?!\w)", re.I),
}

_QUAL = {}  # lang -> compiled "qualifier right before the figure" pattern, and phrase -> qualifier
for _lang, _table in DATA["qualifiers"].items():
    _phrases = {p.casefold(): q for q, ps in _table.items() for p in ps}
    _QUAL[_lang] = (re.compile(r"(?<![\w.])(" + _alt(_phrases) + r")\s+\Z", re.I), _phrases)
_QUAL_EXCEPT = {k.casefold(): {w.casefold() for w in ws} for k, ws in DATA["qualifier_exceptions"].items()}
_POST_QUAL = {p.casefold(): q for q, ps in DATA["post_qualifiers"].items() for p in ps}
_POST_QUAL_RE = re.compile(r"\s+(" + _alt(_POST_QUAL) + r")(?!\w)", re.I)

# figures in digits: German thousands "10.000" / "10 000", English "10,000", plain "10000", decimals
_DIG_DE = r"\d{1,3}(?:(?:\.|" + _SP + r")\d{3})+(?:,\d+)?(?!\d)|\d+\.\d{1,2}(?![\d.])|\d+(?:,\d+)?"
_DIG_EN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d{1,3}(?:" + _SP + r"\d{3})+(?!\d)|\d+(?:\.\d+)?"
# spelled-out numbers, one word in German ("zweihundertfünfzig"), several in English ("two hundred")
_DE_UNITS = "eins|eine|ein|zwei|zwo|drei|vier|fünf|sechs|sieben|acht|neun"
_DE_TEENS = "zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn"
_DE_TENS = "zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig"
_DE_WORD = rf"(?:{_DE_TEENS}|{_DE_TENS}|{_DE_UNITS}|hundert|tausend|und)+(?:einhalb)?|anderthalb"
_EN_ATOM = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
)
_EN_WORD = rf"(?:{_EN_ATOM})(?:(?:\s+|-|\s+and\s+)(?:{_EN_ATOM}))*"

_VAGUE = {lang: {k.casefold(): v for k, v in t.items()} for lang, t in DATA["vague"].items()}
_VAGUE_Q = _alt(DATA["vague_quantifiers"]["words"])
_VAGUE_DE = (
    r"(?:" + _VAGUE_Q + r")\s+(?:[Hh]undert(?:tausend)?|[Zz]ehntausend|[Tt]ausend|Dutzend)(?!\w)"
    r"|(?:Zehn|zehn|Hundert|hundert)?(?:[Tt]ausende|[Hh]underte|Dutzende)[nr]?(?!\w)|Millionen(?!\w)|Milliarden(?!\w)"
)
_VAGUE_EN = r"(?:tens|hundreds)\s+of\s+thousands|(?:" + _VAGUE_Q + r")\s+(?:hundred|thousand|dozen)|dozens|hundreds|thousands|millions"

_DATE = (
    r"(?<![\d.,])(?:\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{4}|\d{2})?(?![\d])|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
)
_TIME = r"(?<![\d.,])\d{1,3}:\d{1,3}(?::\d{2})?(?!\d)|(?<![\d.,])\d{1,2}\.\d{2}(?=\s?Uhr)"


# Scanning: the regular-expression engine is slow at trying a long alternation at every position, so
# figures are found from cheap anchors (a run of digits; the first letters of a number word) and only
# there matched in full.
_DIGIT_RUN = re.compile(r"[0-9]+")  # ASCII digits: twice as fast to scan for as \d
_AT_DATE = re.compile(_DATE)
_AT_TIME = re.compile(_TIME)
_AT_DIG = {
    lang: re.compile(rf"(?:{dig})(?:(?:{_SP}*|\s+)(?P<dscale>{_SCALE_RE})(?![\w]))?")
    for lang, dig in (("de", _DIG_DE), ("en", _DIG_EN))
}
def _trie(words: list[str]) -> str:
    """An alternation grouped by first letter: the engine then rejects most positions at once."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(f"{re.escape(c)}(?:{'|'.join(sorted(r, key=len, reverse=True))})" for c, r in groups.items())


# first letters of a number word or vague amount, searched in the lower-cased text
_WORD_ANCHOR = {
    "de": re.compile(
        r"(?<![^\W\d_])(?:"
        + _trie(
            "ein zwei zwo drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig dreissig vierzig "
            "fünfzig sechzig siebzig achtzig neunzig hundert tausend anderthalb dutzend mehrere etliche viele "
            "wenige million milliard".split()
        )
        + ")"
    ),
    "en": re.compile(
        r"(?<![^\W\d_])(?:"
        + _trie(
            "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
            "sixty seventy eighty ninety hundred thousand dozen millions tens several few many some".split()
        )
        + ")"
    ),
}
_AT_WORD = {
    lang: re.compile(
        rf"(?P<vague>{vague})|(?P<word>{word})(?![\w-])(?:\s+(?P<wscale>{_SCALE_RE})(?![\w]))?", re.I
    )
    for lang, word, vague in (("de", _DE_WORD, _VAGUE_DE), ("en", _EN_WORD, _VAGUE_EN))
}
_RANGE_JOIN = {
    "de": re.compile(r"\s*(?:–|—|-|‒)\s*|\s+bis(?:\s+zu)?\s+|\s+und\s+"),
    "en": re.compile(r"\s*(?:–|—|-|‒)\s*|\s+to\s+|\s+and\s+"),
}
_PHONE_BEFORE = re.compile(r"(?:\+\d+|(?<![\d.,])0\d+)[ /-]*(?:\d+[ /-]+)*\Z")
_NEXT_WORD = re.compile(r"\.?\s*([\w.]+)")


# ------------------------------------------------------------------------------------------- parsing


def parse_digits(s: str, lang: str = "de") -> float:
    """ "10.000" -> 10000, "1,5" -> 1.5, "10 000" -> 10000; "10,000" -> 10000 in English."""
    s = re.sub(_SP, "", s)
    if lang == "de":
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", ".")
    else:
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
            s = s.replace(",", "")
        elif "," in s:
            s = s.replace(",", ".")
    return float(s)


@lru_cache(maxsize=4096)
def parse_words(s: str, lang: str = "de") -> float | None:
    """Spelled-out numbers through text2num: "zehntausend" -> 10000, "zweieinhalb" -> 2.5."""
    low = " ".join(s.casefold().split())
    if lang == "de":
        if low == "anderthalb":
            return 1.5
        half = low.endswith("einhalb") and low != "einhalb"
        if half:
            low = low[: -len("einhalb")]
        if low in ("und", "") or low.startswith("und") or low.endswith("und"):
            return None
        if low in ("ein", "eine", "eins"):
            return 1.0 + (0.5 if half else 0.0)
    try:
        v = float(text2num(low.replace("-", " ") if lang == "en" else low, lang))
    except ValueError:
        return None
    return v + (0.5 if lang == "de" and half else 0.0)


def _clean(v: float) -> float | int:
    v = round(v, 6)
    return int(v) if v == int(v) and abs(v) < 1e15 else v


# --------------------------------------------------------------------------------------- classifying


def _classify_digits(text: str, s: int, e: int, raw: str, scaled: bool, lang: str) -> tuple[str, bool]:
    """(kind, yearlike) for a figure written in digits at text[s:e] (e: after the scale word if any)."""
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    if before.isalpha() or before in "_+#№§/":
        return "label", False  # "vor2", "G7", "+49", "§ 5", "2022/23" second half
    if before in "-‐‑" and s > 1 and text[s - 2].isalpha():
        return "label", False  # "F-16", "Hwasong-18", "S-400"
    if not scaled:
        if after.isalpha() or after in "°′″²³":
            return "label", False  # "2er", "3D", "10fach"
        if after in "-‐‑" and e + 1 < len(text) and text[e + 1].isalpha():
            return "label", False  # "42-Jährige", "100-Tage-Plan"
        if after == "/" and e + 1 < len(text) and text[e + 1].isdigit():
            return "year", False  # "2022/23"
    plain = raw.isdigit()
    if plain and len(raw) > 1 and raw[0] == "0":
        return "label", False  # "030 1234567", "007"
    if plain and s > 1 and text[s - 2] in "0123456789/-" and _PHONE_BEFORE.search(text, max(0, s - 25), s):
        return "label", False  # the rest of "030 1234567", "+49 30 1234"
    if _PERCENT_RE.match(text, e):
        return "percent", False
    if _CURRENCY_AFTER_RE.match(text, e) or _CURRENCY_BEFORE_RE.search(text, max(0, s - 4), s):
        return "currency", False
    if not scaled and _TIME_AFTER_RE[lang].match(text, e) and plain and int(raw) <= 24:
        return "time", False
    words_before = text[max(0, s - 40) : s].split()
    prev = words_before[-1].strip("„“\"'(").casefold() if words_before else ""
    if prev in _LABEL_WORDS or prev.rstrip(".") in _LABEL_WORDS or prev in ("§", "§§", "#", "nr", "no"):
        return "label", False
    if plain and not scaled:
        nxt = _NEXT_WORD.match(text, e)
        nxt_word = nxt.group(1).casefold() if nxt else ""
        if text.startswith(".", e) and len(raw) <= 3 and _is_ordinal(text, e, prev):
            return "ordinal", False
        if nxt_word in _MONTHS and int(raw) <= 31:
            return "date", False  # "4 December"
        if prev in _MONTHS:
            return ("year", False) if len(raw) == 4 else ("date", False)
        if len(raw) == 4 and 1000 <= int(raw) <= 2100:
            prev2 = " ".join(words_before[-2:]).casefold()
            if prev in _YEAR_WORDS or prev2 in _YEAR_WORDS or after == "'" or text.startswith("er", e):
                return "year", False
            return "number", True
    return "number", False


_ORD_BEFORE = {
    "am", "dem", "der", "den", "des", "die", "das", "vom", "zum", "zur", "im", "beim", "ab", "bis", "seit", "jeden",
    "jede", "jedes", "seinem", "ihrem", "seiner", "ihrer", "ihren", "seinen", "ins", "ans", "bereits",
}
_ORD_AFTER = {
    "weltkrieg", "jahrhundert", "jahrtausend", "platz", "mal", "runde", "stock", "etage", "liga", "quartal",
    "halbjahr", "lebensjahr", "jahrestag", "geburtstag", "todestag", "armee", "division", "brigade", "korps",
    "parteitag", "plenum", "sitzung", "tag", "woche", "monat", "klasse", "grades", "grad", "kongress", "amtszeit",
}


def _is_ordinal(text: str, dot: int, prev: str) -> bool:
    """A figure followed by a dot: "4. Dezember", "am 3. Tag", "der 2. Weltkrieg" (not a sentence end)."""
    m = re.match(r"\.\s+([\w]+)", text[dot : dot + 30])
    if not m:
        return bool(re.match(r"\.\s*[,)]", text[dot : dot + 4]))  # "5.," "5.)"
    word = m.group(1)
    low = word.casefold()
    if low in _MONTHS or low in _ORD_AFTER or word[0].islower():
        return True
    return prev in _ORD_BEFORE


def _is_word_candidate(text: str, s: int, word: str, lang: str) -> bool:
    """Spelled-out numbers in German are lower-case unless they start a sentence or a headline."""
    if lang != "de":
        return True
    if word[0].islower() or word.casefold() in ("hundert", "tausend"):
        return True
    j = s - 1
    while j >= 0 and text[j] in " \t„“\"»«'(–-":
        j -= 1
    return j < 0 or text[j] in ".!?:\n"


# --------------------------------------------------------------------------------------------- main


def detect_language(text: str) -> str:
    """"de" or "en", by a count of function words in the first 2,000 characters."""
    sample = text[:2000].casefold()
    de = sum(sample.count(w) for w in (" der ", " die ", " das ", " und ", " nicht ", " mit ", " ist ", " von "))
    en = sum(sample.count(w) for w in (" the ", " and ", " of ", " is ", " with ", " that ", " was ", " has "))
    return "en" if en > de else "de"


def _raw_numbers(text: str, lang: str) -> list[tuple[int, int, float, str, bool, bool]]:
    """(start, end, value, kind, spelled, yearlike) for every figure, before qualifiers and ranges."""
    out = []
    at_dig = _AT_DIG[lang]
    taken = -1
    for r in _DIGIT_RUN.finditer(text):
        s = r.start()
        if s < taken or (s > 0 and text[s - 1] in ".,"):
            continue
        m = _AT_DATE.match(text, s) or _AT_TIME.match(text, s)
        if m:
            out.append((s, m.end(), 0.0, "date" if m.re is _AT_DATE else "time", False, False))
            taken = m.end()
            continue
        m = at_dig.match(text, s)
        if not m:
            continue
        scale = m.group("dscale")
        raw = text[s : m.start("dscale")].rstrip() if scale else m.group()
        e = m.end()
        taken = e
        kind, yearlike = _classify_digits(text, s, e, raw, bool(scale), lang)
        try:
            v = parse_digits(raw, lang)
        except ValueError:
            continue
        if scale:
            v *= _SCALES[scale.casefold()]
        out.append((s, e, v, kind, False, yearlike))
    spans = [(a, b) for a, b, *_ in out]
    words = []
    taken = -1
    at_word = _AT_WORD[lang]
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: search the text as it is
        low = text
    for a in _WORD_ANCHOR[lang].finditer(low):
        s = a.start()
        if s < taken or (s > 0 and (text[s - 1].isalnum() or text[s - 1] in "-_")):
            continue
        m = at_word.match(text, s)
        if not m or any(x < m.end() and s < y for x, y in spans):
            continue
        got = _vague(m, lang) if m.group("vague") else _word(text, m, lang)
        if got:
            words.append(got)
            taken = m.end()
    if words:
        out.extend(words)
        out.sort()
    return out


def _vague(m: re.Match, lang: str):
    low = " ".join(m.group("vague").casefold().split())
    last = low.split()[-1]
    if lang == "de":
        low = re.sub(r"(tausende|hunderte|dutzende)[nr]$", r"\1", low)
        last = low.split()[-1]
        v = _VAGUE["de"].get(low) or {"hundert": 100, "tausend": 1000, "dutzend": 12}.get(last)
        v = v or _VAGUE["de"].get(last) or parse_words(last, "de") or 1000
    else:
        v = _VAGUE["en"].get(low) or {"hundred": 100, "thousand": 1000, "dozen": 12}.get(last, 1000)
    return (m.start(), m.end(), float(v), "vague", True, False)


def _word(text: str, m: re.Match, lang: str):
    if not _is_word_candidate(text, m.start("word"), m.group("word"), lang):
        return None
    v = parse_words(m.group("word"), lang)
    if v is None:
        return None
    scale = m.group("wscale")
    if scale:
        v *= _SCALES[scale.casefold()]
    elif v < 2:
        return None  # "ein", "eine": articles, not counts
    return (m.start(), m.end(), v, "number", True, False)


def find_numbers(text: str, lang: str | None = None, keep_all: bool = False) -> list[NumberSpan]:
    """Every amount in `text`, in order, with qualifier and range resolved."""
    lang = lang or detect_language(text)
    if lang not in _AT_DIG:
        lang = "de"
    raw = _raw_numbers(text, lang)
    qual_re, qual_map = _QUAL[lang]
    out: list[NumberSpan] = []
    i = 0
    while i < len(raw):
        s, e, v, kind, spelled, yearlike = raw[i]
        i += 1
        if kind not in KINDS_AMOUNT:
            if keep_all:
                out.append(NumberSpan(s, e, text[s:e], _clean(v), kind=kind, num_start=s, num_end=e))
            continue
        # qualifier right before
        qual, qtext, qs, qe = ("vague" if kind == "vague" else "exact"), None, None, None
        qm = qual_re.search(text, max(0, s - 40), s)
        if qm:
            qtext, qs, qe = qm.group(1), qm.start(1), qm.end(1)
            key = " ".join(qtext.casefold().split())
            q = qual_map[key]
            prev = text[max(0, qs - 30) : qs].split()
            if key in _QUAL_EXCEPT and prev and prev[-1].casefold() in _QUAL_EXCEPT[key]:
                qm, qtext, qs, qe = None, None, None, None  # "verfügt über 1.000 Panzer": a preposition
            elif kind == "vague":
                pass  # "mehr als Tausende": still vague
            else:
                qual = q
        vmax = None
        end = e
        # range: "11.000 bis 12.000", "11.000–12.000", "zwischen 10.000 und 12.000"
        ok = False
        if i < len(raw) and kind != "vague":
            s2, e2, v2, kind2, _sp2, yearlike2 = raw[i]
            j = _RANGE_JOIN[lang].fullmatch(text, e, s2)
            if j and kind2 in ("number", "percent", "currency"):
                joiner = j.group().strip().casefold()
                ok = qual == "range" if joiner in ("und", "and") else True
                if yearlike and yearlike2 and not (v % 100 == 0 and v2 % 100 == 0):
                    ok = False  # "2022 bis 2024", "zwischen 2014 und 2022": years
                if ok:
                    sc2, sc1 = _scale_of(text, s2, e2), _scale_of(text, s, e)
                    if sc2 and not sc1 and v * sc2 <= v2:
                        v *= sc2  # "1 bis 2 Millionen", "zwischen 1,5 und 2 Millionen"
                    ok = v2 > v
                if ok:
                    vmax, end, i = v2, e2, i + 1
                    qual = "range"  # "etwa 11.000 bis 12.000" too: value_max says it is a range
                    kind = kind2 if kind == "number" else kind
                    yearlike = False
        if qual == "range" and not ok:
            qual, qtext, qs, qe = "exact", None, None, None  # "zwischen" without a second figure
        if qual == "exact" and kind != "vague":
            pm = _POST_QUAL_RE.match(text, end)
            if pm:
                qual, qtext, qs, qe = _POST_QUAL[" ".join(pm.group(1).casefold().split())], pm.group(1), pm.start(1), pm.end(1)
        start = qs if qs is not None and qs < s else s
        stop = max(end, qe or 0)
        if yearlike and qual != "exact":
            yearlike = False  # "bis zu 2000", "mehr als 1500": a qualifier makes it an amount
        out.append(
            NumberSpan(
                start, stop, text[start:stop], _clean(v), _clean(vmax) if vmax is not None else None, qual,
                qtext, qs, qe, s, end, kind, spelled, yearlike,
            )
        )
    return out


def _scale_of(text: str, s: int, e: int) -> float | None:
    m = re.search(r"(" + _SCALE_RE + r")\s*\Z", text[s:e])
    return _SCALES[m.group(1).casefold()] if m else None
