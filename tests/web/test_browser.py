"""The pages in headless Chromium: htmx filtering, the URL, the history, and no JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests.web.conftest import screenshot

pytestmark = pytest.mark.browser


def test_typing_in_the_quote_filter_swaps_results_and_pushes_the_url(live_server, page):
    page.goto(f"{live_server}/quotes")
    page.evaluate("window.__sameDocument = true")  # lost if the browser loads a new page
    total_before = page.locator(".sentence").inner_text()
    page.get_by_label("Search", exact=True).fill("Selbstverteidigung")
    expect(page).to_have_url(re.compile(r"/quotes\?q=Selbstverteidigung$"))
    expect(page.locator("#results blockquote")).to_have_count(1)
    expect(page.locator("#results blockquote")).to_have_text("„Recht auf Selbstverteidigung“")
    assert page.evaluate("window.__sameDocument") is True
    assert page.locator(".sentence").inner_text() != total_before
    screenshot(page, "quotes-filtered")
    page.go_back()
    expect(page).to_have_url(f"{live_server}/quotes")
    expect(page.locator("#results blockquote")).not_to_have_count(1)


def test_a_filtered_url_is_a_link_that_opens_the_same_view(live_server, page):
    page.goto(f"{live_server}/quotes?q=Selbstverteidigung")
    expect(page.get_by_label("Search", exact=True)).to_have_value("Selbstverteidigung")
    expect(page.locator("#results blockquote")).to_have_count(1)


def test_without_javascript_the_form_still_filters(live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server}/quotes")
    page.get_by_label("Search", exact=True).fill("Selbstverteidigung")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"/quotes\?q=Selbstverteidigung"))
    expect(page.locator("#results blockquote")).to_have_count(1)
    context.close()


@pytest.mark.parametrize("path", ["/", "/quotes", "/estimates", "/actors", "/sources", "/articles", "/articles/1"])
def test_pages_render_without_console_errors(live_server, page, path):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{live_server}{path}")
    expect(page.locator("h1")).to_be_visible()
    screenshot(page, "page" + (path.replace("/", "-") if path != "/" else "-overview"))
    assert errors == []
