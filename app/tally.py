"""The quotes list's total and facet counts read from the tally (migration 0007) instead of counted
over every matching quote.

quote_tally keeps, per (via_id, speaker_id, publisher, month, kind), how many visible quotes there
are (via_id 0: the quotes themselves; a channel's id: the quotes that came through it), kept exact
by triggers. A list whose filters are all on those columns is counted from it: a frequent speaker's
~80,000 quotes are ~1,600 tally rows. Filters it cannot answer (text search, one article, several
channels at once, a date range that does not start and end on a month's bounds) are counted from
the quotes as before (app/facets.py). Both ways give the same numbers (tests/test_tally.py).
quote_speaker_tally (speaker_id -> n) answers the total and the speaker facet when no other filter
is set (the speaker facet of a speaker's list counts all quotes: 1,500 rows instead of 120,000).
"""

from __future__ import annotations

import threading
import weakref
from calendar import monthrange
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Integer, and_, column, func, table, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from app.filters import QuoteFilters

TALLY = table("quote_tally", column("via_id", Integer), column("speaker_id", Integer), column("publisher"),
              column("month"), column("kind"), column("n", Integer))
T = TALLY.c
SPEAKERS = table("quote_speaker_tally", column("speaker_id", Integer), column("n", Integer))  # via 0, by speaker
TRIGGERS = {f"quote_tally_{name}" for name in ("quote_insert", "quote_update", "quote_delete", "via_insert",
                                               "via_update", "via_delete", "article_update", "article_delete")}
ANSWERS = {"visible", "speaker", "via", "publisher", "month", "from", "to", "kind"}  # filters it can answer

_ready: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def installed(session: Session) -> bool:
    """Whether the tally and all its triggers are there (checked once per engine): an older schema,
    or one that lost a trigger, is counted from the quotes."""
    engine = session.get_bind()
    engine = getattr(engine, "engine", engine)
    with _lock:
        if engine not in _ready:
            if engine.dialect.name == "postgresql":
                sql = "SELECT tgname FROM pg_trigger WHERE tgname LIKE 'quote_tally_%' AND NOT tgisinternal"
            else:
                sql = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'quote_tally_%'"
            _ready[engine] = TRIGGERS <= set(session.connection().execute(text(sql)).scalars())
        return _ready[engine]


@dataclass
class QuoteTally:
    """The list's filters as conditions on the tally, by filter name, and the one channel chosen."""

    conditions: dict[str, ColumnElement]
    via: int | None
    speaker_ids: list[int]

    def where(self, leave_out: str | None = None) -> list[ColumnElement]:
        rows = T.via_id != 0 if leave_out == "via" else T.via_id == (self.via or 0)
        return [rows, *(c for name, c in self.conditions.items() if name != leave_out)]

    def _by_speaker_alone(self, leave_out: str | None = None) -> bool:
        """Whether no filter but the speaker's is left (the speakers' own counts answer)."""
        return self.via is None and self.conditions.keys() - {leave_out} <= {"speaker"}

    def total(self):  # noqa: ANN201
        """The statement counting the list's quotes."""
        if self._by_speaker_alone():
            s = SPEAKERS.c
            return select(func.coalesce(func.sum(s.n), 0)).select_from(SPEAKERS).where(
                *([s.speaker_id.in_(self.speaker_ids)] if "speaker" in self.conditions else []))
        return select(func.coalesce(func.sum(T.n), 0)).select_from(TALLY).where(*self.where())

    def speakers(self):  # noqa: ANN201
        """(actor_id, n) per speaker over the list with its speaker filter left out."""
        if self._by_speaker_alone("speaker"):
            s = SPEAKERS.c
            return select(s.speaker_id.label("actor_id"), s.n.label("n")).where(s.speaker_id != 0, s.n > 0)
        return self.counted(T.speaker_id.label("actor_id"), "speaker", T.speaker_id != 0)

    def counted(self, key, leave_out: str, *conditions):  # noqa: ANN001, ANN201
        """(key, n) per value of `key` over the list with its filter `leave_out` left out (a facet)."""
        n = func.sum(T.n)
        return (select(key, n.label("n")).select_from(TALLY).where(*self.where(leave_out), *conditions)
                .group_by(key).having(n > 0))


def _month(d) -> str:  # noqa: ANN001
    return f"{d.year:04d}-{d.month:02d}"


def for_quotes(session: Session, f: QuoteFilters, filters: set[str], speaker_ids: list[int],
               via_ids: list[int]) -> QuoteTally | None:
    """The tally's form of the quotes list's filters (`filters`: the names of the conditions
    app/queries.quote_conditions made; the ids of the speakers and channels chosen), or None when the
    tally cannot answer them."""
    if not filters <= ANSWERS or len(set(via_ids)) > 1:
        return None
    if (f.from_ and f.from_.day != 1) or (f.to and f.to.day != monthrange(f.to.year, f.to.month)[1]):
        return None
    if not installed(session):
        return None
    c: dict[str, ColumnElement] = {}
    if f.speaker:
        c["speaker"] = T.speaker_id.in_(speaker_ids)
    if f.publisher:
        c["publisher"] = func.lower(T.publisher).in_([v.lower() for v in f.publisher])
    if f.month:
        c["month"] = T.month.in_(f.month)
    if f.from_:
        c["from"] = T.month >= _month(f.from_)
    if f.to:
        c["to"] = and_(T.month != "", T.month <= _month(f.to))
    if f.kind:
        c["kind"] = T.kind.in_(f.kind)
    return QuoteTally(c, via_ids[0] if via_ids else None, speaker_ids)
