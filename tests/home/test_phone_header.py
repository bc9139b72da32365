"""The site frame in a real browser: the phone header's menu button with the keyboard only, and the
desktop menu on one line in every language (issue 18).

The phone header on every page type (content within 200 px of the top, the languages on one
line, the menu folded) is checked by tests/a11y/test_axe_audit.py, on each page it loads."""

import pytest

from home.models import HomePage
from tests.a11y.pages import LANGUAGES, live
from tests.a11y.test_axe_audit import axe_violations, describe

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_open_phone_menu_has_no_wcag_21_aa_violations(language, live_site, new_page):
    page = new_page(**PHONE)
    page.goto(live_site + live(HomePage, language).first().url)
    page.focus("button[data-menu-toggle]")
    page.keyboard.press("Enter")
    assert page.is_visible(".main-nav") and page.is_visible("#site-search")
    violations = axe_violations(page)
    assert not violations, "\n".join(describe(f"[{language}] home, phone menu open", v) for v in violations)


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
