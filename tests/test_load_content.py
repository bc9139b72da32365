"""`load_content`: idempotent, never overwrites an editor's work, ships real translations."""

import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import Competence, HomePage, Partner, Person

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def load() -> str:
    out = io.StringIO()
    call_command("load_content", stdout=out)
    return out.getvalue()


def test_running_it_again_changes_nothing():
    before = row_counts()
    output = load()
    assert row_counts() == before
    assert "0 created" in output


def test_every_shipped_object_exists_in_every_language(locales):
    for model, expected in [(HomePage, 1), (Partner, 6), (Person, 3), (Competence, 7)]:
        for code, locale in locales.items():
            assert model.objects.filter(locale=locale).count() == expected, (model, code)


def test_wagtails_welcome_page_is_gone_and_the_site_root_is_the_home_page():
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is HomePage
    assert site.root_page.locale.language_code == "en"


def test_translations_are_wagtail_localize_translations_of_the_english_source(locales):
    from wagtail_localize.models import Translation

    home_en = HomePage.objects.get(locale=locales["en"])
    targets = set(
        Translation.objects.filter(source__object_id=home_en.translation_key).values_list(
            "target_locale__language_code", flat=True
        )
    )
    assert targets == {"fr", "pt", "it", "hr"}
    home_fr = HomePage.objects.get(locale=locales["fr"])
    assert home_fr.project_start == home_en.project_start  # synchronised, not translated
    assert home_fr.hero_heading != home_en.hero_heading


def test_an_editors_change_is_left_alone_and_reported(locales):
    user = get_user_model().objects.create_user("editor", password="x")
    home = HomePage.objects.get(locale=locales["en"])
    home.hero_heading = "Edited by communications staff"
    home.save_revision(user=user).publish()
    partner = Partner.objects.get(locale=locales["en"], short_name="LLLP")
    partner.city = "Bruxelles"
    partner.save()

    output = load()

    home.refresh_from_db()
    partner.refresh_from_db()
    assert home.hero_heading == "Edited by communications staff"
    assert partner.city == "Bruxelles"
    assert "skipped: home page “Keep in Pact” (home-page): edited by editor" in output
    assert "skipped: partner “Lifelong Learning Platform” (partner-lllp): edited since loading (city)" in output


def test_deleted_translation_is_restored_from_its_po_file(locales):
    Partner.objects.get(locale=locales["it"], short_name="AZVO").delete()
    output = load()
    restored = Partner.objects.get(locale=locales["it"], short_name="AZVO")
    assert restored.name == "Agenzia per la scienza e l'istruzione superiore"
    assert "created: it translation of “Agency for Science and Higher Education”" in output
