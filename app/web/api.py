"""The JSON API: the same lists and filters as the pages, described by the OpenAPI schema."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from sqlmodel import func, select

from app import queries
from app.cite import cite_quote
from app.filters import ActorFilters, ArticleFilters, EstimateFilters, QuoteFilters, SourceFilters
from app.models import Actor, Article, Mention, Quote
from app.queries import VISIBLE_QUOTE
from app.schemas import (
    ActorFull,
    ActorOut,
    ActorPage,
    ActorRef,
    ArticleFull,
    ArticleOut,
    ArticlePage,
    ArticleRef,
    EstimateOut,
    EstimatePage,
    Evidence,
    QuoteOut,
    QuotePage,
    SourceOut,
    SourcePage,
)
from app.web.deps import SessionDep, SettingsDep

router = APIRouter(prefix="/api", tags=["api"])


def _page(page: queries.Page) -> dict:
    return {"total": page.total, "page": page.page, "pages": page.pages, "page_size": page.page_size}


def quote_out(r: queries.QuoteRow, base_url: str) -> QuoteOut:
    q = r.quote
    return QuoteOut(
        id=q.id,
        text=q.text,
        kind=q.kind,
        speaker=ActorRef.of(r.speaker),
        speaker_text=q.speaker_text,
        via=[ActorRef.of(a) for a in r.via],
        article=ArticleRef.of(r.article),
        evidence=Evidence(
            article_id=q.article_id, start=q.start, end=q.end, cue=q.cue, cue_start=q.cue_start,
            cue_end=q.cue_end, link=f"/articles/{q.article_id}#q-{q.start}",
        ),
        cite=cite_quote(r, base_url),
    )


def estimate_out(r: queries.EstimateRow) -> EstimateOut:
    e = r.estimate
    return EstimateOut(
        id=e.id, text=e.text, value=e.value, value_max=e.value_max, qualifier=e.qualifier, unit=e.unit,
        subject=e.subject, attributed_to=[ActorRef.of(a) for a in r.sources], article=ArticleRef.of(r.article),
        evidence=Evidence(
            article_id=e.article_id, start=e.start, end=e.end, cue=e.cue, cue_start=e.cue_start,
            cue_end=e.cue_end, link=f"/articles/{e.article_id}#e-{e.start}",
        ),
    )


def article_out(a: Article, counts: dict[str, int], cls=ArticleOut):  # noqa: ANN001, ANN201
    data = {**ArticleRef.of(a).model_dump(), "language": a.language, "credit": a.credit, "date_basis": a.date_basis,
            "file_name": a.file_name, "extractor_version": a.extractor_version, **counts}
    if cls is ArticleFull:
        data["body"] = a.body
    return cls(**data)


@router.get("/quotes", response_model=QuotePage)
def api_quotes(request: Request, session: SessionDep, settings: SettingsDep, f: Annotated[QuoteFilters, Query()]):
    page = queries.list_quotes(session, f, settings.page_size)
    return {**_page(page), "items": [quote_out(r, str(request.base_url)) for r in page.items]}


@router.get("/estimates", response_model=EstimatePage)
def api_estimates(session: SessionDep, settings: SettingsDep, f: Annotated[EstimateFilters, Query()]):
    page = queries.list_estimates(session, f, settings.page_size)
    return {**_page(page), "items": [estimate_out(r) for r in page.items]}


@router.get("/articles", response_model=ArticlePage)
def api_articles(session: SessionDep, settings: SettingsDep, f: Annotated[ArticleFilters, Query()]):
    page = queries.list_articles(session, f, settings.page_size)
    counts = queries.item_counts(session, [a.id for a in page.items])
    return {**_page(page), "items": [article_out(a, counts[a.id]) for a in page.items]}


@router.get("/articles/{article_id}", response_model=ArticleFull)
def api_article(article_id: int, session: SessionDep):
    a = session.get(Article, article_id)
    if a is None:
        raise HTTPException(404, f"There is no article {article_id}.")
    return article_out(a, queries.item_counts(session, [article_id])[article_id], ArticleFull)


@router.get("/actors", response_model=ActorPage)
def api_actors(session: SessionDep, settings: SettingsDep, f: Annotated[ActorFilters, Query()]):
    page = queries.list_actors(session, f, settings.page_size)
    items = [
        ActorOut(id=r.actor.id, name=r.actor.name, kind=r.actor.kind, role=r.actor.role, quotes=r.quotes,
                 articles=r.articles, estimates=r.estimates)
        for r in page.items
    ]
    return {**_page(page), "items": items}


@router.get("/actors/{actor_id}", response_model=ActorFull)
def api_actor(actor_id: int, session: SessionDep):
    a = session.get(Actor, actor_id)
    if a is None:
        raise HTTPException(404, f"There is no actor {actor_id}.")
    n_quotes = session.exec(select(func.count()).select_from(Quote).where(Quote.speaker_id == actor_id, VISIBLE_QUOTE)).one()
    n_articles = session.exec(select(func.count(func.distinct(Mention.article_id))).where(Mention.actor_id == actor_id)).one()
    n_estimates = queries.list_estimates(session, EstimateFilters(source=[str(actor_id)]), 1).total
    return ActorFull(id=a.id, name=a.name, kind=a.kind, role=a.role, quotes=n_quotes, articles=n_articles,
                     estimates=n_estimates, aliases=queries.aliases_of(session, actor_id))


@router.get("/sources", response_model=SourcePage)
def api_sources(session: SessionDep, settings: SettingsDep, f: Annotated[SourceFilters, Query()]):
    page = queries.list_sources(session, f, settings.page_size)
    items = [
        SourceOut(id=r.actor.id, name=r.actor.name, kind=r.actor.kind, role=r.actor.role, articles=r.articles,
                  credited=r.credited, quotes=r.quotes)
        for r in page.items
    ]
    return {**_page(page), "items": items}
