"""The JSON API: the same filters as the pages, described by OpenAPI."""

import pytest


@pytest.mark.parametrize("path", ["/api/quotes", "/api/estimates", "/api/articles", "/api/actors", "/api/sources"])
def test_lists_are_paged_json(client, path):
    body = client.get(path).json()
    assert set(body) == {"total", "page", "pages", "page_size", "items"}
    assert body["page"] == 1 and body["page_size"] == 5
    assert len(body["items"]) == min(5, body["total"])


def test_openapi_describes_every_endpoint_and_filter(client):
    spec = client.get("/openapi.json").json()
    for path in ["/api/quotes", "/api/estimates", "/api/articles", "/api/articles/{article_id}", "/api/actors",
                 "/api/actors/{actor_id}", "/api/sources", "/healthz"]:
        assert path in spec["paths"], path
    params = {p["name"] for p in spec["paths"]["/api/quotes"]["get"]["parameters"]}
    assert params >= {"q", "speaker", "via", "publisher", "kind", "from", "to", "page"}
    assert "/quotes" not in spec["paths"]  # pages are not part of the API


def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_quotes_carry_their_evidence(client, engine):
    from sqlmodel import Session

    from app.models import Article

    items = client.get("/api/quotes", params={"page": 1}).json()["items"]
    assert items
    with Session(engine) as s:
        for q in items:
            body = s.get(Article, q["article"]["id"]).body
            assert body[q["evidence"]["start"]:q["evidence"]["end"]] == q["text"]
            assert q["evidence"]["link"] == f"/articles/{q['article']['id']}#q-{q['evidence']['start']}"


def test_article_json_has_the_text_and_metadata(client):
    items = client.get("/api/articles", params={"publisher": "ntv.de"}).json()["items"]
    assert [a["credit"] for a in items] == ["ino/AFP/dpa"]
    full = client.get(f"/api/articles/{items[0]['id']}").json()
    assert full["body"].startswith("Politik\n")
    assert full["published"] == "2025-07-12"


@pytest.mark.parametrize(
    "params",
    [{"page": "0"}, {"page": "x"}, {"from": "2025-13-01"}, {"kind": "shouted"}, {"article": "-3"},
     {"month": "2024-13"}, {"q": "x" * 201}],
)
def test_bad_parameters_are_a_clear_422(client, params):
    r = client.get("/api/quotes", params=params)
    assert r.status_code == 422
    loc = r.json()["detail"][0]["loc"]
    assert set(params) & set(map(str, loc)), loc


def test_missing_items_are_404(client):
    assert client.get("/api/articles/999").status_code == 404
    assert client.get("/api/actors/999").json() == {"detail": "There is no actor 999."}


def test_an_empty_page_field_means_the_first_page(client):
    assert client.get("/api/quotes", params={"page": ""}).json()["page"] == 1


def test_csv_exports_are_described_as_csv(client):
    spec = client.get("/openapi.json").json()
    assert "text/csv" in spec["paths"]["/quotes.csv"]["get"]["responses"]["200"]["content"]
