"""Translators translate what is published: no draft's text reaches a translation, and no translation is
published before its source (translations.live_source)."""

import logging

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object

from home.models import StandardPage
from tests.factories import StandardPageFactory
from tests.translations.conftest import db_state

pytestmark = pytest.mark.django_db

DRAFT_TEXT = "Confidential draft: the budget is not agreed yet"
LIVE_TEXT = "The published introduction"
COVERAGE = "/admin/translations/coverage/"


def notes(response) -> list[str]:
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def submit_url(page) -> str:
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def fill(translation: Translation) -> None:
    """Translate every string of `translation` (as a PO upload would)."""
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"[fr] {entry.msgid}"
    translation.import_po(po)


@pytest.fixture
def draft_page(home_pages):
    """An English page that was never published: its text exists only as a draft."""
    page = StandardPageFactory(
        parent=home_pages["en"], title="Secret plan", slug="secret-plan", live=False, introduction=DRAFT_TEXT
    )
    page.save_revision()
    return page


@pytest.fixture
def live_page_with_draft(home_pages):
    """A live English page whose editor has saved a newer draft (as Wagtail's editor does: a revision only)."""
    page = StandardPageFactory(parent=home_pages["en"], title="Public plan", slug="public-plan", introduction=LIVE_TEXT)
    page.save_revision().publish()
    page.refresh_from_db()
    page.introduction = DRAFT_TEXT
    page.save_revision()
    return StandardPage.objects.get(pk=page.pk)


def test_a_translator_cannot_submit_a_page_that_was_never_published(french_client, draft_page, locales, caplog):
    response = french_client.get(submit_url(draft_page))
    assert response.status_code == 403
    assert "is not published, and only published pages can be translated" in response.content.decode()
    before = db_state()
    with caplog.at_level(logging.WARNING, logger="translations.views.submit"):
        response = french_client.post(submit_url(draft_page), {"locales": [locales["fr"].pk]})
    assert response.status_code == 403
    assert db_state() == before
    assert draft_page.get_translation_or_none(locales["fr"]) is None
    assert any("user=francoise" in r.getMessage() and "locale=en" in r.getMessage() for r in caplog.records)


def test_the_draft_text_never_reaches_a_french_address(french_client, client, draft_page, locales):
    french_client.post(submit_url(draft_page), {"locales": [locales["fr"].pk]})
    assert not TranslationSource.objects.filter(object_id=draft_page.translation_key).exists()
    assert client.get("/fr/secret-plan/").status_code == 404


def test_a_translation_is_made_from_the_live_version_not_the_newer_draft(french_client, live_page_with_draft, locales):
    response = french_client.post(submit_url(live_page_with_draft), {"locales": [locales["fr"].pk]})
    assert response.status_code == 302
    source = TranslationSource.objects.get(object_id=live_page_with_draft.translation_key)
    assert LIVE_TEXT in source.content_json and DRAFT_TEXT not in source.content_json
    strings = set(source.stringsegment_set.values_list("string__data", flat=True))
    assert LIVE_TEXT in strings and DRAFT_TEXT not in strings


def test_a_sync_reads_the_live_version_not_the_newer_draft(superuser_client, live_page_with_draft, locales):
    translate_object(live_page_with_draft, [locales["fr"]])
    source = TranslationSource.objects.get(object_id=live_page_with_draft.translation_key)
    response = superuser_client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    source.refresh_from_db()
    assert DRAFT_TEXT not in source.content_json


def test_the_subtree_of_a_translator_leaves_out_unpublished_pages(french_client, home_pages, locales):
    parent = StandardPageFactory(parent=home_pages["en"], title="Published parent", slug="published-parent")
    StandardPageFactory(parent=parent, title="Published child", slug="published-child")
    StandardPageFactory(parent=parent, title="Draft child", slug="draft-child", live=False, introduction=DRAFT_TEXT)
    response = french_client.get(submit_url(parent))
    field = response.context["form"].fields["include_subtree"]
    assert field.disabled
    assert "1 page below this one is not published" in str(field.help_text)
    response = french_client.post(submit_url(parent), {"locales": [locales["fr"].pk], "include_subtree": "on"})
    assert response.status_code == 302
    french = parent.get_translation(locales["fr"])
    assert not french.get_children().exists()


def test_an_editor_may_translate_a_subtree_with_drafts(superuser_client, home_pages):
    parent = StandardPageFactory(parent=home_pages["en"], title="Published parent", slug="published-parent")
    StandardPageFactory(parent=parent, title="Draft child", slug="draft-child", live=False)
    field = superuser_client.get(submit_url(parent)).context["form"].fields["include_subtree"]
    assert not field.disabled


def test_an_editor_may_prepare_the_translation_of_a_draft_but_not_publish_it(
    superuser_client, french_client, draft_page, locales, caplog, django_capture_on_commit_callbacks
):
    response = superuser_client.post(submit_url(draft_page), {"locales": [locales["fr"].pk]})
    assert response.status_code == 302
    french = draft_page.get_translation(locales["fr"])
    translation = Translation.objects.get(source__object_id=draft_page.translation_key, target_locale=locales["fr"])
    fill(translation)
    for client in (french_client, superuser_client):
        before = db_state()
        with caplog.at_level(logging.WARNING, logger="translations.live_source"):
            response = client.post(edit_url(french), {"action": "publish"})
        assert response.status_code == 302 and response["Location"] == edit_url(french)
        assert db_state() == before
        assert any(
            "is not published. A translation is published only while its source is" in n for n in notes(response)
        )
        assert any("publish" in record.getMessage() and "locale=fr" in record.getMessage() for record in caplog.records)
    # Wagtail's own editor (a translation whose synced editing was stopped) is refused the same way.
    before = db_state()
    response = superuser_client.post(edit_url(french), {"action-publish": "action-publish"})
    assert response.status_code == 302 and db_state() == before

    draft_page.get_latest_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        response = french_client.post(edit_url(french), {"action": "publish"})
    assert response.status_code == 302
    french.refresh_from_db()
    assert french.live


def test_a_translation_is_not_published_while_its_source_is_unpublished(
    french_client, home_pages, locales, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_pages["en"], title="Withdrawn", slug="withdrawn")
    translate_object(page, [locales["fr"]])
    fill(Translation.objects.get(source__object_id=page.translation_key, target_locale=locales["fr"]))
    french = page.get_translation(locales["fr"])
    page.unpublish()
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        response = french_client.post(edit_url(french), {"action": "publish"})
    assert response.status_code == 302
    assert any("its source, “Withdrawn” (English), is not published" in note for note in notes(response))
    french.refresh_from_db()
    assert not french.live
    # Published again, the source lets its translation be published.
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        french_client.post(edit_url(french), {"action": "publish"})
    french.refresh_from_db()
    assert french.live


def test_bulk_publish_refuses_a_translation_of_a_draft(superuser_client, draft_page, locales):
    translate_object(draft_page, [locales["fr"]])
    french = draft_page.get_translation(locales["fr"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={french.pk}&next={COVERAGE}"
    before = db_state()
    response = superuser_client.post(url, {})
    assert response.status_code == 302 and response["Location"] == COVERAGE
    assert db_state() == before
    assert any("its source, “Secret plan”" in note for note in notes(response))


def test_bulk_publish_of_a_parent_refuses_a_draft_descendant_translation(superuser_client, home_pages, locales):
    parent = StandardPageFactory(parent=home_pages["en"], title="Parent", slug="parent-of-drafts")
    child = StandardPageFactory(parent=parent, title="Draft child", slug="draft-child", live=False)
    translate_object(parent, [locales["fr"]])
    translate_object(child, [locales["fr"]])
    french_parent = parent.get_translation(locales["fr"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={french_parent.pk}"
    before = db_state()
    response = superuser_client.post(url, {"include_descendants": "on"})
    assert response.status_code == 302
    assert db_state() == before
    # Without the descendants the parent (whose source is live) is published.
    superuser_client.post(url, {})
    french_parent.refresh_from_db()
    assert french_parent.live and not child.get_translation(locales["fr"]).live


def test_no_sync_from_an_unpublished_source(superuser_client, home_pages, locales):
    page = StandardPageFactory(parent=home_pages["en"], title="Withdrawn", slug="withdrawn", introduction=LIVE_TEXT)
    translate_object(page, [locales["fr"]])
    page.unpublish()
    # Wagtail's editor writes drafts of a page that is not live into its row: a sync would read them.
    page.introduction = DRAFT_TEXT
    page.save()
    source = TranslationSource.objects.get(object_id=page.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    for request in (superuser_client.get, superuser_client.post):
        before = db_state()
        response = request(url)
        assert response.status_code == 302 and response["Location"] == edit_url(page)
        assert db_state() == before
        assert any("its translations are synced from the published version only" in n for n in notes(response))


def test_syncing_a_deleted_source_is_a_message_not_a_500(superuser_client, home_pages, locales, settings):
    # wagtail-localize keeps the TranslationSource of a deleted source with this setting (else it erases it).
    settings.WAGTAILLOCALIZE_DISABLE_ON_DELETE = True
    page = StandardPageFactory(parent=home_pages["en"], title="Gone", slug="gone")
    translate_object(page, [locales["fr"]])
    source = TranslationSource.objects.get(object_id=page.translation_key)
    page.delete()
    assert TranslationSource.objects.filter(pk=source.pk).exists()
    response = superuser_client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302 and response["Location"] == reverse("translations:coverage")
    assert any("“Gone” was deleted" in note for note in notes(response))


def test_the_dashboard_offers_translators_no_translate_link_to_a_draft(french_client, superuser_client, draft_page):
    for client, offered in ((french_client, False), (superuser_client, True)):
        html = client.get(COVERAGE, {"language": "fr", "state": "not_translated"}).content.decode()
        assert "Secret plan" in html
        assert (submit_url(draft_page) in html) is offered
