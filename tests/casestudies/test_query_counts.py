"""Query budgets: the library and a case study cost the same number of SQL queries for 7 or 70 case studies."""

import pytest
from django.core.cache import cache

from casestudies.models import CaseStudyPage
from tests.casestudies.factories import add_case_study

pytestmark = pytest.mark.django_db

QUERIES = ["", "?country=PT", "?competence=3", "?country=PT&competence=3&partner=cdm-porto"]
COMPETENCE_SETS = [(1, 3), (2, 5, 7), (3,), (4, 6), (5, 1)]
COUNTRIES = ["BE", "FR", "PT", "IT", "HR"]
PARTNERS = ["lllp", "universcience", "cdm-porto", "learning-digital", "azvo", "cdm-network"]


def measure(client, count_queries, url) -> tuple[int, int]:
    """(status, SQL queries) of a GET of `url`, with renditions generated and Wagtail's caches cleared first.

    Clearing the cache keeps the rendition cache from hiding a query per image:
    the count then includes every query a cold cache would make.
    """
    client.get(url)  # generate the renditions once
    cache.clear()
    response, queries = count_queries(lambda: client.get(url))
    return response.status_code, queries


def grow_library(library, total: int) -> None:
    """Add case studies with images, partners and competences until `library` holds `total`, spread over filters."""
    existing = CaseStudyPage.objects.child_of(library).count()
    for index in range(existing, total):
        add_case_study(
            library,
            competences=COMPETENCE_SETS[index % len(COMPETENCE_SETS)],
            country=COUNTRIES[index % len(COUNTRIES)],
            partner=PARTNERS[index % len(PARTNERS)],
        )


@pytest.mark.parametrize("language", ["en", "fr"])
def test_library_query_count_does_not_grow_with_the_number_of_case_studies(
    client, libraries, count_queries, language, capsys
):
    library = libraries[language]
    assert CaseStudyPage.objects.child_of(library).count() == 7
    with_7 = {query: measure(client, count_queries, library.url + query) for query in QUERIES}
    grow_library(library, 70)
    with_70 = {query: measure(client, count_queries, library.url + query) for query in QUERIES}

    # With 70 there is a second page of results; it costs what the first does.
    with_70["?page=2"] = measure(client, count_queries, library.url + "?page=2")

    for query in QUERIES:
        assert with_7[query][0] == with_70[query][0] == 200
        assert with_7[query][1] == with_70[query][1], (query, with_7[query], with_70[query])
    assert with_70["?page=2"] == (200, with_70[""][1])
    with capsys.disabled():
        counts = ", ".join(f"{query or '(none)'}: {with_7[query][1]} / {with_70[query][1]}" for query in QUERIES)
        page_2 = with_70["?page=2"][1]
        print(f"\n[{language}] library SQL queries for 7 / 70 case studies: {counts}; page 2 of 70: {page_2}")


def test_case_study_page_query_count_does_not_grow_with_related_case_studies(client, libraries, count_queries):
    library = libraries["en"]
    page = add_case_study(library, competences=[4], country="IT", partner="learning-digital")
    # Competence 4 is illustrated by one loaded sample: one related case study.
    _status, with_one = measure(client, count_queries, page.url)
    for _ in range(5):
        add_case_study(library, competences=[4, 1, 2], country="HR", partner="azvo")
    status, with_many = measure(client, count_queries, page.url)
    assert status == 200
    assert with_one == with_many, (with_one, with_many)
