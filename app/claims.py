"""Estimates read as claims: the same figure reported by several articles is one claim with a
corroboration count; different figures for the same thing stand side by side by source."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date


@dataclass
class Claim:
    unit: str | None
    value: float
    value_max: float | None
    qualifier: str
    rows: list = field(default_factory=list)  # EstimateRows

    @property
    def estimate(self):  # noqa: ANN201
        return self.rows[0].estimate

    @property
    def articles(self) -> int:
        return len({r.article.id for r in self.rows})

    @property
    def stories(self) -> int:
        """Independent reports: the same wire story in several outlets counts once."""
        return len({r.article.story_id or -r.article.id for r in self.rows})

    @property
    def sources(self) -> list:
        return list({a.id: a for r in self.rows for a in r.sources}.values())

    @property
    def first_seen(self) -> date | None:
        days = [r.article.published for r in self.rows if r.article.published]
        return min(days) if days else None


def claims(rows) -> list[Claim]:  # noqa: ANN001
    """Group estimates by (unit, figure, qualifier); most corroborated (independent stories) first."""
    groups: dict[tuple, Claim] = {}
    for r in rows:
        e = r.estimate
        if e.qualifier == "vague":  # "Tausende" is not a claim one can corroborate
            continue
        key = (e.unit, e.value, e.value_max, e.qualifier)
        groups.setdefault(key, Claim(*key)).rows.append(r)
    return sorted(groups.values(), key=lambda c: (-c.stories, -c.articles, c.unit or "", -c.value))


def by_source(rows, unit: str) -> dict[str, list]:  # noqa: ANN001
    """For one unit: each source's figures (EstimateRows), oldest first; unnamed sources together."""
    table: dict[str, list] = defaultdict(list)
    for r in sorted(rows, key=lambda r: (r.article.published or date.max, r.estimate.value)):
        if r.estimate.unit != unit or r.estimate.qualifier == "vague":
            continue
        for name in [a.name for a in r.sources] or ["unnamed"]:
            table[name].append(r)
    return dict(sorted(table.items()))
