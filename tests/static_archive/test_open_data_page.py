"""The "Open data" page: a translatable Wagtail page in every language, at /<lang>/open-data/, listing the downloads."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, Site
from wagtail_localize.models import Translation

from home.models import ContactSettings, HomePage, StandardPage
from static_archive.models import OpenDataPage

pytestmark = pytest.mark.django_db
TITLES = {
    "en": "Open data",
    "fr": "Données ouvertes",
    "pt": "Dados abertos",
    "it": "Dati aperti",
    "hr": "Otvoreni podaci",
}
DOWNLOADS = [
    "competences.jsonld",
    "competences.csv",
    "case-studies.json",
    "case-studies.csv",
    "training-modules.json",
    "training-modules.csv",
    "events.json",
    "events.ics",
]


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", list(TITLES))
def test_the_page_exists_in_every_language_at_the_same_address(client, language):
    page = OpenDataPage.objects.live().get(locale__language_code=language)
    assert page.url == f"/{language}/open-data/"
    assert page.get_parent().specific_class is HomePage
    response = client.get(f"/{language}/open-data/")
    assert response.status_code == 200
    html = soup(response)
    assert html.find("html")["lang"] == language
    assert html.find("h1").get_text(strip=True) == TITLES[language] == page.title
    assert html.select_one("main .rich-text p")  # the introduction, translated
    links = [a["href"] for a in html.select("main section a[type]")]
    assert links == [f"/{language}/open-data/{name}" for name in DOWNLOADS]
    assert len(html.select('main a[rel="license"]')) == 1 + 4  # the page's note, then each dataset
    assert len(html.select("main section h2")) == 4


def test_the_datasets_are_named_and_described_in_the_pages_language(client):
    html = soup(client.get("/fr/open-data/"))
    headings = [h2.get_text(strip=True) for h2 in html.select("main section h2")]
    assert headings == [
        "Référentiel de compétences",
        "Études de cas",
        "Modules de formation",
        "Événements et leurs programmes",
    ]
    assert html.select("main section a[type]")[-1].get_text(strip=True) == "Événements et leurs programmes (iCalendar)"
    assert "lettre (A–G)" in html.select("main section")[2].get_text()


@pytest.mark.parametrize("name", DOWNLOADS)
def test_every_listed_download_answers(client, name):
    response = client.get(f"/pt/open-data/{name}")
    assert response.status_code == 200 and response.content
    assert "no-cache" in response["Cache-Control"]


def test_the_translations_are_wagtail_localize_translations_with_one_slug(locales):
    english = OpenDataPage.objects.get(locale=locales["en"])
    targets = Translation.objects.filter(source__object_id=english.translation_key)
    assert set(targets.values_list("target_locale__language_code", flat=True)) == {"fr", "pt", "it", "hr"}
    assert set(OpenDataPage.objects.values_list("slug", flat=True)) == {"open-data"}
    assert OpenDataPage.objects.filter(translation_key=english.translation_key).count() == 5


def test_editors_can_add_it_under_a_home_page_only_and_once(home_pages):
    assert OpenDataPage.can_exist_under(home_pages["en"])
    assert not OpenDataPage.can_exist_under(StandardPage.objects.filter(locale__language_code="en").first())
    assert not OpenDataPage.can_create_at(home_pages["en"])  # one per home page, and it exists
    assert OpenDataPage.allowed_subpage_models() == []


def test_an_editors_introduction_is_shown(client, locales):
    page = OpenDataPage.objects.get(locale=locales["hr"])
    page.introduction = "<p>Podaci za <b>istraživače</b>.</p>"
    page.save_revision().publish()
    html = soup(client.get("/hr/open-data/"))
    assert html.select_one("main .rich-text").decode_contents() == "<p>Podaci za <b>istraživače</b>.</p>"


def test_an_unpublished_page_takes_its_downloads_and_footer_link_with_it(client, locales):
    OpenDataPage.objects.get(locale=locales["it"]).unpublish()
    assert client.get("/it/open-data/").status_code == 404
    assert client.get("/it/open-data/events.json").status_code == 404
    footer = soup(client.get("/it/")).select_one("footer .site-footer__legal")
    assert not footer.select('a[href="/it/open-data/"]')
    # Like the legal pages, the footer then links the page the setting names (English).
    assert footer.select('a[href="/en/open-data/"]')
    assert soup(client.get("/fr/")).select('footer a[href="/fr/open-data/"]')


def test_load_content_links_it_from_the_footer_setting(locales):
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    assert contact.open_data_page_id == OpenDataPage.objects.get(locale=locales["en"]).pk


def test_an_unknown_file_name_is_not_found(client, locales):
    assert client.get("/en/open-data/nothing.json").status_code == 404
    about = StandardPage.objects.filter(locale=locales["en"]).first()
    assert client.get(f"{about.url}events.json").status_code == 404  # only the open-data page serves files


def test_the_api_lists_the_page_in_its_language_only(client, locales):
    french = OpenDataPage.objects.get(locale=locales["fr"])
    response = client.get("/api/v2/pages/", {"locale": "fr", "type": "static_archive.OpenDataPage"})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [french.pk]
    assert Page.objects.type(OpenDataPage).count() == 5
