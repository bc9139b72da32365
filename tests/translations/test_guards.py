"""A French translator can do every translation action in French, and none in another language.

Each action is a request a browser would send (the translation editor's
buttons, its JSON API, the "Translate" and "Sync" forms, the snippet editor).
On Portuguese content and on English-only content the answer is 403 and the
database is exactly as before; on French content the same request works.
"""

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve, reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object

from home.models import Partner
from tests.factories import PartnerFactory, StandardPageFactory
from tests.translations.conftest import db_state, overridable_segment

pytestmark = pytest.mark.django_db

NEXT = "/admin/translations/coverage/"


def put(client, url, value):
    return client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")


def filled_po(translation: Translation) -> bytes:
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"[{translation.target_locale.language_code}] {entry.msgid}"
    return str(po).encode()


def translation_url(name, translation, *extra):
    return reverse(f"wagtail_localize:{name}", args=[translation.pk, *extra])


# Actions on the translation of an object (page "About the project" or partner LLLP) into `lang`.
def submit_page(client, world, lang):
    url = reverse("wagtail_localize:submit_page_translation", args=[world["new_page"].pk])
    return client.post(f"{url}?next={NEXT}", {"locales": [world["locales"][lang].pk]})


def submit_snippet(client, world, lang):
    partner = world["new_partner"]
    url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "partner", partner.pk])
    return client.post(f"{url}?next={NEXT}", {"locales": [world["locales"][lang].pk]})


def edit_string(item):
    def action(client, world, lang):
        translation = world[item].translations[lang]
        return put(client, translation_url("edit_string_translation", translation, world[item].segment().pk), "Nouveau")

    return action


def delete_string(item):
    def action(client, world, lang):
        translation = world[item].translations[lang]
        return client.delete(translation_url("edit_string_translation", translation, world[item].segment().pk))

    return action


def edit_override(client, world, lang):
    translation = world["lllp"].translations[lang]
    segment = overridable_segment(world["lllp"], "website")
    return put(client, translation_url("edit_override", translation, segment.pk), "https://example.org/fr/")


def download_po(item):
    def action(client, world, lang):
        return client.get(translation_url("download_pofile", world[item].translations[lang]))

    return action


def upload_po(item):
    def action(client, world, lang):
        translation = world[item].translations[lang]
        upload = SimpleUploadedFile("strings.po", filled_po(translation), content_type="text/x-gettext-translation")
        return client.post(translation_url("upload_pofile", translation), {"file": upload, "next": NEXT})

    return action


def machine_translate(item):
    def action(client, world, lang):
        translation = world[item].translations[lang]
        return client.post(translation_url("machine_translate", translation), {"next": NEXT})

    return action


def preview(client, world, lang):
    return client.get(translation_url("preview_translation", world["about"].translations[lang]))


def stop_translation(item):
    def action(client, world, lang):
        translation = world[item].translations[lang]
        return client.post(translation_url("stop_translation", translation), {"next": NEXT})

    return action


def convert_to_alias(client, world, lang):
    page = world["about"].by_language[lang]
    return client.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]) + f"?next={NEXT}")


def sync(item):
    def action(client, world, lang):
        # The sync of the English source touches every language it is translated into.
        url = reverse("wagtail_localize:update_translations", args=[world[item].source.pk])
        return client.post(f"{url}?next={NEXT}", {})

    return action


def edit_url(obj):
    if isinstance(obj, Partner):
        return reverse("wagtailsnippets_home_partner:edit", args=[obj.pk])
    return reverse("wagtailadmin_pages:edit", args=[obj.pk])


def open_editor(item):
    def action(client, world, lang):
        return client.get(edit_url(world[item].by_language[lang]))

    return action


def publish(item):
    def action(client, world, lang):
        return client.post(edit_url(world[item].by_language[lang]), {"action": "publish"})

    return action


def restart(item):
    def action(client, world, lang):
        # `prepare` stopped the translation first.
        return client.post(edit_url(world[item].by_language[lang]), {"localize-restart-translation": "1"})

    return action


def delete_snippet(client, world, lang):
    partner = world["lllp"].by_language[lang]
    return client.post(reverse("wagtailsnippets_home_partner:delete", args=[partner.pk]))


def api_copy_for_translation(client, world, lang):
    # Wagtail's own admin API: copy the translator's French About page into `lang`.
    page = world["about"].by_language["fr"]
    return client.post(
        reverse("wagtailadmin_api:pages:action", args=[page.pk, "copy_for_translation"]),
        {"locale": lang, "copy_parents": True},
        content_type="application/json",
    )


ACTIONS = {
    "submit a page for translation": submit_page,
    "submit a snippet for translation": submit_snippet,
    "edit a string of a page": edit_string("about"),
    "delete a string translation of a page": delete_string("about"),
    "edit a string of a snippet": edit_string("lllp"),
    "edit an override (snippet's website)": edit_override,
    "download the PO file of a page": download_po("about"),
    "download the PO file of a snippet": download_po("lllp"),
    "upload a PO file to a page": upload_po("about"),
    "upload a PO file to a snippet": upload_po("lllp"),
    "machine-translate a page": machine_translate("about"),
    "machine-translate a snippet": machine_translate("lllp"),
    "preview a page translation": preview,
    "stop a page translation": stop_translation("about"),
    "stop a snippet translation": stop_translation("lllp"),
    "convert a page translation to an alias": convert_to_alias,
    "open the translation editor of a page": open_editor("about"),
    "open the translation editor of a snippet": open_editor("lllp"),
    "publish a page translation": publish("about"),
    "publish a snippet translation": publish("lllp"),
    "restart a page translation": restart("about"),
    "restart a snippet translation": restart("lllp"),
}
# Refused to the French translator whatever the language: a sync touches the
# source and every translation of it; the API copy targets Portuguese.
SOURCE_ACTIONS = {
    "sync a page's translations": sync("about"),
    "sync a snippet's translations": sync("lllp"),
    "copy a page into Portuguese through Wagtail's admin API": api_copy_for_translation,
}


@pytest.fixture
def world(about, lllp, locales, home_pages):
    new_page = StandardPageFactory(parent=home_pages["en"], title="Only in English", slug="only-in-english")
    new_partner = PartnerFactory(name="Only in English", slug="only-in-english")
    return {"about": about, "lllp": lllp, "locales": locales, "new_page": new_page, "new_partner": new_partner}


def prepare(name, world, lang):
    """Actions that need a state first: restarting needs a stopped translation."""
    if name.startswith("restart"):
        item = "about" if "page" in name else "lllp"
        Translation.objects.filter(pk=world[item].translations[lang].pk).update(enabled=False)


@pytest.mark.parametrize("name", [*ACTIONS, *SOURCE_ACTIONS])
def test_french_translator_gets_403_on_portuguese_content_and_nothing_changes(french_client, world, name):
    action = {**ACTIONS, **SOURCE_ACTIONS}[name]
    prepare(name, world, "pt")
    before = db_state()
    response = action(french_client, world, "pt")
    assert response.status_code == 403, name
    assert db_state() == before


@pytest.mark.parametrize("name", list(ACTIONS))
def test_french_translator_can_do_the_same_in_french(french_client, world, name):
    prepare(name, world, "fr")
    response = ACTIONS[name](french_client, world, "fr")
    assert response.status_code in {200, 201, 302}, (name, response.status_code)
    if response.status_code == 302:
        # Not Wagtail's "permission denied" redirect to the dashboard.
        assert response["Location"] != reverse("wagtailadmin_home"), name


def test_english_only_page_and_snippet_are_out_of_a_french_translators_reach(french_client, world, locales):
    page, partner = world["new_page"], world["new_partner"]
    TranslationSource.get_or_create_from_instance(page)
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=locales["en"])
    english_about = world["about"].by_language["en"]
    english_partner = world["lllp"].by_language["en"]
    requests = {
        "submit the page into Portuguese": lambda: submit_page(french_client, world, "pt"),
        "submit the snippet into Portuguese": lambda: submit_snippet(french_client, world, "pt"),
        "sync the English source": lambda: french_client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {}
        ),
        "edit the English page": lambda: french_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        "publish the English page": lambda: french_client.post(
            reverse("wagtailadmin_pages:edit", args=[english_about.pk]), {"action": "publish"}
        ),
        "delete the English page": lambda: french_client.post(reverse("wagtailadmin_pages:delete", args=[page.pk])),
        "convert the English page to an alias": lambda: french_client.post(
            reverse("wagtail_localize:convert_to_alias", args=[english_about.pk])
        ),
        "edit the English snippet": lambda: french_client.post(
            reverse("wagtailsnippets_home_partner:edit", args=[english_partner.pk]), {"name": "Changed"}
        ),
        "delete the English snippet": lambda: french_client.post(
            reverse("wagtailsnippets_home_partner:delete", args=[partner.pk])
        ),
        "create a snippet in English": lambda: french_client.post(
            reverse("wagtailsnippets_home_partner:add") + "?locale=en", {"name": "New"}
        ),
    }
    for name, request in requests.items():
        before = db_state()
        response = request()
        assert response.status_code == 403, name
        assert db_state() == before, name


def test_french_translator_submits_english_only_page_into_french_as_a_draft(french_client, world, locales):
    response = submit_page(french_client, world, "fr")
    assert response.status_code == 302
    french = world["new_page"].get_translation(locales["fr"])
    # A new translation is a draft until it is translated and published.
    assert not french.live


def test_translate_form_lists_only_the_translators_languages(french_client, world):
    response = french_client.get(reverse("wagtail_localize:submit_page_translation", args=[world["new_page"].pk]))
    assert response.status_code == 200
    offered = [choice[1] for choice in response.context["form"].fields["locales"].choices]
    assert [str(label) for label in offered] == [Locale.objects.get(language_code="fr").get_display_name()]


def test_translate_form_is_403_when_every_language_of_the_translator_is_done(french_client, world):
    url = reverse("wagtail_localize:submit_page_translation", args=[world["about"].by_language["en"].pk])
    response = french_client.get(url)
    assert response.status_code == 403
    assert "already exists in every language you work in" in response.content.decode()


def test_403_page_names_the_missing_language(french_client, world):
    response = download_po("about")(french_client, world, "pt")
    assert response.status_code == 403
    assert "Portuguese" in response.content.decode() or "Português" in response.content.decode()


def test_403_page_says_why_and_leads_to_the_translators_own_work(french_client, world, home_pages, count_queries):
    """A light admin page (as Wagtail's own 404: no sidebar): the reason, and links to the translator's pages."""
    (response, queries) = count_queries(lambda: download_po("about")(french_client, world, "pt"))
    assert response.status_code == 403
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("main h1").get_text(strip=True) == "Not in your languages"
    assert "You work in" in html.select_one("main [role=alert]").get_text()
    links = {a["href"] for a in html.select("main nav a")}
    assert links == {
        reverse("wagtailadmin_explore", args=[home_pages["fr"].pk]),
        reverse("translations:coverage"),
        reverse("wagtailadmin_home"),
    }
    assert queries <= 12  # a refusal is cheap: attackers and link checkers meet many


def test_json_api_403_is_json(french_client, world):
    response = edit_string("about")(french_client, world, "pt")
    assert response.status_code == 403
    assert "error" in response.json()


def test_editor_with_every_language_may_sync(superuser_client, world):
    response = sync("about")(superuser_client, world, "pt")
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("library_name", "args", "project_view"),
    [
        ("submit_page_translation", [1], "translations:submit_page_translation"),
        ("submit_snippet_translation", ["home", "partner", "1"], "translations:submit_snippet_translation"),
        ("update_translations", [1], "translations:update_translations"),
        ("upload_pofile", [1], "translations:upload_pofile"),
        ("machine_translate", [1], "translations:machine_translate"),
    ],
)
def test_library_links_reach_the_projects_views(library_name, args, project_view):
    assert resolve(reverse(f"wagtail_localize:{library_name}", args=args)).view_name == project_view


def test_french_translator_cannot_convert_a_portuguese_alias_into_a_page(french_client, world, locales):
    """Wagtail's own "convert alias" (the alias wagtail-localize makes for an untranslated parent)."""
    child = StandardPageFactory(parent=world["new_page"], title="Child", slug="child")
    translate_object(child, [locales["pt"], locales["fr"]])
    for lang, expected in (("pt", 403), ("fr", 302)):
        alias = world["new_page"].get_translation(locales[lang])
        assert alias.alias_of_id == world["new_page"].pk
        before = db_state()
        response = french_client.post(reverse("wagtailadmin_pages:convert_alias", args=[alias.pk]))
        assert response.status_code == expected, lang
        if expected == 403:
            assert db_state() == before
        else:
            alias.refresh_from_db()
            assert alias.alias_of_id is None


def test_listings_offer_translators_no_button_that_leads_to_a_403(french_client, superuser_client, world, locales):
    submit_page(french_client, world, "fr")  # A French draft of the English-only page: pt, it, hr still missing.
    french_draft = world["new_page"].get_translation(locales["fr"])
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[french_draft.pk])
    explorer = reverse("wagtailadmin_explore", args=[french_draft.get_parent().pk])
    assert translate_url in superuser_client.get(explorer).content.decode()
    assert translate_url not in french_client.get(explorer).content.decode()

    sync_url = reverse("wagtail_localize:update_translations", args=[world["lllp"].source.pk])
    listing = reverse("wagtailsnippets_home_partner:list")
    assert sync_url in superuser_client.get(listing).content.decode()
    assert sync_url not in french_client.get(listing).content.decode()
