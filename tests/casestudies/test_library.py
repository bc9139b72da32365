"""The case-study library: filters alone and combined, in every language, from the address; pagination."""

import pytest

from casestudies.models import CaseStudyPage
from casestudies.models.index import CASE_STUDIES_PER_PAGE
from tests.casestudies.conftest import listed_keys, result_count, soup
from tests.casestudies.factories import add_case_study
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db


def keys_where(locale_code="en", **filters) -> set:
    """Translation keys of the live English case studies matching Django lookups (the expected set)."""
    return set(
        CaseStudyPage.objects.live()
        .filter(locale__language_code=locale_code, **filters)
        .values_list("translation_key", flat=True)
        .distinct()
    )


def get(client, library, query=""):
    response = client.get(library.url + query)
    assert response.status_code == 200, (library.url + query, response.status_code)
    return response


def test_library_lists_the_seven_case_studies_with_their_count(client, libraries):
    response = get(client, libraries["en"])
    assert len(listed_keys(response)) == 7
    assert result_count(response) == "7 case studies"
    # The summary report generated from the case studies (publications), in this language.
    report = soup(response).select_one(".pdf-download__link")
    assert report["href"].startswith("/documents/") and report["hreflang"] == "en"


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    ("query", "lookups"),
    [
        ("?country=PT", {"country": "PT"}),
        ("?country=fr", {"country": "FR"}),  # codes are case-insensitive
        ("?competence=3", {"competence_links__competence__number": 3}),
        ("?competence=7", {"competence_links__competence__number": 7}),
        ("?partner=cdm-porto", {"partner__slug": "cdm-porto"}),
        ("?partner=azvo", {"partner__slug": "azvo"}),
    ],
)
def test_each_filter_alone_gives_the_right_set(client, libraries, language, query, lookups):
    expected = keys_where(**lookups)
    assert expected, "the sample content should give every filter something to show"
    assert listed_keys(get(client, libraries[language], query)) == expected


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    ("query", "lookups"),
    [
        ("?country=PT&competence=3", {"country": "PT", "competence_links__competence__number": 3}),
        ("?country=FR&competence=5", {"country": "FR", "competence_links__competence__number": 5}),
        ("?country=PT&partner=cdm-porto", {"country": "PT", "partner__slug": "cdm-porto"}),
        (
            "?country=PT&competence=6&partner=cdm-porto",
            {"country": "PT", "competence_links__competence__number": 6, "partner__slug": "cdm-porto"},
        ),
    ],
)
def test_filters_combine(client, libraries, language, query, lookups):
    expected = keys_where(**lookups)
    assert expected
    response = get(client, libraries[language], query)
    assert listed_keys(response) == expected
    assert result_count(response).startswith(f"{len(expected)} ")


def test_a_combination_without_results_says_so(client, libraries):
    response = get(client, libraries["en"], "?country=HR&competence=3")
    assert listed_keys(response) == set()
    assert result_count(response) == "0 case studies match the filters"
    assert "No case study matches these filters yet." in soup(response).find(class_="library-results").get_text()


@pytest.mark.parametrize("query", ["?country=PT", "?competence=3", "?partner=cdm-porto", "?country=FR&competence=7"])
def test_every_language_gives_the_same_case_studies_for_the_same_address(client, libraries, query):
    results = {language: listed_keys(get(client, libraries[language], query)) for language in LANGUAGES}
    assert all(keys == results["en"] for keys in results.values()), results


def test_portugal_and_competence_three_in_portuguese_is_shareable(client, libraries):
    """The issue's "done when": narrow to Portugal + competence 3 in Portuguese, share the link, open it."""
    form_query = "?country=PT&competence=3&partner="  # what the filter form submits
    response = get(client, libraries["pt"], form_query)
    html = soup(response)
    assert html.html["lang"] == "pt"
    assert [o["value"] for o in html.select("#filter-country option[selected]")] == ["PT"]
    assert [o["value"] for o in html.select("#filter-competence option[selected]")] == ["3"]
    assert "Portugal" in html.find(class_="active-filters").get_text()
    assert "Coordenar, gerir e liderar a parceria" in html.find(class_="active-filters").get_text()
    (card_link,) = html.select(".library-results .case-study-card__title a")

    # A colleague opens the shared address in a fresh session: the same view.
    shared = get(client.__class__(), libraries["pt"], form_query)
    assert (
        listed_keys(shared) == listed_keys(response) == keys_where(country="PT", competence_links__competence__number=3)
    )

    case_study = client.get(card_link["href"])
    assert case_study.status_code == 200
    document_link = soup(case_study).select_one(".document-download a")["href"]
    download = client.get(document_link)
    assert download.status_code == 200
    assert b"".join(download.streaming_content if download.streaming else [download.content]).startswith(b"%PDF")


def test_filter_form_works_without_javascript(client, libraries):
    html = soup(get(client, libraries["fr"]))
    form = html.find("form", class_="filter-form")
    assert form["method"] == "get"
    assert form["action"] == libraries["fr"].url
    assert {select["name"] for select in form.find_all("select")} == {"country", "competence", "partner"}
    assert form.find("button", type="submit")
    for select in form.find_all("select"):
        assert form.find("label", attrs={"for": select["id"]}), select["id"]
    assert not html.find("script", src=lambda src: src and "casestudies" in src)


def test_filter_options_use_stable_values_and_translated_labels(client, libraries):
    html = soup(get(client, libraries["hr"]))
    countries = {o["value"]: o.get_text(strip=True) for o in html.select("#filter-country option") if o["value"]}
    assert set(countries) == {"BE", "FR", "PT", "IT", "HR"}
    assert countries["HR"].startswith("Hrvatska")  # django-countries' Croatian name
    competences = [o["value"] for o in html.select("#filter-competence option") if o["value"]]
    assert competences == [str(n) for n in range(1, 8)]
    partners = {o["value"] for o in html.select("#filter-partner option") if o["value"]}
    assert partners == {"cdm-network", "lllp", "universcience", "cdm-porto", "learning-digital", "azvo"}


def test_option_counts_are_what_each_choice_would_show(client, libraries):
    html = soup(get(client, libraries["en"], "?competence=3"))
    counts = {o["value"]: o.get_text(strip=True) for o in html.select("#filter-country option") if o["value"]}
    for code, label in counts.items():
        expected = len(keys_where(country=code, competence_links__competence__number=3))
        assert label.endswith(f"({expected})"), (code, label)


def test_active_filters_can_be_removed_one_by_one(client, libraries):
    html = soup(get(client, libraries["en"], "?country=PT&competence=3"))
    remove_links = {
        item.find("strong").get_text(strip=True): item.find("a")["href"]
        for item in html.select(".active-filters__item")
    }
    assert remove_links["Portugal"] == libraries["en"].url + "?competence=3"
    assert remove_links["3. Coordinating, managing and leading the partnership"] == libraries["en"].url + "?country=PT"
    assert html.find("a", string="Clear all filters")["href"] == libraries["en"].url


def test_filtered_views_are_not_indexed_but_the_library_is(client, libraries):
    assert not soup(get(client, libraries["en"])).find("meta", attrs={"name": "robots"})
    robots = soup(get(client, libraries["en"], "?country=PT")).find("meta", attrs={"name": "robots"})
    assert robots["content"] == "noindex, follow"


def test_drafts_and_other_languages_are_not_listed(client, libraries):
    draft = add_case_study(libraries["en"], title="Unpublished case study", live=False)
    response = get(client, libraries["en"], "?country=PT")
    assert draft.translation_key not in listed_keys(response)
    assert "Unpublished case study" not in response.content.decode()


def test_pagination_keeps_the_filters(client, libraries):
    library = libraries["en"]
    for _ in range(CASE_STUDIES_PER_PAGE + 3):
        add_case_study(library, competences=[3], country="PT")
    first = get(client, library, "?country=PT&competence=3")
    assert result_count(first) == f"{CASE_STUDIES_PER_PAGE + 4} case studies match the filters"
    assert len(listed_keys(first)) == CASE_STUDIES_PER_PAGE
    nav = soup(first).find("nav", class_="pagination")
    next_link = nav.find("a", rel="next")["href"]
    assert next_link == library.url + "?country=PT&competence=3&page=2"
    second = get(client, library, next_link.split(library.url, 1)[1])
    assert len(listed_keys(second)) == 4
    assert not listed_keys(first) & listed_keys(second)
    current = soup(second).find("nav", class_="pagination").find("a", attrs={"aria-current": "page"})
    assert current.get_text(" ", strip=True) == "Page 2"
    assert soup(second).find("a", rel="prev")["href"] == library.url + "?country=PT&competence=3"
