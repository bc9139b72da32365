"""Source changes never destroy work: change one English string, sync, and the rest of the French stays."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from home.models import StandardPage
from translations import coverage
from translations.publishing import missing_strings

pytestmark = pytest.mark.django_db


def french_strings(translation) -> dict[tuple[str, str], str]:
    return {
        (path, msgid): data
        for path, msgid, data in StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        ).values_list("context__path", "translation_of__data", "data")
    }


def rename_heading(page: StandardPage, old: str, new: str) -> None:
    raw = list(page.body.raw_data)
    for block in raw:
        if block["type"] == "heading" and block["value"]["text"] == old:
            block["value"] = {**block["value"], "text": new}
    page.body = raw
    page.save_revision().publish()


def about_row(locales, language="fr"):
    rows = coverage.coverage_rows([locales[language]])
    return next(row for row in rows if row.title == "About the project")


def test_changing_one_english_string_keeps_every_other_translation(
    french_client, superuser_client, about, locales, django_capture_on_commit_callbacks
):
    english, french = about.by_language["en"], about.by_language["fr"]
    translation = about.translations["fr"]
    strings_before = french_strings(translation)
    french_revision_before = french.live_revision_id
    assert about_row(locales).state == coverage.PUBLISHED

    # The editor changes one heading and publishes: the translations are out of date until synced.
    rename_heading(english, "The partners", "The partner organisations")
    assert about_row(locales).state == coverage.OUT_OF_DATE

    # The editor syncs; "Publish immediately" is not on offer.
    sync_url = reverse("wagtail_localize:update_translations", args=[about.source.pk])
    form = superuser_client.get(sync_url).context["form"]
    assert form.fields["publish_translations"].disabled
    response = superuser_client.post(sync_url, {"publish_translations": "on"})
    assert response.status_code == 302

    # Every other French string is still there; only the new one needs a translation.
    strings_after = french_strings(translation)
    assert strings_after == strings_before  # Nothing deleted or changed (the old heading's is kept for reference).
    assert missing_strings(translation) == ["The partner organisations"]
    row = about_row(locales)
    assert row.state == coverage.IN_PROGRESS
    assert (row.translated, row.total) == (row.total - 1, row.total)

    # The published French page did not change: no English under a French address.
    french.refresh_from_db()
    assert french.live_revision_id == french_revision_before
    html = Client().get(french.url).content.decode()
    assert "Les partenaires" in html and "The partner organisations" not in html

    # Publishing now is refused with a message naming the missing string.
    edit_url = reverse("wagtailadmin_pages:edit", args=[french.pk])
    response = french_client.post(edit_url, {"action": "publish"})
    notes = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("“The partner organisations”" in note and "not published in French" in note for note in notes)
    french.refresh_from_db()
    assert french.live_revision_id == french_revision_before

    # The translator translates the new string in the editor and publishes.
    segment = about.source.stringsegment_set.get(string__data="The partner organisations")
    response = french_client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        "value=Les+organisations+partenaires",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201
    assert about_row(locales).state == coverage.IN_PROGRESS  # Translated, not yet published.
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit.
        french_client.post(edit_url, {"action": "publish"})
    french.refresh_from_db()
    assert french.live_revision_id != french_revision_before
    assert about_row(locales).state == coverage.PUBLISHED

    main = BeautifulSoup(Client().get(french.url).content, "html.parser").find("main")
    headings = [h.get_text(strip=True) for h in main.find_all("h2")]
    assert "Les organisations partenaires" in headings
    assert "Pourquoi ce projet" in headings  # An untouched string kept its translation.

    # The previous French revision is still in the page's history.
    previous = french.revisions.get(pk=french_revision_before).as_object()
    assert any(block.value["text"] == "Les partenaires" for block in previous.body if block.block_type == "heading")
