"""Translations of the library and case studies through wagtail-localize; competences stay in step."""

import pytest
from wagtail.models import ReferenceIndex
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource

from casestudies.content import LIBRARY_KEY, SAMPLES
from casestudies.models import CaseStudyCompetence, CaseStudyIndexPage, CaseStudyPage
from home.loading import stable_uuid
from home.models import Competence
from tests.casestudies.conftest import listed_keys
from tests.casestudies.factories import add_case_study
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db


def numbers(page: CaseStudyPage) -> list[int]:
    return [link.competence.number for link in page.competence_links.select_related("competence")]


def test_library_and_every_sample_exist_in_every_language_as_real_translations(locales):
    for model, key in [(CaseStudyIndexPage, LIBRARY_KEY)] + [(CaseStudyPage, sample["key"]) for sample in SAMPLES]:
        pages = {p.locale.language_code: p for p in model.objects.filter(translation_key=stable_uuid(key))}
        assert set(pages) == set(LANGUAGES), key
        for language, page in pages.items():
            assert page.live, (key, language)
            if language != "en":
                assert page.title != pages["en"].title, (key, language)
                assert page.slug != pages["en"].slug, (key, language)
        targets = Translation.objects.filter(source__object_id=stable_uuid(key)).values_list(
            "target_locale__language_code", flat=True
        )
        assert set(targets) == {"fr", "pt", "it", "hr"}, key


@pytest.mark.parametrize("language", ["fr", "pt", "it", "hr"])
def test_translations_keep_the_competences_in_their_own_language(locales, language):
    for sample in SAMPLES:
        en = CaseStudyPage.objects.get(translation_key=stable_uuid(sample["key"]), locale=locales["en"])
        translated = en.get_translation(locales[language]).specific
        assert numbers(translated) == numbers(en) == sample["competences"]
        for link in translated.competence_links.select_related("competence"):
            assert link.competence.locale_id == locales[language].pk
            assert link.locale_id == locales[language].pk
        # Synchronised facts; the partner is the same partner, in the translation's language.
        assert translated.country == en.country
        assert translated.partner.slug == en.partner.slug
        assert translated.partner.locale_id == locales[language].pk


def test_competences_added_to_the_source_reach_the_translation_on_sync(
    locales, libraries, client, django_capture_on_commit_callbacks
):
    en = add_case_study(libraries["en"], competences=[2], country="HR", partner="azvo", title="Sync test")
    source, _created = TranslationSource.get_or_create_from_instance(en)
    translation = Translation.objects.create(source=source, target_locale=locales["fr"])
    # wagtail-localize publishes a translated page when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    fr = en.get_translation(locales["fr"]).specific
    assert numbers(fr) == [2]

    # The author adds competence 7 and publishes; the translation is synced.
    en.competence_links.add(CaseStudyCompetence(competence=Competence.objects.get(locale=locales["en"], number=7)))
    en.save_revision().publish()
    source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    fr.refresh_from_db()
    assert numbers(fr) == [2, 7]
    assert all(link.competence.locale_id == locales["fr"].pk for link in fr.competence_links.all())
    assert fr.translation_key in listed_keys(client.get(libraries["fr"].url + "?competence=7"))


@pytest.mark.parametrize("query", ["?competence=1", "?competence=6", "?country=HR&competence=1"])
def test_filters_give_the_same_set_in_english_and_french(client, libraries, query):
    en = listed_keys(client.get(libraries["en"].url + query))
    fr = listed_keys(client.get(libraries["fr"].url + query))
    assert en and en == fr


def test_the_reference_index_finds_case_studies_from_a_competence(locales):
    competence = Competence.objects.get(locale=locales["en"], number=3)
    referring = {
        reference.object_id
        for reference in ReferenceIndex.get_references_to(competence)
        if reference.content_type.model_class() is CaseStudyPage
    }
    expected = {
        str(pk)
        for pk in CaseStudyPage.objects.filter(
            locale=locales["en"], competence_links__competence=competence
        ).values_list("pk", flat=True)
    }
    assert expected and referring == expected
    paths = {ref.content_path.split(".")[0] for ref in ReferenceIndex.get_references_to(competence)}
    assert "competence_links" in paths

    # Every language's version of the competence is referenced by that language's case studies,
    # so gathering "case studies that reference a competence" across locales by translation_key works.
    for language, locale in locales.items():
        version = Competence.objects.get(locale=locale, translation_key=competence.translation_key)
        pages = CaseStudyPage.objects.filter(
            pk__in=[int(r.object_id) for r in ReferenceIndex.get_references_to(version)]
        )
        assert pages.exists() and {p.locale_id for p in pages} == {locale.pk}, language


@pytest.mark.parametrize(
    ("model", "field", "overridable"),
    [
        (CaseStudyIndexPage, "summary_report", True),
        (CaseStudyPage, "document", True),
        (CaseStudyPage, "hero_image", True),
        (CaseStudyPage, "country", False),
        (CaseStudyPage, "is_sample_content", False),
    ],
)
def test_documents_and_images_can_be_replaced_in_a_translation_but_facts_cannot(libraries, model, field, overridable):
    page = model.objects.filter(locale__language_code="en").first()
    (spec,) = [f for f in get_translatable_fields(model) if f.field_name == field]
    assert spec.is_synchronized(page) and not spec.is_translated(page)
    assert spec.is_overridable(page) is overridable


def test_translated_text_fields_are_translated_not_synchronised(libraries):
    page = CaseStudyPage.objects.filter(locale__language_code="en").first()
    translated = {f.field_name for f in get_translatable_fields(CaseStudyPage) if f.is_translated(page)}
    assert {"title", "slug", "organisation", "city", "summary", "hero_image_alt", "body", "partner"} <= translated
    assert "competence_links" in translated  # a translatable child relation: rows follow the source
