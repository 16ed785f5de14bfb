"""The tables. Sources (agencies, outlets) are actors of kind "media".

Items an extractor produced (mentions, quotes, estimates) belong to their article and are replaced
as a whole when the article is re-extracted.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import JSON, BigInteger, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class Story(SQLModel, table=True):
    """One wire story: the articles that carry near-identical text (linked, counted once)."""

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow)


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
    origin: str | None = None  # how it came: txt | md | html | jsonl | api | form
    story_id: int | None = Field(default=None, foreign_key="story.id", index=True, ondelete="SET NULL")


class ArticleBand(SQLModel, table=True):
    """Locality-sensitive hashes of an article's text (MinHash bands): articles sharing a band are
    candidates for the same wire story."""

    __tablename__ = "article_band"
    __table_args__ = (Index("ix_article_band_lookup", "band", "hash"),)
    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    band: int = Field(primary_key=True)
    hash: int = Field(sa_type=BigInteger)


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
    rejected: bool = Field(default=False, index=True)  # an analyst said: not a quote
    corrected: bool = False  # an analyst changed it


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
    rejected: bool = Field(default=False, index=True)  # an analyst said: not an estimate
    corrected: bool = False


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


class Correction(SQLModel, table=True):
    """An analyst's own record of a change. Items an extractor produced are derived; corrections are
    re-applied after every (re-)extraction and never overwritten; undoing one marks it undone."""

    id: int | None = Field(default=None, primary_key=True)
    target: str = Field(index=True)  # quote | estimate | actor
    action: str  # set_speaker | not_quote | set_figure | reject | set_sources | merge | rename | ...
    article_id: int | None = Field(default=None, foreign_key="article.id", index=True, ondelete="CASCADE")
    actor_id: int | None = Field(default=None, index=True)  # the actor it concerns (no key: merges delete one)
    span: str | None = None  # "start:end" of the quote or estimate in its article: stable across re-extraction
    before: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    after: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    note: str | None = None
    analyst: str
    created_at: datetime = Field(default_factory=utcnow, index=True)
    undone_at: datetime | None = None
    undone_by: str | None = None
