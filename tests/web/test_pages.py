"""The pages through the real app: whole pages, htmx fragments, filters as GET query strings."""

import re

import pytest

LISTS = ["/quotes", "/estimates", "/articles", "/actors", "/sources"]
HTMX = {"HX-Request": "true"}


@pytest.mark.parametrize("path", ["/", *LISTS, "/articles/1", "/actors/1"])
def test_every_page_renders_in_full(client, path):
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "<!doctype html>" in r.text and "</html>" in r.text
    assert '<script src="/static/htmx-2.0.11.min.js"' in r.text


@pytest.mark.parametrize("path", LISTS)
def test_htmx_from_the_form_gets_only_the_results_block(client, path):
    r = client.get(path, headers={**HTMX, "HX-Trigger": "filters"})
    assert r.status_code == 200
    assert r.headers["vary"] == "HX-Request"
    assert r.text.lstrip().startswith('<section id="results"')
    assert "<html" not in r.text and "<form" not in r.text


@pytest.mark.parametrize("path", LISTS)
def test_htmx_from_a_facet_link_also_refreshes_the_form_out_of_band(client, path):
    r = client.get(path, headers=HTMX)
    assert r.text.lstrip().startswith('<section id="results"')
    assert "<html" not in r.text
    assert re.search(r'<form id="filters"[^>]*hx-swap-oob="true"', r.text)


@pytest.mark.parametrize("path", LISTS)
def test_a_history_restore_gets_the_whole_page(client, path):
    r = client.get(path, headers={**HTMX, "HX-History-Restore-Request": "true"})
    assert "<!doctype html>" in r.text and 'id="results"' in r.text


@pytest.mark.parametrize("path", LISTS)
def test_the_filter_form_works_without_javascript(client, path):
    html = client.get(path).text
    form = re.search(r"<form id=\"filters\"[^>]*>", html).group(0)
    assert 'method="get"' in form and f'action="{path}"' in form
    assert 'hx-push-url="true"' in form and 'hx-target="#results"' in form


def test_static_files_are_served_locally(client):
    assert client.get("/static/htmx-2.0.11.min.js").status_code == 200
    assert client.get("/static/app.css").status_code == 200
    page = client.get("/").text
    assert "https://" not in page.split("<body>")[0]  # nothing from a CDN in the head


def quotes_listed(html: str) -> list[str]:
    return re.findall(r"<blockquote><a [^>]*>„(.*?)“</a></blockquote>", html, re.S)


def test_text_search_finds_the_quote(client):
    r = client.get("/quotes", params={"q": "Selbstverteidigung"})
    assert quotes_listed(r.text) == ["Recht auf Selbstverteidigung"]


def test_search_ignores_accents_and_syntax(client):
    assert quotes_listed(client.get("/quotes", params={"q": 'selbstverteidigung"'}).text) == [
        "Recht auf Selbstverteidigung"
    ]
    for q in ['"', "AND OR NOT", "*", "NEAR(", "'); DROP TABLE quote; --"]:
        assert client.get("/quotes", params={"q": q}).status_code == 200


def test_empty_fields_of_a_submitted_form_mean_no_filter(client):
    everything = client.get("/quotes").text
    submitted = client.get("/quotes?q=&speaker=&via=&publisher=&kind=&from=&to=").text
    assert quotes_listed(submitted) == quotes_listed(everything)


def test_a_bad_filter_value_gets_a_clear_page(client):
    r = client.get("/quotes", params={"from": "yesterday"})
    assert r.status_code == 422
    assert "from" in r.text and "yesterday" in r.text and "<!doctype html>" in r.text


def test_a_missing_article_is_a_404_page(client):
    r = client.get("/articles/999")
    assert r.status_code == 404 and "There is no article 999." in r.text


def test_lists_are_paginated(client):
    first = client.get("/quotes")  # page size 5 in the tests
    assert len(quotes_listed(first.text)) == 5
    assert 'rel="next"' in first.text
    second = client.get("/quotes", params={"page": 2})
    assert quotes_listed(second.text) and set(quotes_listed(second.text)).isdisjoint(quotes_listed(first.text))


def test_date_range_filters_by_publication_date(client):
    r = client.get("/articles", params={"from": "2025-01-01", "to": "2025-12-31"})
    titles = re.findall(r'class="title" href="/articles/\d+">(.*?)</a>', r.text)
    assert titles == [
        "Kommen weitere Soldaten? Nordkoreas Kim sagt Moskau &#34;bedingungslose&#34; Unterstützung zu",
        "Kim verspricht Putin militärische Unterstützung",
    ]


def test_the_article_page_highlights_each_quote_where_it_stands(client):
    api = client.get("/api/quotes", params={"q": "Selbstverteidigung"}).json()["items"][0]
    page = client.get(api["evidence"]["link"].split("#")[0]).text
    anchor = api["evidence"]["link"].split("#")[1]
    assert f'<span class="anchor" id="{anchor}"></span><mark class="hl hl-quote' in page
    marked = re.search(rf'id="{anchor}"></span><mark [^>]*>(.*?)</mark>', page).group(1)
    assert "Recht auf Selbstverteidigung".startswith(marked)
