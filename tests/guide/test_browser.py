"""In a real browser: the print stylesheet and the print buttons of the guide (harness: tests/browser.py)."""

import pytest

from tests.guide.helpers import chapters, guide

pytestmark = [pytest.mark.django_db, pytest.mark.browser]


def display(page, selector: str) -> str:
    return page.eval_on_selector(selector, "element => getComputedStyle(element).display")


def test_print_stylesheet_keeps_the_text_and_drops_the_navigation(live_site, new_page):
    chapter_url = chapters("en")[1].url
    whole_url = guide("en").url + "print/"
    page = new_page()
    for path in [chapter_url, whole_url]:
        page.goto(live_site + path)
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
    assert page.problems == []


def test_print_button_opens_the_browsers_print_dialog(live_site, new_page):
    page = new_page()
    page.goto(live_site + chapters("fr")[0].url)
    page.evaluate("window.print = () => { window.printed = true; }")
    page.click("button[data-print]")
    assert page.evaluate("window.printed") is True
    assert page.inner_text("button[data-print]") == "Imprimer ce chapitre"
