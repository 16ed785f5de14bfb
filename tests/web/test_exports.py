"""CSV exports honour the filters, guard against formulas, and cite each quote."""

import csv
import io

import pytest

from app.web.exports import safe_cell


def rows(response) -> list[dict]:
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


@pytest.mark.parametrize("path", ["/quotes.csv", "/estimates.csv", "/articles.csv", "/actors.csv", "/sources.csv"])
def test_every_list_exports_all_its_rows(client, path):
    api = client.get("/api" + path.removesuffix(".csv")).json()
    assert len(rows(client.get(path))) == api["total"]  # all rows, not one page of 5


def test_quote_export_honours_the_filters_and_cites(client):
    got = rows(client.get("/quotes.csv", params={"q": "Selbstverteidigung"}))
    assert [r["quote"] for r in got] == ["Recht auf Selbstverteidigung"]
    cite = got[0]["cite"]
    assert "„Recht auf Selbstverteidigung“" in cite and "2024-11-30" in cite
    assert got[0]["link"].startswith("http://testserver/articles/") and "#q-" in got[0]["link"]


def test_estimate_export_has_figures_and_qualifiers(client):
    got = rows(client.get("/estimates.csv", params={"qualifier": "up_to"}))
    assert got and {r["qualifier"] for r in got} == {"up_to"}
    assert "100000.0" in {r["value"] for r in got}


@pytest.mark.parametrize("cell, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-1+2", "'-1+2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("plain", "plain"), (None, ""), (10000.0, "10000.0"),
])
def test_formula_injection_is_guarded(cell, expected):
    assert safe_cell(cell) == expected


def test_the_cite_text_is_on_the_page_and_in_the_api(client):
    page = client.get("/quotes", params={"q": "Selbstverteidigung"}).text
    assert '<details class="cite"><summary>Cite</summary>' in page
    api = client.get("/api/quotes", params={"q": "Selbstverteidigung"}).json()["items"][0]
    assert api["cite"].endswith(f"/articles/{api['article']['id']}#q-{api['evidence']['start']}")
