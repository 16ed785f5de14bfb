"""Short quoted fragments: a statement when the words fill the slot of someone's speech (the
complement of a speech verb with a speaker, a predicate in reported judgement), a label when they
name a thing (an institution, a prize, a term introduced with "nennt man", "gilt als")."""

from __future__ import annotations

import pytest

from app.extract import extract


def direct(text: str):
    return [q for q in extract(text).quotes if q.kind == "direct"]


# (text, quoted words, speaker)
STATEMENTS = [
    # a separable speech verb whose particle stands after the quotation
    ("Die Ministerin wies den Vorwurf am Montag als „Unverschämtheit“ zurück.", "Unverschämtheit", "Die Ministerin"),
    # the prepositional slot of a speech verb, past an article
    ("Der Gewerkschaftschef Otto Brenner warnte vor den „Lohnsenkungsfantasien“.", "Lohnsenkungsfantasien", "Otto Brenner"),
    ("Der Abgeordnete Paul Kern bezeichnete das Urteil als „Ohrfeige aus Leipzig“.", "Ohrfeige aus Leipzig", "Paul Kern"),
    ("Die Partei sprach von einem „Skandal ohnegleichen“.", "Skandal ohnegleichen", "Die Partei"),
    ("Der Forscher Karl Mohr riet zu „Geduld und Vorsicht“.", "Geduld und Vorsicht", "Karl Mohr"),
    # verbs of judgement
    ("Die Regierung verurteilte den Angriff als „feigen Terrorakt“.", "feigen Terrorakt", "Die Regierung"),
    # a passive names its agent as the speaker
    ("Die Gefahr wird vom Deutschen Wetterdienst als „sehr hoch“ eingestuft.", "sehr hoch", "Deutschen Wetterdienst"),
    # a quoted predicate: a judgement
    ("Für die Ärztin Maria Roth ist die Lage in der Stadt „alarmierend“.", "alarmierend", "Maria Roth"),
    ("Es geht um Abwasser, das „leicht belastet“ sein soll.", "leicht belastet", None),
    # a relative clause after a body: the body speaks
    ("Kritik kommt vom Mieterverein Nord, der die Pläne als „Zumutung“ sieht.", "Zumutung", "Mieterverein Nord"),
    # "Wie X erklärte, …": X speaks for the whole sentence
    ("Wie Finanzminister Karl Brandt am Montag in Kiel erklärte, sieht die Regierung in dem Vertrag "
     "„keine Gefahr für den Haushalt“.", "keine Gefahr für den Haushalt", "Karl Brandt"),
    # a coordinated speech verb takes the subject past a prepositional phrase
    ("Auf dem Parteitag zeigte sich die Vorsitzende bestürzt und verurteilte den Vorfall als „feigen Anschlag“.",
     "feigen Anschlag", "die Vorsitzende"),
]


@pytest.mark.parametrize(("text", "words", "speaker"), STATEMENTS, ids=[r[1][:30] for r in STATEMENTS])
def test_a_fragment_in_a_speech_slot_is_a_quotation(text: str, words: str, speaker: str | None) -> None:
    quotes = direct(text)
    hit = [q for q in quotes if q.text == words]
    assert hit, f"no quotation {words!r} in {[q.text for q in quotes]}"
    assert hit[0].speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Dies nennt man einen „Aktientausch“.",  # a term: "man" names it
        "Der Vorfall gilt damit nicht als „Unfall“.",  # gelten is no speech verb
        "Der Teilchenstrom wird als „Sonnenwind“ bezeichnet.",  # a passive without a speaker names a thing
        "Wie die „Aktion Saubere Stadt“ mitteilte, beginnt die Sammlung am Montag.",  # an institution's name
        "Der Dichter ist Träger des „Kleist-Preises für Lyrik“ und lebt in Berlin.",  # a prize
        "Am Abend tagte der neue „Oberste Rat für Sicherheit“ zum ersten Mal.",  # a council
        "Sie trafen sich mit „fremden“ Männern in der Stadt.",  # an adjective before its noun
        "Der Ausblick wurde von der Agentur auf „stabil“ gesetzt.",  # a rating after a preposition
    ],
)
def test_a_label_is_no_quotation(text: str) -> None:
    assert direct(text) == []


def test_a_passive_speech_verb_does_not_make_its_subject_the_speaker() -> None:
    text = "Die Pläne wurden von der Ministerin als „völlig unausgegoren“ bezeichnet."
    assert [q.speaker for q in direct(text)] == ["der Ministerin"]
    text = "Die Pläne wurden als „völlig unausgegoren“ bezeichnet."
    assert [q.speaker for q in direct(text)] == [None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a possessive name before a role noun is someone else
        ("Es wurde von Demmlers Sohn die Vermutung geäußert, man wolle „ein Exempel statuieren“.", "Demmlers Sohn"),
        # an adjective and a common noun after an article name an institution, not a person
        ("Die Wiener Linien erklärten, der Ausbau sei „dringend nötig“.", "Wiener Linien"),
        ("Die Berliner Tafel teilte mit, das Angebot sei „kaum noch zu stemmen“.", "Berliner Tafel"),
        # of two source cues, the one nearest before the quotation
        ("Nach Angaben des Senats gibt es ein Gutachten, das nach Einschätzung der Polizei „keinen Anlass zur Sorge“ gibt.",
         "der Polizei"),
        # a state's genitive after a role noun is no person's name
        ("Der oberste Führer Irans, der den Sieg als „Fest“ bezeichnete, schwieg danach.", "Der oberste Führer Irans"),
    ],
)
def test_noun_phrases_that_are_no_persons(text: str, speaker: str) -> None:
    quotes = direct(text)
    assert quotes and quotes[0].speaker == speaker
