"""The edge of the application (app/web/security.py, app/web/logs.py): security headers on every
response, the request body limit, hardened cookies, no path traversal through /static, one JSON
access-log line a request. Through a live server and Chromium: tests/web/test_edge_live.py."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
from html.parser import HTMLParser

import pytest
from fastapi import Request, Response
from fastapi.testclient import TestClient

from app.config import ROOT
from app.web import create_app
from app.web.logs import logger as access_logger
from app.web.security import harden_cookie

PAGES = ["/", "/quotes", "/estimates", "/actors", "/sources", "/articles", "/articles/1", "/actors/1", "/search?q=Kim"]
ANSWERS = [
    ("GET", "/", 200), ("GET", "/quotes?speaker=Kim", 200), ("GET", "/api/quotes", 200), ("GET", "/quotes.csv", 200),
    ("GET", "/static/app.js", 200), ("GET", "/static/htmx-2.0.11.min.js", 200), ("GET", "/static/missing.css", 404),
    ("GET", "/healthz", 200), ("GET", "/openapi.json", 200), ("GET", "/nowhere", 404), ("GET", "/articles/999999", 404),
    ("GET", "/quotes?page=0", 422), ("GET", "/api/quotes?page=x", 422), ("DELETE", "/quotes", 405),
]


def assert_security_headers(headers) -> None:  # noqa: ANN001
    csp = headers["content-security-policy"]
    directives = dict((d.strip().split(" ", 1) + [""])[:2] for d in csp.split(";"))
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in directives["script-src"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"


@pytest.mark.parametrize(("method", "path", "status"), ANSWERS)
def test_every_kind_of_answer_carries_the_security_headers(client, method, path, status):
    r = client.request(method, path)
    assert r.status_code == status
    assert_security_headers(r.headers)
    assert "unsafe-inline" not in r.headers["content-security-policy"]


def test_htmx_fragments_carry_them_too(client):
    r = client.get("/quotes?speaker=Kim", headers={"HX-Request": "true"})
    assert r.status_code == 200 and "<html" not in r.text
    assert_security_headers(r.headers)


def test_a_server_error_carries_them_and_is_logged(settings, seeded):
    app = create_app(settings)

    @app.get("/test-only-failure")
    def fail():
        raise RuntimeError("boom")

    lines = []
    handler = _ListHandler(lines)
    access_logger.addHandler(handler)
    try:
        with TestClient(app, raise_server_exceptions=False) as c:
            r = c.get("/test-only-failure")
    finally:
        access_logger.removeHandler(handler)
    assert r.status_code == 500 and "boom" not in r.text and "Traceback" not in r.text
    assert_security_headers(r.headers)
    record = json.loads(lines[-1])
    assert record["path"] == "/test-only-failure" and record["status"] == 500 and record["error"] == "RuntimeError"


def test_the_api_browser_gets_a_policy_with_the_hash_of_its_own_inline_script(client):
    r = client.get("/docs")
    assert r.status_code == 200
    inline = re.findall(r"<script>(.*?)</script>", r.text, re.S)
    assert inline, "FastAPI's /docs page changed: check the policy still fits"
    csp = r.headers["content-security-policy"]
    for body in inline:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert "frame-ancestors 'none'" in csp


class _Inline(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, inline styles, event-handler attributes."""

    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        names = {k.lower() for k, _ in attrs}
        if tag == "script":
            self._in_script = "src" not in names
        if tag == "style":
            self.problems.append("<style> element")
        if "style" in names:
            self.problems.append(f"style attribute on <{tag}>")
        self.problems += [f"{k} on <{tag}>" for k in names if k.startswith("on")]
        for k, v in attrs:
            if k in ("href", "src", "action", "formaction", "hx-get", "hx-post") and v and \
                    v.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.problems.append(f"{k}={v!r} on <{tag}>")

    def handle_endtag(self, tag):  # noqa: ANN001
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):  # noqa: ANN001
        if self._in_script and data.strip():
            self.problems.append(f"inline script: {data[:60]!r}")


def inline_problems(html: str) -> list[str]:
    parser = _Inline()
    parser.feed(html)
    return parser.problems


@pytest.mark.parametrize("path", PAGES)
def test_pages_need_no_inline_script_or_style(client, path):
    for headers in ({}, {"HX-Request": "true"}):
        r = client.get(path, headers=headers)
        assert r.status_code == 200
        assert inline_problems(r.text) == []


def test_templates_hold_no_inline_script_style_or_handler():
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), template
        assert not re.search(r"<style|\sstyle=", text), template
        assert not re.search(r"\son[a-z]+\s*=", text), template
        assert "hx-on" not in text and "js:" not in text, template


def test_cookies_are_http_only_and_same_site():
    assert harden_cookie(b"a=1; Path=/", https=False) == b"a=1; Path=/; HttpOnly; SameSite=Lax"
    assert harden_cookie(b"a=1; path=/; httponly; samesite=strict", https=True) == \
        b"a=1; path=/; httponly; samesite=strict; Secure"


def test_every_cookie_the_application_sets_is_hardened(settings, seeded):
    app = create_app(settings)

    @app.get("/test-only-cookie")
    def cookie(response: Response):
        response.set_cookie("plain", "1")
        response.raw_headers.append((b"set-cookie", b"raw=2; Path=/"))
        return {}

    for base, secure in (("http://testserver", False), ("https://testserver", True)):
        with TestClient(app, base_url=base) as c:
            cookies = c.get("/test-only-cookie").headers.get_list("set-cookie")
        assert len(cookies) == 2
        for value in cookies:
            attributes = {a.strip().split("=")[0].lower() for a in value.split(";")[1:]}
            assert {"httponly", "samesite"} <= attributes, value
            assert ("secure" in attributes) is secure, value


def test_the_sign_in_session_cookie_is_http_only_and_same_site(settings, seeded):
    with TestClient(create_app(settings.model_copy(update={"ingest_token": "tok"}))) as c:
        r = c.get("/signin")
        csrf = re.search(r'name="csrf" value="([^"]+)"', r.text).group(1)
        signed_in = c.post("/signin", data={"token": "tok", "analyst": "ann", "csrf": csrf}, follow_redirects=False)
    cookies = r.headers.get_list("set-cookie") + signed_in.headers.get_list("set-cookie")
    assert signed_in.status_code == 303 and cookies
    for value in cookies:
        lowered = value.lower()
        assert "httponly" in lowered and "samesite=lax" in lowered, value


@pytest.fixture
def small_limit_client(settings, seeded):
    with TestClient(create_app(settings.model_copy(update={"max_body_bytes": 1000}))) as c:
        yield c


def test_a_body_over_the_limit_is_refused_with_413_and_a_sentence(small_limit_client):
    r = small_limit_client.post("/api/quotes", content=b"x" * 1001)
    assert r.status_code == 413
    assert "larger than this server accepts" in r.json()["detail"] and "DOSSIER_MAX_BODY_BYTES" in r.json()["detail"]
    assert_security_headers(r.headers)
    r = small_limit_client.post("/quotes", content=b"x" * 5000)
    assert r.status_code == 413 and r.headers["content-type"].startswith("text/plain")
    assert "1,000 bytes" in r.text


def test_a_chunked_body_over_the_limit_is_refused_too(settings, seeded):
    app = create_app(settings.model_copy(update={"max_body_bytes": 1000}))

    @app.post("/test-only-echo")
    async def echo(request: Request):
        return {"read": len(await request.body())}

    def chunks(n):  # noqa: ANN001, ANN202
        for _ in range(n):
            yield b"y" * 100

    with TestClient(app) as c:
        assert c.post("/test-only-echo", content=chunks(10)).json() == {"read": 1000}
        r = c.post("/test-only-echo", content=chunks(20))
    assert r.status_code == 413 and "DOSSIER_MAX_BODY_BYTES" in r.text
    assert_security_headers(r.headers)


def test_a_body_within_the_limit_reaches_the_application(small_limit_client):
    assert small_limit_client.post("/api/quotes", content=b"x" * 999).status_code == 405


def test_the_limit_is_configured_by_environment(monkeypatch):
    from app.config import Settings

    monkeypatch.setenv("DOSSIER_MAX_BODY_BYTES", "1234")
    assert Settings().max_body_bytes == 1234
    monkeypatch.delenv("DOSSIER_MAX_BODY_BYTES")
    from app.formats import BATCH_FACTOR

    default = Settings()
    assert default.max_article_bytes * BATCH_FACTOR < default.max_body_bytes <= 100_000_000  # a batch upload fits


def test_no_route_takes_a_server_path(client):
    """Every parameter of every route is a filter value or an id: none names a file or folder."""
    from fastapi.routing import APIRoute
    from starlette.routing import Mount

    def params(dependant):  # noqa: ANN001, ANN202
        yield from dependant.query_params + dependant.path_params + dependant.body_params + dependant.header_params
        for sub in dependant.dependencies:
            yield from params(sub)

    for route in client.app.routes:
        if isinstance(route, Mount):
            assert route.path == "/static"
            continue
        if not isinstance(route, APIRoute):
            continue
        assert ":path}" not in route.path, route.path
        for p in params(route.dependant):
            annotation = str(p.field_info.annotation)
            assert "Path" not in annotation.replace("pathlib", "") or "PathParam" in annotation, (route.path, p.name)
            assert "pathlib" not in annotation, (route.path, p.name)
            assert p.name.lower() not in {"path", "file", "filename", "dir", "directory", "folder"}, (route.path, p.name)


def test_the_web_layer_opens_no_file_named_by_a_request():
    for module in (ROOT / "app" / "web").glob("*.py"):
        text = module.read_text()
        assert "FileResponse" not in text, module
        assert not re.search(r"\bopen\(", text), module


class _ListHandler(logging.Handler):
    def __init__(self, lines):  # noqa: ANN001
        super().__init__()
        self.lines = lines

    def emit(self, record):  # noqa: ANN001
        self.lines.append(record.getMessage())


def test_one_json_line_a_request(client):
    lines = []
    handler = _ListHandler(lines)
    access_logger.addHandler(handler)
    try:
        client.get("/quotes?q=secret+words", headers={"HX-Request": "true"})
        client.get("/quotes.csv")
        client.get("/static/app.css")
        client.get("/nowhere/%22%0Aforged%20%7B%22status%22:%20200%7D")
    finally:
        access_logger.removeHandler(handler)
    assert len(lines) == 4 and all("\n" not in line for line in lines)
    records = [json.loads(line) for line in lines]
    assert [r["path"] for r in records[:3]] == ["/quotes", "/quotes.csv", "/static/app.css"]
    assert [r["status"] for r in records] == [200, 200, 200, 404]
    for r in records:
        assert set(r) == {"time", "method", "path", "status", "duration_ms", "client"}
        assert r["method"] == "GET" and r["duration_ms"] >= 0 and r["time"].endswith("Z")
    assert "secret" not in "".join(lines)  # the query string (what analysts search for) is not logged
    assert records[3]["path"] == '/nowhere/"\nforged {"status": 200}'


def test_serve_leaves_uvicorns_own_access_log_off():
    text = (ROOT / "app" / "cli.py").read_text()
    assert "access_log=False" in text


OFFSITE = ["//evil.example/", "/\\evil.example", "/\t/evil.example", "https://evil.example/", "/%2F%2Fevil.example",
           "\\\\evil.example", "javascript:alert(1)", "/\\/evil.example", " //evil.example"]


@pytest.mark.parametrize("target", OFFSITE)
def test_redirects_after_signing_in_stay_on_this_site(settings, seeded, target):
    """Read as a browser reads a Location (backslash as slash, tabs and spaces dropped)."""
    from urllib.parse import urljoin, urlsplit

    with TestClient(create_app(settings.model_copy(update={"ingest_token": "tok"}))) as c:
        r = c.get("/signin", params={"next": target})
        csrf = re.search(r'name="csrf" value="([^"]+)"', r.text).group(1)
        r = c.post("/signin", params={"next": target}, data={"token": "tok", "analyst": "ann", "csrf": csrf,
                                                              "next": target}, follow_redirects=False)
    assert r.status_code == 303
    location = r.headers["location"]
    as_browser = re.sub(r"[\t\n\r ]", "", location).replace("\\", "/")
    assert urlsplit(urljoin("http://testserver/signin", as_browser)).netloc == "testserver", location
