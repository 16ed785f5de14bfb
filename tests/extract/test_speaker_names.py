"""How a speaker is named: a role noun that refers to a person the article names gives "<Role noun>
<Surname>" ("Bundespräsident Köhler"), an alias of that person; a surname gives the surname, an alias
of the full name; gazetteer persons keep their canonical names; an unidentified role noun stays as
written. The store then links the quotation to the person's actor."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from app.extract import extract
from app.models import Actor, Article, Quote
from app.store import store_extraction

# (text, quoted words, speaker, the actor whose aliases must hold the speaker, or None)
ROWS = [
    # the role noun the person was introduced with
    ("Bundespräsident Horst Köhler sprach in Berlin. „Reformen sind nötig“, sagte der Bundespräsident.",
     "Reformen sind nötig", "Bundespräsident Köhler", "Horst Köhler"),
    # introduced in a declined case, referred to in another
    ("Die Rede des Bundespräsidenten Horst Köhler war kurz. Dem Bundespräsidenten zufolge ist die Lage „sehr ernst“.",
     "sehr ernst", "Bundespräsident Köhler", "Horst Köhler"),
    # an apposition after the name gives the role
    ("Horst Köhler, der Bundespräsident, reiste nach Kiel. Dort sagte der Bundespräsident: „Wir brauchen Mut.“",
     "Wir brauchen Mut.", "Bundespräsident Köhler", "Horst Köhler"),
    ("Theo Wanzer, Präsident des Turnerbundes, eröffnete die Sitzung. „Wir wachsen“, sagte der Präsident.",
     "Wir wachsen", "Präsident Wanzer", "Theo Wanzer"),
    # a feminine role noun; a compound title and the bare role noun
    ("Innenministerin Petra Lange besuchte die Flutgebiete. „Wir helfen sofort“, sagte die Ministerin.",
     "Wir helfen sofort", "Ministerin Lange", "Petra Lange"),
    # a surname with a particle, as the article writes it
    ("Verteidigungsminister Thomas de Maizière reiste nach Kabul. „Die Lage ist stabil“, sagte der Minister.",
     "Die Lage ist stabil", "Minister de Maizière", "Thomas de Maizière"),
    # the role noun refers to the person named in the sentences just before, not to one named earlier
    ("Innenminister Karl Brandt tagte in Wien. Brandt eröffnete, Brandt schloss. Der Innenminister Otto Fuchs "
     "sprach danach. „Wir sind uns einig“, sagte der Innenminister.",
     "Wir sind uns einig", "Innenminister Fuchs", "Otto Fuchs"),
    # a role noun right after a name and a comma: the name speaks
    ("Anton Berger, Präsident des Vereins: „Wir spielen weiter.“", "Wir spielen weiter.", "Anton Berger", None),
    # a regnal name
    ("Papst Benedikt XVI. empfing die Pilger. „Habt keine Angst“, sagte der Papst.",
     "Habt keine Angst", "Papst Benedikt", "Benedikt XVI"),
    # no person with that role: the role noun as written
    ("„Reformen sind nötig“, sagte der Bundespräsident.", "Reformen sind nötig", "der Bundespräsident", None),
    # a plural before a name is no title: "den Ermittlern" does not make Brandt an investigator
    ("Die Akte wurde von den Ermittlern Brandt übergeben. „Wir sind fertig“, sagte der Ermittler.",
     "Wir sind fertig", "der Ermittler", None),
    # a surname: as written, and an alias of the full name
    ("Finanzvorstand Hans Dieter Pötsch kam nach Delhi. „Der Markt wächst“, sagte Pötsch.",
     "Der Markt wächst", "Pötsch", "Hans Dieter Pötsch"),
    ("Die Abgeordnete Ulrike Lehmann stimmte dagegen. „Das Gesetz ist schlecht“, so Lehmann.",
     "Das Gesetz ist schlecht", "Lehmann", "Ulrike Lehmann"),
    # a gazetteer person keeps the canonical name behind an epithet
    ("Kim Jong-un besuchte eine Fabrik. „Die Produktion muss steigen“, sagte der Machthaber.",
     "Die Produktion muss steigen", "Kim Jong Un", None),
]


@pytest.mark.parametrize(("text", "words", "speaker", "actor"), ROWS, ids=[r[1][:30] for r in ROWS])
def test_speaker_name(text: str, words: str, speaker: str, actor: str | None) -> None:
    result = extract(text)
    hit = [q for q in result.quotes if q.kind == "direct" and q.text.strip() == words.strip()]
    assert hit, f"no quotation {words!r} in {[q.text for q in result.quotes]}"
    assert hit[0].speaker == speaker
    if actor is not None:
        person = next(a for a in result.actors if a.name == actor)
        assert speaker in person.aliases


def test_a_role_noun_resolved_to_a_person_is_no_alias() -> None:
    """"der Bundespräsident" names someone else in the next article: a mention, not an alias."""
    text = "Bundespräsident Horst Köhler sprach in Berlin. „Reformen sind nötig“, sagte der Bundespräsident."
    koehler = next(a for a in extract(text).actors if a.name == "Horst Köhler")
    assert "der Bundespräsident" not in koehler.aliases
    assert "der Bundespräsident" in [m.text for m in koehler.mentions]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Bundespräsident Horst Köhler sprach in Berlin. „Reformen sind nötig“, sagte der Bundespräsident.",
         "Horst Köhler"),
        ("Finanzvorstand Hans Dieter Pötsch kam nach Delhi. „Der Markt wächst“, sagte Pötsch.",
         "Hans Dieter Pötsch"),
    ],
)
def test_the_store_links_the_quotation_to_the_person(engine, text: str, actor: str) -> None:
    extraction = extract(text)
    with Session(engine) as session:
        article = Article(title="t", body=text, content_hash=str(abs(hash(text))))
        session.add(article)
        session.flush()
        store_extraction(session, article, extraction)
        session.commit()
        quote = session.exec(select(Quote).where(Quote.article_id == article.id, Quote.kind == "direct")).first()
        assert quote is not None and quote.speaker_id is not None
        assert session.get(Actor, quote.speaker_id).name == actor
