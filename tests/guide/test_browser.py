"""In a real browser: the print stylesheet and the print buttons of the guide.

Pages are rendered by the test client (inside the test's transaction) and
handed to the system Chromium with their static files, so no live server, and
no flushed database, is needed.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders

from tests.browser import CHROMIUM_ARGS, chromium_or_skip
from tests.guide.helpers import chapters, guide

pytestmark = [pytest.mark.django_db, pytest.mark.browser]

ORIGIN = "http://testserver"


@pytest.fixture
def chromium_path():
    return chromium_or_skip()


def open_pages(chromium_path, pages: dict[str, bytes], check):
    """Serve `pages` ({path: html}) and the static files to Chromium; run `check(page)` on each path."""
    from playwright.sync_api import sync_playwright

    def serve(route):
        path = urlsplit(route.request.url).path
        if path in pages:
            return route.fulfill(status=200, body=pages[path], content_type="text/html; charset=utf-8")
        if path.startswith("/static/"):
            found = finders.find(path.removeprefix("/static/"))
            if found:
                kind = "text/css" if found.endswith(".css") else "text/javascript"
                return route.fulfill(status=200, body=Path(found).read_bytes(), content_type=kind)
        return route.fulfill(status=404, body=b"")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", serve)
            for path in pages:
                page.goto(ORIGIN + path)
                check(page, path)
        finally:
            browser.close()


def display(page, selector: str) -> str:
    return page.eval_on_selector(selector, "element => getComputedStyle(element).display")


def test_print_stylesheet_keeps_the_text_and_drops_the_navigation(client, chromium_path):
    chapter_url = chapters("en")[1].url
    whole_url = guide("en").url + "print/"
    pages = {url: client.get(url).content for url in [chapter_url, whole_url]}

    def check(page, path):
        # On screen, JavaScript reveals the print button and the chapter navigation shows.
        page.emulate_media(media="screen")
        assert page.is_visible("button[data-print]")
        if path == chapter_url:
            assert display(page, ".chapter-nav") != "none"
        # On paper: the text and the table of contents, without navigation or buttons.
        page.emulate_media(media="print")
        assert not page.is_visible("button[data-print]")
        assert not page.is_visible(".language-switcher")
        assert page.is_visible(".toc")
        if path == chapter_url:
            assert display(page, ".chapter-nav") == "none"
            assert page.is_visible(".chapter__body h2")
        else:
            sections = page.query_selector_all("section.whole-guide__chapter")
            assert len(sections) == 4
            assert page.eval_on_selector("section.whole-guide__chapter", "s => getComputedStyle(s).breakBefore") == (
                "page"
            )

    open_pages(chromium_path, pages, check)


def test_print_button_opens_the_browsers_print_dialog(client, chromium_path):
    url = chapters("fr")[0].url
    pages = {url: client.get(url).content}

    def check(page, path):
        page.evaluate("window.print = () => { window.printed = true; }")
        page.click("button[data-print]")
        assert page.evaluate("window.printed") is True
        assert page.inner_text("button[data-print]") == "Imprimer ce chapitre"

    open_pages(chromium_path, pages, check)
