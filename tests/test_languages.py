"""Five languages: prefixes, negotiation, hreflang alternates and the language switcher."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from home.loading import stable_uuid
from tests.conftest import LANGUAGES
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

# The hero heading of the loaded home page, as shipped in each language's PO file.
HERO_HEADINGS = {
    "en": "Managing multi-stakeholder partnerships in lifelong career guidance",
}


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_is_served_in_each_language_with_its_translated_content(client, home_pages, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == language
    page = home_pages[language]
    assert html.find("h1").get_text(strip=True) == page.title
    assert page.hero_heading in html.find(class_="hero__heading").get_text()
    if language != "en":
        # A real translation, not an English copy.
        assert page.hero_heading != home_pages["en"].hero_heading
        assert page.hero_heading not in HERO_HEADINGS.values()


@pytest.mark.parametrize("language", LANGUAGES)
def test_ui_strings_are_translated(client, language):
    skip_link = soup(client.get(f"/{language}/")).find(class_="skip-link").get_text(strip=True)
    if language == "en":
        assert skip_link == "Skip to main content"
    else:
        assert skip_link and skip_link != "Skip to main content"


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-FR,fr;q=0.9", "/fr/"),
        ("pt-PT,pt;q=0.9,en;q=0.5", "/pt/"),
        ("hr", "/hr/"),
        ("it-IT", "/it/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_to_the_preferred_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_hreflang_alternates_are_absolute_and_point_to_live_pages(client, home_pages):
    html = soup(client.get("/fr/"))
    alternates = {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate")}
    assert set(alternates) == {*LANGUAGES, "x-default"}
    assert alternates["x-default"] == alternates["en"]
    for language in LANGUAGES:
        url = urlsplit(alternates[language])
        assert url.scheme in {"http", "https"} and url.netloc, alternates[language]
        assert url.path == f"/{language}/"
        assert client.get(url.path).status_code == 200
    assert html.find("link", rel="canonical")["href"] == alternates["fr"]


def test_draft_translation_is_left_out_of_alternates_and_switcher(client, home_pages):
    # "About the project" (other apps add siblings: find it by its loader key).
    about_hr = home_pages["hr"].get_children().get(translation_key=stable_uuid("page-about")).specific
    about_hr.unpublish()
    about_en_url = home_pages["en"].get_children().get(translation_key=stable_uuid("page-about")).url
    html = soup(client.get(about_en_url))
    hreflangs = {link["hreflang"] for link in html.find_all("link", rel="alternate")}
    assert "hr" not in hreflangs
    switcher = html.find("nav", class_="language-switcher")
    assert not switcher.find("a", hreflang="hr")
    assert {a["hreflang"] for a in switcher.find_all("a")} == {"fr", "pt", "it"}
    # It is named as not yet available, without a link.
    assert "Hrvatski" in switcher.find(class_="language-switcher__unavailable").get_text()


def test_switcher_links_to_the_same_page_in_each_language(client, home_pages):
    html = soup(client.get(home_pages["en"].get_children().first().url))
    links = {a["hreflang"]: a["href"] for a in html.find("nav", class_="language-switcher").find_all("a")}
    for language, href in links.items():
        page = home_pages[language].get_children().first()
        assert urlsplit(href).path == page.url
        assert href == page.url  # relative: it works on whatever host and port serves the site
    current = html.find(class_="language-switcher__current")
    assert current["lang"] == "en" and current["aria-current"] == "true"


def test_unknown_language_prefix_is_a_404_in_the_visitors_language(client):
    response = client.get("/de/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 404
    html = soup(response)
    assert html.html["lang"] == "fr"
    assert "de" in html.find("main").get_text()


def test_unknown_language_prefix_deep_path_is_not_redirected(client):
    assert client.get("/es/guide/").status_code == 404


def test_page_missing_in_one_language_is_that_languages_404(client, home_pages):
    about_en = home_pages["en"].get_children().first().specific
    about_hr = home_pages["hr"].get_children().first().specific
    hr_url = about_hr.url
    about_hr.unpublish()
    response = client.get(hr_url)
    assert response.status_code == 404
    assert soup(response).html["lang"] == "hr"
    assert about_en.introduction.encode() not in response.content
    assert about_hr.introduction.encode() not in response.content


def test_language_without_a_live_home_page_never_shows_another_languages_content(client, home_pages):
    home_pages["hr"].unpublish()
    response = client.get("/hr/")
    assert response.status_code == 404
    assert soup(response).html["lang"] == "hr"
    assert home_pages["en"].hero_heading.encode() not in response.content


def test_404_offers_the_page_in_the_languages_where_it_exists(client, home_pages):
    english_only = StandardPageFactory(parent=home_pages["en"], title="Only in English", slug="only-in-english")
    response = client.get("/hr/only-in-english/")
    assert response.status_code == 404
    main = soup(response).find("main")
    offered = main.find_all("a", hreflang="en")
    assert [a["href"] for a in offered if a["href"] == english_only.url] == ["/en/only-in-english/"]
    assert "Only in English" in main.get_text()


def test_a_translated_slug_keeps_the_source_slug_as_a_redirect(client, home_pages):
    # wagtail-localize creates a translation with the source slug, then renames
    # it; Wagtail's automatic redirects keep the old address working.
    about_hr = home_pages["hr"].get_children().first()
    response = client.get("/hr/about/")
    assert response.status_code == 301
    assert response["Location"].endswith(about_hr.url)


def test_a_mistyped_admin_address_is_a_plain_404_not_a_language_redirect(client):
    response = client.get("/admin/no-such-admin-page/")
    assert response.status_code in {302, 404}
    assert not response.get("Location", "").startswith("/en/")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pt", "O projeto decorreu entre setembro de 2019 e março de 2022."),
        ("it", "Il progetto si è svolto tra settembre 2019 e marzo 2022."),
        ("hr", "Razdoblje provedbe projekta: rujan 2019. – ožujak 2022."),
    ],
)
def test_month_names_are_written_in_lower_case_as_the_language_does(client, language, expected):
    dates = soup(client.get(f"/{language}/")).find(class_="home-intro__dates").get_text(strip=True)
    assert dates == expected
