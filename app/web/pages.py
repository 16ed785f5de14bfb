"""HTML routes. Thin: read the filters, ask app.queries, render. One URL serves the whole page and,
for htmx, only its results block."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from app import facets, queries, search
from app.claims import by_source, claims
from app.filters import ActorFilters, ArticleFilters, EstimateFilters, QuoteFilters, SourceFilters
from app.models import Actor, Article
from app.web.chart import estimates_chart
from app.web.deps import SessionDep, SettingsDep, render
from app.web.format import Span

router = APIRouter(include_in_schema=False)


ALL = 2_000  # the most rows a chart or a claims table reads
CLAIMS = 50  # the most corroborated claims a page lists (of those rows)
PER_CLAIM = 6  # the articles listed per claim, the figures per source side by side (the newest)
SHOWN = 50  # the newest quotes, estimates and articles an actor's page lists (with links to all of them)
CO_ARTICLES = 2_000  # an actor's "appears with" is counted over its latest stored articles, this many


@router.get("/", response_class=HTMLResponse)
def index(request: Request, session: SessionDep):
    rows = queries.list_estimates(session, EstimateFilters(), ALL).items
    context = {"overview": queries.overview(session), "chart": estimates_chart(rows, None), "nav": "home"}
    return render(request, "index.html", context)


def list_page(request: Request, session, settings, name: str, f, lister, faceter, noun: str, **extra):  # noqa: ANN001
    """A list: its page of rows, its facets, and its active filters in words."""
    path = f"/{name}"
    page = lister(session, f, settings.page_size)
    sentence, chips = facets.active_filters(session, f, path, noun)
    context = {
        "f": f, "page": page, "nav": name, "path": path, "noun": noun, "sentence": sentence, "chips": chips,
        "facets": faceter(session, f, path), "options": queries.FilterOptions(session), **extra,
    }
    return render(request, f"{name}.html", context)


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, session: SessionDep, settings: SettingsDep, f: Annotated[QuoteFilters, Query()]):
    return list_page(request, session, settings, "quotes", f, queries.list_quotes, facets.quote_facets, "quotes")


@router.get("/estimates", response_class=HTMLResponse)
def estimates(request: Request, session: SessionDep, settings: SettingsDep, f: Annotated[EstimateFilters, Query()]):
    drawn = queries.list_estimates(session, f.model_copy(update={"page": 1}), ALL)
    every = drawn.items
    unit = f.unit[0] if len(f.unit) == 1 else None
    chart = estimates_chart(every, unit)
    grouped = claims(every)
    units = sorted({r.estimate.unit for r in every if r.estimate.unit})
    compare = {u: by_source(every, u) for u in units}
    return list_page(request, session, settings, "estimates", f, queries.list_estimates, facets.estimate_facets,
                     "estimates", chart=chart, claims=grouped[:CLAIMS], n_claims=len(grouped), per_claim=PER_CLAIM,
                     compare=compare,
                     drawn_from=(len(every), drawn.total) if drawn.total > len(every) else None)


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, session: SessionDep, settings: SettingsDep, f: Annotated[ArticleFilters, Query()]):
    def lister(session, f, size):  # noqa: ANN001, ANN202
        page = queries.list_articles(session, f, size)
        page.counts = queries.item_counts(session, [a.id for a in page.items])
        return page

    return list_page(request, session, settings, "articles", f, lister, facets.article_facets, "articles")


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: int, session: SessionDep):
    item = session.get(Article, article_id)
    if item is None:
        raise HTTPException(404, f"There is no article {article_id}.")
    quotes = queries.list_quotes(session, QuoteFilters(article=article_id), 10_000).items
    estimates = queries.list_estimates(session, EstimateFilters(article=article_id), 10_000).items
    mentions = queries.article_mentions(session, article_id)
    speakers = {r.speaker.id: i % 8 for i, r in enumerate({r.speaker.id: r for r in quotes if r.speaker}.values())}
    spans = [
        Span(m.start, m.end, "mention", None, f"{a.name} ({a.kind})") for m, a in mentions
    ]
    for r in quotes:
        q = r.quote
        group = f"speaker-{speakers[r.speaker.id]}" if r.speaker else "speaker-none"
        title = f"{q.kind} quote: {r.speaker.name if r.speaker else q.speaker_text or 'speaker unknown'}"
        spans.append(Span(q.start, q.end, "quote", f"q-{q.start}", title, group))
        if q.cue_start is not None and q.cue_end is not None:
            spans.append(Span(q.cue_start, q.cue_end, "cue", None, f"cue: {q.cue}"))
        if q.speaker_start is not None and q.speaker_end is not None:
            spans.append(Span(q.speaker_start, q.speaker_end, "speaker", None, "speaker"))
    for r in estimates:
        e = r.estimate
        spans.append(Span(e.start, e.end, "estimate", f"e-{e.start}", f"estimate: {e.text}"))
    return render(
        request,
        "article.html",
        {
            "article": item,
            "quotes": quotes,
            "estimates": estimates,
            "sources": queries.article_sources(session, article_id),
            "actors": sorted({a.id: a for _, a in mentions}.values(), key=lambda a: (a.kind, a.name)),
            "speaker_groups": speakers,
            "spans": spans,
            "nav": "articles",
        },
        block="content",
    )


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, session: SessionDep, settings: SettingsDep, f: Annotated[ActorFilters, Query()]):
    return list_page(request, session, settings, "actors", f, queries.list_actors, facets.actor_facets, "actors")


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: int, session: SessionDep):
    item = session.get(Actor, actor_id)
    if item is None:
        raise HTTPException(404, f"There is no actor {actor_id}.")
    said = QuoteFilters(speaker=[str(actor_id)])
    quotes = queries.list_quotes(session, said, SHOWN)
    estimates = queries.list_estimates(session, EstimateFilters(source=[str(actor_id)]), SHOWN)
    via = queries.list_quotes(session, QuoteFilters(via=[str(actor_id)]), SHOWN) if item.kind == "media" else None
    co_actors, naming = queries.co_actors(session, actor_id, articles=CO_ARTICLES)
    return render(
        request,
        "actor.html",
        {
            "actor": item,
            "aliases": queries.aliases_of(session, actor_id),
            "quotes": quotes,
            "estimates": estimates,
            "via": via,
            "articles": queries.list_articles(session, ArticleFilters(actor=[str(actor_id)]), SHOWN),
            "co_actors": co_actors,
            "co_drawn_from": (CO_ARTICLES, naming) if naming > CO_ARTICLES else None,
            "months": queries.quote_months(session, said),
            "chains": queries.chains(session, actor_id) if item.kind == "media" else [],
            "options": queries.FilterOptions(session),  # the merge form's suggestions, queried only when shown
            "nav": "actors" if item.kind != "media" else "sources",
        },
        block="content",
    )


@router.get("/sources", response_class=HTMLResponse)
def sources(request: Request, session: SessionDep, settings: SettingsDep, f: Annotated[SourceFilters, Query()]):
    return list_page(request, session, settings, "sources", f, queries.list_sources, facets.source_facets, "sources",
                     chains=queries.chains(session))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, session: SessionDep, q: Annotated[str | None, Query(max_length=200)] = None):
    """Full text over quotes and articles, ranked, with the hits highlighted."""
    quote_hits, article_hits = [], []
    if q and q.strip():
        hits = search.search_quotes(session, q)
        rows = {r.quote.id: r for r in queries.quote_rows(session, [i for i, _ in hits])}
        quote_hits = [(rows[i], snippet) for i, snippet in hits if i in rows]
        found = search.search_articles(session, q)
        articles = {a.id: a for a in queries.articles_by_id(session, [i for i, _ in found])}
        article_hits = [(articles[i], snippet) for i, snippet in found if i in articles]
    context = {"q": q or "", "quote_hits": quote_hits, "article_hits": article_hits, "nav": "search"}
    return render(request, "search.html", context)
