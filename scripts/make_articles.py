#!/usr/bin/env python3
"""Write N article files (.txt with a .meta.json sidecar) recombined from the paragraphs of seeds/,
for the load and crash tests. Article i depends only on (seed, i); every text is distinct.

    python scripts/make_articles.py OUT_DIR [N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PUBLISHERS = ["ntv.de", "tagesschau.de", "spiegel.de", "zeit.de", "faz.net", "dw.com", None]


def paragraphs() -> list[str]:
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        out += [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 80]
    return out


def article(i: int, seed: int, pool: list[str]) -> tuple[str, dict]:
    rng = random.Random(f"{seed}:{i}")
    body = rng.sample(pool, k=min(len(pool), rng.randint(4, 9)))
    day = date(2024, 6, 1) + timedelta(days=rng.randint(0, 500))
    title = f"Lage {i}: {body[0][:70].rsplit(' ', 1)[0]}"
    text = "\n".join([title, f"Meldung {i} vom {day:%d.%m.%Y} (Lauf {seed})", *body]) + "\n"
    meta = {"title": title, "publisher": rng.choice(PUBLISHERS), "published": day.isoformat(), "language": "de",
            "url": f"https://example.org/{seed}/{i}"}
    return text, meta


def write(out: Path, n: int, seed: int = 1) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    pool = paragraphs()
    paths = []
    for i in range(n):
        text, meta = article(i, seed, pool)
        path = out / f"a{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        (out / f"a{i:05d}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int, nargs="?", default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write(args.out, args.n, args.seed)
    print(f"{args.n} articles in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
