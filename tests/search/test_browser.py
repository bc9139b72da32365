"""The search box in a real browser: reachable and usable with the keyboard, named for screen readers.

Playwright drives the system Chromium. Requests go to Django's test client
through Playwright's request routing rather than to a live server, so the test
runs inside the usual rolled-back transaction and leaves the loaded content
alone. Skipped when /usr/bin/chromium is missing, except on CI (CI=true).
"""

import mimetypes
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders

from tests.search.conftest import make_page

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def browser_page(client, monkeypatch):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is required on CI for the browser tests")
        pytest.skip(f"{CHROMIUM} is not installed: browser tests skipped")
    # Playwright's sync API runs an event loop in this thread; Django's DB calls from
    # the routing callback are still plain synchronous calls inside the test.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    def serve(route):
        url = urlsplit(route.request.url)
        if url.hostname != "testserver":
            route.abort()
            return
        if url.path.startswith("/static/"):
            found = finders.find(url.path.removeprefix("/static/"))
            if not found:
                route.fulfill(status=404, body="")
                return
            content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
            route.fulfill(status=200, headers={"content-type": content_type}, body=Path(found).read_bytes())
            return
        response = client.get(url.path + (f"?{url.query}" if url.query else ""))
        route.fulfill(
            status=response.status_code, headers={"content-type": response["Content-Type"]}, body=response.content
        )

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.route("**/*", serve)
        yield page
        browser.close()


def tab_to(page, element_id: str, limit: int = 10) -> int:
    """Press Tab until the element with `element_id` has focus; returns the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return presses
    raise AssertionError(f"#{element_id} not reached with {limit} presses of Tab")


def test_searching_from_the_header_with_the_keyboard_only(browser_page, home_pages):
    make_page(home_pages["fr"], "Partenariat quokka", "Un partenariat quokka entre services d'orientation.")
    page = browser_page
    page.goto("http://testserver/fr/")
    # Third stop after the skip link and the site name.
    assert tab_to(page, "site-search-query") == 3
    box = page.get_by_role("searchbox", name="Rechercher sur le site")
    assert box.evaluate("element => element === document.activeElement")
    assert page.get_by_role("search", name="Recherche sur le site").count() == 1
    page.keyboard.type("quokka")
    page.keyboard.press("Enter")
    page.wait_for_url("http://testserver/fr/search/?q=quokka")
    assert page.get_by_role("heading", level=1).inner_text() == "Recherche"
    # The results page's own form is a second, differently named search landmark.
    assert page.get_by_role("search", name="Recherche", exact=True).count() == 1
    result = page.get_by_role("link", name="Partenariat quokka")
    assert result.is_visible()
    # The result link is reachable with Tab and opens the page with Enter.
    for _ in range(40):
        page.keyboard.press("Tab")
        if result.evaluate("element => element === document.activeElement"):
            break
    else:
        raise AssertionError("the result link is not reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("http://testserver/fr/partenariat-quokka-*/")
    assert page.get_by_role("heading", level=1).inner_text() == "Partenariat quokka"
