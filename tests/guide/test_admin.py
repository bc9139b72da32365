"""Editors in the Wagtail admin: creating chapters, and the errors that stop bad input."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from casestudies.models import CaseStudyPage
from guide.models import CompetenceFrameworkPage, GuideChapterPage, GuideIndexPage, TrainingProgrammePage
from home.models import Competence
from tests.guide.helpers import chapters, competence, guide, programme, soup

pytestmark = pytest.mark.django_db


def list_block(items: list) -> dict:
    """ListBlock form data for `items`."""
    data = {str(i): {"value": value, "deleted": "", "order": str(i), "id": ""} for i, value in enumerate(items)}
    data["count"] = str(len(items))
    return data


def chapter_form(title: str, number: int, body: list) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "chapter_number": number,
            "summary": "A chapter written in the admin.",
            "body": streamfield(body),
            "action-publish": "publish",
        }
    )


def add_url(model, parent) -> str:
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def test_editor_creates_a_chapter_with_headings_callouts_and_links(admin_client):
    parent = guide("en")
    case_study = CaseStudyPage.objects.filter(locale__language_code="en").first()
    body = [
        ("heading", {"text": "Where to start", "level": "h2"}),
        ("paragraph", rich_text("<p>Meet every partner first.</p>")),
        ("callout", {"kind": "good_practice", "title": "Shared calendar", "text": rich_text("<p>Publish it.</p>")}),
        ("recommendations", {"title": "", "items": list_block(["Listen first.", "Write it down."])}),
        ("competences", {"text": "", "competences": list_block([competence(3).pk])}),
        ("case_studies", {"title": "", "pages": list_block([case_study.pk])}),
    ]
    response = admin_client.post(add_url(GuideChapterPage, parent), chapter_form("Written in the admin", 5, body))
    assert response.status_code == 302, soup(response).select(".error-message")
    chapter = GuideChapterPage.objects.get(title="Written in the admin")
    assert chapter.live and chapter.get_parent().pk == parent.pk
    assert [child.block_type for child in chapter.body] == [
        "heading",
        "paragraph",
        "callout",
        "recommendations",
        "competences",
        "case_studies",
    ]
    html = soup(admin_client.get(chapter.url))
    assert html.find("h2", string="Where to start")
    assert html.select_one(".callout--good_practice .callout__label").get_text(strip=True) == "Good practice"
    assert [a["href"] for a in html.select(".related-pages a")] == [case_study.url]


def test_the_case_study_chooser_refuses_other_page_types(admin_client):
    body = [("case_studies", {"title": "", "pages": list_block([chapters("en")[0].pk])})]
    response = admin_client.post(add_url(GuideChapterPage, guide("en")), chapter_form("Wrong link", 6, body))
    assert response.status_code == 200
    assert not GuideChapterPage.objects.filter(title="Wrong link").exists()


def test_a_new_chapter_is_offered_the_next_number(admin_client):
    html = soup(admin_client.get(add_url(GuideChapterPage, guide("en"))))
    assert html.find("input", attrs={"name": "chapter_number"})["value"] == "5"


def test_two_chapters_of_a_guide_cannot_share_a_number(admin_client):
    parent = guide("en")
    response = admin_client.post(add_url(GuideChapterPage, parent), chapter_form("Another second chapter", 2, []))
    assert response.status_code == 200
    assert "Chapter 2 of this guide already exists" in response.content.decode()
    assert not GuideChapterPage.objects.filter(title="Another second chapter").exists()


def test_editing_a_chapter_keeps_its_own_number_valid(admin_client):
    chapter = chapters("en")[1]
    form = nested_form_data(
        {
            "title": chapter.title,
            "slug": chapter.slug,
            "chapter_number": chapter.chapter_number,
            "summary": chapter.summary,
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[chapter.pk]), form)
    assert response.status_code == 302


def test_a_competence_cannot_have_two_modules(admin_client):
    page = programme("en")

    def module(number):
        return (
            "module",
            {
                "competence": competence(number).pk,
                "title": "",
                "learning_outcomes": list_block(["An outcome."]),
                "job_based_activity": rich_text(""),
                "elearning_url": "",
            },
        )

    form = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "introduction": page.introduction,
            "modules": streamfield([module(1), module(2), module(1)]),
            "validation": rich_text(page.validation),
            "access": rich_text(page.access),
            "platform_url": "",
            "action-publish": "publish",
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Competence 1 already has a module (module A) on this page." in content
    assert "Each competence can have only one training module." in content
    page.refresh_from_db()
    assert len(page.modules) == 7


def test_two_competences_with_the_same_number_in_one_language_is_a_form_error(admin_client):
    url = reverse("wagtailsnippets_home_competence:add") + "?locale=fr"
    response = admin_client.post(url, nested_form_data({"number": 7, "title": "Une autre septième"}))
    assert response.status_code == 200
    assert "already exists in this language" in response.content.decode()
    assert Competence.objects.filter(locale__language_code="fr", number=7).count() == 1


def test_the_page_tree_only_allows_the_guide_pages_in_their_place(home_pages):
    home = home_pages["en"]
    for model in [GuideIndexPage, CompetenceFrameworkPage, TrainingProgrammePage]:
        assert model.parent_page_types == ["home.HomePage"]
        assert model.max_count_per_parent == 1
        # One of each per language tree: the loaded one is already there.
        assert not model.can_create_at(home)
        home.get_children().type(model).delete()
        assert model.can_create_at(home)
    assert not GuideChapterPage.can_create_at(home)
    assert GuideChapterPage.can_create_at(guide("fr"))
    assert GuideChapterPage.subpage_types == []
    assert [child.specific_class for child in Page.objects.get(pk=guide("fr").pk).get_children()] == [
        GuideChapterPage
    ] * 4


def test_competence_usage_in_the_admin_lists_the_chapters_and_the_programme(admin_client):
    url = reverse("wagtailsnippets_home_competence:usage", args=[competence(3).pk])
    text = soup(admin_client.get(url)).get_text(" ", strip=True)
    assert chapters("en")[2].title in text
    assert programme("en").title in text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_editors_can_open_every_guide_page_type(admin_client, language):
    pages = [guide(language), chapters(language)[0], programme(language)]
    pages.append(CompetenceFrameworkPage.objects.get(locale__language_code=language))
    for page in pages:
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page
