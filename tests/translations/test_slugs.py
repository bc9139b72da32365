"""Translated slugs: every letter of the five languages survives, a clash is said, an old address redirects."""

import re
from urllib.parse import urlencode

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from tests.factories import StandardPageFactory
from tests.translations.conftest import db_state, make_translator
from translations.slugs import SLUG_PATH, transliterate_slug

pytestmark = pytest.mark.django_db

# The letters with diacritics (and ligatures) of French, Portuguese, Italian and Croatian, both cases.
LETTERS = {
    "fr": "àâäæçéèêëîïôöœùûüÿ",
    "pt": "áâãàçéêíóôõú",
    "it": "àèéìíîòóùú",
    "hr": "čćđšž",
}


@pytest.mark.parametrize("language", sorted(LETTERS))
def test_every_letter_of_every_language_is_transliterated_never_dropped(language):
    for letter in LETTERS[language] + LETTERS[language].upper():
        assert re.fullmatch(r"[a-z]+", transliterate_slug(f"{letter}")), (language, letter)
        assert transliterate_slug(f"x{letter}y") == f"x{transliterate_slug(letter)}y", (language, letter)


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("događaj-u-zagrebu", "dogadaj-u-zagrebu"),
        ("Događaj u Zagrebu", "dogadaj-u-zagrebu"),
        ("Čakovec, Ćićarija, Šibenik, Žminj, Đakovo", "cakovec-cicarija-sibenik-zminj-dakovo"),
        ("Ça commence à Besançon", "ca-commence-a-besancon"),
        ("Œuvre du cœur", "oeuvre-du-coeur"),
        ("L’été à l'école", "l-ete-a-l-ecole"),
        ("Ações em São João", "acoes-em-sao-joao"),
        ("Perché la città è così", "perche-la-citta-e-cosi"),
        ("a-propos", "a-propos"),
    ],
)
def test_slugs_are_transliterated(typed, slug):
    assert transliterate_slug(typed) == slug


@pytest.fixture
def croatian_client(db, django_user_model):
    client = Client()
    client.force_login(make_translator(django_user_model, "Hrvatski", "hrvoje"))
    return client


def slug_segment(item):
    return item.source.stringsegment_set.get(context__path=SLUG_PATH)


def put_slug(client, translation, item, value):
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, slug_segment(item).pk])
    return client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")


def publish(client, page, capture):
    with capture(execute=True):  # wagtail-localize publishes on commit.
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    assert response.status_code == 302
    return [(message.level_tag, str(message).strip()) for message in get_messages(response.wsgi_request)]


def test_a_croatian_slug_typed_in_the_editor_keeps_its_letters(
    croatian_client, about, django_capture_on_commit_callbacks
):
    translation = about.translations["hr"]
    response = put_slug(croatian_client, translation, about, "događaj-u-zagrebu")
    assert response.status_code == 200
    assert response.json()["data"] == "dogadaj-u-zagrebu"  # The translator sees the address the page will have.

    croatian = about.by_language["hr"]
    notes = publish(croatian_client, croatian, django_capture_on_commit_callbacks)
    assert [level for level, _text in notes] == ["success"], notes
    croatian = Page.objects.get(pk=croatian.pk)
    assert croatian.slug == "dogadaj-u-zagrebu"
    assert croatian.url == "/hr/dogadaj-u-zagrebu/"
    assert Client().get("/hr/dogadaj-u-zagrebu/").status_code == 200


def test_a_slug_in_an_uploaded_po_file_keeps_its_letters(croatian_client, about):
    translation = about.translations["hr"]
    po = translation.export_po()
    for entry in po:
        if entry.msgctxt == SLUG_PATH:
            entry.msgstr = "Događaj u Zagrebu"
    response = croatian_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("hr.po", str(po).encode()), "next": "/admin/"},
    )
    assert response.status_code == 302
    stored = StringTranslation.objects.get(
        translation_of=slug_segment(about).string, context__path=SLUG_PATH, locale=translation.target_locale
    )
    assert stored.data == "dogadaj-u-zagrebu"


def test_publishing_at_a_siblings_address_is_refused_with_the_address_named(
    french_client, about, django_capture_on_commit_callbacks
):
    french = about.by_language["fr"]
    sibling = french.get_parent().get_children().exclude(pk=french.pk).live().first()
    assert put_slug(french_client, about.translations["fr"], about, sibling.slug).status_code == 200

    before = db_state()
    notes = publish(french_client, french, django_capture_on_commit_callbacks)
    assert notes == [
        (
            "error",
            f"“{french.title}” was not published in French: its address would be {sibling.url}, which is already "
            f"the address of “{sibling.title}”. Translate the slug (“{sibling.slug}”) differently and publish again.",
        )
    ]
    assert db_state() == before
    assert Page.objects.get(pk=french.pk).slug == french.slug


def test_a_new_translation_whose_slug_is_taken_says_its_address(superuser_client, home_pages, locales):
    english = StandardPageFactory(parent=home_pages["en"], title="Zagreb events", slug="zagreb-events")
    english.save_revision().publish()
    other = StandardPageFactory(parent=home_pages["fr"], title="Évènements à Zagreb", slug="zagreb-events")

    url = reverse("wagtail_localize:submit_page_translation", args=[english.pk])
    response = superuser_client.post(f"{url}?next=/admin/", {"locales": [locales["fr"].pk]})
    assert response.status_code == 302
    french = english.get_translation(locales["fr"])
    assert french.slug == "zagreb-events-1"
    notes = [(message.level_tag, str(message).strip()) for message in get_messages(response.wsgi_request)]
    assert (
        "warning",
        "The French translation of “Zagreb events” has the address /fr/zagreb-events-1/, because "
        f"/fr/zagreb-events/ is already the address of “{other.title}”. "
        "Translate its slug to choose another address.",
    ) in notes


def test_a_new_translation_with_a_free_slug_says_nothing_more(superuser_client, home_pages, locales):
    english = StandardPageFactory(parent=home_pages["en"], title="Porto events", slug="porto-events")
    english.save_revision().publish()
    url = reverse("wagtail_localize:submit_page_translation", args=[english.pk])
    response = superuser_client.post(f"{url}?next=/admin/", {"locales": [locales["fr"].pk]})
    assert response.status_code == 302
    assert english.get_translation(locales["fr"]).slug == "porto-events"
    assert [message.level_tag for message in get_messages(response.wsgi_request)] == ["success"]


def test_the_old_address_redirects_after_a_slug_change(french_client, about, django_capture_on_commit_callbacks):
    french = about.by_language["fr"]
    old_url = french.url
    assert Client().get(old_url).status_code == 200
    put_slug(french_client, about.translations["fr"], about, "À propos du projet")
    publish(french_client, french, django_capture_on_commit_callbacks)

    new_url = Page.objects.get(pk=french.pk).url
    assert new_url == "/fr/a-propos-du-projet/" != old_url
    response = Client().get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(new_url)
    assert Client().get(new_url).status_code == 200


def test_a_machine_translated_slug_keeps_its_letters(superuser_client, home_pages, locales):
    english = StandardPageFactory(parent=home_pages["en"], title="Zagreb", slug="događaj-u-zagrebu")
    english.save_revision().publish()
    url = reverse("wagtail_localize:submit_page_translation", args=[english.pk])
    assert superuser_client.post(f"{url}?next=/admin/", {"locales": [locales["hr"].pk]}).status_code == 302
    translation = Translation.objects.get(source__object_id=english.translation_key, target_locale=locales["hr"])

    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert superuser_client.post(url, {"next": "/admin/"}).status_code == 302
    stored = StringTranslation.objects.get(
        context__object_id=english.translation_key, context__path=SLUG_PATH, locale=locales["hr"]
    )
    assert stored.data == "dogadaj-u-zagrebu"
