"""Machine translation: DeepL with DEEPL_API_KEY, none in production without it; no test calls the network."""

import importlib
import json
from unittest import mock

import pytest
import requests
from django.contrib.messages import get_messages
from django.test import override_settings
from django.urls import reverse
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation

import config.settings.base as base_settings
from translations.machine_translation import DeepLTranslator

pytestmark = pytest.mark.django_db

DEEPL_SETTINGS = {"CLASS": "translations.machine_translation.DeepLTranslator", "OPTIONS": {"AUTH_KEY": "k-123:fx"}}


def machine_translator_setting(monkeypatch, **environ) -> dict:
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR as config/settings/base.py computes it with this environment."""
    monkeypatch.delenv("DEEPL_API_KEY", raising=False)
    monkeypatch.delenv("DEEPL_API_URL", raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    try:
        return importlib.reload(base_settings).WAGTAILLOCALIZE_MACHINE_TRANSLATOR
    finally:
        monkeypatch.undo()
        importlib.reload(base_settings)


def test_without_a_key_base_settings_configure_no_machine_translator(monkeypatch):
    assert machine_translator_setting(monkeypatch) is None


def test_with_a_key_deepl_is_configured(monkeypatch):
    setting = machine_translator_setting(monkeypatch, DEEPL_API_KEY="secret:fx")
    assert setting == {
        "CLASS": "translations.machine_translation.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "secret:fx", "API_URL": ""},
    }
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=setting):
        translator = get_machine_translator()
    assert isinstance(translator, DeepLTranslator)
    assert translator.get_api_endpoint() == "https://api-free.deepl.com/v2/translate"


@pytest.fixture
def untranslated(about):
    """The French About translation with two strings' translations removed."""
    translation = about.translations["fr"]
    segments = list(about.source.stringsegment_set.filter(context__path__startswith="body.").order_by("order")[:2])
    for segment in segments:
        StringTranslation.objects.filter(
            translation_of_id=segment.string_id, context_id=segment.context_id, locale=translation.target_locale
        ).delete()
    return translation, segments


def machine_translate(client, translation):
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/translations/coverage/"}
    )
    assert response.status_code == 302
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def french_translations(translation):
    return dict(
        StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        ).values_list("pk", "data")
    )


def test_dummy_translator_fills_only_the_missing_strings(french_client, untranslated):
    translation, segments = untranslated
    before = french_translations(translation)
    notes = machine_translate(french_client, translation)
    assert notes == ["Successfully translated with Dummy translator."]
    after = french_translations(translation)
    assert {pk: data for pk, data in after.items() if pk in before} == before  # Human translations untouched.
    for segment in segments:
        machine = StringTranslation.objects.get(
            translation_of_id=segment.string_id, context_id=segment.context_id, locale=translation.target_locale
        )
        assert machine.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
        assert machine.data != segment.string.data  # The dummy reverses the words.


def fake_deepl(status=200, body=None):
    response = mock.Mock(status_code=status)
    response.json.return_value = body
    if body is None:
        response.json.side_effect = json.JSONDecodeError("no JSON", "", 0)
    return response


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DEEPL_SETTINGS)
def test_deepl_translates_the_missing_strings_without_the_network(french_client, untranslated):
    translation, segments = untranslated
    answer = {"translations": [{"text": f"Texte DeepL {n}"} for n in range(len(segments))]}
    with mock.patch("translations.machine_translation.requests.post", return_value=fake_deepl(body=answer)) as post:
        notes = machine_translate(french_client, translation)
    assert notes == ["Successfully translated with DeepL."]
    (url, parameters), kwargs = post.call_args
    assert url == "https://api-free.deepl.com/v2/translate"
    assert parameters["source_lang"] == "EN" and parameters["target_lang"] == "FR"
    assert kwargs["headers"] == {"Authorization": "DeepL-Auth-Key k-123:fx"}
    assert sorted(parameters["text"]) == sorted(segment.string.data for segment in segments)
    datas = set(
        StringTranslation.objects.filter(
            context__object_id=translation.source.object_id,
            locale=translation.target_locale,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        ).values_list("data", flat=True)
    )
    assert datas == {"Texte DeepL 0", "Texte DeepL 1"}


@pytest.mark.parametrize(
    ("outcome", "message"),
    [
        (fake_deepl(status=403), "DeepL refused the request: the DeepL API key is not valid. Nothing was translated."),
        (fake_deepl(status=456), "DeepL refused the request: the DeepL quota of this month is used up."),
        (fake_deepl(body={"unexpected": True}), "DeepL sent an answer that is not a translation."),
        (requests.ConnectionError("no route to host"), "DeepL could not be reached (no route to host)."),
    ],
)
@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DEEPL_SETTINGS)
def test_deepl_failures_are_messages_and_change_nothing(french_client, untranslated, outcome, message):
    translation, _segments = untranslated
    before = french_translations(translation)
    patch = {"side_effect": outcome} if isinstance(outcome, Exception) else {"return_value": outcome}
    with mock.patch("translations.machine_translation.requests.post", **patch):
        notes = machine_translate(french_client, translation)
    assert len(notes) == 1 and notes[0].startswith(message.removesuffix(" Nothing was translated."))
    assert notes[0].endswith("Nothing was translated.")
    assert french_translations(translation) == before
