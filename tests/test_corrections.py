"""Analysts' corrections: lasting (re-extraction re-applies them), shown as such, undoable."""

import pytest
from sqlmodel import Session, select

from app import corrections as fix
from app.filters import EstimateFilters, QuoteFilters
from app.formats import ArticleInput
from app.ingest import ingest_article, rebuild_articles, reextract
from app.models import Actor, ActorAlias, Correction
from app.queries import list_estimates, list_quotes, resolve_actor


def quotes(engine, **filters):
    with Session(engine) as s:
        return list_quotes(s, QuoteFilters(**filters), 1000).items


def one_quote(engine, text):
    return next(r for r in quotes(engine) if r.quote.text == text)


def actor_id(engine, name):
    with Session(engine) as s:
        return resolve_actor(s, name).id


def test_changed_speaker_survives_reextraction_and_can_be_undone(engine, seeded):
    row = one_quote(engine, "Recht auf Selbstverteidigung")
    assert row.speaker.name == "Kim Jong Un"
    putin = actor_id(engine, "Vladimir Putin")
    with Session(engine) as s:
        c = fix.correct_quote(s, row.quote.id, "anna", speaker_id=putin, note="test")
        s.commit()
        cid = c.id
    fixed = one_quote(engine, "Recht auf Selbstverteidigung")
    assert fixed.speaker.name == "Vladimir Putin" and fixed.quote.corrected
    reextract(engine, force=True)  # a new extractor run never overwrites the analyst
    again = one_quote(engine, "Recht auf Selbstverteidigung")
    assert again.speaker.name == "Vladimir Putin" and again.quote.corrected and again.quote.id != row.quote.id
    with Session(engine) as s:
        fix.undo(s, cid, "ben", rebuild_articles)
        s.commit()
        record = s.get(Correction, cid)
        assert (record.analyst, record.undone_by) == ("anna", "ben") and record.undone_at is not None
    back = one_quote(engine, "Recht auf Selbstverteidigung")
    assert back.speaker.name == "Kim Jong Un" and not back.quote.corrected


def test_not_a_quote_hides_it_everywhere_until_undone(engine, seeded):
    row = one_quote(engine, "vollkommen unabhängige Außenpolitik")
    before = len(quotes(engine))
    with Session(engine) as s:
        cid = fix.correct_quote(s, row.quote.id, "anna", not_a_quote=True).id
        s.commit()
    assert len(quotes(engine)) == before - 1
    assert all(r.quote.text != "vollkommen unabhängige Außenpolitik" for r in quotes(engine))
    with Session(engine) as s:
        fix.undo(s, cid, "anna", rebuild_articles)
        s.commit()
    assert len(quotes(engine)) == before


def test_an_estimate_figure_qualifier_and_sources_are_fixed(engine, seeded):
    with Session(engine) as s:
        row = next(r for r in list_estimates(s, EstimateFilters(), 1000).items if r.estimate.value == 100000)
        usa = resolve_actor(s, "USA").id
        made = fix.correct_estimate(s, row.estimate.id, "anna", value=120000, qualifier="approx", source_ids=[usa])
        s.commit()
        assert [c.action for c in made] == ["set_figure", "set_sources"]
        fixed = next(r for r in list_estimates(s, EstimateFilters(), 1000).items if r.estimate.start == row.estimate.start
                     and r.article.id == row.article.id)
        assert (fixed.estimate.value, fixed.estimate.qualifier) == (120000, "approx")
        assert [a.name for a in fixed.sources] == ["United States"] and fixed.estimate.corrected
        with pytest.raises(fix.CorrectionError, match="Qualifier must be one of"):
            fix.correct_estimate(s, row.estimate.id, "anna", qualifier="roughly")
        fix.correct_estimate(s, row.estimate.id, "anna", reject=True)
        s.commit()
        assert all(r.estimate.start != row.estimate.start or r.article.id != row.article.id
                   for r in list_estimates(s, EstimateFilters(), 1000).items)


def add(engine, title, text):
    return ingest_article(engine, ArticleInput(body=f"{title}\n{text}\n"))


def test_merge_moves_everything_and_the_old_name_still_finds_it(engine):
    add(engine, "Kiew warnt", "Außenamtssprecher Heorhij Tychyj sagte am Montag: „Wir werden nicht nachgeben.“")
    add(engine, "Kiew bleibt hart", "Der ukrainische Sprecher Georgi Tichi sagte: „Die Front hält.“")
    keep, gone = actor_id(engine, "Heorhij Tychyj"), actor_id(engine, "Georgi Tichi")
    with Session(engine) as s:
        cid = fix.merge_actors(s, gone, keep, "anna").id
        s.commit()
        assert s.get(Actor, gone) is None
        assert "Georgi Tichi" in s.exec(select(ActorAlias.alias).where(ActorAlias.actor_id == keep)).all()
    by_old_name = quotes(engine, speaker=["Georgi Tichi"])
    assert {r.quote.text for r in by_old_name} == {"Wir werden nicht nachgeben.", "Die Front hält."}
    assert {r.speaker.name for r in by_old_name} == {"Heorhij Tychyj"}
    # the next article is right from the start
    add(engine, "Kiew antwortet", "Georgi Tichi sagte: „Wir bleiben standhaft.“")
    assert one_quote(engine, "Wir bleiben standhaft.").speaker.name == "Heorhij Tychyj"
    with Session(engine) as s:  # undo: the merged actor comes back with its own quotes
        fix.undo(s, cid, "anna", rebuild_articles)
        s.commit()
    assert one_quote(engine, "Die Front hält.").speaker.name == "Georgi Tichi"
    assert one_quote(engine, "Wir werden nicht nachgeben.").speaker.name == "Heorhij Tychyj"


def test_an_added_alias_teaches_the_extractor(engine):
    add(engine, "Pjöngjang droht", "Kim Jong Un sagte: „Wir sind bereit.“")
    kim = actor_id(engine, "Kim Jong Un")
    with Session(engine) as s:
        fix.add_alias(s, kim, "Genosse Kim Jong Un", "anna")
        with pytest.raises(fix.CorrectionError, match="already names"):
            fix.add_alias(s, kim, "Pjöngjang", "anna")  # North Korea's
        fix.rename_actor(s, kim, "Kim Jong-un (DPRK)", "anna")
        s.commit()
    add(engine, "Pjöngjang antwortet", "Genosse Kim Jong Un sagte: „Der Feind wird bezahlen.“")
    assert one_quote(engine, "Der Feind wird bezahlen.").speaker.name == "Kim Jong-un (DPRK)"
    assert resolve_actor_name(engine, "Kim Jong Un") == "Kim Jong-un (DPRK)"  # the old name still finds it


def resolve_actor_name(engine, name):
    with Session(engine) as s:
        return resolve_actor(s, name).name


def test_kind_and_role_changes_are_recorded_and_undone(engine, seeded):
    tass = actor_id(engine, "TASS")
    with Session(engine) as s:
        role = s.get(Actor, tass).role
        made = fix.set_actor_fields(s, tass, "anna", kind="organization", role="state agency")
        s.commit()
        assert [(c.action, c.before, c.after) for c in made] == [
            ("set_kind", {"kind": "media"}, {"kind": "organization"}),
            ("set_role", {"role": role}, {"role": "state agency"}),
        ]
        for c in made:
            fix.undo(s, c.id, "anna", rebuild_articles)
        s.commit()
        actor = s.get(Actor, tass)
        assert (actor.kind, actor.role) == ("media", role)


def test_a_name_looked_up_once_is_looked_up_again_after_a_write(engine, seeded):
    from app.queries import actor_ids

    with Session(engine) as s:
        assert actor_ids(s, ["Neuer Sprecher"]) == [-1]
        actor = Actor(name="Neuer Sprecher", kind="person")
        s.add(actor)
        s.flush()
        assert actor_ids(s, ["Neuer Sprecher", "Neuer Sprecher"]) == [actor.id, actor.id]
