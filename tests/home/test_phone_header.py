"""The site frame in a real browser: the phone header, its menu button with the keyboard only, and the
desktop menu on one line in every language (issue 18)."""

import pytest

from events.models import EventPage
from home.models import HomePage
from tests.a11y.pages import LANGUAGES, live

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
MAX_HEADER = 200  # px: content starts within 200 px of the top of a 375 × 812 screen


def main_top(page) -> float:
    return page.evaluate("() => document.querySelector('main').getBoundingClientRect().top")


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_content_starts_within_200_px_and_the_languages_take_one_line(language, live_site, new_page):
    page = new_page(**PHONE)
    for path in [live(HomePage, language).first().url, live(EventPage, language).first().url]:
        page.goto(live_site + path)
        assert main_top(page) <= MAX_HEADER, (path, main_top(page))
        tops = page.evaluate(
            "() => [...document.querySelectorAll('.language-switcher__list > li')]"
            ".map(li => li.getBoundingClientRect().top)"
        )
        assert len(set(tops)) == 1, (path, tops)
        assert not page.is_visible(".main-nav") and not page.is_visible("#site-search")
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_menu_button_opens_and_closes_the_menu_with_the_keyboard_only(live_site, new_page):
    page = new_page(**PHONE)
    page.goto(f"{live_site}/fr/")
    button = page.locator("button[data-menu-toggle]")
    assert button.get_attribute("aria-expanded") == "false"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('[data-menu-toggle]')"):
            break
    else:
        pytest.fail("Tab never reached the menu button")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Menu"
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.is_visible(".main-nav") and page.is_visible("#site-search")
    # The next Tab stops go into the menu that just opened.
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not page.is_visible(".main-nav")
    assert page.evaluate("() => document.activeElement.matches('[data-menu-toggle]')")
    page.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "true" and page.is_visible(".main-nav")
    assert page.problems == []


def test_without_javascript_the_phone_menu_is_shown_and_there_is_no_button(live_site, new_page):
    page = new_page(java_script_enabled=False, **PHONE)
    page.goto(f"{live_site}/en/")
    assert page.is_visible(".main-nav a") and page.is_visible("#site-search")
    assert not page.is_visible("button[data-menu-toggle]")


@pytest.mark.parametrize("language", LANGUAGES)
def test_desktop_menu_items_never_wrap_at_1280_px(language, live_site, new_page):
    page = new_page(**DESKTOP)
    page.goto(live_site + live(HomePage, language).first().url)
    assert not page.is_visible("button[data-menu-toggle]")
    boxes = page.evaluate(
        "() => [...document.querySelectorAll('.main-nav__list a')].map(a => {"
        " const r = a.getBoundingClientRect(); return [a.textContent.trim(), r.top, r.height]; })"
    )
    assert len(boxes) >= 6
    assert len({top for _name, top, _height in boxes}) == 1, boxes  # one line: no item alone on a second line
    assert max(height for *_rest, height in boxes) < 60, boxes  # no item broken inside
