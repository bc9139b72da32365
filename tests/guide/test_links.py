"""Chapters' links to case studies and competences: shown in the reader's language, left out when they lead nowhere."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from casestudies.models import CaseStudyIndexPage
from tests.casestudies.factories import add_case_study
from tests.guide.helpers import add_chapter, case_studies, competence, competence_links, guide, soup

pytestmark = pytest.mark.django_db


def case_study_library(language: str = "en") -> CaseStudyIndexPage:
    return CaseStudyIndexPage.objects.get(locale__language_code=language)


def related_titles(response) -> list[str]:
    return [a.get_text(strip=True) for a in soup(response).select(".related-pages a")]


def test_case_study_links_lead_to_the_readers_language_when_translated(client, home_pages):
    case_study = add_case_study(case_study_library(), title="Porto: a city-wide partnership")
    french_case_study = case_study.copy_for_translation(home_pages["fr"].locale)
    french_case_study.title = "Porto : un partenariat à l'échelle de la ville"
    french_case_study.save_revision().publish()
    chapter = add_chapter(parent=guide("fr"), body=[case_studies(case_study)])

    html = soup(client.get(chapter.url))
    link = html.select_one(".related-pages a")
    assert link.get_text(strip=True) == "Porto : un partenariat à l'échelle de la ville"
    assert link["href"] == french_case_study.url
    assert not link.has_attr("hreflang")


def test_an_untranslated_case_study_is_linked_in_its_own_language_and_marked(client, home_pages):
    case_study = add_case_study(case_study_library(), title="Zagreb: a one-stop shop")
    chapter = add_chapter(parent=guide("hr"), body=[case_studies(case_study)])
    html = soup(client.get(chapter.url))
    link = html.select_one(".related-pages a")
    assert link["href"] == case_study.url and link["hreflang"] == "en" and link["lang"] == "en"
    assert "English" in html.select_one(".related-pages__language").get_text()


def test_unpublished_private_and_deleted_case_studies_are_left_out_of_the_public_page(client, home_pages):
    kept, unpublished, private, deleted = (
        add_case_study(case_study_library(), title=title) for title in ["Kept", "Unpublished", "Private", "Deleted"]
    )
    chapter = add_chapter(body=[case_studies(kept, unpublished, private, deleted)])
    unpublished.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    deleted.delete()

    response = client.get(chapter.url)
    assert related_titles(response) == ["Kept"]
    text = soup(response).get_text()
    assert "Unpublished" not in text and "Private" not in text and "Editors only" not in text


def test_editors_see_the_left_out_links_in_the_preview(admin_client, home_pages):
    kept, unpublished, deleted = (
        add_case_study(case_study_library(), title=title) for title in ["Kept", "Unpublished", "Deleted"]
    )
    chapter = add_chapter(body=[case_studies(kept, unpublished, deleted)])
    unpublished.unpublish()
    deleted.delete()

    # The chooser still shows the unpublished page in the editing form.
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[chapter.pk]))
    assert edit.status_code == 200 and "Unpublished" in edit.content.decode()

    # The admin's draft view (a preview of the saved page) points out what the public page leaves out.
    preview = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[chapter.pk]))
    assert preview.status_code == 200
    assert [a.get_text(strip=True) for a in soup(preview).select(".related-pages a")] == ["Kept"]
    notes = [note.get_text(" ", strip=True) for note in soup(preview).select(".editor-note")]
    assert any("“Unpublished” is not published" in note for note in notes)
    assert any("no longer exists" in note for note in notes)


def test_a_deleted_competence_is_left_out(client):
    doomed = competence(7)
    chapter = add_chapter(body=[competence_links(competence(1), doomed)])
    doomed.get_translations().delete()
    doomed.delete()
    links = soup(client.get(chapter.url)).select(".competence-links li")
    assert [li.get_text(" ", strip=True) for li in links] == [
        "Competence 1 Developing and formalising new partnerships"
    ]
