"""The index follows the pages: publish, unpublish, move and delete, in every language, without a rebuild."""

import pytest
from django.contrib.contenttypes.models import ContentType
from modelsearch.conf import get_app_config
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from tests.conftest import LANGUAGES
from tests.search.conftest import make_page, result_links, result_titles, search

pytestmark = pytest.mark.django_db


def index_entries(page):
    return (
        get_app_config()
        .get_model("IndexEntry")
        .objects.filter(content_type=ContentType.objects.get_for_model(StandardPage), object_id=str(page.pk))
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_publishing_adds_a_page_and_republishing_updates_it(client, home_pages, language):
    page = make_page(home_pages[language], "Numbat", "numbat", publish=False)
    assert result_titles(search(client, language, "numbat")[1]) == []
    page.save_revision().publish()
    assert result_titles(search(client, language, "numbat")[1]) == ["Numbat"]
    page.title = "Numbat and quoll"
    page.body = [{"type": "paragraph", "value": "<p>Now about the quoll only.</p>"}]
    page.save_revision().publish()
    assert result_titles(search(client, language, "quoll")[1]) == ["Numbat and quoll"]
    assert result_titles(search(client, language, "numbat")[1]) == ["Numbat and quoll"]  # still in the title


@pytest.mark.parametrize("language", LANGUAGES)
def test_unpublishing_removes_a_page_from_results(client, home_pages, language):
    page = make_page(home_pages[language], "Bilby", "bilby")
    assert result_titles(search(client, language, "bilby")[1]) == ["Bilby"]
    page.unpublish()
    assert result_titles(search(client, language, "bilby")[1]) == []
    page.save_revision().publish()
    assert result_titles(search(client, language, "bilby")[1]) == ["Bilby"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_moving_a_page_updates_its_address_in_results(client, home_pages, language):
    section = make_page(home_pages[language], "Section", "section text")
    page = make_page(section, "Dugong", "dugong")
    assert result_links(search(client, language, "dugong")[1]) == [f"/{language}/{section.slug}/{page.slug}/"]
    page.move(home_pages[language], pos="last-child")
    assert result_links(search(client, language, "dugong")[1]) == [f"/{language}/{page.slug}/"]


def test_moving_a_page_into_a_private_section_hides_it(client, home_pages):
    private = make_page(home_pages["it"], "Riservato", "riservato")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    page = make_page(home_pages["it"], "Lontra", "lontra")
    assert result_titles(search(client, "it", "lontra")[1]) == ["Lontra"]
    page.move(private, pos="last-child")
    assert result_titles(search(client, "it", "lontra")[1]) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_deleting_a_page_removes_it_and_its_index_entry(client, home_pages, language):
    page = make_page(home_pages[language], "Wallaby", "wallaby")
    assert index_entries(page).exists()
    assert result_titles(search(client, language, "wallaby")[1]) == ["Wallaby"]
    deleted = StandardPage.objects.get(pk=page.pk)
    deleted.delete()
    assert not index_entries(page).exists()
    assert result_titles(search(client, language, "wallaby")[1]) == []


def test_changes_in_one_language_leave_the_others_alone(client, home_pages):
    pages = {language: make_page(home_pages[language], f"Echidna {language}", "echidna") for language in LANGUAGES}
    pages["pt"].unpublish()
    StandardPage.objects.get(pk=pages["hr"].pk).delete()
    for language in ["en", "fr", "it"]:
        assert result_titles(search(client, language, "echidna")[1]) == [f"Echidna {language}"]
    for language in ["pt", "hr"]:
        assert result_titles(search(client, language, "echidna")[1]) == []
