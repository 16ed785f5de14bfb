"""The tables. Sources (agencies, outlets) are actors of kind "media".

Items an extractor produced (mentions, quotes, estimates) belong to their article and are replaced
as a whole when the article is re-extracted.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class Article(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str
    body: str = Field(sa_column=Column(Text, nullable=False))
    language: str = Field(default="de", max_length=8)
    url: str | None = None
    publisher: str | None = Field(default=None, index=True)  # "ntv.de"
    credit: str | None = None  # the credit line as printed: "ino/AFP/dpa"
    published: date | None = Field(default=None, index=True)
    date_basis: str | None = None  # stated | inferred | given
    file_name: str | None = None
    content_hash: str = Field(unique=True, max_length=64)
    ingested_at: datetime = Field(default_factory=utcnow)
    extractor_version: str = ""


class Actor(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)  # canonical name
    kind: str = Field(index=True)  # person | state | organization | media
    role: str | None = None  # "Machthaber Nordkoreas"; for media: news_agency | outlet | state_media


class ActorAlias(SQLModel, table=True):
    __tablename__ = "actor_alias"
    id: int | None = Field(default=None, primary_key=True)
    actor_id: int = Field(foreign_key="actor.id", index=True, ondelete="CASCADE")
    alias: str = Field(unique=True)  # as written: "Kim Jong-un"
    norm: str = Field(index=True)  # folded for lookup (see app.names.norm); one actor per norm


class Mention(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    actor_id: int = Field(foreign_key="actor.id", index=True, ondelete="CASCADE")
    start: int
    end: int
    text: str


class Quote(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    speaker_id: int | None = Field(default=None, foreign_key="actor.id", index=True, ondelete="SET NULL")
    speaker_text: str | None = None  # the speaker as the extractor named it
    text: str = Field(sa_column=Column(Text, nullable=False))
    kind: str = Field(default="direct", index=True)  # direct | indirect
    cue: str | None = None
    start: int
    end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None


class QuoteVia(SQLModel, table=True):
    __tablename__ = "quote_via"
    quote_id: int = Field(foreign_key="quote.id", primary_key=True, ondelete="CASCADE")
    actor_id: int = Field(foreign_key="actor.id", primary_key=True, index=True, ondelete="CASCADE")


class Estimate(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    text: str
    value: float
    value_max: float | None = None
    qualifier: str = Field(default="exact", index=True)
    unit: str | None = Field(default=None, index=True)
    subject: str | None = None
    cue: str | None = None
    start: int
    end: int
    cue_start: int | None = None
    cue_end: int | None = None


class EstimateSource(SQLModel, table=True):
    """Who gives the figure (the estimate's attribution)."""

    __tablename__ = "estimate_source"
    estimate_id: int = Field(foreign_key="estimate.id", primary_key=True, ondelete="CASCADE")
    actor_id: int = Field(foreign_key="actor.id", primary_key=True, index=True, ondelete="CASCADE")


class ArticleSource(SQLModel, table=True):
    """An agency or outlet an article names or credits."""

    __tablename__ = "article_source"
    __table_args__ = (UniqueConstraint("article_id", "actor_id", "credit"),)
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    actor_id: int = Field(foreign_key="actor.id", index=True, ondelete="CASCADE")
    credit: bool = False  # named in the credit line rather than in the text
