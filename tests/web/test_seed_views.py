"""What an analyst checks first on the seed articles (issue 2's "done when")."""

import re


def all_items(client, path: str, **params) -> list[dict]:
    first = client.get(path, params=params).json()
    items = first["items"]
    for page in range(2, first["pages"] + 1):
        items += client.get(path, params={**params, "page": page}).json()["items"]
    return items


def test_quotes_by_kim_jong_un(client):
    r = client.get("/quotes", params={"speaker": "Kim Jong Un"})
    assert r.status_code == 200
    assert "Quotes by Kim Jong Un" in r.text
    total = int(re.search(r"of (\d+)\.", r.text).group(1))
    assert total >= 8
    assert set(re.findall(r'<a class="speaker" href="/actors/\d+">(.*?)</a>', r.text)) == {"Kim Jong Un"}
    texts = {q["text"] for q in all_items(client, "/api/quotes", speaker="Kim Jong Un")}
    assert len(texts) == total
    assert "Recht auf Selbstverteidigung" in texts
    assert any(t.startswith("Die DVRK strebt keine unnötigen Spannungen") for t in texts)


def test_a_speaker_is_found_by_any_spelling(client):
    canonical = client.get("/api/quotes", params={"speaker": "Kim Jong Un"}).json()["total"]
    assert client.get("/api/quotes", params={"speaker": "Kim Jong-un"}).json()["total"] == canonical
    assert client.get("/api/quotes", params={"speaker": "Nobody Known"}).json()["total"] == 0


def test_estimates_list_the_troop_figures_with_their_qualifiers(client):
    figures = [(e["value"], e["qualifier"]) for e in all_items(client, "/api/estimates")]
    for expected in [(10000, "more_than"), (100000, "up_to"), (11000, "approx"), (14000, "up_to"),
                     (30000, "up_to"), (8000, "up_to")]:
        assert expected in figures
    html = client.get("/estimates", params={"qualifier": "up_to", "page": 1}).text
    table = re.search(r'<table class="items estimates">.*?</table>', html, re.S).group(0)
    figures = re.findall(r'<td class="figure"><a [^>]*>(.*?)</a>', table)
    assert figures and all(f.startswith("up to ") for f in figures)


def test_sources_list_the_agencies_and_what_came_through_them(client):
    names = {s["name"] for s in all_items(client, "/api/sources")}
    assert {"KCNA", "TASS", "dpa", "AFP"} <= names
    via_kcna = {q["text"] for q in all_items(client, "/api/quotes", via="KCNA")}
    assert "Recht auf Selbstverteidigung" in via_kcna
