"""Adding and correcting through the web: the token, the sign-in session, CSRF, clear 4xx answers."""

import json
import re

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.web import create_app
from tests.web.conftest import BEARER, TOKEN

ARTICLE = "Kiew warnt Moskau\nAußenamtssprecher Heorhij Tychyj sagte am Montag: „Wir werden nicht nachgeben.“\n"


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def sign_in(client) -> str:
    page = client.get("/signin")
    r = client.post("/signin", data={"analyst": "Anna", "token": TOKEN, "next": "/articles/new",
                                     "csrf": csrf_of(page.text)}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/articles/new"
    cookie = r.headers["set-cookie"]
    assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
    return csrf_of(client.get("/articles/new").text)


# --- a read-only instance ---------------------------------------------------------------------------

def test_without_a_token_the_instance_is_read_only_and_says_so(client):
    assert "read-only" in client.get("/signin").text
    r = client.get("/articles/new")
    assert r.status_code == 403 and "no DOSSIER_INGEST_TOKEN is configured" in r.text
    api = client.post("/api/articles", json={"body": ARTICLE}, headers=BEARER)
    assert api.status_code == 403 and "read-only" in api.json()["detail"]
    assert client.get("/api/quotes").status_code == 200  # reading never needs anything


# --- the API with the token -------------------------------------------------------------------------

def test_the_api_needs_the_token(writable):
    r = writable.post("/api/articles", json={"body": ARTICLE})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert writable.post("/api/articles", json={"body": ARTICLE}, headers={"Authorization": "Bearer nope"}).status_code == 401


def test_posting_an_article_twice_answers_with_the_existing_one(writable):
    first = writable.post("/api/articles", headers=BEARER,
                          json={"body": ARTICLE, "publisher": "Kyiv Independent", "published": "2025-03-03"})
    assert first.status_code == 201, first.text
    [loaded] = first.json()["results"]
    assert loaded["status"] == "loaded"
    again = writable.post("/api/articles", headers=BEARER, json={"body": ARTICLE + "\n"})
    assert again.status_code == 200
    assert again.json()["results"][0] == {**loaded, "status": "unchanged",
                                          "message": f"already loaded as article {loaded['article_id']}"}
    article = writable.get(f"/api/articles/{loaded['article_id']}").json()
    assert (article["publisher"], article["published"]) == ("Kyiv Independent", "2025-03-03")


def test_a_multipart_batch_loads_the_good_and_names_the_bad(writable):
    batch = "\n".join([json.dumps({"title": "Eins", "body": ARTICLE}), "{broken", json.dumps({"body": "Zwei\nText"})])
    r = writable.post("/api/articles", headers=BEARER, files={"file": ("batch.jsonl", batch.encode(), "application/x-ndjson")},
                      data={"publisher": "dpa"})
    assert r.status_code == 201
    results = r.json()["results"]
    assert [x["status"] for x in results] == ["loaded", "error", "loaded"]
    assert results[1]["message"].startswith("batch.jsonl line 2: not valid JSON")


@pytest.mark.parametrize("files, json_body, status, message", [
    (None, {"body": ""}, 422, "body"),
    (None, {"text": "no body field"}, 422, "body"),
    (None, {"body": "x", "published": "soon"}, 422, "published must be a date"),
    ({"file": ("a.bin", b"\x00\x01\x02", "application/octet-stream")}, None, 422, "not an article file"),
    ({"file": ("a.txt", b"\x00\x01\x02", "text/plain")}, None, 422, "a binary file"),
    ({"file": ("a.md", b"---\ntitle: [x\n---\nText", "text/markdown")}, None, 422, "a.md: the front matter is not valid YAML"),
    ({"file": ("a.txt", b"x" * 3000, "text/plain")}, None, 413, "over the limit of 2000"),
    (None, {"body": "y" * 3000}, 413, "over the limit of 2000"),
])
def test_bad_input_is_a_clear_4xx_and_stores_nothing(db_url, seeded, files, json_body, status, message):
    settings = Settings(database_url=db_url, load_seeds=False, ingest_token=TOKEN, max_article_bytes=2000)
    with TestClient(create_app(settings)) as client:
        before = client.get("/api/articles").json()["total"]
        r = client.post("/api/articles", headers=BEARER, files=files, json=json_body)
        assert r.status_code == status, r.text
        assert message in r.json()["detail"] if isinstance(r.json()["detail"], str) else message in r.text
        assert client.get("/api/articles").json()["total"] == before


def test_api_corrections_record_the_analyst_and_undo(writable):
    q = writable.get("/api/quotes", params={"q": "Selbstverteidigung"}).json()["items"][0]
    r = writable.post(f"/api/quotes/{q['id']}/corrections", headers=BEARER, json={"speaker": "Wladimir Putin", "note": "check"})
    assert r.status_code == 201, r.text
    [c] = r.json()
    assert (c["analyst"], c["action"], c["after"]["speaker"]) == ("anna", "set_speaker", "Vladimir Putin")
    now = writable.get("/api/quotes", params={"q": "Selbstverteidigung"}).json()["items"][0]
    assert now["speaker"]["name"] == "Vladimir Putin"
    assert writable.post(f"/api/quotes/{q['id']}/corrections", json={"speaker": "x"}).status_code == 401
    bad = writable.post(f"/api/quotes/{now['id']}/corrections", headers=BEARER, json={"speaker": "Nobody Known"})
    assert bad.status_code == 422 and "No actor is named" in bad.json()["detail"]
    undone = writable.post(f"/api/corrections/{c['id']}/undo", headers=BEARER)
    assert undone.status_code == 200 and undone.json()["undone_by"] == "anna"
    back = writable.get("/api/quotes", params={"q": "Selbstverteidigung"}).json()["items"][0]
    assert back["speaker"]["name"] == "Kim Jong Un"
    assert writable.get("/api/corrections").json()[0]["id"] == c["id"]


# --- the pages: sign in, forms, CSRF ----------------------------------------------------------------

def test_writing_pages_send_you_to_sign_in_first(writable):
    r = writable.get("/articles/new", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/signin?next=/articles/new"
    page = writable.get("/signin")
    wrong = writable.post("/signin", data={"analyst": "Anna", "token": "nope", "csrf": csrf_of(page.text)})
    assert wrong.status_code == 401 and "not right" in wrong.text


def test_the_form_adds_an_article_and_needs_its_csrf_token(writable):
    csrf = sign_in(writable)
    missing = writable.post("/articles/new", data={"text": ARTICLE}, follow_redirects=False)
    assert missing.status_code == 403 and "reload the page" in missing.text
    r = writable.post("/articles/new", data={"text": ARTICLE, "publisher": "Kyiv Independent", "csrf": csrf},
                      follow_redirects=False)
    assert r.status_code == 303 and re.fullmatch(r"/articles/\d+", r.headers["location"])
    page = writable.get(r.headers["location"]).text
    assert "Kyiv Independent" in page and "Wir werden nicht nachgeben." in page


def test_a_session_cookie_alone_cannot_write_through_the_api(writable):
    sign_in(writable)
    assert writable.post("/api/articles", json={"body": ARTICLE}).status_code == 401


def test_correct_in_the_reader_see_it_in_the_audit_and_undo(writable):
    csrf = sign_in(writable)
    q = writable.get("/api/quotes", params={"q": "Selbstverteidigung"}).json()["items"][0]
    reader = writable.get(f"/articles/{q['article']['id']}").text
    assert f'action="/quotes/{q["id"]}/correct"' in reader
    r = writable.post(f"/quotes/{q['id']}/correct", data={"not_a_quote": "true", "csrf": csrf,
                                                          "back": f"/articles/{q['article']['id']}"},
                      follow_redirects=False)
    assert r.status_code == 303
    assert writable.get("/api/quotes", params={"q": "Selbstverteidigung"}).json()["total"] == 0
    audit = writable.get("/audit").text
    assert "not quote" in audit and "Anna" in audit
    undo = re.search(r'action="(/corrections/\d+/undo)"', audit).group(1)
    assert writable.post(undo, data={"csrf": csrf}, follow_redirects=False).status_code == 303
    assert writable.get("/api/quotes", params={"q": "Selbstverteidigung"}).json()["total"] == 1
    assert "undone by Anna" in writable.get("/audit").text


def test_merge_in_the_page_then_search_by_the_old_alias(writable):
    csrf = sign_in(writable)
    for text in [ARTICLE, "Kiew bleibt hart\nDer ukrainische Sprecher Georgi Tichi sagte: „Die Front hält.“\n"]:
        writable.post("/articles/new", data={"text": text, "csrf": csrf})
    gone = next(a for a in writable.get("/api/actors", params={"q": "Georgi Tichi"}).json()["items"])
    r = writable.post(f"/actors/{gone['id']}/correct", data={"merge_into": "Heorhij Tychyj", "csrf": csrf},
                      follow_redirects=False)
    assert r.status_code == 303
    kept = writable.get(r.headers["location"]).text
    assert "Heorhij Tychyj" in kept and "Georgi Tichi" in kept  # the old name is an alias now
    found = writable.get("/quotes", params={"speaker": "Georgi Tichi"}).text
    assert "Quotes by Heorhij Tychyj" in found and "Die Front hält." in found and "Wir werden nicht nachgeben." in found
    assert writable.get("/api/actors", params={"q": "Georgi"}).json()["items"][0]["name"] == "Heorhij Tychyj"


def test_correcting_something_that_does_not_exist_is_404(writable):
    for path in ["/api/quotes/99999/corrections", "/api/estimates/99999/corrections", "/api/actors/99999/corrections"]:
        r = writable.post(path, headers=BEARER, json={"note": "x", "reject": True, "alias": "y"})
        assert r.status_code == 404 and r.json()["detail"].startswith("There is no ")
    assert writable.post("/api/corrections/99999/undo", headers=BEARER).status_code == 404
