"""find_estimates: one construction a row, sentence in -> (value, value_max, qualifier, unit, source) out."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.extract.estimates import find_estimates
from app.extract.model import ActorMention

# surface form -> (canonical name, kind): what the real gazetteer resolves; found in the text by hand here
ACTORS = {
    "Südkoreas": ("South Korea", "state"),
    "Südkorea": ("South Korea", "state"),
    "südkoreanische": ("South Korea", "state"),
    "südkoreanischen": ("South Korea", "state"),
    "südkoreanischer": ("South Korea", "state"),
    "South Korean": ("South Korea", "state"),
    "der USA": ("United States", "state"),
    "USA": ("United States", "state"),
    "Washingtons": ("United States", "state"),
    "Washington": ("United States", "state"),
    "amerikanische Geheimdienste": ("United States", "state"),
    "US": ("United States", "state"),
    "Pentagon": ("United States", "state"),
    "Pentagons": ("United States", "state"),
    "Nordkorea": ("North Korea", "state"),
    "Pjöngjang": ("North Korea", "state"),
    "nordkoreanische": ("North Korea", "state"),
    "nordkoreanischen": ("North Korea", "state"),
    "Russland": ("Russia", "state"),
    "russische": ("Russia", "state"),
    "russischen": ("Russia", "state"),
    "Moskau": ("Russia", "state"),
    "Kiew": ("Ukraine", "state"),
    "Kiews": ("Ukraine", "state"),
    "Ukraine": ("Ukraine", "state"),
    "ukrainische": ("Ukraine", "state"),
    "ukrainischen": ("Ukraine", "state"),
    "britische": ("United Kingdom", "state"),
    "westlicher Geheimdienste": ("Western intelligence", "organization"),
    "Westens": ("Western intelligence", "organization"),
    "Wolodymyr Selenskyj": ("Volodymyr Zelensky", "person"),
    "Selenskyj": ("Volodymyr Zelensky", "person"),
    "Zelensky": ("Volodymyr Zelensky", "person"),
    "Volodymyr Zelensky": ("Volodymyr Zelensky", "person"),
    "Ukrainian": ("Ukraine", "state"),
    "U.S.": ("United States", "state"),
    "Antony Blinken": ("Antony Blinken", "person"),
    "Blinken": ("Antony Blinken", "person"),
    "Shin Won Sik": ("Shin Won Sik", "person"),
    "Kim": ("Kim Jong Un", "person"),
    "UN": ("United Nations", "organization"),
    "KCNA": ("KCNA", "media"),
    "Xinhua": ("Xinhua", "media"),
    "chinesische": ("China", "state"),
    "chinesischen": ("China", "state"),
    "Tass": ("TASS", "media"),
}
_ACTOR_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a in sorted(ACTORS, key=len, reverse=True)) + r")(?!\w)")


def mentions(text: str) -> list[ActorMention]:
    return [ActorMention(m.start(), m.end(), m.group(), *ACTORS[m.group()]) for m in _ACTOR_RE.finditer(text)]


def run(text: str, lang: str | None = None):
    ests = find_estimates(text, mentions(text), lang=lang)
    for e in ests:
        assert text[e.start : e.end] == e.text
    return ests


def row(e):
    return (e.value, e.value_max, e.qualifier, e.unit, e.attributed_to)


SK, US, UA, NK, RU = "South Korea", "United States", "Ukraine", "North Korea", "Russia"
ZEL = "Volodymyr Zelensky"

# sentence -> the one estimate it holds: (value, value_max, qualifier, unit, attributed_to)
ONE = [
    # qualifiers and number formats
    ("Nach Schätzungen Südkoreas und der USA hat Nordkorea bereits mehr als 10.000 Soldaten nach Russland entsandt.",
     (10000, None, "more_than", "soldiers", [SK, US])),
    ("Nach Informationen südkoreanischer und westlicher Geheimdienste hat Pjöngjang im letzten Jahr etwa 11.000 Soldaten entsandt.",
     (11000, None, "approx", "soldiers", [SK, "Western intelligence"])),
    ("Nach Schätzungen des ukrainischen und auch des südkoreanischen Geheimdienstes waren bis zu 14.000 nordkoreanische Soldaten an den Gefechten beteiligt.",
     (14000, None, "up_to", "soldiers", [UA, SK])),
    ("Laut Medienberichten, die sich auf eine Einschätzung des ukrainischen Geheimdienstes berufen, könnte Nordkorea demnächst bis zu 30.000 weitere Soldaten nach Russland entsenden.",
     (30000, None, "up_to", "soldiers", [UA])),
    ("Die Zahl der nordkoreanischen Soldaten könne auf bis zu 100.000 steigen, warnte der ukrainische Präsident Wolodymyr Selenskyj.",
     (100000, None, "up_to", "soldiers", [ZEL])),
    ("Berichten zufolge hat Nordkorea bereits mehr als 10.000 Soldaten nach Russland entsandt.",
     (10000, None, "more_than", "soldiers", [])),
    ("Nordkorea hat rund 10.000 Soldaten nach Russland entsandt.",
     (10000, None, "approx", "soldiers", [])),
    ("Zudem soll Nordkorea Angaben aus Südkorea zufolge rund 20.000 Container mit Munition an Russland geliefert haben.",
     (20000, None, "approx", "containers", [SK])),
    ("Nordkorea soll Russland bis zu fünf Millionen Artilleriegranaten geliefert haben, teilte der südkoreanische Geheimdienst mit.",
     (5000000, None, "up_to", "shells", [SK])),
    ("Nach Angaben Kiews wurden seit Kriegsbeginn rund 600.000 russische Soldaten getötet oder verwundet.",
     (600000, None, "approx", "casualties", [UA])),
    ("Die ukrainische Armee meldete am Montag 1.250 getötete russische Soldaten.",
     (1250, None, "exact", "dead", [UA])),
    ("Laut Kiew rückten die russischen Truppen im Oktober fast 500 Kilometer vor.",
     (500, None, "almost", "km", [UA])),
    ("Im Oktober rückte die russische Armee fast 500 km vor2 in der Ukraine.",
     (500, None, "almost", "km", [])),
    ("Seit August 2023 seien mindestens 13.000 Container aus Nordkorea nach Russland gebracht worden, sagte Verteidigungsminister Shin Won Sik.",
     (13000, None, "at_least", "containers", ["Shin Won Sik"])),
    ("Zwischen 10.000 und 12.000 nordkoreanische Soldaten sollen in der Region Kursk kämpfen.",
     (10000, 12000, "range", "soldiers", [])),
    ("Kiew zufolge sind 11.000 bis 12.000 Nordkoreaner im Einsatz.",
     (11000, 12000, "range", "people", [UA])),
    ("Nach Angaben Washingtons sind 11.000–12.000 nordkoreanische Soldaten in Russland.",
     (11000, 12000, "range", "soldiers", [US])),
    ("Selenskyj äußerte sich am Abend. Ihm zufolge wurden etwa 3.000 nordkoreanische Soldaten verwundet.",
     (3000, None, "approx", "wounded", [ZEL])),
    ("Nordkorea hat schätzungsweise 1,5 Millionen Schuss Munition geliefert, schätzt der britische Geheimdienst.",
     (1500000, None, "approx", "shells", ["United Kingdom"])),
    ("Unter Berufung auf amerikanische Geheimdienste sagte Blinken, dass bis zu 8.000 nordkoreanische Soldaten in Kursk stationiert seien.",
     (8000, None, "up_to", "soldiers", [US])),
    ("Mehr als 300 Menschen wurden bei dem Angriff getötet, wie das ukrainische Innenministerium mitteilte.",
     (300, None, "more_than", "dead", [UA])),
    ("Knapp 2.000 Zivilisten sind nach UN-Angaben seit Jahresbeginn ums Leben gekommen.",
     (2000, None, "almost", "dead", ["United Nations"])),
    ("Die Front erstreckt sich über mehr als 1.000 Kilometer.",
     (1000, None, "more_than", "km", [])),
    ("Die Zahl der Toten stieg nach Behördenangaben auf 42.",
     (42, None, "exact", "dead", [])),
    ("Höchstens 500 Soldaten sollen bereits zurückgekehrt sein.", (500, None, "up_to", "soldiers", [])),
    ("Nahezu 20.000 Mann stehen an der Grenze.", (20000, None, "almost", "soldiers", [])),
    ("Angeblich hat Nordkorea an die 3.000 Panzer.", (3000, None, "approx", "tanks", [])),
    ("Wenigstens 50 Tote wurden gezählt.", (50, None, "at_least", "dead", [])),
    ("Die russischen Truppen rückten circa 70 Kilometer weiter vor.", (70, None, "approx", "km", [])),
    ("Weit über 10.000 Soldaten sind im Einsatz.", (10000, None, "more_than", "soldiers", [])),
    ("Geschätzte 12.000 nordkoreanische Soldaten kämpfen für Moskau.", (12000, None, "approx", "soldiers", [])),
    ("Nordkorea hat zehntausend Soldaten mobilisiert.", (10000, None, "exact", "soldiers", [])),
    ("Russland erhielt eine Million Artilleriegeschosse aus Nordkorea.", (1000000, None, "exact", "shells", [])),
    ("Nach Angaben des Pentagons kämpfen 10.000 oder mehr nordkoreanische Soldaten in Kursk.",
     (10000, None, "at_least", "soldiers", [US])),
    ("Laut Südkorea wuchs die Wirtschaft Nordkoreas um 3,1 Prozent.", (3.1, None, "exact", "percent", [SK])),
    ("Laut KCNA wurden 2,5 Millionen Tonnen Getreide geerntet.", (2500000, None, "exact", "tonnes", ["KCNA"])),
    ("Der Geheimdienst des Westens schätzt, dass Nordkorea bis zu 8 Millionen Granaten geliefert hat.",
     (8000000, None, "up_to", "shells", ["Western intelligence"])),
    ("„Nordkorea hat bereits 11.000 Soldaten geschickt“, sagte Selenskyj am Montag.",
     (11000, None, "exact", "soldiers", [ZEL])),
    ("Nach eigenen Angaben hat die ukrainische Armee mehr als 200 Drohnen abgeschossen.",
     (200, None, "more_than", "drones", [UA])),
    ("Offiziellen chinesischen Angaben zufolge wurden etwa 200 Menschen getötet.",
     (200, None, "approx", "dead", ["China"])),
    ("Die Zahl der Toten bezifferte die chinesische Nachrichtenagentur Xinhua mit 13.",
     (13, None, "exact", "dead", ["Xinhua"])),
    ("Vom 2. April bis zum 20. Juni, so die Ergebnisse eines Richters, der gegen Selenskyj ermittelt, seien 300 Menschen deportiert worden.",
     (300, None, "exact", "people", [])),
    ("Wie die Nachrichtenagentur KCNA meldete, nahmen 10.000 Soldaten an der Parade teil.",
     (10000, None, "exact", "soldiers", ["KCNA"])),
    ("Die USA schätzen die Zahl der nordkoreanischen Soldaten in Russland auf etwa 12.000.",
     (12000, None, "approx", "soldiers", [US])),
    ("Selenskyj sprach von mehr als 3.000 getöteten oder verwundeten Nordkoreanern.",
     (3000, None, "more_than", "casualties", [ZEL])),
]


@pytest.mark.parametrize("text,expected", ONE, ids=[r[0][:50] for r in ONE])
def test_one_estimate(text, expected):
    got = [row(e) for e in run(text) if e.qualifier != "vague"]
    assert got == [expected]


# sentences that hold no estimate
NONE = [
    "Der Krieg begann im Februar 2022.",
    "Im Sommer 2024 besiegelten die beiden Länder eine strategische Partnerschaft.",
    "Am 4. Dezember 2024 traf Kim in Pjöngjang ein.",
    "09.02.2025, 07:30 Uhr",
    "Der 42-Jährige wurde festgenommen.",
    "Er ist 42 Jahre alt und seit 70 Jahren im Dienst.",
    "Die ukrainische Armee hält Gebiete in Kursk kontrolliert2 seit August.",
    "Artikel 5 des Nato-Vertrags verpflichtet die Mitglieder zum Beistand.",
    "Resolution 2270 des UN-Sicherheitsrats verbietet Waffenlieferungen an Nordkorea.",
    "Lawrow hält sich zu einem dreitägigen Besuch in Nordkorea auf.",
    "Die beiden Länder unterzeichneten 2024 einen Vertrag.",
    "Die Ukraine erhielt F-16-Kampfjets, Russland setzt Hwasong-11 ein.",
    "Die Inflation stieg auf 8 Prozent.",
    "Telefon: 030 1234567",
    "Es war das 3. Treffen der beiden Außenminister.",
    "Das Spiel endete 3:1.",
    "Kim Jong Un wurde 1984 geboren.",
    "Der Vertrag gilt für 20 Jahre.",
    "Bis 2030 will Russland die Armee auf 1,5 Millionen vergrößern.",
    "Die Sitzung dauerte 90 Minuten.",
    "Er sprach vor zwei Tagen mit drei Ministern.",
    "Die G7 und die G20 beraten.",
    "Das Dokument hat 23 Seiten und 4 Kapitel.",
    "Die Stadt liegt 30 Kilometer nördlich von Charkiw.",
    "Die Drohne flog mit 140 Kilometern pro Stunde und stürzte 5 km vor der Küste ab.",
    "Das Beben ereignete sich in einer Tiefe von etwa 10 Kilometern.",
    "Die 1.000 Kilometer lange Front ist schwer zu halten.",
    "Der frühere Präsident ist im Alter von 79 Jahren gestorben.",
    "Keiner der 30 Insassen wurde verletzt.",
    "Bei dem Anschlag auf zwei Hotels wurden Menschen getötet.",
]


@pytest.mark.parametrize("text", NONE, ids=[t[:40] for t in NONE])
def test_no_estimate(text):
    assert [e.text for e in run(text)] == []


def test_headline_repeat_takes_the_body_source():
    text = (
        "Bereits mehr als 10.000 Nordkorea-Soldaten sollen Russland unterstützen\n"
        "Nach Schätzungen Südkoreas und der USA hat Nordkorea bereits mehr als 10.000 Soldaten nach Russland entsandt."
    )
    ests = run(text)
    assert [row(e) for e in ests] == [(10000, None, "more_than", "soldiers", [SK, US])] * 2
    assert ests[0].subject == "North Korean soldiers"
    assert ests[0].cue == "Nach Schätzungen"


def test_several_figures_in_one_sentence_keep_their_own_sources():
    text = (
        "Unter Berufung auf amerikanische Geheimdienste wies Diplomatiechef Antony Blinken am Donnerstag darauf hin, "
        "dass von den 10.000 nordkoreanischen Soldaten, die nach Angaben Washingtons nach Russland einmarschierten, "
        "bis zu 8.000 „in der Region Kursk stationiert“ seien."
    )
    assert [row(e) for e in run(text)] == [
        (10000, None, "exact", "soldiers", [US]),
        (8000, None, "up_to", "soldiers", [US]),
    ]


def test_two_counts_in_one_report():
    text = "Russland hat in der Nacht 48 Drohnen und vier Raketen abgefeuert, teilte die ukrainische Luftwaffe mit."
    assert [row(e) for e in run(text)] == [
        (48, None, "exact", "drones", [UA]),
        (4, None, "exact", "missiles", [UA]),
    ]


def test_the_source_of_the_sentence_before():
    text = (
        "Nordkorea hat nach Erkenntnissen des südkoreanischen Geheimdienstes NIS weitere 3.000 Soldaten entsandt. "
        "Damit seien insgesamt rund 14.000 Soldaten im Einsatz, teilte der Geheimdienst am Montag mit. "
        "Das entspreche einer Verdopplung binnen eines Jahres mit bis zu 2.000 Toten. "
        "Nach Angaben Kiews eroberte Russland 2024 rund 4.000 Quadratkilometer. "
        "Im November rückten die Truppen demnach mehr als 700 Quadratkilometer vor. "
        "US-Außenminister Antony Blinken sagte, Nordkorea habe zwischen 10.000 und 12.000 Soldaten geschickt. "
        "Ihm zufolge könnten es bald bis zu 20.000 sein."
    )
    got = [(e.value, e.unit, e.attributed_to) for e in run(text)]
    assert got == [
        (3000, "soldiers", [SK]),
        (14000, "soldiers", [SK]),  # "der Geheimdienst": the one named before
        (2000, "dead", [SK]),  # Konjunktiv: the report goes on
        (4000, "km2", [UA]),
        (700, "km2", [UA]),  # "demnach"
        (10000, "soldiers", ["Antony Blinken"]),
        (20000, "soldiers", ["Antony Blinken"]),  # elliptic: the count of the sentence before
    ]


def test_a_source_after_the_figure_belongs_to_its_own_clause():
    text = "Die Zahl der Toten stieg auf 384, darunter laut UN-Angaben 62 Zivilisten."
    assert [row(e) for e in run(text)] == [
        (384, None, "exact", "dead", []),
        (62, None, "exact", "civilians", ["United Nations"]),
    ]


def test_percent_and_money_need_a_source_and_keep_their_unit_word():
    (e,) = run("Laut Südkorea wuchs die Wirtschaft Nordkoreas um 3,1 Prozent.")
    assert e.text == "3,1 Prozent"
    (e,) = run("Die Hilfe koste rund 500 Millionen Euro, sagte Selenskyj.")
    assert (e.text, e.value, e.unit, e.attributed_to) == ("rund 500 Millionen Euro", 500000000, "currency", [ZEL])
    assert run("Die Hilfe kostet rund 500 Millionen Euro.") == []


def test_two_sides_two_sources():
    text = "Nach Angaben Kiews wurden 300 russische Soldaten getötet, Moskau sprach dagegen von 50 Toten."
    assert [row(e) for e in run(text)] == [
        (300, None, "exact", "dead", [UA]),
        (50, None, "exact", "dead", [RU]),
    ]


def test_vague_amounts_are_marked_vague():
    ests = run("Tausende nordkoreanische Soldaten unterstützen Russland, dazu Hunderte Raketen.")
    assert [(e.text, e.qualifier, e.unit) for e in ests] == [
        ("Tausende nordkoreanische Soldaten", "vague", "soldiers"),
        ("Hunderte Raketen", "vague", "missiles"),
    ]
    assert run("Tausende nordkoreanische Soldaten", lang="de") and not find_estimates(
        "Tausende nordkoreanische Soldaten", [], include_vague=False
    )


def test_text_covers_qualifier_number_and_unit():
    (e,) = run("Nordkorea hat bereits mehr als 10.000 Soldaten entsandt.")
    assert e.text == "mehr als 10.000 Soldaten"
    (e,) = run("Nordkorea könnte bis zu 30.000 weitere Soldaten schicken.")
    assert e.text == "bis zu 30.000 weitere Soldaten" and e.subject == "additional North Korean soldiers"
    (e,) = run("Es sollen bis zu 14.000 nordkoreanische Soldaten sein.")
    assert e.subject == "North Korean soldiers"


def test_quote_speaker_is_the_fallback():
    class Q:
        start, end, speaker = 0, 60, "Volodymyr Zelensky"

    text = "Wir wissen von 11.000 nordkoreanischen Soldaten in Kursk. Das ist viel."
    (e,) = find_estimates(text, [], quotes=[Q()])
    assert e.attributed_to == [ZEL]


EN = [
    ("According to South Korean intelligence, more than 10,000 North Korean troops have been sent to Russia.",
     (10000, None, "more_than", "soldiers", [SK])),
    ("Zelensky said up to 100,000 soldiers could be deployed.", (100000, None, "up_to", "soldiers", [ZEL])),
    ("Russia advanced nearly 500 km in October.", (500, None, "almost", "km", [])),
    ("Between 10,000 and 12,000 troops were first deployed, according to U.S. officials.",
     (10000, 12000, "range", "soldiers", [US])),
    ("Ukrainian President Volodymyr Zelensky said his forces had captured two North Korean soldiers.",
     (2, None, "exact", "soldiers", [ZEL])),
]


@pytest.mark.parametrize("text,expected", EN, ids=[r[0][:40] for r in EN])
def test_english(text, expected):
    assert [row(e) for e in run(text, lang="en")] == [expected]


PIECES = list("0123456789.,  \u202f-–:%aAeZ\n„“") + [
    "bis zu ", "mehr als ", "Soldaten", " und ", "zwischen ", "Tausende ", "Nach Angaben ", "Kiews", " zufolge",
    ", sagte ", "Selenskyj", "zehntausend", "Millionen", " der ", "getötet",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.characters(), max_size=60).map("".join))
def test_never_raises_and_offsets_hold(text):
    for lang in ("de", "en", None):
        for e in find_estimates(text, mentions(text), lang=lang):
            assert text[e.start : e.end] == e.text
