"""Fixtures of the case-study tests: the loaded library of each language, and HTML helpers."""

import pytest
from bs4 import BeautifulSoup

from casestudies.models import CaseStudyIndexPage, CaseStudyPage


@pytest.fixture
def libraries(db) -> dict[str, CaseStudyIndexPage]:
    """The loaded case-study library of each language, by language code."""
    return {page.locale.language_code: page for page in CaseStudyIndexPage.objects.select_related("locale")}


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def listed_keys(response) -> set:
    """The translation keys of the case studies a library response lists (one set for every language)."""
    hrefs = [a["href"] for a in soup(response).select(".library-results .case-study-card__title a")]
    by_url = {page.url: page.translation_key for page in CaseStudyPage.objects.all()}
    return {by_url[href] for href in hrefs}


def result_count(response) -> str:
    return soup(response).find(id="results-heading").get_text(" ", strip=True)
