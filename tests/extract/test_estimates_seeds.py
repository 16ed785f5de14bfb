"""find_estimates on the five seed articles, scored with the rules of ../shared/eval/score.py.

The actor mentions come from a small test-only finder (the scorer's registry aliases, a genitive -s,
state adjectives), not from the product's gazetteer, so that this measures the estimate step alone.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from app.extract.estimates import find_estimates
from app.extract.model import ActorMention

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EVAL = SHARED / "eval"
REGISTRY = EVAL / "gold" / "registry.json"

pytestmark = pytest.mark.skipif(
    not (EVAL / "score.py").exists() or not (SHARED / "seeds").is_dir(),
    reason=f"shared evaluation material not found at {SHARED}",
)

_ADJ_ENDINGS = ("e", "en", "er", "es", "em")


def registry_mention_finder(path: Path = REGISTRY):
    """A callable text -> [ActorMention] built from registry.json: every alias (longest first), also
    with a genitive -s ("Südkoreas"), and German state adjectives in all their endings."""
    data = json.loads(path.read_text(encoding="utf-8"))
    forms: dict[str, tuple[str, str]] = {}
    for kind, entries in data.items():
        if kind.startswith("_"):
            continue
        for canon, aliases in entries.items():
            for a in [canon, *aliases]:
                forms.setdefault(a, (canon, kind))
                if a.endswith("isch"):
                    for end in _ADJ_ENDINGS:
                        forms.setdefault(a + end, (canon, kind))
    alts = "|".join(re.escape(a) for a in sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w])({alts})(s)?(?![\w])")

    def find(text: str) -> list[ActorMention]:
        out = []
        for m in pattern.finditer(text):
            canon, kind = forms[m.group(1)]
            out.append(ActorMention(m.start(), m.end(), m.group(), canon, kind))
        return out

    return find


def contract(est) -> dict:
    return {
        "text": est.text, "value": est.value, "value_max": est.value_max, "qualifier": est.qualifier,
        "unit": est.unit, "subject": est.subject, "attributed_to": est.attributed_to,
        "start": est.start, "end": est.end,
    }


def score_seeds():
    sys.path.insert(0, str(EVAL))
    import score  # the scorer, imported so that the rules are the same

    reg = score.Registry([str(REGISTRY)])
    tally, errors = score.Tally(), []
    finder = registry_mention_finder()
    per_file = {}
    for gold_path in sorted((EVAL / "gold" / "seeds").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        gold = {**gold, "quotes": []}  # estimates only
        text = (SHARED / "seeds" / gold["file"]).read_text(encoding="utf-8")
        ests = find_estimates(text, finder(text))
        for e in ests:
            assert text[e.start : e.end] == e.text
        pred = {"estimates": [contract(e) for e in ests]}
        per_file[gold["file"]] = pred["estimates"]
        score.score_article(gold, pred, reg, tally, errors)
    c = tally.c
    tp, fp, fn = c.get("estimate_tp", 0), c.get("estimate_fp", 0), c.get("estimate_fn", 0)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "f1": f1,
        "precision": p,
        "recall": r,
        "qualifier": c.get("qualifier_ok", 0) / tp if tp else 0.0,
        "attribution": c.get("attribution_ok", 0) / tp if tp else 0.0,
        "errors": [e for e in errors if "estimate" in e or "qualifier" in e or "attributed" in e],
        "predictions": per_file,
    }


def test_seed_estimates_meet_the_targets():
    s = score_seeds()
    detail = "\n".join(s["errors"])
    assert s["f1"] >= 0.95, detail
    assert s["qualifier"] >= 0.90, detail
    assert s["attribution"] >= 0.90, detail


def test_seed_offsets_and_no_years_or_dates():
    finder = registry_mention_finder()
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for e in find_estimates(text, finder(text)):
            assert text[e.start : e.end] == e.text
            assert e.value not in (2022, 2024, 2025), e
            assert e.unit is not None


def bench(rounds: int = 5) -> None:
    """Milliseconds per article for find_numbers and find_estimates over the Wikinews texts (best of rounds)."""
    import time

    from app.extract.numbers import find_numbers

    finder = registry_mention_finder()
    paths = sorted((EVAL / "spkatt-train" / "articles").glob("*.txt")) or sorted((SHARED / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    mentions = [finder(t) for t in texts]
    for name, fn in (("find_numbers", lambda t, m: find_numbers(t)), ("find_estimates", find_estimates)):
        best = float("inf")
        for _ in range(rounds):
            t0 = time.perf_counter()
            for t, m in zip(texts, mentions, strict=True):
                fn(t, m)
            best = min(best, time.perf_counter() - t0)
        print(f"{name:15} {best / len(texts) * 1000:.3f} ms/article over {len(texts)} articles "
              f"({sum(map(len, texts)) / len(texts):.0f} characters on average)")


if __name__ == "__main__":  # python tests/extract/test_estimates_seeds.py [--bench]: figures and differences
    if "--bench" in sys.argv:
        bench()
        sys.exit()
    res = score_seeds()
    for f, ests in res["predictions"].items():
        print(f)
        for e in ests:
            print("   ", e["value"], e["value_max"], e["qualifier"], e["unit"], e["attributed_to"], repr(e["text"]),
                  "|", e["subject"])
    print("\n".join(res["errors"]))
    print({k: round(v, 3) for k, v in res.items() if isinstance(v, float)})
