"""Bad input: a helpful 200 page or a 400 that says what was wrong, never a 500.

Speed ("answered in under a second") is measured by bench/search_bench.py,
which times these inputs too, not by a timed test.
"""

import pytest
from wagtail.models import Page

from search.query import WORD
from tests.search.conftest import make_page, result_titles, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_about_quokkas(home_pages):
    return make_page(home_pages["en"], "Quokka partnership", "A quokka partnership between guidance services.")


def test_empty_query_shows_the_search_box_and_a_hint(client, page_about_quokkas, count_queries):
    for query in ["", "   ", "\t\n"]:
        response, html = search(client, "en", query)
        assert response.status_code == 200
        assert html.select_one("form.search-form input[name=q]") is not None
        assert "Type one or more words" in html.select_one(".search-message").get_text()
        assert html.select(".search-result") == []
    response = client.get("/en/search/")  # no q at all
    assert response.status_code == 200


def test_query_of_ten_thousand_characters_is_refused_with_a_400_that_says_why(client, page_about_quokkas):
    response, html = search(client, "en", "quokka " * 1429)  # 10,003 characters
    assert response.status_code == 400
    message = html.select_one(".search-message--error").get_text(" ", strip=True)
    assert "10002 characters long" in message and "at most 200" in message
    # The box keeps the start of the query so the visitor can shorten it.
    assert len(html.select_one("form.search-form input[name=q]")["value"]) == 200


@pytest.mark.parametrize(
    "query",
    [
        "&",
        "|",
        "!",
        "( )",
        ":*",
        "'",
        '"',
        "\\",
        "& | ! ( ) : * ' \" \\",
        "quokka:*",
        "quokka & !partnership",
        "(quokka | partnership)",
        "'quokka'",
        '"quokka',
        "quokka\\",
        "quokka <-> partnership",
        "NOT quokka",
        "quokka OR",
        "NEAR(quokka partnership)",
        "quokka^2",
        "\x00quokka",
        "quokka\x00",
    ],
)
def test_query_syntax_characters_are_treated_as_separators(client, page_about_quokkas, query):
    response, html = search(client, "en", query)
    assert response.status_code == 200
    words = set(WORD.findall(query.lower()))
    if words and words <= {"quokka", "partnership"}:
        # Every word is on the page, so the page is found whatever surrounds the words.
        assert "Quokka partnership" in result_titles(html), query


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE wagtailcore_page; --",
        "1' OR '1'='1",
        '" OR 1=1 --',
        "quokka') UNION SELECT password FROM auth_user --",
        "%' AND 1=0 UNION ALL SELECT NULL --",
        "quokka; SELECT pg_sleep(5)",
    ],
)
def test_sql_injection_strings_are_just_words(client, page_about_quokkas, query):
    pages_before = Page.objects.count()
    response, html = search(client, "en", query)
    assert response.status_code == 200
    assert Page.objects.count() == pages_before
    if "quokka" in query.lower() and "select" not in query.lower():
        assert "Quokka partnership" in result_titles(html)


def test_query_with_only_punctuation_says_there_is_nothing_to_look_for(client, page_about_quokkas):
    response, html = search(client, "en", "&|!():*'\"\\")
    assert response.status_code == 200
    assert "no letters or digits" in html.select_one(".search-message").get_text()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5", "1e3", "２", " ", "1 OR 1=1", "9" * 5000])
def test_a_page_that_is_not_a_page_number(client, page_about_quokkas, page):
    response, html = search(client, "en", "quokka", page=page)
    if page == "9" * 5000:
        # A number, only a very large one: the last page of results, as for any page past the end.
        assert response.status_code == 200
        assert result_titles(html) == ["Quokka partnership"]
        return
    if page.strip() == "":
        assert response.status_code == 400 or result_titles(html) == ["Quokka partnership"]
        return
    assert response.status_code == 400
    message = html.select_one(".search-message--error").get_text(" ", strip=True)
    assert "is not a page number" in message


def test_a_page_past_the_last_shows_the_last_page_and_says_so(client, page_about_quokkas):
    response, html = search(client, "en", "quokka", page="99")
    assert response.status_code == 200
    assert result_titles(html) == ["Quokka partnership"]
    assert "There is no page 99" in html.get_text()


def test_a_page_past_the_last_of_no_results_is_a_plain_no_results_page(client, page_about_quokkas):
    response, html = search(client, "en", "zzxqvw", page="7")
    assert response.status_code == 200
    assert "No page matches all of these words." in html.get_text()


@pytest.mark.parametrize(
    "family",
    ["nope", "home.nonexistent", "home.partner", "wagtailcore.page", "<script>alert(1)</script>", "x" * 5000],
)
def test_an_unknown_page_family_is_refused_with_a_400_that_names_it(client, page_about_quokkas, family):
    response, html = search(client, "en", "quokka", type=family)
    assert response.status_code == 400
    body = response.content.decode()
    assert "<script>alert(1)" not in body
    message = html.select_one(".search-message--error").get_text(" ", strip=True)
    assert "is not a type of page on this site" in message
    assert family[:60] in message


def test_several_bad_parameters_are_all_reported(client, page_about_quokkas):
    response, html = search(client, "en", "q" * 300, type="nope", page="abc")
    assert response.status_code == 400
    assert len(html.select(".search-message--error li")) == 3
