"""find_numbers: German and English figures, their qualifiers, and what is not an amount."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.extract.numbers import find_numbers, parse_digits, parse_words

# (text, [(span text, value, value_max, qualifier, kind)])
ROWS = [
    ("mehr als 10.000 Soldaten", [("mehr als 10.000", 10000, None, "more_than", "number")]),
    ("Es kamen 10 000 Mann.", [("10 000", 10000, None, "exact", "number")]),
    ("Es kamen 10\u202f000 Mann.", [("10\u202f000", 10000, None, "exact", "number")]),
    ("Es kamen 10\u00a0000 Mann.", [("10\u00a0000", 10000, None, "exact", "number")]),
    ("insgesamt 10000 Soldaten", [("10000", 10000, None, "exact", "number")]),
    ("1,5 Millionen Granaten", [("1,5 Millionen", 1500000, None, "exact", "number")]),
    ("2 Mio. Schuss", [("2 Mio.", 2000000, None, "exact", "number")]),
    ("3,2 Mrd. Dollar", [("3,2 Mrd.", 3200000000, None, "exact", "currency")]),
    ("eine Million Granaten", [("eine Million", 1000000, None, "exact", "number")]),
    ("zehntausend Soldaten", [("zehntausend", 10000, None, "exact", "number")]),
    ("Zehntausend Soldaten marschierten.", [("Zehntausend", 10000, None, "exact", "number")]),
    ("zweihundertfünfzig Panzer", [("zweihundertfünfzig", 250, None, "exact", "number")]),
    ("zweieinhalb Millionen Menschen", [("zweieinhalb Millionen", 2500000, None, "exact", "number")]),
    ("drei Millionen Granaten", [("drei Millionen", 3000000, None, "exact", "number")]),
    ("Zehntausende Soldaten", [("Zehntausende", 10000, None, "vague", "vague")]),
    ("Tausende nordkoreanische Soldaten", [("Tausende", 1000, None, "vague", "vague")]),
    ("mehrere Hundert Kilometer", [("mehrere Hundert", 100, None, "vague", "vague")]),
    ("Hunderte Raketen", [("Hunderte", 100, None, "vague", "vague")]),
    ("11.000 bis 12.000 Soldaten", [("11.000 bis 12.000", 11000, 12000, "range", "number")]),
    ("11.000–12.000 Soldaten", [("11.000–12.000", 11000, 12000, "range", "number")]),
    ("zwischen 10.000 und 12.000 Soldaten", [("zwischen 10.000 und 12.000", 10000, 12000, "range", "number")]),
    ("zwischen 1,5 und 2 Millionen Granaten", [("zwischen 1,5 und 2 Millionen", 1500000, 2000000, "range", "number")]),
    ("1 bis 2 Millionen Menschen", [("1 bis 2 Millionen", 1000000, 2000000, "range", "number")]),
    ("etwa 11.000 Soldaten", [("etwa 11.000", 11000, None, "approx", "number")]),
    ("rund 600.000 Tote", [("rund 600.000", 600000, None, "approx", "number")]),
    ("ungefähr 50 Panzer", [("ungefähr 50", 50, None, "approx", "number")]),
    ("circa 70 km", [("circa 70", 70, None, "approx", "number")]),
    ("ca. 70 km", [("ca. 70", 70, None, "approx", "number")]),
    ("schätzungsweise 3.000 Mann", [("schätzungsweise 3.000", 3000, None, "approx", "number")]),
    ("geschätzte 12.000 Soldaten", [("geschätzte 12.000", 12000, None, "approx", "number")]),
    ("an die 3.000 Soldaten", [("an die 3.000", 3000, None, "approx", "number")]),
    ("über 500 Drohnen", [("über 500", 500, None, "more_than", "number")]),
    ("Über 500 Drohnen", [("Über 500", 500, None, "more_than", "number")]),
    ("weit über 10.000 Soldaten", [("weit über 10.000", 10000, None, "more_than", "number")]),
    ("weit mehr als 10.000 Soldaten", [("weit mehr als 10.000", 10000, None, "more_than", "number")]),
    ("mindestens 50 Tote", [("mindestens 50", 50, None, "at_least", "number")]),
    ("wenigstens 50 Tote", [("wenigstens 50", 50, None, "at_least", "number")]),
    ("10.000 oder mehr Soldaten", [("10.000 oder mehr", 10000, None, "at_least", "number")]),
    ("bis zu 100.000", [("bis zu 100.000", 100000, None, "up_to", "number")]),
    ("höchstens 500 Soldaten", [("höchstens 500", 500, None, "up_to", "number")]),
    ("maximal 500 Soldaten", [("maximal 500", 500, None, "up_to", "number")]),
    ("nicht mehr als 500 Soldaten", [("nicht mehr als 500", 500, None, "up_to", "number")]),
    ("fast 500 km", [("fast 500", 500, None, "almost", "number")]),
    ("knapp 2.000 Zivilisten", [("knapp 2.000", 2000, None, "almost", "number")]),
    ("beinahe 2.000 Zivilisten", [("beinahe 2.000", 2000, None, "almost", "number")]),
    ("nahezu 20.000 Mann", [("nahezu 20.000", 20000, None, "almost", "number")]),
    ("knapp über 2.000 Zivilisten", [("knapp über 2.000", 2000, None, "more_than", "number")]),
    ("um 20 Prozent", [("20", 20, None, "exact", "percent")]),
    ("3,5 %", [("3,5", 3.5, None, "exact", "percent")]),
    ("5 Millionen Dollar", [("5 Millionen", 5000000, None, "exact", "currency")]),
    ("bis zu 2000 Soldaten", [("bis zu 2000", 2000, None, "up_to", "number")]),
    ("Nordkorea verfügt über 1.000 Panzer.", [("1.000", 1000, None, "exact", "number")]),
    ("Berichte über 10.000 Soldaten", [("10.000", 10000, None, "exact", "number")]),
    ("verfügt über mehr als 1.000 Panzer", [("mehr als 1.000", 1000, None, "more_than", "number")]),
    ("zwei Dutzend Raketen", [("zwei Dutzend", 24, None, "exact", "number")]),
    ("1.000.000 Schuss", [("1.000.000", 1000000, None, "exact", "number")]),
    ("rund zwei Millionen Menschen", [("rund zwei Millionen", 2000000, None, "approx", "number")]),
    ("mehrere hunderttausend Menschen", [("mehrere hunderttausend", 100000, None, "vague", "vague")]),
    # not amounts
    ("Der Krieg begann im Februar 2022.", []),
    ("Im Sommer 2024 besiegelten beide Länder den Pakt.", []),
    ("seit März 2022 und den ersten Wochen", []),
    ("09.02.2025, 07:30 Uhr", []),
    ("Am 4. Dezember traf er ein.", []),
    ("am 4.12.2024 in Moskau", []),
    ("Um 19 Uhr begann die Sitzung.", []),
    ("Der 42-Jährige wurde festgenommen.", []),
    ("die ukrainische Armee kontrolliert2 seit August", []),
    ("rückte fast 500 km vor2 in der Ukraine", [("fast 500", 500, None, "almost", "number")]),
    ("Artikel 5 des Nato-Vertrags", []),
    ("Resolution 2270 des UN-Sicherheitsrats", []),
    ("Die F-16 und die MiG-29 und die Hwasong-18", []),
    ("Telefon 030 1234567", []),
    ("der 2. Weltkrieg", []),
    ("Das Spiel endete 3:1.", []),
    ("Die Saison 2022/23 war lang.", []),
    ("Lawrow hält sich zu einem dreitägigen Besuch auf.", []),
    ("Ein Soldat und eine Frau", []),
    ("von 2022 bis 2024", []),
    ("zwischen 2014 und 2022", []),
    ("ein G7-Gipfel mit 3D-Druckern", []),
]


@pytest.mark.parametrize("text,expected", ROWS, ids=[r[0][:40] for r in ROWS])
def test_find_numbers(text, expected):
    got = [
        (n.text, n.value, n.value_max, n.qualifier, n.kind)
        for n in find_numbers(text, "de")
        if not (n.kind == "number" and n.yearlike)
    ]
    assert got == expected


@pytest.mark.parametrize(
    "text,kind",
    [
        ("im Februar 2022", "year"),
        ("seit 2014", "year"),
        ("09.02.2025", "date"),
        ("07:30 Uhr", "time"),
        ("am 4. Dezember", "ordinal"),
        ("Artikel 5", "label"),
        ("kontrolliert2", "label"),
        ("der 42-Jährige", "label"),
    ],
)
def test_kinds_kept_on_request(text, kind):
    assert kind in {n.kind for n in find_numbers(text, "de", keep_all=True)}


def test_bare_year_is_marked_yearlike():
    (n,) = find_numbers("Bis 2030 will Russland aufrüsten.", "de")
    assert n.yearlike


EN_ROWS = [
    ("more than 10,000 troops", [("more than 10,000", 10000, None, "more_than")]),
    ("1.5 million shells", [("1.5 million", 1500000, None, "exact")]),
    ("ten thousand soldiers", [("ten thousand", 10000, None, "exact")]),
    ("up to 100,000 soldiers", [("up to 100,000", 100000, None, "up_to")]),
    ("between 3,000 and 4,000 troops", [("between 3,000 and 4,000", 3000, 4000, "range")]),
    ("about 11,000 soldiers", [("about 11,000", 11000, None, "approx")]),
    ("nearly 500 km", [("nearly 500", 500, None, "almost")]),
    ("at least 50 dead", [("at least 50", 50, None, "at_least")]),
    ("thousands of soldiers", [("thousands", 1000, None, "vague")]),
    ("in February 2022", []),
]


@pytest.mark.parametrize("text,expected", EN_ROWS, ids=[r[0] for r in EN_ROWS])
def test_find_numbers_english(text, expected):
    assert [(n.text, n.value, n.value_max, n.qualifier) for n in find_numbers(text, "en")] == expected


@pytest.mark.parametrize(
    "raw,lang,value",
    [("10.000", "de", 10000), ("1,5", "de", 1.5), ("10 000", "de", 10000), ("1.234,5", "de", 1234.5),
     ("10,000", "en", 10000), ("1.5", "en", 1.5), ("2.5", "de", 2.5)],
)
def test_parse_digits(raw, lang, value):
    assert parse_digits(raw, lang) == value


@pytest.mark.parametrize(
    "words,value", [("zehntausend", 10000), ("einundzwanzigtausend", 21000), ("anderthalb", 1.5), ("und", None)]
)
def test_parse_words(words, value):
    assert parse_words(words, "de") == value


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,  \u202f\u00a0-–:/%aAbZ bis und zwischen Mio.Tausende\n")) | st.characters(), max_size=80))
def test_never_raises_and_offsets_hold(text):
    for lang in ("de", "en"):
        for n in find_numbers(text, lang, keep_all=True):
            assert text[n.start : n.end] == n.text
            assert n.start <= n.num_start <= n.num_end <= n.end
