"""Fixtures of the translation-workflow tests: translators, the loaded content's translations, a DB snapshot."""

import json
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from wagtail.blocks import StreamValue
from wagtail.models import Locale, ModelLogEntry, Page, PageLogEntry, Revision
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from home.models import Partner, StandardPage
from translations.roles import translatable_snippet_models


def make_translator(django_user_model, language_name: str, username: str):
    user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(Group.objects.get(name=f"Translators: {language_name}"))
    return user


@pytest.fixture
def french_translator(db, django_user_model):
    return make_translator(django_user_model, "Français", "francoise")


@pytest.fixture
def french_client(client, french_translator):
    client.force_login(french_translator)
    return client


@pytest.fixture
def superuser_client(db, django_user_model):
    """A client of its own (not pytest-django's `client`), so a test can use it beside `french_client`."""
    user = django_user_model.objects.create_superuser("boss", "boss@example.com", "pw")
    client = Client()
    client.force_login(user)
    return client


@dataclass
class Translated:
    """A loaded object in every language, its TranslationSource and its Translation per target language."""

    by_language: dict
    source: TranslationSource
    translations: dict  # language code -> Translation

    def segment(self, path: str | None = None) -> StringSegment:
        segments = StringSegment.objects.filter(source=self.source).order_by("order")
        return segments.get(context__path=path) if path else segments.first()


def translated(obj) -> Translated:
    model = type(obj)
    by_language = {
        item.locale.language_code: item
        for item in model.objects.filter(translation_key=obj.translation_key).select_related("locale")
    }
    source = TranslationSource.objects.get(object_id=obj.translation_key, locale=Locale.get_default())
    translations = {t.target_locale.language_code: t for t in source.translations.select_related("target_locale")}
    return Translated(by_language, source, translations)


@pytest.fixture
def about(home_pages) -> Translated:
    """The loaded "About the project" page (StandardPage), translated into every language."""
    page = StandardPage.objects.get(locale=Locale.get_default(), slug="about")
    return translated(page)


@pytest.fixture
def home(home_pages) -> Translated:
    return translated(home_pages["en"])


@pytest.fixture
def lllp(db) -> Translated:
    """The loaded partner LLLP (it has a website: an overridable segment)."""
    return translated(Partner.objects.get(locale=Locale.get_default(), slug="lllp"))


def overridable_segment(item: Translated, path: str) -> OverridableSegment:
    return OverridableSegment.objects.get(source=item.source, context__path=path)


def comparable(value) -> str:
    # A StreamField's stored data, not its rendering: str() would render every block (slow, and lossy).
    if isinstance(value, StreamValue):
        return json.dumps(value.get_prep_value(), sort_keys=True, default=str)
    return str(value)


def rows(model) -> list[tuple]:
    return [tuple(sorted((k, comparable(v)) for k, v in row.items())) for row in model.objects.order_by("pk").values()]


def db_state() -> dict:
    """Everything a translation action could change, in comparable form."""
    state = {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "locale_id",
                "title",
                "draft_title",
                "slug",
                "live",
                "alias_of_id",
                "latest_revision_id",
                "has_unpublished_changes",
                "path",
            )
        ),
        "revisions": Revision.objects.count(),
        "page_logs": PageLogEntry.objects.count(),
        "model_logs": ModelLogEntry.objects.count(),
        "translation_logs": TranslationLog.objects.count(),
        "sources": list(TranslationSource.objects.order_by("pk").values_list("pk", "content_json", "last_updated_at")),
        "translations": list(Translation.objects.order_by("pk").values_list("pk", "enabled", "target_locale_id")),
        "string_translations": list(
            StringTranslation.objects.order_by("pk").values_list("pk", "data", "updated_at", "locale_id")
        ),
        "overrides": list(SegmentOverride.objects.order_by("pk").values_list("pk", "data_json")),
        "segments": StringSegment.objects.count(),
    }
    for model in translatable_snippet_models():
        state[model._meta.label] = rows(model)
    for model in apps.get_models():
        if issubclass(model, Page) and model is not Page:
            state[model._meta.label] = rows(model)
    return state


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches the site root paths; a test that renames a home page must not leak it to the next test."""
    cache.clear()
    yield
    cache.clear()
