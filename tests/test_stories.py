"""The same wire story in two outlets is two articles linked as one story, counted once."""

from sqlmodel import Session

from app.claims import claims
from app.filters import EstimateFilters
from app.formats import ArticleInput
from app.ingest import ingest_article
from app.models import Article
from app.queries import list_estimates
from app.stories import containment, shingles
from tests.conftest import SEEDS

SEED = (SEEDS / "000_e4ff2b2139cd4076.txt").read_text(encoding="utf-8")


def rewritten(text: str) -> str:
    """What a second outlet does with a wire story: its own headline, a cut, a changed sentence."""
    lines = text.split("\n")
    body = "\n".join(lines[1:-2])
    return "Nordkorea steht zu Russland: Kim empfängt Verteidigungsminister\n" + body.replace(
        "Das Bündnis zwischen Russland und Nordkorea festigt sich.", "Die Allianz wird enger.")


def test_a_rewritten_wire_story_joins_the_story(engine):
    first = ingest_article(engine, ArticleInput(body=SEED, publisher="Merkur"))
    second = ingest_article(engine, ArticleInput(body=rewritten(SEED), publisher="Stern"))
    other = ingest_article(engine, ArticleInput(body=(SEEDS / "002_883fb0318f417f8d.txt").read_text(encoding="utf-8")))
    assert second.status == "loaded" and second.duplicate_of == first.article_id
    assert "the same story as article" in second.message
    assert other.duplicate_of is None
    with Session(engine) as s:
        a, b, c = (s.get(Article, r.article_id) for r in (first, second, other))
        assert a.story_id is not None and a.story_id == b.story_id
        assert c.story_id is None
        grouped = {cl.value: cl for cl in claims(list_estimates(s, EstimateFilters(), 1000).items)}
    assert grouped[10000].articles == 2 and grouped[10000].stories == 1  # corroborated once, not twice


def test_containment_is_high_for_copies_and_low_for_other_articles():
    assert containment(shingles(SEED), shingles(rewritten(SEED))) > 0.8
    other = (SEEDS / "004_20e25f5ecb6ed905.txt").read_text(encoding="utf-8")  # same event, own words
    assert containment(shingles(SEED), shingles(other)) < 0.1
