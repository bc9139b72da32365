"""Unpublishing or deleting a source page offers to do the same to its translations (translations.cascade);
moving does not cascade; the coverage dashboard shows translations whose source is unpublished or gone."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.operations import translate_object

from tests.factories import StandardPageFactory
from translations import coverage

pytestmark = pytest.mark.django_db

OTHERS = ["fr", "pt", "it", "hr"]
COVERAGE = "/admin/translations/coverage/"


def notes(response) -> list[str]:
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def listed_languages(response) -> list[str]:
    html = BeautifulSoup(response.content, "html.parser")
    return [item["data-language"] for item in html.select(".cascade-translations__item")]


def cascade_checkbox(response):
    return BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": "cascade_translations"})


def names(locales, codes) -> str:
    return ", ".join(str(locales[code].get_display_name()) for code in codes)


def unpublish_url(page) -> str:
    return reverse("wagtailadmin_pages:unpublish", args=[page.pk])


def delete_url(page) -> str:
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def is_live(page) -> bool:
    return Page.objects.get(pk=page.pk).live


@pytest.fixture
def translated_page(home_pages, locales):
    """A new English page with a published French translation and a Portuguese draft."""
    page = StandardPageFactory(parent=home_pages["en"], title="Short-lived", slug="short-lived")
    translate_object(page, [locales["fr"], locales["pt"]])
    page.get_translation(locales["fr"]).save_revision().publish()
    return page


@pytest.fixture
def english_and_french_editor(db, django_user_model, home_pages):
    """An editor whose page permissions are rooted at the English and French home pages only."""
    group = Group.objects.create(name="Editors: English and French")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for language in ("en", "fr"):
        for codename in ("add_page", "change_page", "publish_page", "delete_page"):
            GroupPagePermission.objects.create(
                group=group,
                page=home_pages[language],
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )
    user = django_user_model.objects.create_user("edith", "edith@example.com", "pw")
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def test_the_unpublish_confirmation_lists_the_translations_ticked_by_default(superuser_client, about):
    response = superuser_client.get(unpublish_url(about.by_language["en"]))
    assert response.status_code == 200
    assert listed_languages(response) == OTHERS
    checkbox = cascade_checkbox(response)
    assert checkbox is not None and checkbox.has_attr("checked")


def test_unpublishing_the_source_unpublishes_its_translations(superuser_client, about, locales):
    response = superuser_client.post(unpublish_url(about.by_language["en"]), {"cascade_translations": "1"})
    assert response.status_code == 302
    assert not any(is_live(page) for page in about.by_language.values())
    assert f"Also unpublished in: {names(locales, OTHERS)}." in notes(response)
    assert superuser_client.get(about.by_language["fr"].url).status_code == 404


def test_unticked_the_translations_stay_published_and_the_message_says_where(superuser_client, about, locales):
    response = superuser_client.post(unpublish_url(about.by_language["en"]), {})
    assert response.status_code == 302
    assert not is_live(about.by_language["en"])
    assert all(is_live(about.by_language[code]) for code in OTHERS)
    assert f"Its translations are still published in: {names(locales, OTHERS)}." in notes(response)


def test_translations_the_user_may_not_unpublish_stay_and_are_named(english_and_french_editor, about, locales):
    response = english_and_french_editor.get(unpublish_url(about.by_language["en"]))
    assert listed_languages(response) == OTHERS
    assert "you may not unpublish it" in response.content.decode()
    response = english_and_french_editor.post(unpublish_url(about.by_language["en"]), {"cascade_translations": "1"})
    assert response.status_code == 302
    assert not is_live(about.by_language["en"]) and not is_live(about.by_language["fr"])
    assert all(is_live(about.by_language[code]) for code in ("pt", "it", "hr"))
    messages = notes(response)
    assert f"Also unpublished in: {names(locales, ['fr'])}." in messages
    assert f"Still published in {names(locales, ['pt', 'it', 'hr'])}: you may not unpublish it there." in messages


def test_a_translator_unpublishing_a_translation_never_reaches_the_source(french_client, about):
    french = about.by_language["fr"]
    response = french_client.get(unpublish_url(french))
    assert response.status_code == 200
    assert listed_languages(response) == [] and cascade_checkbox(response) is None
    response = french_client.post(unpublish_url(french), {"cascade_translations": "1"})
    assert response.status_code == 302
    assert not is_live(french)
    assert all(is_live(about.by_language[code]) for code in ("en", "pt", "it", "hr"))


def test_the_delete_confirmation_lists_the_translations(superuser_client, translated_page):
    response = superuser_client.get(delete_url(translated_page))
    assert response.status_code == 200
    assert listed_languages(response) == ["fr", "pt"]
    assert cascade_checkbox(response).has_attr("checked")
    text = BeautifulSoup(response.content, "html.parser").select_one(".cascade-translations").get_text(" ")
    assert "published" in text and "draft" in text


def test_deleting_the_source_deletes_its_translations(superuser_client, translated_page, locales):
    keys = Page.objects.filter(translation_key=translated_page.translation_key)
    assert keys.count() == 3
    response = superuser_client.post(delete_url(translated_page), {"cascade_translations": "1"})
    assert response.status_code == 302
    assert not keys.exists()
    assert f"Also deleted in: {names(locales, ['fr', 'pt'])}." in notes(response)


def test_unticked_deleting_keeps_the_translations(superuser_client, translated_page, locales):
    french = translated_page.get_translation(locales["fr"])
    response = superuser_client.post(delete_url(translated_page), {})
    assert response.status_code == 302
    assert not Page.objects.filter(pk=translated_page.pk).exists()
    assert is_live(french)
    assert f"Its translations were kept in: {names(locales, ['fr', 'pt'])}." in notes(response)


def test_an_alias_left_by_a_deleted_page_does_not_show_its_text(superuser_client, client, home_pages, locales):
    """Wagtail unpublishes a page's aliases before deleting it: kept, the alias is a draft, not English text."""
    parent = StandardPageFactory(parent=home_pages["en"], title="Parent in English", slug="english-parent")
    child = StandardPageFactory(parent=parent, title="Child", slug="child")
    translate_object(child, [locales["fr"]])
    alias = parent.get_translation(locales["fr"])
    assert alias.alias_of_id == parent.pk and alias.live
    superuser_client.post(delete_url(parent), {})
    alias.refresh_from_db()
    assert alias.alias_of_id is None and not alias.live
    response = client.get(alias.url)
    assert response.status_code == 404 and b"Parent in English" not in response.content


def test_deleting_with_the_box_ticked_removes_the_alias_too(superuser_client, home_pages, locales):
    parent = StandardPageFactory(parent=home_pages["en"], title="Parent in English", slug="english-parent")
    child = StandardPageFactory(parent=parent, title="Child", slug="child")
    translate_object(child, [locales["fr"]])
    alias = parent.get_translation(locales["fr"])
    superuser_client.post(delete_url(parent), {"cascade_translations": "1"})
    assert not Page.objects.filter(pk=alias.pk).exists()


def test_moving_the_source_leaves_its_translations_where_they_are(
    superuser_client, translated_page, home_pages, locales
):
    destination = StandardPageFactory(parent=home_pages["en"], title="New section", slug="new-section")
    french = translated_page.get_translation(locales["fr"])
    french_parent = french.get_parent()
    response = superuser_client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[translated_page.pk, destination.pk])
    )
    assert response.status_code == 302
    assert Page.objects.get(pk=translated_page.pk).get_parent().pk == destination.pk
    french = Page.objects.get(pk=french.pk)
    assert french.get_parent().pk == french_parent.pk and french.live


def test_the_dashboard_shows_translations_of_an_unpublished_source(superuser_client, about):
    superuser_client.post(unpublish_url(about.by_language["en"]), {})
    response = superuser_client.get(COVERAGE, {"state": coverage.SOURCE_WITHDRAWN})
    rows = [
        row
        for row in BeautifulSoup(response.content, "html.parser").select("tr.coverage-row")
        if "About the project" in row.get_text()
    ]
    assert {row["data-language"] for row in rows} == set(OTHERS)
    assert all("The source is not published; this translation is still published." in row.get_text() for row in rows)
    summary = {line["locale"].language_code: line["counts"] for line in response.context["summary"]}
    assert all(summary[code][coverage.SOURCE_WITHDRAWN] >= 1 for code in OTHERS)


def withdrawn_rows(client, title) -> dict[str, str]:
    """{language: text} of the dashboard's "source unpublished or deleted" rows of `title`."""
    response = client.get(COVERAGE, {"state": coverage.SOURCE_WITHDRAWN})
    rows = BeautifulSoup(response.content, "html.parser").select("tr.coverage-row")
    return {row["data-language"]: row.get_text(" ", strip=True) for row in rows if title in row.get_text()}


def test_the_dashboard_shows_a_translation_whose_source_was_deleted(superuser_client, translated_page, french_client):
    superuser_client.post(delete_url(translated_page), {})
    rows = withdrawn_rows(superuser_client, "Short-lived")
    assert set(rows) == {"fr", "pt"}
    assert "The source was deleted; this translation is still published." in rows["fr"]
    assert "The source was deleted; this translation is not published." in rows["pt"]
    assert all("Translate" not in text and "Sync" not in text for text in rows.values())
    assert set(withdrawn_rows(french_client, "Short-lived")) == {"fr"}
