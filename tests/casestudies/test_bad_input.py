"""Hand-typed library addresses: odd values are ignored and reported, never a 500; a page past the end is a 404."""

import pytest

from tests.casestudies.conftest import listed_keys, result_count, soup

pytestmark = pytest.mark.django_db


def ignored_items(response) -> list[str]:
    notice = soup(response).find("section", attrs={"aria-labelledby": "ignored-heading"})
    return [li.get_text(" ", strip=True) for li in notice.find_all("li")] if notice else []


@pytest.mark.parametrize(
    ("query", "reported"),
    [
        ("?country=XX", "Country “ XX ”: not a country code we know"),
        ("?country=Portugal", "Country “ Portugal ”: not a country code we know"),
        (
            "?competence=99",
            "Competence “ 99 ”: there is no competence with this number; the framework has competences 1 to 7",
        ),
        ("?competence=three", "Competence “ three ”: there is no competence with this number"),
        ("?competence=-1", "Competence “ -1 ”: there is no competence"),
        ("?competence=٣", "Competence “ ٣ ”: there is no competence"),  # an Arabic-Indic digit is not a number here
        ("?partner=abc", "Written by “ abc ”: no project partner has this identifier"),
        ("?page=abc", "Page “ abc ”: not a page number; the first page is shown"),
    ],
)
def test_unknown_values_are_ignored_and_reported(client, libraries, query, reported):
    response = client.get(libraries["en"].url + query)
    assert response.status_code == 200
    items = ignored_items(response)
    assert len(items) == 1 and items[0].startswith(reported), items
    assert len(listed_keys(response)) == 7  # nothing else was filtered
    assert result_count(response) == "7 case studies"


def test_repeated_parameters_use_the_first_value_and_report_the_others(client, libraries):
    response = client.get(libraries["en"].url + "?country=PT&country=FR&competence=3&competence=3&page=1&page=2")
    assert response.status_code == 200
    items = ignored_items(response)
    assert items == [
        "Country “ FR ”: only one value can be chosen at a time; the first one, “PT”, is used.",
        "Page “ 2 ”: only one value can be chosen at a time; the first one, “1”, is used.",
    ]
    html = soup(response)
    assert [o["value"] for o in html.select("#filter-country option[selected]")] == ["PT"]
    # The same value twice is harmless and not reported.
    assert not any(item.startswith("Competence") for item in items)


def test_an_unknown_value_before_a_good_one_does_not_hide_it(client, libraries):
    response = client.get(libraries["en"].url + "?country=XX&country=PT")
    assert [o["value"] for o in soup(response).select("#filter-country option[selected]")] == ["PT"]
    assert ignored_items(response)[0].startswith("Country “ XX ”")


def test_html_in_the_address_is_shown_escaped(client, libraries):
    payload = '<script>alert("x")</script>'
    response = client.get(libraries["en"].url, {"partner": payload, "country": "<b>PT</b>"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert" not in body and "<b>PT</b>" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body
    assert "&lt;b&gt;PT&lt;/b&gt;" in body


def test_a_very_long_value_is_shortened_when_shown(client, libraries):
    response = client.get(libraries["en"].url, {"partner": "x" * 5000})
    assert response.status_code == 200
    (item,) = ignored_items(response)
    assert len(item) < 200


def test_known_country_without_case_studies_filters_to_nothing(client, libraries):
    # A real ISO code is a valid filter even with no results, so a shared link means the same everywhere.
    response = client.get(libraries["fr"].url + "?country=DE")
    assert response.status_code == 200
    assert ignored_items(response) == []
    assert listed_keys(response) == set()
    assert [o["value"] for o in soup(response).select("#filter-country option[selected]")] == ["DE"]


def test_empty_values_from_the_form_are_no_filter(client, libraries):
    response = client.get(libraries["en"].url + "?country=&competence=&partner=&page=")
    assert response.status_code == 200
    assert ignored_items(response) == []
    assert len(listed_keys(response)) == 7


@pytest.mark.parametrize("page", ["2", "0", "999999999999999999999"])
def test_a_page_out_of_range_is_a_404_that_says_so(client, libraries, page):
    response = client.get(libraries["en"].url + f"?page={page}")
    assert response.status_code == 404
    html = soup(response)
    assert html.html["lang"] == "en"
    assert f"There is no page {page} of these results." in html.get_text(" ", strip=True)
    assert html.find("a", string="Go to the first page of these results")["href"] == libraries["en"].url


def test_a_page_out_of_range_of_a_filtered_view_links_to_its_first_page(client, libraries):
    response = client.get(libraries["fr"].url + "?country=PT&page=3")
    assert response.status_code == 404
    assert soup(response).find("html")["lang"] == "fr"
    assert libraries["fr"].url + "?country=PT" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "?page=-1",
        "?page=1.5",
        "?page=%00",
        "?competence=%ff",
        "?country[]=PT",
        "?partner=%E2%80%AE",
        "?" + "a=1&" * 200,
    ],
)
def test_odd_addresses_never_give_a_server_error(client, libraries, query):
    assert client.get(libraries["en"].url + query).status_code in {200, 404}
