"""Property test: any text, however broken, extracts without an exception and with honest offsets."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.extract import extract

PIECES = st.sampled_from(
    ["„", "“", "”", '"', "»", "«", "‚", "‘", "’", "'", ":", ",", ".", " ", "\n", "sagte", "Kim", "er",
     "der Minister", "laut KCNA", "10.000", "99999999999999999999", "(dpa)", "Quelle: ntv.de, ino/AFP/dpa"]
)
TEXTS = st.one_of(st.text(max_size=400), st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=80).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_extracts_with_true_offsets(text: str) -> None:
    result = extract(text)
    for q in result.quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)
        if q.cue_start is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
    for a in result.actors:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text
    for s in result.sources:
        for m in s.mentions:
            assert text[m.start : m.end] == m.text
    for e in result.estimates:
        assert 0 <= e.start <= e.end <= len(text)
        assert e.text in text[e.start : e.end] or text[e.start : e.end] in e.text
    result.to_contract("x.txt")
