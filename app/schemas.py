"""The public JSON shapes of the API, built from the query rows."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from app.models import Actor, Article


class ActorRef(BaseModel):
    id: int
    name: str
    kind: str

    @classmethod
    def of(cls, actor: Actor | None) -> ActorRef | None:
        return cls(id=actor.id, name=actor.name, kind=actor.kind) if actor else None


class ArticleRef(BaseModel):
    id: int
    title: str
    publisher: str | None
    published: date | None
    url: str | None

    @classmethod
    def of(cls, a: Article) -> ArticleRef:
        return cls(id=a.id, title=a.title, publisher=a.publisher, published=a.published, url=a.url)


class Evidence(BaseModel):
    """Where the item stands in the article: character offsets into its text."""

    article_id: int
    start: int
    end: int
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    link: str


class QuoteOut(BaseModel):
    id: int
    text: str
    kind: str
    speaker: ActorRef | None
    speaker_text: str | None
    via: list[ActorRef]
    article: ArticleRef
    evidence: Evidence
    cite: str


class EstimateOut(BaseModel):
    id: int
    text: str
    value: float
    value_max: float | None
    qualifier: str
    unit: str | None
    subject: str | None
    attributed_to: list[ActorRef]
    article: ArticleRef
    evidence: Evidence


class ArticleOut(ArticleRef):
    language: str
    credit: str | None
    date_basis: str | None
    file_name: str | None
    extractor_version: str
    quotes: int
    estimates: int


class ArticleFull(ArticleOut):
    body: str


class ActorOut(ActorRef):
    role: str | None
    quotes: int
    articles: int
    estimates: int


class ActorFull(ActorOut):
    aliases: list[str]


class SourceOut(ActorRef):
    role: str | None
    articles: int
    credited: int
    quotes: int


class PageOut(BaseModel):
    total: int
    page: int
    pages: int
    page_size: int


class QuotePage(PageOut):
    items: list[QuoteOut]


class EstimatePage(PageOut):
    items: list[EstimateOut]


class ArticlePage(PageOut):
    items: list[ArticleOut]


class ActorPage(PageOut):
    items: list[ActorOut]


class SourcePage(PageOut):
    items: list[SourceOut]
