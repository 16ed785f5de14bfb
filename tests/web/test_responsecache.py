"""The response cache (app/web/responsecache.py): a read asked twice is answered from memory, the same
bytes; any committed write, through the app or by another connection or process, is seen by the next
read; ETags give 304; answers that set cookies or are for a signed-in writer are never shared."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.config import Settings
from app.web import create_app
from app.web.responsecache import ResponseCache
from tests.web.conftest import BEARER, TOKEN

HTMX = {"HX-Request": "true", "HX-Trigger": "filters"}
SECURITY = ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy")


def cache_of(client: TestClient) -> ResponseCache:
    return client.app.state.response_cache


def first_quote(client: TestClient) -> dict:
    return client.get("/api/quotes", params={"q": "Selbstverteidigung"}).json()["items"][0]


def test_a_read_asked_again_is_the_same_answer_from_memory(client):
    for path, headers in [("/quotes?speaker=Kim+Jong+Un", {}), ("/quotes?speaker=Kim+Jong+Un", HTMX),
                          ("/api/quotes?q=Sanktionen", {}), ("/quotes.csv?kind=direct", {})]:
        first = client.get(path, headers=headers)
        hits = cache_of(client).hits
        again = client.get(path, headers=headers)
        assert first.status_code == again.status_code == 200
        assert again.content == first.content and again.headers["etag"]
        assert first.headers.get("etag", again.headers["etag"]) == again.headers["etag"]  # a stream has none at first
        assert cache_of(client).hits == hits + 1, path
        for name in SECURITY:
            assert name in again.headers, (path, name)
    page = client.get("/quotes?speaker=Kim+Jong+Un").text
    fragment = client.get("/quotes?speaker=Kim+Jong+Un", headers=HTMX).text
    assert "<html" in page and "<html" not in fragment  # htmx's headers are part of the question


def test_the_query_string_is_read_as_the_app_reads_it(client):
    a = client.get("/api/quotes?kind=direct&q=Sanktionen")
    hits = cache_of(client).hits
    b = client.get("/api/quotes?q=Sanktionen&kind=direct")
    assert b.content == a.content and cache_of(client).hits == hits + 1
    assert client.get("/api/quotes?q=Sanktionen&kind=reported").content != a.content


def test_a_correction_through_the_api_is_seen_by_the_next_read(writable):
    before = first_quote(writable)
    assert first_quote(writable) == before  # kept
    r = writable.post(f"/api/quotes/{before['id']}/corrections", headers=BEARER, json={"speaker": "Wladimir Putin"})
    assert r.status_code == 201, r.text
    assert first_quote(writable)["speaker"]["name"] == "Vladimir Putin"
    assert "Vladimir Putin" in writable.get("/quotes", params={"q": "Selbstverteidigung"}, headers=HTMX).text


def test_an_article_added_through_the_api_is_seen_by_the_next_read(writable):
    total = writable.get("/api/articles").json()["total"]
    assert writable.get("/api/articles/999999").status_code == 404
    body = "Kiew warnt Moskau\nAußenamtssprecher Heorhij Tychyj sagte am Montag: „Wir werden nicht nachgeben.“\n"
    r = writable.post("/api/articles", headers=BEARER, json={"body": body, "publisher": "Kyiv Independent"})
    assert r.status_code == 201, r.text
    assert writable.get("/api/articles").json()["total"] == total + 1
    assert writable.get(f"/api/articles/{r.json()['results'][0]['article_id']}").status_code == 200


def test_a_write_by_another_connection_is_seen_by_the_next_read(client, engine):
    quote = first_quote(client)
    url = f"/api/quotes?speaker={quote['speaker']['id']}"
    before = client.get(url).json()
    assert client.get(url).json() == before
    with engine.begin() as conn:  # an engine of its own: another connection, as another process would be
        conn.execute(text("UPDATE quote SET rejected = :yes WHERE id = :id"), {"yes": True, "id": quote["id"]})
    after = client.get(url).json()
    assert after["total"] == before["total"] - 1
    assert quote["id"] not in [q["id"] for q in after["items"]]


@pytest.mark.sqlite_only
def test_a_write_by_another_process_is_seen_by_the_next_read(client, db_url):
    quote = first_quote(client)
    url = f"/api/quotes?speaker={quote['speaker']['id']}"
    before = client.get(url).json()
    assert client.get(url).json() == before
    path = make_url(db_url).database
    script = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
              "c.execute('UPDATE quote SET rejected = 1 WHERE id = ?', (int(sys.argv[2]),)); c.commit()")
    subprocess.run([sys.executable, "-c", script, path, str(quote["id"])], check=True)
    after = client.get(url).json()
    assert after["total"] == before["total"] - 1
    assert quote["id"] not in [q["id"] for q in after["items"]]


def test_a_matching_etag_is_answered_304_with_the_headers(client):
    r = client.get("/quotes?speaker=Kim+Jong+Un")
    etag = r.headers["etag"]
    for sent in (etag, f"W/{etag}", f'"nope", {etag}', "*"):
        again = client.get("/quotes?speaker=Kim+Jong+Un", headers={"If-None-Match": sent})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag, sent
        assert again.headers["vary"] == "HX-Request"
        for name in SECURITY:
            assert name in again.headers
    other = client.get("/quotes?speaker=Kim+Jong+Un", headers={"If-None-Match": '"nope"'})
    assert other.status_code == 200 and other.content == r.content
    fresh = client.get("/api/quotes?q=Kim", headers={"If-None-Match": "*"})  # not kept yet: computed, then 304
    assert fresh.status_code == 304 and fresh.headers["etag"]


def test_answers_that_set_a_cookie_are_never_shared(db_url, seeded):
    settings = Settings(database_url=db_url, load_seeds=False, ingest_token=TOKEN)
    app = create_app(settings)
    with TestClient(app) as one, TestClient(app) as two:
        a, b = one.get("/signin"), two.get("/signin")  # each gets its own session and CSRF token
        assert "set-cookie" in a.headers and "set-cookie" in b.headers
        assert a.headers["set-cookie"] != b.headers["set-cookie"]
        csrf = re.compile(r'name="csrf" value="([^"]+)"')
        assert csrf.search(a.text).group(1) != csrf.search(b.text).group(1)
        assert "etag" not in a.headers and "etag" not in b.headers


def test_a_signed_in_writer_is_answered_afresh_and_not_shared(db_url, seeded):
    settings = Settings(database_url=db_url, load_seeds=False, ingest_token=TOKEN)
    app = create_app(settings)
    with TestClient(app) as anonymous, TestClient(app) as analyst:
        plain = anonymous.get("/quotes")
        assert "Sign out" not in plain.text and "etag" in plain.headers
        page = analyst.get("/signin")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        r = analyst.post("/signin", data={"analyst": "Anna", "token": TOKEN, "next": "/quotes", "csrf": csrf},
                         follow_redirects=False)
        assert r.status_code == 303
        signed_in = analyst.get("/quotes")
        assert "Sign out" in signed_in.text and "Anna" in signed_in.text and "etag" not in signed_in.headers
        assert "Sign out" not in anonymous.get("/quotes").text
        with_token = anonymous.get("/api/quotes", headers=BEARER)
        assert with_token.status_code == 200 and "etag" not in with_token.headers


def test_errors_other_than_404_and_health_are_not_kept(client):
    cache = cache_of(client)
    assert client.get("/api/quotes?page=abc").status_code == 422
    assert client.get("/api/articles/999999").status_code == 404
    assert client.get("/healthz").status_code == 200
    kept = {key[0] + "?" + key[1] for key in cache.entries}
    assert "/api/articles/999999?" in kept
    assert not any(k.startswith(("/healthz", "/api/quotes?page=abc", "/static")) for k in kept)


def test_a_budget_of_zero_turns_the_cache_off(db_url, seeded):
    with TestClient(create_app(Settings(database_url=db_url, load_seeds=False, response_cache_mb=0))) as client:
        r = client.get("/quotes")
        assert r.status_code == 200 and "etag" not in r.headers
        assert not hasattr(client.app.state, "response_cache")


def test_the_least_recently_used_answers_go_first_when_over_budget():
    async def app(scope, receive, send):  # noqa: ANN001, ANN202
        if scope["type"] != "http":
            return
        size = int(scope["path"].strip("/"))
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"x" * size})

    cache = ResponseCache(app, budget_bytes=8_000, version=lambda: 1)
    client = TestClient(cache)
    if True:
        for path in ("/900", "/901", "/902", "/903", "/904"):
            assert client.get(path).status_code == 200
        assert client.get("/900").headers["etag"]  # used again: now the most recent
        for path in ("/905", "/906", "/907", "/908"):
            client.get(path)
            assert cache.used <= cache.budget
        kept = [key[0] for key in cache.entries]
        assert "/900" in kept and "/901" not in kept and kept[-1] == "/908"
        assert cache.used == sum(e.size for e in cache.entries.values())
        assert len(client.get("/2000").content) == 2000 and "/2000" not in [k[0] for k in cache.entries]  # > 1/8


def _asked_at_once(client: TestClient, monkeypatch, path: str, n: int = 6) -> tuple[int, list[bytes]]:
    """n identical requests at the same moment; how often the quotes were listed, and the bodies."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    from app import queries

    listed = []
    original = queries.list_quotes

    def slow_list_quotes(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        listed.append(threading.get_ident())
        time.sleep(0.3)  # long enough for the others to arrive while it is computed
        return original(*args, **kwargs)

    monkeypatch.setattr(queries, "list_quotes", slow_list_quotes)
    with ThreadPoolExecutor(n) as pool:
        answers = list(pool.map(lambda _: client.get(path), range(n)))
    assert {a.status_code for a in answers} == {200}
    return len(listed), [a.content for a in answers]


def test_the_same_question_asked_at_once_is_computed_once(client, monkeypatch):
    waited = cache_of(client).waited
    computed, bodies = _asked_at_once(client, monkeypatch, "/quotes?speaker=Kim+Jong+Un&kind=direct")
    assert computed == 1 and len(set(bodies)) == 1
    assert cache_of(client).waited - waited == 5
    assert cache_of(client).computing == {}


def test_an_answer_that_is_streamed_lets_the_others_compute_their_own(client, monkeypatch):
    computed, bodies = _asked_at_once(client, monkeypatch, "/quotes.csv?speaker=Kim+Jong+Un")
    assert computed == 6 and len(set(bodies)) == 1  # none waited for a stream to end
    assert cache_of(client).computing == {}
