#!/usr/bin/env python3
"""Articles per second for extraction alone, on one core: the seeds and the 700 Wikinews articles.

Usage: scripts/bench_extract.py [--repeat N]   (run from the repository root, ../shared beside it)
Prints the figure and the throwaway baseline (quotation-mark pairing only) measured in the same run.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.extract import extract  # noqa: E402
from app.extract.gazetteer import load_gazetteer  # noqa: E402
from app.extract.lexicon import lexicon  # noqa: E402

SHARED = ROOT / ".." / "shared"
_PAIRS = re.compile(r"„([^“”\"]{2,}?)[“”\"]|“([^”“]{2,}?)”|\"([^\"]{2,}?)\"|»([^«]{2,}?)«")


def articles() -> list[str]:
    paths = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "eval" / "spkatt-train" / "articles").glob("*.txt"))
    if not paths:
        sys.exit(f"bench_extract: no articles under {SHARED}")
    return [p.read_text(encoding="utf-8") for p in paths]


def rate(fn, texts: list[str], repeat: int) -> float:
    t0 = time.perf_counter()
    for _ in range(repeat):
        for t in texts:
            fn(t)
    return repeat * len(texts) / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    texts = articles()
    t0 = time.perf_counter()
    load_gazetteer()
    lexicon()
    extract(texts[0])
    warm = time.perf_counter() - t0
    r = rate(extract, texts, a.repeat)
    base = rate(lambda t: list(_PAIRS.finditer(t)), texts, a.repeat)
    print(f"articles: {len(texts)}  repeat: {a.repeat}  load + first call: {warm * 1000:.0f} ms")
    print(f"extract():              {r:8.0f} articles/s")
    print(f"baseline (pairing only): {base:8.0f} articles/s")


if __name__ == "__main__":
    main()
