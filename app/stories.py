"""The same wire story in two outlets: near-duplicate texts are linked as one story.

Each article gets a MinHash signature of its word 5-grams, cut into bands (locality-sensitive
hashing); articles that share a band are candidates, and a candidate whose shingles overlap enough
(containment: the shared part of the shorter text) joins the story. Lookup is by an indexed
(band, hash) pair, so it stays fast with many articles. Written here rather than taken from a
library (datasketch) because it is forty lines and needs no NumPy.
"""

from __future__ import annotations

import hashlib
import random
import re
from bisect import bisect_left

from sqlalchemy import and_, bindparam, func, insert, or_, select, update
from sqlalchemy.engine import Connection
from sqlmodel import Session

from app.models import Article, ArticleBand, Story, utcnow
from app.store import bulk_insert, fetch

SHINGLE = 5
BANDS, ROWS = 8, 4
THRESHOLD = 0.6  # containment of the shorter text's shingles in the other's
CANDIDATES = 5
_WORD = re.compile(r"\w+")
_MASKS = [random.Random(20241130 + i).getrandbits(64) for i in range(BANDS * ROWS)]
_MASK64 = (1 << 64) - 1
_TOP_BITS = [1 << bit for bit in range(63, -1, -1)]

# The statements, built once.
_CANDIDATES = (  # the articles sharing most bands first; a handful is enough
    select(ArticleBand.article_id)
    .where(or_(*(and_(ArticleBand.band == i, ArticleBand.hash == bindparam(f"h{i}")) for i in range(BANDS))),
           ArticleBand.article_id != bindparam("article_id"))
    .group_by(ArticleBand.article_id).order_by(func.count().desc(), ArticleBand.article_id).limit(CANDIDATES)
)
_CANDIDATE = select(Article.body, Article.story_id).where(Article.id == bindparam("article_id"))
_SET_STORY = update(Article).where(Article.id == bindparam("article_id")).values(story_id=bindparam("story"))


def shingles(text: str) -> set[int]:
    words = _WORD.findall(text.casefold())
    grams = [" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") for g in grams if g}


def _min_xor(ordered: list[int], mask: int) -> int:
    """min(h ^ mask for h in ordered), found by walking the sorted hashes bit by bit from the top
    (a binary search per bit, until one hash is left): ~10 steps instead of one XOR per shingle."""
    lo, hi, prefix = 0, len(ordered), 0
    for b in _TOP_BITS:
        if hi - lo <= 1:
            break
        split = bisect_left(ordered, prefix | b, lo, hi)  # [lo, split) have this bit 0, [split, hi) 1
        if mask & b:  # XOR is smaller where the hash's bit is 1 too
            if split < hi:
                lo, prefix = split, prefix | b
            else:
                hi = split
        elif split > lo:
            hi = split
        else:
            prefix |= b
    return ordered[lo] ^ mask


def band_hashes(shingle_set: set[int]) -> list[int]:
    """One 63-bit hash per band of the MinHash signature (XOR-masked minima)."""
    if not shingle_set:
        return []
    ordered = sorted(shingle_set)
    signature = [_min_xor(ordered, mask) for mask in _MASKS]
    out = []
    for b in range(BANDS):
        rows = signature[b * ROWS:(b + 1) * ROWS]
        digest = hashlib.blake2b(repr(rows).encode(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "big") >> 1)  # fits a signed BIGINT
    return out


def containment(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def link_story(session: Session | Connection, article_id: int, body: str, own: set[int] | None = None,
               bands: list[int] | None = None) -> int | None:
    """Store the article's bands; join it to the story of a near-duplicate already stored.
    Returns the id of the article it was found to duplicate, if any. The caller commits.
    `own`: the text's shingles, and `bands` their band_hashes, when already computed."""
    conn = session if isinstance(session, Connection) else session.connection()
    own = shingles(body) if own is None else own
    bands = band_hashes(own) if bands is None else bands
    candidates: list[int] = []
    if bands:
        candidates = [candidate for candidate, in fetch(
            conn, _CANDIDATES, {"article_id": article_id, **{f"h{i}": h for i, h in enumerate(bands)}})]
        bulk_insert(conn, ArticleBand, [{"article_id": article_id, "band": i, "hash": h} for i, h in enumerate(bands)])
    for candidate_id in candidates:
        other = fetch(conn, _CANDIDATE, {"article_id": candidate_id})
        if not other or containment(own, shingles(other[0][0])) < THRESHOLD:
            continue
        story_id = other[0][1]
        if story_id is None:
            story_id = conn.execute(insert(Story).values(created_at=utcnow()).returning(Story.id)).scalar_one()
            conn.execute(_SET_STORY, {"article_id": candidate_id, "story": story_id})
        conn.execute(_SET_STORY, {"article_id": article_id, "story": story_id})
        return candidate_id
    return None
