"""The translation coverage dashboard: states, filters, links, and a query count that does not grow with pages."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from tests.factories import StandardPageFactory
from translations import coverage

pytestmark = pytest.mark.django_db

URL = "/admin/translations/coverage/"


def rows_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select("tr.coverage-row")


def test_the_admin_menu_links_to_the_dashboard(superuser_client):
    response = superuser_client.get("/admin/")
    assert URL in response.content.decode()
    assert reverse("translations:coverage") == URL


def test_loaded_content_is_published_in_every_language(superuser_client):
    response = superuser_client.get(URL)
    assert response.status_code == 200
    summary = response.context["summary"]
    assert [line["locale"].language_code for line in summary] == ["fr", "pt", "it", "hr"]
    for line in summary:
        assert line["counts"][coverage.PUBLISHED] == line["total"] > 0
        assert line["counts"][coverage.NOT_TRANSLATED] == 0


def test_an_english_only_page_is_not_translated_with_a_translate_link(superuser_client, home_pages):
    page = StandardPageFactory(parent=home_pages["en"], title="Only in English", slug="only-in-english")
    response = superuser_client.get(URL, {"state": coverage.NOT_TRANSLATED, "language": "hr"})
    rows = rows_of(response)
    assert len(rows) == 1
    assert "Only in English" in rows[0].get_text()
    link = rows[0].find("a", string="Translate")["href"]
    assert link.startswith(reverse("wagtail_localize:submit_page_translation", args=[page.pk]) + "?select_locale=hr")


def test_a_draft_translation_is_in_progress_with_its_percentage(superuser_client, home_pages, locales):
    page = StandardPageFactory(parent=home_pages["en"], title="Draft in French", slug="draft-in-french")
    translate_object(page, [locales["fr"]])
    rows = coverage.coverage_rows([locales["fr"]])
    row = next(row for row in rows if row.title == "Draft in French")
    assert row.state == coverage.IN_PROGRESS
    assert row.translated == 0 and row.total > 0 and row.percent == 0
    response = superuser_client.get(URL, {"state": coverage.IN_PROGRESS, "language": "fr"})
    text = rows_of(response)[0].get_text(" ", strip=True)
    assert "In progress" in text and f"0% (0 of {row.total} strings)" in text


def test_progress_matches_wagtail_localize(locales, about):
    row = next(row for row in coverage.coverage_rows([locales["fr"]]) if row.title == "About the project")
    assert (row.total, row.translated) == about.translations["fr"].get_progress()


def test_filters_by_family_and_state(superuser_client):
    response = superuser_client.get(URL, {"family": "snippets", "language": "pt"})
    rows = rows_of(response)
    assert rows and all(row["data-language"] == "pt" for row in rows)
    types = {row.find_all("td")[1].get_text(strip=True) for row in rows}
    assert types == {"Partner", "Person", "Competence"}
    response = superuser_client.get(URL, {"family": "pages:home", "language": "pt"})
    assert {row.find_all("td")[1].get_text(strip=True) for row in rows_of(response)} == {"Home page", "Standard page"}


def test_a_translator_sees_only_their_language(french_client):
    response = french_client.get(URL)
    assert response.status_code == 200
    assert {row["data-language"] for row in rows_of(response)} == {"fr"}
    assert [code for code, _label in response.context["form"].fields["language"].choices] == ["", "fr"]


def test_a_user_without_languages_sees_no_menu_item(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", "r@example.com", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert URL not in client.get("/admin/").content.decode()


def make_pages(parent, start, count, french_every=5):
    fr = Locale.objects.get(language_code="fr")
    for n in range(start, start + count):
        page = StandardPageFactory(parent=parent, title=f"Bulk page {n}", slug=f"bulk-page-{n}")
        if n % french_every == 0:
            translate_object(page, [fr])


QUERIES = [{}, {"state": coverage.IN_PROGRESS}, {"language": "fr", "p": "2"}]


def test_query_count_does_not_grow_with_the_number_of_pages(superuser_client, home_pages, count_queries):
    superuser_client.get(URL)  # Warm per-process caches (content types, site root paths).
    make_pages(home_pages["en"], 0, 10)
    with_10 = [count_queries(lambda q=q: superuser_client.get(URL, q))[1] for q in QUERIES]
    make_pages(home_pages["en"], 10, 90)
    with_100 = [count_queries(lambda q=q: superuser_client.get(URL, q))[1] for q in QUERIES]
    assert with_100 == with_10


def test_the_dashboard_has_one_heading_and_a_translator_gets_no_link_to_the_english_source(french_client):
    html = BeautifulSoup(french_client.get(URL).content, "html.parser")
    assert [h1.get_text(strip=True) for h1 in html.find_all("h1")] == ["Translation coverage"]
    first = html.select_one("tr.coverage-row td")
    assert first.find("a") is None and first.get_text(strip=True) == "Keep in Pact"
