"""An event page with slide decks in several languages (publications) meets WCAG 2.1 AA in a real browser."""

import pytest

from tests.a11y.test_axe_audit import DESKTOP, axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("language", ["fr", "hr"])  # a deck in the reader's language; one falling back to English
def test_event_page_with_decks_has_no_wcag_21_aa_violations(decks, language, live_site, new_page):
    page = new_page(**DESKTOP)
    url = live_site + decks["events"][language].url
    assert page.goto(url).status == 200
    assert page.locator(".agenda__item--session .pdf-download").count() == 2
    violations = axe_violations(page)
    assert not violations, "\n".join(describe(url, violation) for violation in violations)
