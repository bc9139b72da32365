"""The search box in a real browser: reachable and usable with the keyboard, named for screen readers.

Harness: tests/browser.py (the live server answers inside the test's transaction).
"""

import pytest

from tests.search.conftest import make_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def tab_to(page, locator, limit: int = 40) -> int:
    """Press Tab until `locator` has focus; returns the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return presses
    raise AssertionError(f"{locator} not reached with {limit} presses of Tab")


def test_searching_from_the_header_with_the_keyboard_only(live_site, new_page, home_pages):
    page_url = make_page(home_pages["fr"], "Partenariat quokka", "Un partenariat quokka entre services.").url
    page = new_page()
    page.goto(f"{live_site}/fr/")
    box = page.get_by_role("searchbox", name="Rechercher sur le site")
    assert tab_to(page, box) == 7  # after the skip link, the site name and the five languages
    assert page.get_by_role("search", name="Recherche sur le site").count() == 1
    page.keyboard.type("quokka")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_site}/fr/search/?q=quokka")
    assert page.get_by_role("heading", level=1).inner_text() == "Recherche"
    # The results page's own form is a second search landmark, named differently.
    assert page.get_by_role("search", name="Recherche", exact=True).count() == 1
    result = page.get_by_role("link", name="Partenariat quokka")
    assert result.is_visible()
    tab_to(page, result)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_site}{page_url}")
    assert page.get_by_role("heading", level=1).inner_text() == "Partenariat quokka"


def test_browser_test_leaves_the_database_as_it_found_it(home_pages):
    # Runs after the test above: its page was made in a rolled-back transaction.
    assert not home_pages["fr"].get_children().filter(title="Partenariat quokka").exists()
