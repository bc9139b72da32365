"""Query budget: the search page's SQL query count does not grow with the results it shows."""

import pytest

from search import views
from tests.search.conftest import make_page

pytestmark = pytest.mark.django_db


def make_pages(parent, count, word):
    for number in range(count):
        make_page(parent, f"{word.title()} {number}", f"{word} number {number}", summary=f"A {word} page.")


def queries_for(client, count_queries, url):
    client.get(url)  # warm per-process caches (content types, site root paths)
    response, queries = count_queries(lambda: client.get(url))
    assert response.status_code == 200
    return response, queries


@pytest.mark.parametrize("language", ["en", "fr"])
def test_query_count_is_the_same_for_5_and_50_results_shown(client, home_pages, count_queries, monkeypatch, language):
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 50)
    make_pages(home_pages[language], 5, "dingo")
    make_pages(home_pages[language], 50, "kiwi")
    few, with_5 = queries_for(client, count_queries, f"/{language}/search/?q=dingo")
    many, with_50 = queries_for(client, count_queries, f"/{language}/search/?q=kiwi")
    assert few.content.count(b'class="search-result"') == 5
    assert many.content.count(b'class="search-result"') == 50
    assert with_5 == with_50, (with_5, with_50)


def test_query_count_does_not_grow_with_the_number_of_matches_or_a_filter(client, home_pages, count_queries):
    make_pages(home_pages["pt"], 5, "lince")
    make_pages(home_pages["pt"], 50, "lobo")
    _response, with_5 = queries_for(client, count_queries, "/pt/search/?q=lince")
    _response, with_50 = queries_for(client, count_queries, "/pt/search/?q=lobo&page=3")
    _response, filtered = queries_for(client, count_queries, "/pt/search/?q=lobo&type=home.standardpage")
    assert with_5 == with_50 == filtered, (with_5, with_50, filtered)
