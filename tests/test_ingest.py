"""Loading articles: once per text, all or nothing, metadata from the sidecar."""

import shutil
from datetime import date

import pytest
from sqlmodel import Session, func, select

from app.ingest import content_hash, ingest_items, ingest_paths, stated_date
from app.models import Article, Quote
from tests.conftest import SEEDS


def count(engine, table) -> int:
    with Session(engine) as s:
        return s.exec(select(func.count()).select_from(table)).one()


def test_seeds_load_with_their_metadata(engine, seeded):
    with Session(engine) as s:
        a = s.exec(select(Article).where(Article.file_name == "002_883fb0318f417f8d.txt")).one()
    assert a.publisher == "ntv.de"
    assert a.credit == "ino/AFP/dpa"
    assert a.published == date(2025, 7, 12)
    assert a.date_basis == "inferred"
    assert a.title.startswith("Kommen weitere Soldaten?")
    assert count(engine, Quote) > 0


def test_loading_the_same_text_again_changes_nothing(engine, seeded, tmp_path):
    before = (count(engine, Article), count(engine, Quote))
    copy = tmp_path / "renamed.txt"
    shutil.copy(SEEDS / "001_b00f2b60dc233813.txt", copy)
    copy.write_text(copy.read_text(encoding="utf-8").replace("\n", "\r\n"), encoding="utf-8")  # other line ends
    again = ingest_paths(engine, [SEEDS, copy])
    assert [r.status for r in again] == ["unchanged"] * 6
    assert (count(engine, Article), count(engine, Quote)) == before


def test_a_broken_file_is_reported_and_leaves_nothing(engine, tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "undecodable.txt").write_bytes(b"Titel\n\x81\x8d\x90\xc3\x28 Text")
    good = tmp_path / "good.txt"
    good.write_text("Titel\nDer Sprecher sagte: „Wir bleiben dabei.“\n", encoding="utf-8")
    (tmp_path / "good.meta.json").write_text("{not json", encoding="utf-8")
    results = {r.name: r for r in ingest_paths(engine, [tmp_path])}
    assert results["binary.txt"].status == "error" and "binary" in results["binary.txt"].message
    assert results["empty.txt"].status == "error" and "empty" in results["empty.txt"].message
    assert results["undecodable.txt"].status == "error" and "UTF-8" in results["undecodable.txt"].message
    assert results["good.meta.json"].status == "error" and "not valid JSON" in results["good.meta.json"].message
    assert count(engine, Article) == 0


def test_latin1_text_is_converted(engine, tmp_path):
    (tmp_path / "latin.txt").write_bytes("Grüße aus Pjöngjang\nEr sagte: \"Grüße\".".encode("latin-1"))
    [result] = ingest_paths(engine, [tmp_path])
    assert result.status == "loaded"
    with Session(engine) as s:
        assert s.exec(select(Article.title)).one() == "Grüße aus Pjöngjang"


def test_a_failure_while_storing_rolls_back_the_whole_article(engine, tmp_path, monkeypatch):
    import app.ingest

    def explode(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(app.ingest, "store_extraction", explode)
    (tmp_path / "a.txt").write_text("Titel\nEr sagte: „Das ist so.“\n", encoding="utf-8")
    [result] = ingest_paths(engine, [tmp_path])
    assert result.status == "error" and "disk on fire" in result.message
    assert count(engine, Article) == 0 and count(engine, Quote) == 0


@pytest.mark.sqlite_only  # the FTS5 tables; PostgreSQL indexes the rows themselves
def test_deleting_an_article_removes_its_items_and_search_entries(engine, seeded):
    with Session(engine) as s:
        article = s.exec(select(Article)).first()
        s.delete(article)
        s.commit()
        fts = s.connection().exec_driver_sql("SELECT count(*) FROM quote_fts").scalar()
    assert count(engine, Article) == 4
    assert fts == count(engine, Quote)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Titel\n09.02.2025, 07:30 Uhr\nText", date(2025, 2, 9)),
        ("Titel\nText ohne Datum", None),
        ("Titel\n31.02.2025\n", None),
    ],
)
def test_stated_date(text, expected):
    assert stated_date(text) == expected


def test_hash_ignores_line_ends_and_trailing_space():
    assert content_hash("a \r\nb\n") == content_hash("a\nb")
    assert content_hash("a\nb") != content_hash("a\nc")


def test_two_spellings_of_one_channel_are_one_link(engine, monkeypatch, tmp_path):
    """The extractor may name one agency twice ("TASS", "Tass"): stored once, nothing lost."""
    import app.ingest
    from app.extract.model import Actor, Extraction, Quote
    from app.models import QuoteVia

    def fake_extract(text, **_):
        start = text.index("Wir")
        return Extraction(
            actors=[Actor("TASS", "media", ["Tass"])],
            quotes=[Quote("Wir bleiben.", start, start + 12, via=["TASS", "Tass"], speaker="Tass")],
        )

    monkeypatch.setattr(app.ingest, "extract", fake_extract)
    (tmp_path / "a.txt").write_text("Titel\n„Wir bleiben.“, meldete Tass.\n", encoding="utf-8")
    [result] = ingest_paths(engine, [tmp_path])
    assert result.status == "loaded", result.message
    assert count(engine, QuoteVia) == 1


def _rows(engine) -> dict:
    """What a load stored, independent of row ids and load times."""
    from app.models import Actor, ActorAlias, ArticleBand, Estimate, Mention

    with Session(engine) as s:
        return {
            "articles": sorted(s.exec(select(Article.content_hash, Article.title, Article.published,
                                             Article.date_basis, Article.language)).all()),
            "stories": sorted(len(s.exec(select(Article.id).where(Article.story_id == story)).all())
                              for story in set(s.exec(select(Article.story_id)).all()) if story is not None),
            "quotes": sorted(s.exec(select(Article.content_hash, Quote.start, Quote.text, Actor.name)
                                    .join(Article, Article.id == Quote.article_id)
                                    .join(Actor, Actor.id == Quote.speaker_id, isouter=True)).all(),
                             key=repr),
            "estimates": sorted(s.exec(select(Article.content_hash, Estimate.start, Estimate.value)
                                       .join(Article, Article.id == Estimate.article_id)).all()),
            "mentions": s.exec(select(func.count()).select_from(Mention)).one(),
            "actors": sorted(s.exec(select(Actor.name, Actor.kind, Actor.role)).all(), key=repr),
            "aliases": sorted(s.exec(select(ActorAlias.alias, Actor.name).join(Actor)).all()),
            "bands": s.exec(select(func.count()).select_from(ArticleBand)).one(),
        }


def test_extraction_in_worker_processes_stores_the_same(db_url, tmp_path):
    """`dossier ingest --jobs 2`: the workers extract, this process stores in order; same rows."""
    from app.db import make_engine
    from app.democorpus import demo_articles
    from app.migrate import upgrade

    items = list(demo_articles(70, seed=5))
    items.insert(60, items[3])  # the same text again, two batches later
    engine = make_engine(db_url)
    try:
        serial = ingest_items(engine, items)
        assert [r.status for r in serial].count("loaded") == 70
        assert serial[60].status == "unchanged" and serial[60].article_id == serial[3].article_id
        expected = _rows(engine)
    finally:
        engine.dispose()
    other = tmp_path / "jobs.db"
    upgrade(f"sqlite:///{other}")
    engine = make_engine(f"sqlite:///{other}")
    try:
        parallel = ingest_items(engine, items, jobs=2)
        assert [(r.status, r.duplicate_of is not None) for r in parallel] == \
               [(r.status, r.duplicate_of is not None) for r in serial]
        assert _rows(engine) == expected
    finally:
        engine.dispose()


def test_a_failing_article_in_a_batch_rolls_back_alone(engine, monkeypatch):
    """Articles are written 50 to a transaction, each in its own savepoint."""
    import app.ingest
    from app.democorpus import demo_articles

    items = list(demo_articles(12, seed=9))
    real = app.ingest.store_extraction

    def sometimes(session, article_id, extraction, *args, **kwargs):
        counts = real(session, article_id, extraction, *args, **kwargs)  # its rows are written, then:
        if len(extraction.quotes) and article_id % 4 == 0:
            raise RuntimeError("disk on fire")
        return counts

    monkeypatch.setattr(app.ingest, "store_extraction", sometimes)
    results = ingest_items(engine, items)
    failed = [r for r in results if r.status == "error"]
    assert failed and all("disk on fire" in r.message for r in failed)
    loaded = [r for r in results if r.status == "loaded"]
    assert len(loaded) + len(failed) == 12
    with Session(engine) as s:
        assert sorted(s.exec(select(Article.id)).all()) == sorted(r.article_id for r in loaded)
        assert set(s.exec(select(Quote.article_id)).all()) <= {r.article_id for r in loaded}
    monkeypatch.setattr(app.ingest, "store_extraction", real)
    again = ingest_items(engine, items)  # the failed ones load now; the others are there
    assert sorted(r.status for r in again) == sorted(["unchanged"] * len(loaded) + ["loaded"] * len(failed))


@pytest.mark.sqlite_only
def test_the_connection_that_wrote_a_batch_goes_back_to_the_pool_with_the_default_page_cache(engine):
    """A batch is written with a 64 MiB page cache; a server's pooled readers must not keep it."""
    from app.democorpus import demo_articles

    assert [r.status for r in ingest_items(engine, list(demo_articles(3, seed=2)))] == ["loaded"] * 3
    with engine.connect() as conn:  # the pool's one connection (SQLite file: a queue of size 5, reused)
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -2000
