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


def test_a_facet_link_narrows_the_list_in_place(live_server, page):
    page.goto(f"{live_server}/quotes")
    page.evaluate("window.__sameDocument = true")
    page.locator(".facets a.facet-value", has_text="Kim Jong Un").first.click()
    expect(page).to_have_url(re.compile(r"/quotes\?speaker=Kim\+Jong\+Un$"))
    expect(page.locator(".sentence")).to_contain_text("Quotes by Kim Jong Un")
    expect(page.get_by_label("Speaker")).to_have_value("Kim Jong Un")  # the form follows (out of band)
    speakers = page.locator("#results .quote .speaker").all_inner_texts()
    assert speakers and set(speakers) == {"Kim Jong Un"}
    assert page.evaluate("window.__sameDocument") is True
    page.locator("a.chip", has_text="by Kim Jong Un").click()
    expect(page).to_have_url(f"{live_server}/quotes")


def test_removing_a_chip_after_typing_sends_one_request_and_keeps_its_url(live_server, page):
    """Clicking the chip blurs the search field: that must not resend the old search, whose late
    answer would put the removed filter back into the URL."""
    page.goto(f"{live_server}/quotes")
    page.get_by_label("Search", exact=True).fill("Selbstverteidigung")
    expect(page.locator("#results blockquote")).to_have_count(1)
    sent = []
    page.on("request", lambda r: sent.append(r.url) if r.headers.get("hx-request") else None)
    page.locator("a.chip").first.click()
    expect(page).to_have_url(f"{live_server}/quotes")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(600)  # longer than the search field's 350 ms delay
    assert sent == [f"{live_server}/quotes"]
    expect(page).to_have_url(f"{live_server}/quotes")
    expect(page.get_by_label("Search", exact=True)).to_have_value("")
    expect(page.locator("#results blockquote")).not_to_have_count(1)


def test_a_quote_link_lands_on_its_highlight(live_server, page):
    page.goto(f"{live_server}/quotes?q=Selbstverteidigung")
    link = page.locator("#results blockquote a").first
    href = link.get_attribute("href")
    link.click()
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    anchor = href.split("#")[1]
    mark = page.locator(f"#{anchor} + mark")
    expect(mark).to_have_class(re.compile(r"hl-quote"))
    expect(mark).to_be_in_viewport()
    assert "Recht auf Selbstverteidigung".startswith(mark.inner_text())
    screenshot(page, "article-highlight")


def test_the_chart_draws_the_seed_figures(live_server, page):
    page.goto(f"{live_server}/")
    chart = page.locator("svg.chart")
    expect(chart).to_be_visible()
    marks = chart.locator("a.mark")
    assert marks.count() >= 6
    box = chart.bounding_box()
    assert box["width"] > 300 and box["height"] > 100
    titles = chart.locator("a.mark title").evaluate_all("els => els.map(e => e.textContent)")
    assert any("up to 100,000" in t and "Volodymyr Zelensky" in t for t in titles)


def test_keyboard_reaches_the_filters_first(live_server, page):
    page.goto(f"{live_server}/quotes")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


@pytest.mark.parametrize("path", ["/", "/quotes", "/estimates", "/articles/1", "/actors/1", "/sources", "/search?q=Kim"])
def test_readable_on_a_phone_and_every_field_labelled(live_server, browser, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{live_server}{path}")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{path} scrolls sideways by {overflow}px on a phone"
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
        .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.name)""")
    assert unlabelled == []
    screenshot(page, "phone" + path.replace("/", "-").replace("?", "-"))
    context.close()
