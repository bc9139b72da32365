"""The Wagtail admin: authors create case studies, with clear errors on wrong competence choices."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.models import Competence, HomePage, Partner

pytestmark = pytest.mark.django_db


def case_study_form(locale, competences, **overrides) -> dict:
    data = {
        "title": "Guidance partnership in Coimbra",
        "slug": "guidance-partnership-coimbra",
        "summary": "How three services in Coimbra share one reception desk.",
        "organisation": "Coimbra guidance partnership",
        "city": "Coimbra",
        "country": "PT",
        "partner": Partner.objects.get(locale=locale, slug="cdm-porto").pk,
        "hero_image_alt": "",
        "competence_links": inline_formset([{"competence": competence.pk} for competence in competences]),
        "body": streamfield(
            [
                ("context", rich_text("<p>Three services shared one building but no plan.</p>")),
                (
                    "partners_involved",
                    {
                        "introduction": "",
                        "partners": streamfield(
                            [
                                (
                                    "item",
                                    {
                                        "name": "Employment office",
                                        "partner_type": "public_employment_service",
                                        "role": "",
                                        "website": "",
                                    },
                                )
                            ]
                        ),
                    },
                ),
            ]
        ),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(library) -> str:
    return reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", library.pk])


def test_an_author_creates_and_publishes_a_case_study(admin_client, libraries, locales, client):
    library = libraries["en"]
    competences = list(Competence.objects.filter(locale=locales["en"], number__in=[3, 5]))
    response = admin_client.post(add_url(library), case_study_form(locales["en"], competences))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = CaseStudyPage.objects.get(slug="guidance-partnership-coimbra")
    assert page.live and page.locale == locales["en"]
    assert [link.competence.number for link in page.competence_links.all()] == [3, 5]
    listed = client.get(library.url + "?country=PT&competence=5").content.decode()
    assert "Guidance partnership in Coimbra" in listed


def test_a_competence_chosen_twice_is_a_form_error(admin_client, libraries, locales):
    three = Competence.objects.get(locale=locales["en"], number=3)
    response = admin_client.post(add_url(libraries["en"]), case_study_form(locales["en"], [three, three]))
    assert response.status_code == 200
    assert "This competence is already listed." in response.content.decode()
    assert not CaseStudyPage.objects.filter(slug="guidance-partnership-coimbra").exists()


def test_a_competence_in_another_language_is_a_form_error(admin_client, libraries, locales):
    french_three = Competence.objects.get(locale=locales["fr"], number=3)
    response = admin_client.post(add_url(libraries["en"]), case_study_form(locales["en"], [french_three]))
    assert response.status_code == 200
    assert "This competence is in another language" in response.content.decode()
    assert not CaseStudyPage.objects.filter(slug="guidance-partnership-coimbra").exists()


def test_a_missing_country_or_partner_is_a_form_error(admin_client, libraries, locales):
    data = case_study_form(locales["en"], [], country="", partner="")
    response = admin_client.post(add_url(libraries["en"]), data)
    assert response.status_code == 200
    assert not CaseStudyPage.objects.filter(slug="guidance-partnership-coimbra").exists()


def test_editors_open_the_library_and_a_case_study_in_the_editor(admin_client, libraries):
    for language in ["en", "fr"]:
        library = libraries[language]
        assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[library.pk])).status_code == 200
        case_study = CaseStudyPage.objects.child_of(library).first()
        assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[case_study.pk])).status_code == 200


def test_preview_of_a_case_study_renders(admin_client, libraries, locales):
    case_study = CaseStudyPage.objects.child_of(libraries["en"]).first()
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[case_study.pk])
    data = case_study_form(locales["en"], list(Competence.objects.filter(locale=locales["en"], number=1)))
    assert admin_client.post(url, data).json()["is_valid"]
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Guidance partnership in Coimbra" in response.content.decode()


def test_the_tree_only_allows_case_studies_under_a_library():
    assert CaseStudyPage.parent_page_types == ["casestudies.CaseStudyIndexPage"]
    assert CaseStudyPage.allowed_subpage_models() == []
    assert CaseStudyIndexPage.allowed_parent_page_models() == [HomePage]
    assert CaseStudyIndexPage.allowed_subpage_models() == [CaseStudyPage]
    assert not CaseStudyIndexPage.can_create_at(Page.objects.get(depth=1))


def test_preview_of_a_new_case_study_renders(admin_client, libraries, locales):
    url = reverse("wagtailadmin_pages:preview_on_add", args=["casestudies", "casestudypage", libraries["en"].pk])
    data = case_study_form(locales["en"], list(Competence.objects.filter(locale=locales["en"], number__in=[3])))
    assert admin_client.post(url, data).json()["is_valid"]
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Guidance partnership in Coimbra" in html
    assert "Related case studies" in html  # competence 3 is shared with loaded samples


def test_an_editor_copies_a_case_study_with_its_competences(libraries):
    original = CaseStudyPage.objects.child_of(libraries["en"]).first()
    copy = original.copy(update_attrs={"title": "Copy", "slug": "copy-of-a-case-study"}).specific
    numbers = [link.competence.number for link in copy.competence_links.all()]
    assert numbers == [link.competence.number for link in original.competence_links.all()]
    original_keys = {link.translation_key for link in original.competence_links.all()}
    assert not original_keys & {link.translation_key for link in copy.competence_links.all()}
