"""The channel a quotation came through (`via`): named beside the quotation, or carried from the
sentences before for the same speaker ("demnach", Konjunktiv continuing a report, "Das berichtet X")."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from app.extract import extract

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared"
GOLD = SHARED / "eval" / "gold" / "seeds"
REGISTRY = SHARED / "eval" / "gold" / "registry.json"


def direct(text: str):
    return [q for q in extract(text).quotes if q.kind == "direct"]


# (text, quoted words, via)
ROWS = [
    # the channel beside the quotation
    ("„Die Zusammenarbeit wächst“, sagte Andrej Beloussow laut der Nachrichtenagentur Tass.",
     "Die Zusammenarbeit wächst", ["TASS"]),
    # "demnach" continues the report named before, for the same speaker
    ("Kim Jong-un empfing den Minister. Das berichtet die Nachrichtenagentur KCNA. "
     "Das Land habe das „Recht auf Verteidigung“, sagte Kim demnach.",
     "Recht auf Verteidigung", ["KCNA"]),
    # "Das berichtet X" covers the statements about the persons of the sentence before it
    ("Kim Jong-un lobte die „unerschütterliche Freundschaft“. Kim Jong-un traf Beloussow in Pjöngjang. "
     "Das berichtet die Nachrichtenagentur KCNA.",
     "unerschütterliche Freundschaft", ["KCNA"]),
    # a description of the medium does not replace the agency named before it for what follows
    ("Kim Jong-un traf Beloussow. Das berichtet die Nachrichtenagentur KCNA. "
     "Der Westen trage die Schuld, wurde der Diktator von nordkoreanischen Staatsmedien zitiert. "
     "Russland solle „entschlossen handeln“, sagte Kim demnach.",
     "entschlossen handeln", ["KCNA"]),
    # Konjunktiv right after a statement with a channel continues it
    ("Lawrow verwies nach Angaben von Tass auf Pjöngjang. "
     "Nordkorea werde „die Formen selbst bestimmen“, sagte Lawrow nach dem Treffen.",
     "die Formen selbst bestimmen", ["TASS"]),
]

# (text, quoted words): no channel is carried to these
NO_CHANNEL = [
    # another speaker
    ("„Die Zusammenarbeit wächst“, sagte Andrej Beloussow laut der Nachrichtenagentur Tass. "
     "„Wir sehen das mit Sorge“, sagte Antony Blinken.", "Wir sehen das mit Sorge"),
    # the same speaker in his own words, in the indicative, much later
    ("Kim Jong-un traf Beloussow. Das berichtet die Nachrichtenagentur KCNA. Danach reiste er ab. "
     "Die Delegation besuchte eine Fabrik. Es regnete. Beloussow lobte die „unabhängige Außenpolitik“.",
     "unabhängige Außenpolitik"),
]


@pytest.mark.parametrize(("text", "words", "via"), ROWS, ids=[r[1][:30] for r in ROWS])
def test_channel(text: str, words: str, via: list[str]) -> None:
    hit = [q for q in direct(text) if q.text == words]
    assert hit, [q.text for q in direct(text)]
    assert hit[0].via == via


@pytest.mark.parametrize(("text", "words"), NO_CHANNEL, ids=[r[1][:30] for r in NO_CHANNEL])
def test_no_channel(text: str, words: str) -> None:
    hit = [q for q in direct(text) if q.text == words]
    assert hit, [q.text for q in direct(text)]
    assert hit[0].via == []


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\-‐‑–—'’`´.]", " ", s).split())


def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", _norm(s)))


def _same(p: str, g: str) -> float:
    a, b = _words(p), _words(g)
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return min(inter / len(a), inter / len(b))


@pytest.mark.skipif(not GOLD.exists(), reason=f"{GOLD} (the seed gold) is absent")
def test_seed_quotations_carry_the_gold_channels() -> None:
    """Every gold quotation of the seed articles comes with the channels the gold names (spellings
    the registry lists as one medium count as the same)."""
    registry = json.loads(REGISTRY.read_text(encoding="utf-8"))
    canon = {}
    for canonical, aliases in registry.get("media", {}).items():
        for a in [canonical, *aliases]:
            canon[_norm(a)] = canonical

    def resolve(vs: list[str]) -> list[str]:
        return sorted({canon.get(_norm(v), v) for v in vs})

    checked = 0
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (SHARED / "seeds" / gold["file"]).read_text(encoding="utf-8")
        quotes = direct(text)
        for g in gold["quotes"]:
            cands = [q for q in quotes if _same(q.text, g["text"]) >= 0.5]
            assert cands, (gold["file"], g["text"])
            q = max(cands, key=lambda q: _same(q.text, g["text"]))
            assert resolve(q.via) == resolve(g.get("via", [])), (gold["file"], g["text"], q.via, g.get("via"))
            checked += 1
    assert checked >= 20
