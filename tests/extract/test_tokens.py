"""TextTokens.between cuts a stretch's tokens out of the whole text's: the same as tokenising it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from app.extract.tokens import TextTokens, tokenize

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TEXTS = [
    "Laut ntv.de sagte der 58-Jährige am 10.000. Tag: „Nordkorea- und Russland-Politik“ – so Kim Jong-un.",
    "Er schrieb auf tagesschau.de (ntv.dex) von 1.234,5 Toten, O’Brien's „Plan“ sei 'gut'.",
    *(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))[:4]),
]


@pytest.mark.parametrize("text", TEXTS)
def test_between_is_tokenize(text: str) -> None:
    whole = TextTokens(text, tokenize(text))
    rng = random.Random(len(text))
    cuts = [(0, len(text)), (len(text), 0), *((rng.randrange(len(text) + 1), rng.randrange(len(text) + 1))
                                              for _ in range(400))]
    cuts += [(t.start + d, u.end + e) for t, u in zip(whole.tokens, whole.tokens[3:], strict=False)
             for d in (0, 1) for e in (0, -1)]
    for start, end in cuts:
        assert whole.between(start, end) == tokenize(text, start, end), (start, end)
