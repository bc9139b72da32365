"""The search page as a visitor uses it: results, languages, filters, pages of results, the header box."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, PageViewRestriction

from home.loading import stable_uuid
from search.query import MAX_QUERY_LENGTH
from search.views import RESULTS_PER_PAGE
from tests.conftest import LANGUAGES
from tests.search.conftest import make_page, result_links, result_titles, search

pytestmark = pytest.mark.django_db


def test_search_finds_the_loaded_about_page_in_each_language(client, home_pages):
    # The shipped content: "About the project" and its translations, each searched by a word of its title.
    words = {"en": "project", "fr": "projet", "pt": "projeto", "it": "progetto", "hr": "projektu"}
    for language, word in words.items():
        about = Page.objects.get(translation_key=stable_uuid("page-about"), locale=home_pages[language].locale)
        response, html = search(client, language, word)
        assert response.status_code == 200
        assert about.url in result_links(html), (language, result_links(html))


def test_each_result_shows_its_family_title_extract_and_url(client, home_pages):
    page = make_page(
        home_pages["en"], "Quokka partnerships", "Guidance centres build quokka partnerships with employers."
    )
    response, html = search(client, "en", "quokka")
    assert response.status_code == 200
    [result] = html.select(".search-result")
    assert result.select_one(".search-result__family").get_text(strip=True) == "Standard page"
    assert result.select_one(".search-result__title a")["href"] == page.url == "/en/" + page.slug + "/"
    assert result.select_one(".search-result__url").get_text(strip=True) == "http://testserver" + page.url
    extract = result.select_one(".search-result__extract")
    assert [mark.get_text() for mark in extract.find_all("mark")] == ["quokka"]
    assert "build quokka partnerships with employers" in extract.get_text()
    assert result.select_one(".search-result__title mark").get_text().lower() == "quokka"


def test_results_are_only_in_the_current_language(client, home_pages):
    for language in LANGUAGES:
        make_page(home_pages[language], f"Wombatfest {language}", "The wombatfest of guidance services.")
    for language in LANGUAGES:
        response, html = search(client, language, "wombatfest")
        assert result_titles(html) == [f"Wombatfest {language}"], language
        assert all(link.startswith(f"/{language}/") for link in result_links(html))


def test_drafts_and_unpublished_pages_are_not_found(client, home_pages):
    make_page(home_pages["fr"], "Brouillon axolotl", "Un axolotl jamais publié.", publish=False)
    live = make_page(home_pages["fr"], "Page publiée", "Texte publié.")
    live.body = [{"type": "paragraph", "value": "<p>Texte publié, puis un axolotl en brouillon.</p>"}]
    live.save_revision()  # a draft change on a live page: not what visitors see
    _response, html = search(client, "fr", "axolotl")
    assert result_titles(html) == []
    live.get_latest_revision().publish()
    _response, html = search(client, "fr", "axolotl")
    assert result_titles(html) == ["Page publiée"]


def test_private_pages_are_not_found(client, home_pages):
    section = make_page(home_pages["pt"], "Secção reservada", "Só para parceiros.")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.PASSWORD, password="x")
    make_page(section, "Ata interna ornitorrinco", "O ornitorrinco da reunião interna.")
    make_page(home_pages["pt"], "Página pública ornitorrinco", "Um ornitorrinco público.")
    _response, html = search(client, "pt", "ornitorrinco")
    assert result_titles(html) == ["Página pública ornitorrinco"]


def test_text_inside_streamfield_blocks_is_found(client, home_pages):
    body = [
        {"type": "heading", "value": {"text": "Capybara cooperation", "level": "h2"}},
        {"type": "quote", "value": {"quote": "Every capybara counts.", "source": "A manatee director"}},
    ]
    make_page(home_pages["it"], "Pagina con blocchi", body=body)
    for word in ["capybara", "manatee"]:
        _response, html = search(client, "it", word)
        assert result_titles(html) == ["Pagina con blocchi"], word


def test_page_text_is_escaped_and_only_query_words_are_marked(client, home_pages):
    make_page(
        home_pages["en"],
        "Tapir <i>&</i> friends",
        summary="<script>alert('tapir')</script> A tapir meets <b>guidance</b>.",
    )
    response, html = search(client, "en", "tapir")
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "<i>&" not in body and "<b>guidance" not in body
    [result] = html.select(".search-result")
    assert result.select_one(".search-result__title").get_text(" ", strip=True) == "Tapir <i>&</i> friends"
    marks = result.select(".search-result__extract mark")
    assert marks and all(mark.get_text().lower() == "tapir" for mark in marks)
    assert not result.select("script, b, i")


def test_family_filter_narrows_results_and_shows_counts(client, home_pages):
    make_page(home_pages["en"], "Pangolin standard page", "pangolin")
    home = home_pages["en"]
    home.objective = "A pangolin on the home page."
    home.save_revision().publish()
    response, html = search(client, "en", "pangolin")
    filters = {a.get_text(" ", strip=True): a["href"] for a in html.select(".search-filters__link")}
    assert filters == {
        "All types (2)": "/en/search/?q=pangolin",
        "Home pages (1)": "/en/search/?q=pangolin&type=home.homepage",
        "Standard pages (1)": "/en/search/?q=pangolin&type=home.standardpage",
    }
    response, html = search(client, "en", "pangolin", type="home.standardpage")
    assert response.status_code == 200
    assert result_titles(html) == ["Pangolin standard page"]
    current = html.select_one(".search-filters__link[aria-current]")
    assert current.get_text(" ", strip=True) == "Standard pages (1)"
    # The filter is kept in the search form, and a link leads back to every type.
    assert html.select_one("form.search-form input[name=type]")["value"] == "home.standardpage"


def test_family_filter_labels_are_translated(client, home_pages):
    make_page(home_pages["fr"], "Page sur le pangolin", "pangolin")
    _response, html = search(client, "fr", "pangolin")
    labels = [a.get_text(" ", strip=True) for a in html.select(".search-filters__link")]
    assert labels == ["Tous les types (1)", "Pages standard (1)"]
    assert html.select_one(".search-result__family").get_text(strip=True) == "Page standard"


def test_results_come_in_pages_that_keep_the_query_and_filter(client, home_pages):
    for number in range(RESULTS_PER_PAGE * 2 + 3):
        make_page(home_pages["hr"], f"Dabar {number:02d}", "dabar")
    response, html = search(client, "hr", "dabar", type="home.standardpage", page="2")
    assert response.status_code == 200
    assert len(html.select(".search-result")) == RESULTS_PER_PAGE
    assert html.select_one("ol.search-results")["start"] == str(RESULTS_PER_PAGE + 1)
    nav = html.select_one("nav.pagination")
    hrefs = [a["href"] for a in nav.select("a")]
    assert "/hr/search/?q=dabar&type=home.standardpage" in hrefs  # page 1, previous
    assert "/hr/search/?q=dabar&type=home.standardpage&page=3" in hrefs
    assert nav.select_one("[aria-current=page]").get_text(" ", strip=True).endswith("2")
    _response, last = search(client, "hr", "dabar", type="home.standardpage", page="3")
    assert len(last.select(".search-result")) == 3
    seen = set()
    for number in (1, 2, 3):
        _response, html = search(client, "hr", "dabar", page=str(number))
        seen.update(result_links(html))
    assert len(seen) == RESULTS_PER_PAGE * 2 + 3  # every result once, none lost between pages


def test_search_page_offers_the_same_search_in_other_languages(client, home_pages):
    _response, html = search(client, "fr", "partenariat", type="home.standardpage")
    switcher = html.select_one("nav.language-switcher")
    links = {a["hreflang"]: a["href"] for a in switcher.select("a")}
    assert links["en"] == "/en/search/?q=partenariat&type=home.standardpage"
    assert set(links) == {"en", "pt", "it", "hr"}
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert html.html["lang"] == "fr"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_a_labelled_search_box_in_its_header(client, language):
    html = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
    form = html.select_one("header form[role=search]")
    assert form["action"] == f"/{language}/search/"
    assert form["method"] == "get"
    assert form.get("aria-label")
    field = form.select_one("input[name=q]")
    assert field["type"] == "search"
    assert int(field["maxlength"]) == MAX_QUERY_LENGTH
    label = form.find("label", attrs={"for": field["id"]})
    assert label is not None and label.get_text(strip=True)
    button = form.select_one("button[type=submit]")
    assert button.get_text(strip=True)
    if language != "en":
        assert label.get_text(strip=True) != "Search the site"
        assert button.get_text(strip=True) != "Search"


def test_search_page_is_a_404_in_a_language_whose_home_page_is_not_live(client, home_pages):
    home_pages["hr"].unpublish()
    response = client.get("/hr/search/", {"q": "partnerstvo"})
    assert response.status_code == 404
