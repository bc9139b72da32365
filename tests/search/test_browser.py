"""The search box in a real browser: reachable and usable with the keyboard, named for screen readers.

Playwright drives the system Chromium in a worker thread and sends every page
request back to this test's thread, which answers it with Django's test client.
Why not a live server: it needs a flushed, transactional database (the loaded
content would vanish for later tests). Why the thread: Playwright's sync API
runs an asyncio loop, and Django code called inside it gets a separate database
connection outside the test's transaction, whose writes would persist.
Skipped when /usr/bin/chromium is missing, except on CI (CI=true).
"""

import mimetypes
import queue
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders

from tests.browser import CHROMIUM_ARGS, chromium_or_skip
from tests.search.conftest import make_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def in_browser(client):
    """`in_browser(scenario)` runs `scenario(page)` (a Playwright page) against this test's database."""
    chromium = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    def run(scenario):
        requests = queue.Queue()
        outcome = {}

        def serve(route):  # worker thread: static files directly, pages through the test's thread
            url = urlsplit(route.request.url)
            if url.hostname != "testserver":
                route.abort()
            elif url.path.startswith("/static/"):
                found = finders.find(url.path.removeprefix("/static/"))
                content_type = mimetypes.guess_type(found or "")[0] or "application/octet-stream"
                body = Path(found).read_bytes() if found else b""
                route.fulfill(status=200 if found else 404, headers={"content-type": content_type}, body=body)
            else:
                reply = queue.Queue(maxsize=1)
                requests.put((url.path + (f"?{url.query}" if url.query else ""), reply))
                status, content_type, body = reply.get(timeout=60)
                route.fulfill(status=status, headers={"content-type": content_type}, body=body)

        def worker():
            try:
                with sync_playwright() as playwright:
                    browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                    try:
                        page = browser.new_page()
                        page.route("**/*", serve)
                        scenario(page)
                    finally:
                        browser.close()
            except BaseException as error:  # re-raised in the test's thread
                outcome["error"] = error
            finally:
                requests.put(None)

        thread = threading.Thread(target=worker, daemon=True)
        thread.start()
        while (item := requests.get(timeout=180)) is not None:
            path, reply = item
            response = client.get(path)
            reply.put((response.status_code, response["Content-Type"], response.content))
        thread.join(timeout=60)
        if "error" in outcome:
            raise outcome["error"]

    return run


def tab_to(page, locator, limit: int = 40) -> int:
    """Press Tab until `locator` has focus; returns the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return presses
    raise AssertionError(f"{locator} not reached with {limit} presses of Tab")


def test_searching_from_the_header_with_the_keyboard_only(in_browser, home_pages):
    page_url = make_page(home_pages["fr"], "Partenariat quokka", "Un partenariat quokka entre services.").url

    def scenario(page):
        page.goto("http://testserver/fr/")
        box = page.get_by_role("searchbox", name="Rechercher sur le site")
        assert tab_to(page, box) == 3  # after the skip link and the site name
        assert page.get_by_role("search", name="Recherche sur le site").count() == 1
        page.keyboard.type("quokka")
        page.keyboard.press("Enter")
        page.wait_for_url("http://testserver/fr/search/?q=quokka")
        assert page.get_by_role("heading", level=1).inner_text() == "Recherche"
        # The results page's own form is a second search landmark, named differently.
        assert page.get_by_role("search", name="Recherche", exact=True).count() == 1
        result = page.get_by_role("link", name="Partenariat quokka")
        assert result.is_visible()
        tab_to(page, result)
        page.keyboard.press("Enter")
        page.wait_for_url(f"http://testserver{page_url}")
        assert page.get_by_role("heading", level=1).inner_text() == "Partenariat quokka"

    in_browser(scenario)


def test_browser_test_leaves_the_database_as_it_found_it(home_pages):
    # Runs after the test above: its page was made in a rolled-back transaction.
    assert not home_pages["fr"].get_children().filter(title="Partenariat quokka").exists()
