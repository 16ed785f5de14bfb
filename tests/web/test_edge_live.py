"""The edge through a live server: /static refuses every spelling of a path out of its folder (sent
as raw request lines, so no client normalises them), the pages and htmx filtering run in Chromium
under the Content-Security-Policy, and the hostile article runs nothing even with the policy off."""

from __future__ import annotations

import re
import socket
import threading
import time
from urllib.parse import urlsplit

import pytest
import uvicorn
from playwright.sync_api import expect

from app.web import create_app
from tests.test_hostile import TOKEN, load_hostile, pages
from tests.web.conftest import free_port

TRAVERSALS = [
    "/static/../app/config.py", "/static/..%2fapp%2fconfig.py", "/static/%2e%2e/app/config.py",
    "/static/%2e%2e%2fapp%2fconfig.py", "/static/..%5capp%5cconfig.py", "/static/%252e%252e/app/config.py",
    "/static/....//app/config.py", "/static/..;/app/config.py", "/static//etc/passwd", "/static/%2fetc%2fpasswd",
    "/static/../../../../etc/passwd", "/static/%c0%ae%c0%ae/app/config.py", "/static/.%2e/app/config.py",
    "/static/app.css/../../app/config.py", "/static/..\\app\\config.py", "/static/%00../app/config.py",
]


def raw_get(base: str, raw_path: str) -> tuple[int, bytes]:
    """A request line sent as it is: no client library normalises the dots away."""
    host, port = urlsplit(base).hostname, urlsplit(base).port
    with socket.create_connection((host, port), timeout=10) as s:
        s.sendall(f"GET {raw_path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode("latin-1"))
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, data


@pytest.mark.parametrize("raw_path", TRAVERSALS)
def test_static_files_never_leave_the_static_folder(live_server, raw_path):
    status, data = raw_get(live_server, raw_path)
    assert status in (400, 404), data[:300]
    assert b"BaseSettings" not in data and b"root:" not in data


def test_the_static_files_themselves_are_served(live_server):
    status, data = raw_get(live_server, "/static/app.js")
    assert status == 200 and b"htmx:configRequest" in data


@pytest.mark.browser
def test_pages_and_htmx_filtering_run_under_the_policy(live_server, page):
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    response = page.goto(f"{live_server}/quotes")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.evaluate("window.__sameDocument = true")
    page.get_by_label("Search", exact=True).fill("Selbstverteidigung")
    expect(page).to_have_url(re.compile(r"/quotes\?q=Selbstverteidigung$"))
    expect(page.locator("#results blockquote")).to_have_count(1)
    assert page.evaluate("window.__sameDocument") is True  # htmx swapped the results, no reload
    page.locator("a.chip").first.click()
    expect(page).to_have_url(f"{live_server}/quotes")
    for path in ["/estimates", "/articles/1", "/search?q=Kim", "/sources", "/actors/1"]:
        page.goto(f"{live_server}{path}")
        expect(page.locator("h1")).to_be_visible()
    # an inline script the policy must stop (injected as if by a template bug)
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';
                             document.body.appendChild(s); }""")
    assert page.evaluate("window.__ran") is None
    violations = [p for p in problems if "Content Security Policy" in p]
    assert len(violations) == 1 and "inline" in violations[0]  # the injected one, and only it
    assert [p for p in problems if p not in violations] == []


@pytest.mark.browser
def test_nothing_runs_in_the_browser_even_without_the_policy(settings, engine, seeded, tmp_path, browser):
    """With CSP bypassed, escaping alone must keep every payload inert: no dialog, no error."""
    hostile = load_hostile(engine, tmp_path)
    hostile_settings = settings.model_copy(update={"ingest_token": TOKEN, "page_size": 25})
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(hostile_settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        for path in pages(hostile):
            page.goto(f"http://127.0.0.1:{port}{path}")
            page.evaluate("""() => document.querySelectorAll('*').forEach(e => {
                for (const type of ['mouseover', 'focus', 'click']) {
                    if (type !== 'click' || e.tagName !== 'A') e.dispatchEvent(new Event(type, {bubbles: false}));
                }})""")
        page.goto(f"http://127.0.0.1:{port}/quotes")
        page.get_by_label("Search", exact=True).fill("script")
        page.wait_for_url("**/quotes?q=script")
        page.wait_for_timeout(300)
    finally:
        context.close()
        server.should_exit = True
        thread.join(10)
    assert dialogs == [] and errors == []
