"""The bulk "Unpublish" and "Delete" of source pages offer the same cascade to their translations as the
single-page views (translations.cascade): listed on the confirmation page, ticked by default, and a message
per outcome naming the languages."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.operations import translate_object

from tests.factories import StandardPageFactory
from tests.translations.test_cascade import OTHERS, cascade_checkbox, is_live, listed_languages, names, notes

pytestmark = pytest.mark.django_db


def bulk_url(action, *pages) -> str:
    ids = "&".join(f"id={page.pk}" for page in pages)
    return f"{reverse('wagtail_bulk_action', args=['wagtailcore', 'page', action])}?{ids}&next=/admin/"


@pytest.fixture
def two_sources(home_pages, locales):
    """Two new English pages, each with a published French and Portuguese translation."""
    pages = []
    for slug in ("first-source", "second-source"):
        page = StandardPageFactory(parent=home_pages["en"], title=slug.replace("-", " ").capitalize(), slug=slug)
        translate_object(page, [locales["fr"], locales["pt"]])
        for code in ("fr", "pt"):
            page.get_translation(locales[code]).save_revision().publish()
        pages.append(page)
    return pages


def translations_of(page, codes=("fr", "pt")) -> list[Page]:
    return list(Page.objects.filter(translation_key=page.translation_key, locale__language_code__in=codes))


def test_the_bulk_unpublish_confirmation_lists_each_pages_translations_ticked_by_default(superuser_client, about):
    response = superuser_client.get(bulk_url("unpublish", about.by_language["en"]))
    assert response.status_code == 200
    assert listed_languages(response) == OTHERS
    checkbox = cascade_checkbox(response)
    assert checkbox is not None and checkbox.has_attr("checked")
    assert checkbox.find_parent("form") is not None  # submitted with the confirmation


def test_bulk_unpublishing_sources_unpublishes_their_translations(superuser_client, two_sources, locales):
    response = superuser_client.post(bulk_url("unpublish", *two_sources), {"cascade_translations": "1"})
    assert response.status_code == 302
    for page in two_sources:
        assert not is_live(page)
        assert not any(translation.live for translation in translations_of(page))
    assert f"Also unpublished in: {names(locales, ['fr', 'pt'])}." in notes(response)


def test_bulk_unpublish_unticked_leaves_the_translations_published_and_says_where(
    superuser_client, two_sources, locales
):
    response = superuser_client.post(bulk_url("unpublish", *two_sources), {})
    assert response.status_code == 302
    assert not any(is_live(page) for page in two_sources)
    assert all(translation.live for page in two_sources for translation in translations_of(page))
    assert f"Its translations are still published in: {names(locales, ['fr', 'pt'])}." in notes(response)


def test_the_bulk_delete_confirmation_lists_the_translations(superuser_client, about):
    response = superuser_client.get(bulk_url("delete", about.by_language["en"]))
    assert response.status_code == 200
    assert listed_languages(response) == OTHERS
    assert cascade_checkbox(response).has_attr("checked")


def test_bulk_deleting_sources_deletes_their_translations(superuser_client, two_sources, locales):
    keys = [page.translation_key for page in two_sources]
    response = superuser_client.post(bulk_url("delete", *two_sources), {"cascade_translations": "1"})
    assert response.status_code == 302
    assert not Page.objects.filter(translation_key__in=keys).exists()
    assert f"Also deleted in: {names(locales, ['fr', 'pt'])}." in notes(response)


def test_bulk_delete_unticked_keeps_the_translations_and_says_where(superuser_client, two_sources, locales):
    response = superuser_client.post(bulk_url("delete", *two_sources), {})
    assert response.status_code == 302
    for page in two_sources:
        assert not Page.objects.filter(pk=page.pk).exists()
        assert len(translations_of(page)) == 2
    assert f"Its translations were kept in: {names(locales, ['fr', 'pt'])}." in notes(response)


def test_a_chosen_translation_is_handled_by_the_bulk_action_not_listed_again(superuser_client, two_sources, locales):
    source = two_sources[0]
    french = source.get_translation(locales["fr"])
    response = superuser_client.get(bulk_url("unpublish", source, french))
    assert listed_languages(response) == ["pt"]
    response = superuser_client.post(bulk_url("unpublish", source, french), {"cascade_translations": "1"})
    assert response.status_code == 302
    assert not any(translation.live for translation in translations_of(source))
    assert f"Also unpublished in: {names(locales, ['pt'])}." in notes(response)


def test_a_translator_bulk_unpublishing_translations_never_reaches_the_source(french_client, about):
    french = about.by_language["fr"]
    response = french_client.get(bulk_url("unpublish", french))
    assert response.status_code == 200
    assert listed_languages(response) == [] and cascade_checkbox(response) is None
    french_client.post(bulk_url("unpublish", french), {"cascade_translations": "1"})
    assert not is_live(french)
    assert is_live(about.by_language["en"]) and is_live(about.by_language["pt"])
