"""A figure inside a quotation, with no other source in its sentence, is the speaker's: extract()
passes its quotations to find_estimates, with the speaker named canonically (the actor's name, not
the "Bundespräsident Köhler" the quotation shows)."""

from __future__ import annotations

import pytest

from app.extract import extract

ROWS = [
    # the figure stands in a later sentence of a quotation: no cue of its own
    ("Olaf Scholz sprach in Berlin. Er sagte: „Die Lage ist ernst. Etwa 3.000 Soldaten sind im Einsatz.“",
     "Etwa 3.000 Soldaten", ["Olaf Scholz"]),
    # a role noun resolved to a person outside the gazetteer: the actor's canonical name
    ("Bundespräsident Horst Köhler besuchte das Werk. Der Bundespräsident sagte: „Das Werk ist wichtig. "
     "Hier arbeiten mehr als 2.000 Menschen.“", "mehr als 2.000 Menschen", ["Horst Köhler"]),
    # a source in the figure's own sentence still wins over the quotation's speaker
    ("Olaf Scholz sagte: „Die Zahlen sind bekannt. Nach Angaben Südkoreas sind es 11.000 Soldaten.“",
     "11.000 Soldaten", ["South Korea"]),
]


@pytest.mark.parametrize(("text", "figure", "attributed"), ROWS, ids=[r[1] for r in ROWS])
def test_a_figure_in_a_quotation_is_the_speakers(text: str, figure: str, attributed: list[str]) -> None:
    est = [e for e in extract(text).estimates if e.text == figure]
    assert est, [e.text for e in extract(text).estimates]
    assert est[0].attributed_to == attributed


def test_a_quotation_by_an_unidentified_speaker_gives_no_source() -> None:
    text = "„Die Lage ist ernst. Etwa 3.000 Soldaten sind im Einsatz.“"
    est = [e for e in extract(text).estimates if e.text == "Etwa 3.000 Soldaten"]
    assert est and est[0].attributed_to == []
