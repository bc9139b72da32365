"""The site frame in a real browser: the phone header, its menu button with the keyboard only, and the
desktop menu on one line in every language (issue 18)."""

import pytest

from home.models import HomePage
from tests.a11y.pages import LANGUAGES, live, pages_of_every_type
from tests.a11y.test_axe_audit import axe_violations, describe

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
MAX_HEADER = 200  # px: content starts within 200 px of the top of a 375 × 812 screen


def main_top(page) -> float:
    return page.evaluate("() => document.querySelector('main').getBoundingClientRect().top")


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_content_starts_within_200_px_and_the_languages_take_one_line(language, live_site, new_page):
    """On every page type (tests/a11y/pages.py: the 18 types, the footer's legal pages, the 404 page)."""
    page = new_page(**PHONE)
    heights, problems = {}, []
    for label, path, _status in pages_of_every_type(language):
        page.goto(live_site + path)
        heights[label] = round(main_top(page))
        if heights[label] > MAX_HEADER:
            problems.append(f"{label} {path}: content starts {heights[label]} px from the top")
        tops = page.evaluate(
            "() => [...document.querySelectorAll('.language-switcher__list > li')]"
            ".map(li => li.getBoundingClientRect().top)"
        )
        if len(set(tops)) != 1:
            problems.append(f"{label} {path}: the languages take {len(set(tops))} lines")
        if page.is_visible(".main-nav") or page.is_visible("#site-search"):
            problems.append(f"{label} {path}: the menu is open before the button is pressed")
        if not page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"):
            problems.append(f"{label} {path}: scrolls sideways")
    # The measurements, for the record (pytest -s shows them).
    print(f"\n[{language}] header height at 375 x 812 (px): {heights}")
    assert len(heights) == 21  # every page type, the open-data page included
    assert not problems, "\n".join(problems)


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
