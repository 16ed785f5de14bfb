"""Fuzzing the web layer.

- schemathesis over /openapi.json: every operation (the writing ones with the token), positive and
  negative data; no answer is a 5xx, every answer carries the security headers, every 4xx of the
  API says what is wrong.
- hypothesis over the filters of every list, as pages, htmx fragments, JSON and CSV: the answer is
  200, or 422 naming a parameter that was sent; never a 500.
- a table of wrong types and out-of-range values: 422 and a sentence naming the parameter.

DOSSIER_FUZZ_EXAMPLES (default 10) sets the examples per operation and mode; `pytest -m slow
tests/test_fuzz.py` runs a longer pass (200 examples).
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from app.config import Settings
from app.db import make_engine
from app.filters import ActorFilters, ArticleFilters, EstimateFilters, QuoteFilters, SourceFilters
from app.ingest import ingest_paths
from app.migrate import upgrade
from app.web import create_app
from tests.conftest import SEEDS

TOKEN = "fuzz-token"
EXAMPLES = int(os.environ.get("DOSSIER_FUZZ_EXAMPLES", "10"))
SPEC = create_app(Settings(database_url="sqlite:///:memory:", load_seeds=False)).openapi()  # the schema only
LABELS = [f"{method.upper()} {path}" for path, methods in SPEC["paths"].items() for method in methods]


def fuzz_operation(schema, label: str, mode: GenerationMode, examples: int) -> None:  # noqa: ANN001
    operation = schema.find_operation_by_label(label)

    @given(case=operation.as_strategy(generation_mode=mode))
    @hsettings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def run(case):  # noqa: ANN001
        response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
        case.validate_response(response, checks=[not_a_server_error])
        assert response.headers.get("content-security-policy") and response.headers["x-content-type-options"] == ["nosniff"]
        if 400 <= response.status_code < 500 and "json" in response.headers.get("content-type", ""):
            assert response.json().get("detail"), (label, response.text[:300])

    try:
        run()
    except Unsatisfiable:
        assert mode is GenerationMode.NEGATIVE  # an operation with no parameter has no invalid input


@pytest.fixture(scope="module")
def fuzz_schema(tmp_path_factory):
    """One seeded SQLite database for the module (the fuzzer's writes land in it too)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'dossier.db'}"
    upgrade(url)
    engine = make_engine(url)
    ingest_paths(engine, [SEEDS])
    engine.dispose()
    app = create_app(Settings(database_url=url, load_seeds=False, page_size=5, ingest_token=TOKEN))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["positive", "negative"])
@pytest.mark.parametrize("label", LABELS)
def test_no_operation_answers_with_a_server_error(fuzz_schema, label, mode):
    fuzz_operation(fuzz_schema, label, mode, EXAMPLES)


@pytest.mark.slow
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["positive", "negative"])
@pytest.mark.parametrize("label", LABELS)
def test_no_operation_answers_with_a_server_error_long(fuzz_schema, label, mode):
    fuzz_operation(fuzz_schema, label, mode, 200)


LISTS = {"quotes": QuoteFilters, "estimates": EstimateFilters, "articles": ArticleFilters, "actors": ActorFilters,
         "sources": SourceFilters}
ODD = ["", " ", "0", "-1", "1", "2", "9" * 25, "-" + "9" * 25, "1e309", "nan", "inf", "null", "true", "[]", "{}",
       "2025-02-09", "2025-02-30", "2025-13-01", "0000-00-00", "9999-12-31", "2025-02", "2025-13", "Kim Jong Un",
       "Kim Jong-un", "KCNA", "dpa", "ntv.de", "direct", "indirect", "up_to", "more_than", "soldiers", "person",
       "media", "news_agency", '"', "'", "%", "_", "*", "NEAR(a b)", "a OR b", "\\", "\x00", "\u202e", "💥",
       "<script>", "' OR 1=1 --", "x" * 201, "Pjöngjang"]
VALUES = st.one_of(st.sampled_from(ODD), st.text(max_size=30), st.integers(-10**20, 10**20).map(str),
                   st.dates().map(str))


def keys_of(model) -> list[str]:  # noqa: ANN001
    return [f.alias or name for name, f in model.model_fields.items()]


@st.composite
def requests(draw):  # noqa: ANN001, ANN201
    name = draw(st.sampled_from(sorted(LISTS)))
    keys = keys_of(LISTS[name]) + ["junk", "from_", "Page", ""]
    params = draw(st.lists(st.tuples(st.sampled_from(keys), VALUES), max_size=6))
    shape = draw(st.sampled_from(["page", "fragment", "api", "csv"]))
    path = {"page": f"/{name}", "fragment": f"/{name}", "api": f"/api/{name}", "csv": f"/{name}.csv"}[shape]
    headers = {"HX-Request": "true"} if shape == "fragment" else {}
    return path, params, headers


@given(request=requests())
@hsettings(max_examples=EXAMPLES * 10, deadline=None, database=None,
           suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_any_filters_give_a_list_or_a_422_that_names_them(client, request):
    path, params, headers = request
    r = client.get(path, params=params, headers=headers)
    assert r.status_code in (200, 422), (path, params, r.status_code, r.text[:300])
    assert "content-security-policy" in r.headers
    if r.status_code == 422:
        sent = {k for k, _ in params}
        if path.startswith("/api") or path.endswith(".csv"):
            detail = r.json()["detail"]
            named = {str(x) for e in detail for x in e["loc"]} if isinstance(detail, list) else set()
            assert named & sent or "larger than any" in str(detail), (path, params, detail)
        else:
            assert "These filters cannot be read" in r.text or "larger than any" in r.text
            assert any(f"<p>{k}{c}" in r.text for k in sent for c in " .:") or "larger than any" in r.text, \
                (path, params)


WRONG = [
    ("quotes", "page", "abc"), ("quotes", "page", "0"), ("quotes", "page", "100001"), ("quotes", "page", "1.5"),
    ("quotes", "from", "2025-13-01"), ("quotes", "to", "yesterday"), ("quotes", "article", "-1"),
    ("quotes", "article", "x"), ("quotes", "article", "9" * 25), ("quotes", "kind", "loud"), ("quotes", "q", "x" * 201),
    ("quotes", "month", "2025-13"), ("quotes", "month", "25-01"), ("estimates", "qualifier", "lots"),
    ("estimates", "article", "0"), ("estimates", "from", "2025-02-30"), ("actors", "kind", "robot"),
    ("articles", "to", "31.12.2025"), ("sources", "page", "-3"),
]


@pytest.mark.parametrize(("name", "key", "value"), WRONG)
def test_wrong_types_and_out_of_range_values_are_a_422_that_says_which(client, name, key, value):
    for path in (f"/api/{name}", f"/{name}.csv"):
        r = client.get(path, params={key: value})
        assert r.status_code == 422, (path, key, value, r.text[:200])
        detail = r.json()["detail"]
        assert any(key in [str(x) for x in e["loc"]] and e["msg"] for e in detail) if isinstance(detail, list) \
            else "larger than any" in detail
    r = client.get(f"/{name}", params={key: value})
    assert r.status_code == 422
    assert "These filters cannot be read" in r.text
    assert any(f"<p>{key}{c}" in r.text for c in " .:") or "larger than any" in r.text
    r = client.get(f"/{name}", params={key: value}, headers={"HX-Request": "true"})
    assert r.status_code == 422 and "<html" not in r.text


def test_huge_ids_in_paths_are_a_4xx(client):
    for path in ["/articles/99999999999999999999", "/actors/99999999999999999999", "/api/articles/99999999999999999999",
                 "/api/actors/99999999999999999999", "/quotes?speaker=99999999999999999999",
                 "/articles?actor=99999999999999999999", "/articles/-1", "/api/articles/abc"]:
        r = client.get(path)
        assert 400 <= r.status_code < 500, (path, r.status_code)
