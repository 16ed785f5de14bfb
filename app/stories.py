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

from sqlalchemy import func, or_
from sqlmodel import Session, select

from app.models import Article, ArticleBand, Story

SHINGLE = 5
BANDS, ROWS = 8, 4
THRESHOLD = 0.6  # containment of the shorter text's shingles in the other's
CANDIDATES = 5
_WORD = re.compile(r"\w+")
_MASKS = [random.Random(20241130 + i).getrandbits(64) for i in range(BANDS * ROWS)]
_MASK64 = (1 << 64) - 1


def shingles(text: str) -> set[int]:
    words = _WORD.findall(text.casefold())
    grams = [" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") for g in grams if g}


def band_hashes(shingle_set: set[int]) -> list[int]:
    """One 63-bit hash per band of the MinHash signature (XOR-masked minima)."""
    if not shingle_set:
        return []
    signature = [min(h ^ mask for h in shingle_set) for mask in _MASKS]
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


def link_story(session: Session, article: Article) -> Article | None:
    """Store the article's bands; join it to the story of a near-duplicate already stored.
    Returns the article it was found to duplicate, if any. The caller commits."""
    own = shingles(article.body)
    bands = band_hashes(own)
    candidates: list[int] = []
    if bands:
        conditions = [(ArticleBand.band == i) & (ArticleBand.hash == h) for i, h in enumerate(bands)]
        shared = func.count()
        candidates = list(  # the articles sharing most bands first; a handful is enough
            session.exec(
                select(ArticleBand.article_id).where(or_(*conditions), ArticleBand.article_id != article.id)
                .group_by(ArticleBand.article_id).order_by(shared.desc(), ArticleBand.article_id).limit(CANDIDATES)
            )
        )
    for i, h in enumerate(bands):
        session.add(ArticleBand(article_id=article.id, band=i, hash=h))
    for candidate_id in candidates:
        other = session.get(Article, candidate_id)
        if other is None or containment(own, shingles(other.body)) < THRESHOLD:
            continue
        if other.story_id is None:
            story = Story()
            session.add(story)
            session.flush()
            other.story_id = story.id
            session.add(other)
        article.story_id = other.story_id
        session.add(article)
        return other
    return None
