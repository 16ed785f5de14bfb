"""Writing an extraction into the database: actors found or created by alias, the article's items
replaced as a whole. The caller owns the transaction.

Built for bulk: every name of the extraction is resolved with one query, new actors and aliases are
inserted together, and each kind of item is one multi-row INSERT (with RETURNING where the ids are
needed for links), so storing an article costs a handful of statements, not one per item. A batch
of articles stored in one transaction shares an ActorMemo: what was looked up (or written) for one
article is not asked again for the next.
"""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlmodel import Session

from app.extract.model import Extraction
from app.models import (
    Actor,
    ActorAlias,
    Article,
    ArticleBand,
    ArticleSource,
    Estimate,
    EstimateSource,
    Mention,
    Quote,
    QuoteVia,
)
from app.names import norm as _norm

norm = lru_cache(maxsize=1 << 16)(_norm)  # the same few thousand names again and again
_UNKNOWN = object()

# The statements, built once (building one costs more than SQLite takes to run it).
_ALIASES_BY_NORM = select(ActorAlias.norm, ActorAlias.actor_id).where(ActorAlias.norm.in_(bindparam("keys", expanding=True)))
_ACTORS_BY_NAME = select(Actor.name, Actor.id).where(Actor.name.in_(bindparam("keys", expanding=True)))
_ACTORS_WITHOUT_ROLE = select(Actor.id).where(Actor.id.in_(bindparam("keys", expanding=True)), Actor.role.is_(None))
_SET_ROLE = update(Actor).where(Actor.id == bindparam("actor_id")).values(role=bindparam("new_role"))
_ALIASES_STORED = select(ActorAlias.alias).where(ActorAlias.alias.in_(bindparam("keys", expanding=True)))
_INSERT = {table: insert(table) for table in (Actor, ActorAlias, ArticleBand, Mention, ArticleSource, Quote, QuoteVia, Estimate,
                                              EstimateSource)}
_INSERT_RETURNING = {table: insert(table).returning(table.id, sort_by_parameter_order=True)
                     for table in (Actor, Quote, Estimate)}
_MAX_ID = {table: select(func.max(table.id)) for table in (Actor, Quote, Estimate)}
_DRIVER_SQL: dict[tuple, tuple[str, itemgetter]] = {}  # (table, keys) → (statement, a row's parameters in order)


def bulk_insert(conn: Connection, table, rows: list[dict]) -> None:  # noqa: ANN001
    """INSERT `rows` (dicts with the same keys) into `table`. On SQLite straight through the driver's
    executemany, with the statement SQLAlchemy compiled once (the item tables hold integers, text,
    floats and booleans: nothing to convert), in the transaction and savepoint of `conn`; SQLAlchemy's
    own path costs more per statement than SQLite takes to insert an article's mentions."""
    if conn.dialect.name != "sqlite":
        conn.execute(_INSERT[table], rows)
        return
    keys = tuple(rows[0])
    entry = _DRIVER_SQL.get((table, keys))
    if entry is None:
        compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(keys))
        order = tuple(compiled.positiontup)
        entry = _DRIVER_SQL[(table, keys)] = (str(compiled), itemgetter(*order) if len(order) > 1 else
                                              lambda row, key=order[0]: (row[key],))
    sql, parameters = entry
    conn.connection.driver_connection.executemany(sql, list(map(parameters, rows)))


_COMPILED: dict = {}  # statement → compiled for SQLite


def fetch(conn: Connection, statement, parameters: dict | None = None) -> list[tuple]:  # noqa: ANN001
    """The rows of a SELECT whose columns and parameters are integers and text (nothing to convert).
    On SQLite straight through the driver, in the transaction of `conn`, with the statement
    SQLAlchemy compiled once (its `IN` lists expanded by SQLAlchemy per call): its own path costs
    several times what SQLite takes to answer these small queries."""
    if conn.dialect.name != "sqlite":
        return list(conn.execute(statement, parameters or {}))  # rows, which are tuples
    compiled = _COMPILED.get(statement)
    if compiled is None:
        compiled = _COMPILED[statement] = statement.compile(dialect=conn.dialect)
    state = compiled.construct_expanded_state(parameters or {})
    return conn.connection.driver_connection.execute(state.statement, state.positional_parameters).fetchall()


class ActorMemo:
    """What one transaction knows of the actor tables: every answer it got from them, and every row
    it wrote. Valid only inside that transaction (it then sees no one else's writes to those rows
    that it has not already seen: SQLite has one writer; elsewhere the same holds as for one query).

    A memo is only ever extended by `absorb` after an article's savepoint was released, so an article
    rolled back leaves nothing in it."""

    def __init__(self) -> None:
        self.by_norm: dict[str, int | None] = {}  # folded alias → its actor (None: no such alias)
        self.by_name: dict[str, int | None] = {}  # canonical name → actor (None: no such actor)
        self.alias: dict[str, bool] = {}  # spelling → stored as an alias?
        self.with_role: set[int] = set()  # actors whose role is set
        self.next_id: dict[str, int] = {}  # table → the next free id (SQLite: ids given, not returned)

    def absorb(self, other: ActorMemo) -> None:
        self.by_norm.update(other.by_norm)
        self.by_name.update(other.by_name)
        self.alias.update(other.alias)
        self.with_role |= other.with_role
        self.next_id.update(other.next_id)


class ActorBook:
    """Finds actors by any alias (folded), creating them on first sight; one per article.

    `plan(...)` names everything an extraction will ask for; `resolve()` looks them all up at once
    (asking the database only what `memo` does not know) and creates what is missing; then
    `id_of(name)` answers from memory. What it learned goes to `learned`, for the caller to absorb
    into the memo once the article is stored."""

    def __init__(self, session: Session | Connection, memo: ActorMemo | None = None,
                 learned: ActorMemo | None = None):
        self.session = session
        self.conn = session if isinstance(session, Connection) else session.connection()
        self.memo = memo if memo is not None else ActorMemo()
        self.learned = learned if learned is not None else ActorMemo()
        self.ids: dict[str, int] = {}  # folded name → actor id
        self._wanted: dict[str, tuple[str, str, str | None, list[str]]] = {}  # folded name → (name, kind, role, aliases)

    def _known(self, table: str, key: str):  # noqa: ANN202
        value = getattr(self.learned, table).get(key, _UNKNOWN)
        return getattr(self.memo, table).get(key, _UNKNOWN) if value is _UNKNOWN else value

    def _look_up(self, table: str, statement, keys: set[str]) -> list[tuple[str, int]]:  # noqa: ANN001
        """(key, actor id) of the keys found, asking the database only for those not known yet
        (what it answers, found or not, is learned)."""
        ask = [k for k in keys if self._known(table, k) is _UNKNOWN]
        if ask:
            found = dict(fetch(self.conn, statement, {"keys": ask}))
            getattr(self.learned, table).update({k: found.get(k) for k in ask})
        return [(k, actor_id) for k in keys if (actor_id := self._known(table, k)) is not None]

    def insert_with_ids(self, table, rows: list[dict]) -> list[int]:  # noqa: ANN001
        """Insert `rows` into `table`; their new ids, in order. On SQLite the ids are given here
        (the highest + 1 onwards: what SQLite itself would choose, and safe because a transaction that
        writes is the only writer, or fails if another wrote since it read), since RETURNING there
        comes back one statement per row; elsewhere RETURNING, in the rows' order."""
        if self.conn.dialect.name != "sqlite":
            return list(self.conn.execute(_INSERT_RETURNING[table], rows).scalars())
        key = table.__tablename__
        first = self._known("next_id", key)
        if first is _UNKNOWN:
            first = (fetch(self.conn, _MAX_ID[table])[0][0] or 0) + 1
        ids = list(range(first, first + len(rows)))
        bulk_insert(self.conn, table, [{**row, "id": i} for row, i in zip(rows, ids, strict=True)])
        self.learned.next_id[key] = first + len(rows)
        return ids

    def plan(self, name: str, kind: str, role: str | None = None, aliases: list[str] | tuple = (),
             create: bool = True) -> None:
        key = norm(name)
        if not key:
            return
        if key in self._wanted:
            old = self._wanted[key]
            self._wanted[key] = (old[0], old[1] or (kind if create else ""), old[2] or role, [*old[3], *aliases])
        else:
            self._wanted[key] = (name, kind if create else "", role, list(aliases))

    def resolve(self) -> None:
        keys = set(self._wanted) | {norm(a) for _, _, _, aliases in self._wanted.values() for a in aliases}
        keys.discard("")
        if keys:
            for k, actor_id in self._look_up("by_norm", _ALIASES_BY_NORM, keys):
                self.ids[k] = actor_id
            for name, actor_id in self._look_up("by_name", _ACTORS_BY_NAME, {n for n, _, _, _ in self._wanted.values()}):
                self.ids.setdefault(norm(name), actor_id)
        missing = [(k, w) for k, w in self._wanted.items() if k not in self.ids and w[1]]
        if missing:
            new_ids = self.insert_with_ids(Actor, [{"name": name, "kind": kind, "role": role}
                                                   for _key, (name, kind, role, _aliases) in missing])
            for (key, (name, _kind, role, _aliases)), actor_id in zip(missing, new_ids, strict=True):
                self.ids[key] = self.learned.by_name[name] = actor_id
                if role:
                    self.learned.with_role.add(actor_id)
        roles = {self.ids[k]: w[2] for k, w in self._wanted.items() if k in self.ids and w[2]}
        ask = [i for i in roles if i not in self.memo.with_role and i not in self.learned.with_role]
        if ask:  # fill a role only where none is set (never over an analyst's)
            empty = [actor_id for actor_id, in fetch(self.conn, _ACTORS_WITHOUT_ROLE, {"keys": ask})]
            if empty:
                self.conn.execute(_SET_ROLE, [{"actor_id": i, "new_role": roles[i]} for i in empty])
            self.learned.with_role.update(ask)
        self._add_aliases()

    def _add_aliases(self) -> None:
        """Every spelling seen, for the actor that owns its folded form (first come keeps it)."""
        spellings: dict[str, tuple[str, int]] = {}
        for key, (name, _kind, _role, aliases) in self._wanted.items():
            actor_id = self.ids.get(key)
            if actor_id is None:
                continue
            for alias in [name, *aliases]:
                alias = alias.strip()
                folded = norm(alias)
                if not folded or alias in spellings:
                    continue
                owner = self.ids.setdefault(folded, actor_id)
                if owner == actor_id:
                    spellings[alias] = (folded, actor_id)
        if not spellings:
            return
        ask = [a for a in spellings if self._known("alias", a) is _UNKNOWN]
        if ask:
            known = {alias for alias, in fetch(self.conn, _ALIASES_STORED, {"keys": ask})}
            self.learned.alias.update({a: a in known for a in ask})
        rows = [{"alias": a, "norm": f, "actor_id": i} for a, (f, i) in spellings.items() if not self._known("alias", a)]
        if rows:
            bulk_insert(self.conn, ActorAlias, rows)
            for row in rows:
                self.learned.alias[row["alias"]] = True
                if self._known("by_norm", row["norm"]) is None:  # the first alias of this folded form
                    self.learned.by_norm[row["norm"]] = row["actor_id"]

    def id_of(self, name: str | None) -> int | None:
        return self.ids.get(norm(name)) if name else None


def clear_items(session: Session, article_id: int) -> None:
    """Remove what an extractor produced for an article (before storing a new extraction)."""
    for table in (Mention, Quote, Estimate, ArticleSource):
        session.exec(delete(table).where(table.article_id == article_id))


def store_extraction(session: Session | Connection, article: Article | int, extraction: Extraction,
                     memo: ActorMemo | None = None, learned: ActorMemo | None = None) -> dict[str, int]:
    """Store `extraction` as the items of `article` (which has an id; or its id), through a session
    or straight on a connection. Returns counts.
    `memo`: what this transaction already knows of the actors; what this article adds to that is
    put in `learned`, for the caller to absorb into `memo` once the article's savepoint is released."""
    article_id = article if isinstance(article, int) else article.id
    book = ActorBook(session, memo, learned)
    for a in extraction.actors:
        book.plan(a.name, a.kind, a.role, a.aliases)
    for s in extraction.sources:
        book.plan(s.name, "media", s.kind)
    for q in extraction.quotes:
        for name in q.via:
            book.plan(name, "media")
        if q.speaker:
            book.plan(q.speaker, "", create=False)  # a speaker links to a known actor, or stays text
    for e in extraction.estimates:
        for name in e.attributed_to:
            book.plan(name, "organization")
    if isinstance(session, Session):
        session.flush()
    book.resolve()
    conn = book.conn

    mentions: dict[tuple, dict] = {}
    sources: dict[tuple, dict] = {}
    for a in extraction.actors:
        actor_id = book.id_of(a.name)
        for m in a.mentions:
            mentions.setdefault((actor_id, m.start, m.end), {
                "article_id": article_id, "actor_id": actor_id, "start": m.start, "end": m.end, "text": m.text})
    for s in extraction.sources:
        actor_id = book.id_of(s.name)
        sources.setdefault((actor_id, s.credit), {"article_id": article_id, "actor_id": actor_id, "credit": s.credit})
        for m in s.mentions:
            mentions.setdefault((actor_id, m.start, m.end), {
                "article_id": article_id, "actor_id": actor_id, "start": m.start, "end": m.end, "text": m.text})
    if mentions:
        bulk_insert(conn, Mention, list(mentions.values()))
    if sources:
        bulk_insert(conn, ArticleSource, list(sources.values()))

    if extraction.quotes:
        quote_ids = book.insert_with_ids(
            Quote,
            [{
                "article_id": article_id, "speaker_id": book.id_of(q.speaker), "speaker_text": q.speaker,
                "text": q.text, "kind": q.kind, "cue": q.cue, "start": q.start, "end": q.end,
                "speaker_start": q.speaker_start, "speaker_end": q.speaker_end, "cue_start": q.cue_start,
                "cue_end": q.cue_end, "rejected": False, "corrected": False,
            } for q in extraction.quotes],
        )
        via = [{"quote_id": quote_id, "actor_id": actor_id}
               for quote_id, q in zip(quote_ids, extraction.quotes, strict=True)
               for actor_id in dict.fromkeys(book.id_of(n) for n in q.via)]  # two spellings, one actor
        if via:
            bulk_insert(conn, QuoteVia, via)

    if extraction.estimates:
        estimate_ids = book.insert_with_ids(
            Estimate,
            [{
                "article_id": article_id, "text": e.text, "value": e.value, "value_max": e.value_max,
                "qualifier": e.qualifier, "unit": e.unit, "subject": e.subject, "cue": e.cue, "start": e.start,
                "end": e.end, "cue_start": e.cue_start, "cue_end": e.cue_end, "rejected": False, "corrected": False,
            } for e in extraction.estimates],
        )
        given = [{"estimate_id": estimate_id, "actor_id": actor_id}
                 for estimate_id, e in zip(estimate_ids, extraction.estimates, strict=True)
                 for actor_id in dict.fromkeys(book.id_of(n) for n in e.attributed_to)]
        if given:
            bulk_insert(conn, EstimateSource, given)
    return {
        "actors": len(extraction.actors),
        "quotes": len(extraction.quotes),
        "estimates": len(extraction.estimates),
        "sources": len(extraction.sources),
    }
