"""Issue 15 point 7: machine translation that cannot embarrass the project.

Production offers no machine translator without a DeepL key; machine-filled strings are
marked in the translation editor and on the coverage dashboard; publishing with unreviewed
machine strings asks first; the public page says it was machine-translated until a human
has reviewed every machine string. And 9a: "Translate" on the dashboard opens the editor.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationLog

from translations.machine_review import machine_segments

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE


def production_setting(**environ) -> str:
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR as config.settings.production computes it, in a process of its own."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DEEPL_")}
    env |= {"DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": "x" * 50, **environ}
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(repr(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_production_without_a_key_has_no_machine_translator():
    assert production_setting() == "None"


def test_production_with_a_key_has_deepl_and_never_the_dummy():
    setting = production_setting(DEEPL_API_KEY="secret")
    assert "translations.machine_translation.DeepLTranslator" in setting
    assert "Dummy" not in setting


def editor_props(client, page) -> dict:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    marker = 'class="js-translation-editor" data-props="'
    start = html.index(marker) + len(marker)
    raw = html[start : html.index('"', start)]
    return json.loads(
        raw.replace("&quot;", '"')
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x27;", "'")
    ), html


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None)
def test_without_a_machine_translator_the_editor_offers_no_button(french_client, about):
    props, _html = editor_props(french_client, about.by_language["fr"])
    assert props["machineTranslator"] is None
    response = french_client.post(reverse("wagtail_localize:machine_translate", args=[about.translations["fr"].pk]))
    assert response.status_code == 404


def test_with_the_dev_and_test_translator_the_editor_offers_it(french_client, about):
    props, _html = editor_props(french_client, about.by_language["fr"])
    assert props["machineTranslator"]["name"] == "Dummy translator"


@pytest.fixture
def machine_about(about, french_client):
    """The French About translation with two body strings removed, then filled by the (dummy) machine translator."""
    translation = about.translations["fr"]
    segments = list(about.source.stringsegment_set.filter(context__path__startswith="body.").order_by("order")[:2])
    for segment in segments:
        StringTranslation.objects.filter(
            translation_of_id=segment.string_id, context_id=segment.context_id, locale=translation.target_locale
        ).delete()
    response = french_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/"}
    )
    assert response.status_code == 302
    assert {segment.pk for segment in machine_segments(translation)} == {segment.pk for segment in segments}
    return about, translation, segments


def test_machine_strings_are_marked_in_the_translation_editor(french_client, machine_about):
    about, translation, segments = machine_about
    _props, html = editor_props(french_client, about.by_language["fr"])
    assert "2 machine-translated strings to review" in html
    for segment in segments:
        assert f'data-segment-id="{segment.pk}"' in html
    payload = html[html.index('id="kip-machine-strings"') :]
    payload = json.loads(payload[payload.index(">") + 1 : payload.index("</script>")])
    assert sorted(item["segment_id"] for item in payload) == sorted(segment.pk for segment in segments)
    assert {item["tool"] for item in payload} == {"Dummy translator"}


def test_machine_strings_are_counted_on_the_coverage_dashboard(french_client, machine_about):
    response = french_client.get(reverse("translations:coverage"), {"review": "machine"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 machine-translated strings not reviewed" in html
    assert html.count('class="coverage-row"') == 1  # only the About page has machine strings


def publish(client, page, **extra):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish", **extra})


def test_publishing_unreviewed_machine_strings_asks_for_confirmation(french_client, machine_about):
    about, _translation, _segments = machine_about
    french = about.by_language["fr"]
    published = TranslationLog.objects.filter(source=about.source, locale=french.locale)
    before = published.count()
    response = publish(french_client, french)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Publish with machine translation?" in html
    assert 'name="confirm-machine-translation" value="yes"' in html
    assert published.count() == before  # nothing published yet

    response = publish(french_client, french, **{"confirm-machine-translation": "yes"})
    assert response.status_code == 302
    assert published.count() == before + 1


def test_publishing_without_machine_strings_asks_nothing(french_client, about):
    french = about.by_language["fr"]
    response = publish(french_client, french)
    assert response.status_code == 302


def public_html(client, page) -> str:
    response = client.get(Page.objects.get(pk=page.pk).specific.url)
    assert response.status_code == 200
    return response.content.decode()


def test_public_notice_until_every_machine_string_is_reviewed(client, french_client, machine_about):
    about, translation, segments = machine_about
    french = about.by_language["fr"]
    publish(french_client, french, **{"confirm-machine-translation": "yes"})
    assert "Parties de cette page ont été traduites par une machine" in public_html(client, french)
    assert "machine-notice" not in public_html(client, about.by_language["pt"])
    assert "machine-notice" not in public_html(client, about.by_language["en"])

    # A human edits one string in the editor (wagtail-localize's own API) and accepts the other.
    edit = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segments[0].pk])
    assert (
        french_client.put(edit, "value=Texte+revu", content_type="application/x-www-form-urlencoded").status_code == 200
    )
    assert "machine-notice" in public_html(client, french)
    remaining = list(machine_segments(translation))
    response = french_client.post(
        reverse("translations:accept_machine_strings", args=[translation.pk]),
        {"string_translation": [remaining[0].machine_id]},
    )
    assert response.status_code == 302
    assert [str(m).strip() for m in get_messages(response.wsgi_request)][-1] == (
        "1 machine-translated string accepted as reviewed."
    )
    accepted = StringTranslation.objects.get(pk=remaining[0].machine_id)
    assert accepted.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL
    assert accepted.last_translated_by.username == "francoise"
    assert "machine-notice" not in public_html(client, french)
    assert not machine_segments(translation).exists()


def test_a_translator_cannot_accept_machine_strings_of_another_language(french_client, about):
    portuguese = about.translations["pt"]
    StringTranslation.objects.filter(locale=portuguese.target_locale, context__object_id=about.source.object_id).update(
        translation_type=MACHINE
    )
    response = french_client.post(reverse("translations:accept_machine_strings", args=[portuguese.pk]))
    assert response.status_code == 403
    assert machine_segments(portuguese).exists()


def test_translate_from_the_dashboard_opens_the_new_translations_editor(superuser_client, about):
    italian = about.by_language["it"]
    italian.delete()
    Translation.objects.filter(source=about.source, target_locale__language_code="it").delete()
    english = about.by_language["en"]
    locale = Locale.objects.get(language_code="it")
    url = reverse("wagtail_localize:submit_page_translation", args=[english.pk])
    dashboard = reverse("translations:coverage")
    form = superuser_client.get(url, {"select_locale": "it", "next": dashboard})
    assert f'value="{dashboard}"' in form.content.decode()  # the form's way back
    response = superuser_client.post(f"{url}?next={dashboard}", {"locales": [locale.pk], "next": dashboard})
    assert response.status_code == 302
    new = english.get_translation(locale)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[new.pk])


def test_publishing_a_snippet_translation_with_machine_strings_asks_too(french_client, lllp):
    translation = lllp.translations["fr"]
    StringTranslation.objects.filter(locale=translation.target_locale, context__object_id=lllp.source.object_id).update(
        translation_type=MACHINE
    )
    french = lllp.by_language["fr"]
    url = reverse(french.snippet_viewset.get_url_name("edit"), args=[french.pk])
    response = french_client.post(url, {"action": "publish"})
    assert response.status_code == 200
    assert 'name="confirm-machine-translation" value="yes"' in response.content.decode()
    response = french_client.post(url, {"action": "publish", "confirm-machine-translation": "yes"})
    assert response.status_code == 302


def test_accepting_the_machine_strings_drops_the_cached_notice(
    french_client, machine_about, settings, django_capture_on_commit_callbacks
):
    client = Client()  # a visitor without cookies, whom the page cache serves
    about, translation, _segments = machine_about
    french = about.by_language["fr"]
    publish(french_client, french, **{"confirm-machine-translation": "yes"})
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    assert "machine-notice" in public_html(client, french)
    assert client.get(Page.objects.get(pk=french.pk).url)["X-Page-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        french_client.post(reverse("translations:accept_machine_strings", args=[translation.pk]))
    assert "machine-notice" not in public_html(client, french)
    cache.clear()
