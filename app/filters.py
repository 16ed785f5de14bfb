"""The filters of each list, as data: one pydantic model per list, read from the GET query string by
the pages and the JSON API alike, so that a filtered view is a URL.

Empty form fields ("speaker=") mean "no filter". Values that name an actor (speaker, actor, via,
source) accept the actor's id, its name or any alias.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlencode

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

ActorKind = Literal["person", "state", "organization", "media"]
Month = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
Qualifier = Literal["exact", "approx", "more_than", "at_least", "up_to", "almost", "range", "vague"]

QUALIFIER_WORDS = {
    "exact": "",
    "approx": "about",
    "more_than": "more than",
    "at_least": "at least",
    "up_to": "up to",
    "almost": "almost",
    "range": "between",
    "vague": "some",
}


class ListFilters(BaseModel):
    """What every list has: text search, a date range on the article's date, and the page."""

    model_config = ConfigDict(populate_by_name=True, extra="ignore")

    q: str | None = Field(None, max_length=200, description="Words to search for (all must occur)")
    from_: date | None = Field(None, alias="from", description="Articles published on or after (YYYY-MM-DD)")
    to: date | None = Field(None, description="Articles published on or before (YYYY-MM-DD)")
    month: list[Month] = Field([], description="Articles published in this month (YYYY-MM; repeat for several)")
    page: int | None = Field(1, ge=1, le=100_000, description="Page of results, from 1 (empty: 1)")

    @field_validator("*", mode="before")
    @classmethod
    def _empty_is_none(cls, value):  # noqa: ANN001, ANN206
        if isinstance(value, str) and not value.strip():
            return None
        if isinstance(value, list):
            return [v.strip() for v in value if isinstance(v, str) and v.strip()] or []
        return value.strip() if isinstance(value, str) else value

    @field_validator("page", mode="after")
    @classmethod
    def _page_default(cls, value):  # noqa: ANN001, ANN206
        return value or 1

    def query_items(self, **changes) -> list[tuple[str, str]]:
        """The filters as query-string pairs (the page left out unless changed)."""
        data = self.model_dump(by_alias=True)
        data["page"] = None
        data.update({"from" if k == "from_" else k: v for k, v in changes.items()})
        items = []
        for key, value in data.items():
            if value in (None, "", []) or (key == "page" and value == 1):
                continue
            for v in value if isinstance(value, list) else [value]:
                items.append((key, v.isoformat() if isinstance(v, date) else str(v)))
        return items

    def url(self, path: str, **changes) -> str:
        query = urlencode(self.query_items(**changes))
        return f"{path}?{query}" if query else path

    def is_filtered(self) -> bool:
        return bool(self.query_items())


class QuoteFilters(ListFilters):
    speaker: list[str] = Field([], description="Speaker: actor id, name or alias (repeat for any of several)")
    via: list[str] = Field([], description="Channel the words came through (KCNA, TASS, …)")
    publisher: list[str] = Field([], description="The article's publisher")
    kind: list[Literal["direct", "indirect"]] = Field([], description="direct or indirect speech")
    article: int | None = Field(None, ge=1, description="Only quotes of this article")


class EstimateFilters(ListFilters):
    source: list[str] = Field([], description="Who gives the figure: actor id, name or alias")
    qualifier: list[Qualifier] = Field([], description="exact, approx, more_than, at_least, up_to, almost, range")
    unit: list[str] = Field([], description="What is counted: soldiers, dead, wounded, shells, km, …")
    publisher: list[str] = Field([], description="The article's publisher")
    article: int | None = Field(None, ge=1, description="Only estimates of this article")


class ArticleFilters(ListFilters):
    publisher: list[str] = Field([], description="The article's publisher")
    actor: list[str] = Field([], description="Articles mentioning this actor (id, name or alias)")


class ActorFilters(ListFilters):
    kind: list[ActorKind] = Field([], description="person, state, organization or media")


class SourceFilters(ListFilters):
    kind: list[str] = Field([], description="news_agency, outlet or state_media")
