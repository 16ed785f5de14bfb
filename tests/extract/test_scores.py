"""Whole-article regression: the extractor scored by ../shared/eval/score.py against the gold files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared"
SCORE = SHARED / "eval" / "score.py"
REGISTRY = SHARED / "eval" / "gold" / "registry.json"

needs_shared = pytest.mark.skipif(not SCORE.exists(), reason=f"{SHARED} (the shared gold and score.py) is absent")


def score(gold: Path, articles: Path) -> dict:
    cmd = f"{sys.executable} -m app.cli extract --jsonl"
    proc = subprocess.run(
        [sys.executable, str(SCORE), "--gold", str(gold), "--registry", str(REGISTRY), "--articles", str(articles),
         "--cmd", cmd, "--json"],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@needs_shared
def test_seed_articles_meet_the_targets() -> None:
    out = score(SHARED / "eval" / "gold" / "seeds", SHARED / "seeds")
    assert out["quotes"]["f1"] >= 0.95, out
    assert out["speaker_accuracy"] >= 0.95, out
    for key in ("persons", "states", "media"):
        assert out[key]["f1"] >= 0.90, (key, out[key])


@needs_shared
def test_wikinews_articles_quotes_and_speakers() -> None:
    """The 700 annotated Wikinews articles (about 6 s, so in the default run); the floors guard
    against regressions of the figures reached."""
    out = score(SHARED / "eval" / "spkatt-train" / "gold", SHARED / "eval" / "spkatt-train" / "articles")
    assert out["quotes"]["f1"] >= 0.93, out
    assert out["speaker_accuracy"] >= 0.92, out
