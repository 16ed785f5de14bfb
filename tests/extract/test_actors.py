"""Actors: gazetteer aliases, unknown persons, states by name, adjective and capital; sources."""

from __future__ import annotations

import pytest

from app.extract import extract
from app.extract.gazetteer import Gazetteer
from app.extract.lang import detect_language


def names(text: str, kind: str) -> set[str]:
    return {a.name for a in extract(text).actors if a.kind == kind}


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Kim Jong-un traf Wladimir Putin.", "person", {"Kim Jong Un", "Vladimir Putin"}),
        ("Kim Jong Un und später Kim sprachen; Kims Rede war lang.", "person", {"Kim Jong Un"}),
        ("Der Besuch von Kim Dae-jung in Seoul.", "person", {"Kim Dae-jung"}),
        ("Außenamtssprecher Heorhij Tychyj widersprach.", "person", {"Heorhij Tychyj"}),
        ("Die Sprecherin der Stiftung Warentest, Heike van Laak, widersprach.", "person", {"Heike van Laak"}),
        ("Bundeskanzlerin Angela Merkel reiste ab. Merkel sagte nichts.", "person", {"Angela Merkel"}),
        ("Nordkorea und Russland vertiefen ihre Beziehungen.", "state", {"North Korea", "Russia"}),
        ("Die nordkoreanischen Soldaten kämpfen für russische Ziele.", "state", {"North Korea", "Russia"}),
        ("Der Minister reiste nach Pjöngjang; Moskau schwieg, Washington auch.", "state",
         {"North Korea", "Russia", "United States"}),
        ("Der US-Präsident sprach über Südkoreas Rolle.", "state", {"United States", "South Korea"}),
        ("Nach Schätzungen des südkoreanischen Geheimdienstes sind es 11.000.", "state", {"South Korea"}),
        ("Die Zeitung zitierte die Nachrichtenagentur KCNA und Tass.", "media", {"KCNA", "TASS"}),
    ],
)
def test_actors_found(text: str, kind: str, expected: set[str]) -> None:
    assert names(text, kind) == expected


def test_actor_mentions_carry_offsets() -> None:
    text = "Sergej Lawrow reiste nach Nordkorea. Lawrow traf Kim."
    result = extract(text)
    lavrov = next(a for a in result.actors if a.name == "Sergei Lavrov")
    assert [text[m.start : m.end] for m in lavrov.mentions] == ["Sergej Lawrow", "Lawrow"]


def test_a_custom_gazetteer_is_used() -> None:
    gaz = Gazetteer({"person": [{"name": "Erika Mustermann", "aliases": ["Mustermann"], "gender": "f"}]})
    result = extract("„Das stimmt nicht“, sagte Mustermann.", gazetteer=gaz)
    assert result.quotes[0].speaker == "Erika Mustermann"
    assert {a.name for a in result.actors} == {"Erika Mustermann"}


def sources(text: str) -> dict[str, bool]:
    return {s.name: s.credit for s in extract(text).sources}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das meldete die Agentur Yonhap.\nMehr dazu später. (ial mit dpa)", {"Yonhap": False, "dpa": True}),
        ("Ein Bericht.\n\nQuelle: ntv.de, ino/AFP/dpa\n", {"ntv.de": True, "AFP": True, "dpa": True}),
        ("Laut KCNA war der Besuch ein Erfolg (Foto: Reuters).", {"KCNA": False}),
        ("Das berichtete die Nachrichtenagentur Interfax.", {"Interfax": False}),
        ("Das berichtete die Nachrichtenagentur Belta am Abend.", {"Belta": False}),
    ],
)
def test_sources_and_credit_line(text: str, expected: dict[str, bool]) -> None:
    assert sources(text) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Nordkorea hat Russland erneut seine Unterstützung versichert, sagte der Minister.", "de"),
        ("North Korea has again assured Russia of its support, the minister said on Monday.", "en"),
    ],
)
def test_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang
    assert extract(text).language == lang
