"""CSV exports of every list, honouring the same filters as the page (all rows, not one page).

Cells that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) are
prefixed with a single quote.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from app import queries
from app.cite import cite_quote, quote_link
from app.filters import ActorFilters, ArticleFilters, EstimateFilters, QuoteFilters, SourceFilters
from app.web.deps import SessionDep

router = APIRouter(tags=["exports"])
MAX_ROWS = 100_000
CSV = {200: {"content": {"text/csv": {}}, "description": "CSV, one row per item, a header row first"}}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:  # noqa: ANN001
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_response(name: str, header: list[str], rows: Iterable[list]) -> StreamingResponse:
    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        for row in rows:
            writer.writerow([safe_cell(v) for v in row])
            if buffer.tell() > 64_000:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()

    return StreamingResponse(
        lines(), media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


def _names(actors) -> str:  # noqa: ANN001
    return "; ".join(a.name for a in actors)


@router.get("/quotes.csv", response_class=StreamingResponse, responses=CSV, summary="Quotes as CSV (same filters as /quotes)")
def quotes_csv(request: Request, session: SessionDep, f: Annotated[QuoteFilters, Query()]):
    base = str(request.base_url)
    rows = queries.list_quotes(session, f.model_copy(update={"page": 1}), MAX_ROWS).items
    return csv_response("quotes", ["quote", "kind", "speaker", "cue", "via", "article_id", "title", "publisher",
                                   "published", "start", "end", "link", "cite"], (
        [r.quote.text, r.quote.kind, r.speaker.name if r.speaker else r.quote.speaker_text, r.quote.cue,
         _names(r.via), r.article.id, r.article.title, r.article.publisher, r.article.published, r.quote.start,
         r.quote.end, quote_link(base, r.article.id, r.quote.start), cite_quote(r, base)]
        for r in rows))


@router.get("/estimates.csv", response_class=StreamingResponse, responses=CSV, summary="Estimates as CSV (same filters as /estimates)")
def estimates_csv(request: Request, session: SessionDep, f: Annotated[EstimateFilters, Query()]):
    base = str(request.base_url).rstrip("/")
    rows = queries.list_estimates(session, f.model_copy(update={"page": 1}), MAX_ROWS).items
    return csv_response("estimates", ["text", "value", "value_max", "qualifier", "unit", "subject", "attributed_to",
                                      "article_id", "title", "publisher", "published", "start", "end", "link"], (
        [r.estimate.text, r.estimate.value, r.estimate.value_max, r.estimate.qualifier, r.estimate.unit,
         r.estimate.subject, _names(r.sources), r.article.id, r.article.title, r.article.publisher,
         r.article.published, r.estimate.start, r.estimate.end, f"{base}/articles/{r.article.id}#e-{r.estimate.start}"]
        for r in rows))


@router.get("/articles.csv", response_class=StreamingResponse, responses=CSV, summary="Articles as CSV (same filters as /articles)")
def articles_csv(request: Request, session: SessionDep, f: Annotated[ArticleFilters, Query()]):
    base = str(request.base_url).rstrip("/")
    page = queries.list_articles(session, f.model_copy(update={"page": 1}), MAX_ROWS)
    counts = queries.item_counts(session, [a.id for a in page.items])
    return csv_response("articles", ["id", "title", "publisher", "credit", "published", "date_basis", "url",
                                     "quotes", "estimates", "link"], (
        [a.id, a.title, a.publisher, a.credit, a.published, a.date_basis, a.url, counts[a.id]["quotes"],
         counts[a.id]["estimates"], f"{base}/articles/{a.id}"] for a in page.items))


@router.get("/actors.csv", response_class=StreamingResponse, responses=CSV, summary="Actors as CSV (same filters as /actors)")
def actors_csv(session: SessionDep, f: Annotated[ActorFilters, Query()]):
    rows = queries.list_actors(session, f.model_copy(update={"page": 1}), MAX_ROWS).items
    return csv_response("actors", ["id", "name", "kind", "role", "quotes", "estimates", "articles"], (
        [r.actor.id, r.actor.name, r.actor.kind, r.actor.role, r.quotes, r.estimates, r.articles] for r in rows))


@router.get("/sources.csv", response_class=StreamingResponse, responses=CSV, summary="Sources as CSV (same filters as /sources)")
def sources_csv(session: SessionDep, f: Annotated[SourceFilters, Query()]):
    rows = queries.list_sources(session, f.model_copy(update={"page": 1}), MAX_ROWS).items
    return csv_response("sources", ["id", "name", "kind", "quotes_via", "articles", "credited"], (
        [r.actor.id, r.actor.name, r.actor.role, r.quotes, r.articles, r.credited] for r in rows))
