"""The analyst's views: actor pages, chains of sources, the chart, facets."""

import re

from tests.web.test_seed_views import all_items


def actor_id(client, name: str) -> int:
    return next(a["id"] for a in all_items(client, "/api/actors", q=name) if a["name"] == name)


def test_actor_page_shows_aliases_timeline_and_company(client):
    kim = actor_id(client, "Kim Jong Un")
    html = client.get(f"/actors/{kim}").text
    assert "Kim Jong-un" in html  # an alias seen in the articles
    assert re.search(r'<span class="month">2024-11</span> <meter min="0" max="\d+" value="\d+">', html)
    company = re.search(r'<h2 id="h-with">Appears with</h2>(.*?)</section>', html, re.S).group(1)
    assert "Vladimir Putin" in company and "Russia" in company


def test_source_chains_speaker_agency_outlet(client):
    html = client.get("/sources").text
    table = re.search(r'<table class="items chains">(.*?)</table>', html, re.S).group(1)
    rows = [re.sub(r"<[^>]+>|\s+", " ", row).split("→") for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]]
    chains = {tuple(part.strip() for part in row[:2]) + (row[2].split()[0],) for row in rows}
    assert ("Kim Jong Un", "KCNA", "ntv.de") in chains
    assert ("Sergei Lavrov", "TASS", "ntv.de") in chains


def test_chart_draws_every_dated_figure(client):
    html = client.get("/").text
    svg = re.search(r'<svg class="chart"[^>]*data-points="(\d+)"', html)
    assert svg and int(svg.group(1)) >= 6
    assert html.count('class="mark q-up_to"') >= 4  # bis zu 100.000, 14.000, 30.000, 8.000
    assert 'class="mark q-more_than"' in html and 'class="mark q-approx"' in html


def test_a_facet_link_narrows_and_the_chip_widens_again(client):
    html = client.get("/quotes").text
    link = re.search(r'<a href="(/quotes\?speaker=Kim\+Jong\+Un)"[^>]*class="facet-value"', html).group(1)
    narrowed = client.get(link).text
    assert "Quotes by Kim Jong Un" in narrowed
    chip = re.search(r'<a href="([^"]*)"[^>]*class="chip"[^>]*>by Kim Jong Un ×</a>', narrowed).group(1)
    assert chip == "/quotes"


def test_two_values_of_one_facet_are_alternatives(client):
    kim = client.get("/api/quotes", params={"speaker": "Kim Jong Un"}).json()["total"]
    lavrov = client.get("/api/quotes", params={"speaker": "Sergei Lavrov"}).json()["total"]
    both = client.get("/api/quotes", params=[("speaker", "Kim Jong Un"), ("speaker", "Sergei Lavrov")]).json()["total"]
    assert both == kim + lavrov
    html = client.get("/quotes", params=[("speaker", "Kim Jong Un"), ("speaker", "Sergei Lavrov")]).text
    assert "Quotes by Kim Jong Un or Sergei Lavrov" in html


def test_month_facet(client):
    html = client.get("/estimates", params={"month": "2025-07"}).text
    assert "Estimates in July 2025" in html
    assert {e["article"]["published"][:7] for e in all_items(client, "/api/estimates", month="2025-07")} == {"2025-07"}


def test_the_estimates_page_says_when_its_chart_and_claims_are_drawn_from_a_part(client, monkeypatch):
    from app.web import pages

    total = client.get("/api/estimates").json()["total"]
    assert "drawn from the newest" not in client.get("/estimates").text  # all of them drawn
    monkeypatch.setattr(pages, "ALL", 3)
    html = client.get("/estimates", headers={"HX-Request": "true"}).text
    assert f"drawn from the newest 3 of these {total} estimates" in html
    claims = re.search(r'<table class="items claims">(.*?)</table>', html, re.S).group(1)
    assert 1 <= len(re.findall(r'href="/articles/\d+#e-', claims)) <= 3  # the claims of those 3 only


def test_the_estimates_page_lists_the_most_corroborated_claims_and_says_how_many_it_left_out(client, monkeypatch):
    from app.web import pages

    html = client.get("/estimates").text  # the whole page (answers are kept: the next one asks for the results)
    table = re.search(r'<table class="items claims">(.*?)</table>', html, re.S).group(1)
    n_claims = table.count("<tr>") - 1  # less the header row
    assert n_claims >= 2 and "most corroborated of" not in html
    first = re.search(r'<tbody>\s*<tr>(.*?)</tr>', table, re.S).group(1)
    reports = len(re.findall(r'href="/articles/\d+#e-', first))
    assert reports >= 2
    monkeypatch.setattr(pages, "CLAIMS", 1)
    monkeypatch.setattr(pages, "PER_CLAIM", 1)
    html = client.get("/estimates", headers={"HX-Request": "true"}).text
    assert f"The 1 most corroborated of {n_claims} claims." in html
    table = re.search(r'<table class="items claims">(.*?)</table>', html, re.S).group(1)
    assert table.count("<tr>") == 2
    assert len(re.findall(r'href="/articles/\d+#e-', table)) == 1
    assert f"and {reports - 1} more" in table


def test_an_actor_page_lists_the_newest_items_and_links_to_all_of_them(client, monkeypatch):
    from app.web import pages

    kim = actor_id(client, "Kim Jong Un")
    total = client.get("/api/quotes", params={"speaker": "Kim Jong Un"}).json()["total"]
    monkeypatch.setattr(pages, "SHOWN", 2)
    html = client.get(f"/actors/{kim}").text
    assert f'<h2 id="h-quotes">Quotes ({total})</h2>' in html  # the count of all, not of those shown
    section = re.search(r'<section aria-labelledby="h-quotes">(.*?)</section>', html, re.S).group(1)
    assert section.count("<blockquote") == 2
    assert f'The newest 2 of {total}: <a href="/quotes?speaker=Kim%20Jong%20Un">all {total} quotes</a>' in section
    timeline = re.findall(r'<span class="month">[\d-]+</span> <meter[^>]*value="(\d+)"', html)
    dated = sum(1 for q in all_items(client, "/api/quotes", speaker="Kim Jong Un") if q["article"]["published"])
    assert sum(map(int, timeline)) == dated  # counted over every quote, not over the page


def test_appears_with_is_counted_over_the_latest_articles_and_says_so(client, monkeypatch):
    from app.web import pages

    kim = actor_id(client, "Kim Jong Un")
    html = client.get(f"/actors/{kim}").text
    section = re.search(r'<section aria-labelledby="h-with">(.*?)</section>', html, re.S).group(1)
    assert "Counted over the latest" not in section
    every = dict(re.findall(r'>([^<>]+) <span class="n">(\d+)</span>', section))
    naming = len({a["id"] for a in all_items(client, "/api/articles", actor="Kim Jong Un")})
    assert every and max(map(int, every.values())) <= naming
    monkeypatch.setattr(pages, "CO_ARTICLES", 1)
    html = client.get(f"/actors/{kim}", headers={"HX-Request": "true"}).text
    section = re.search(r'<section aria-labelledby="h-with">(.*?)</section>', html, re.S).group(1)
    assert re.search(r"Counted over the latest 1 stored of the \d+ articles that name it", section)
    assert set(re.findall(r'<span class="n">(\d+)</span>', section)) == {"1"}  # one article: one shared each
