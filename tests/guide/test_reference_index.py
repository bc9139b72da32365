"""What Wagtail's reference index records, which guide.gathering relies on (checked on Wagtail 8.0.1)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Comment, Page, ReferenceIndex

from casestudies.models import CaseStudyIndexPage
from tests.casestudies.factories import add_case_study
from tests.guide.helpers import add_chapter, case_studies, competence, competence_links

pytestmark = pytest.mark.django_db


def case_study_library(language: str = "en") -> CaseStudyIndexPage:
    return CaseStudyIndexPage.objects.get(locale__language_code=language)


def paths_from(page, to) -> set[str]:
    """Model paths of the references from `page` to `to`."""
    return set(
        ReferenceIndex.get_references_for_object(page)
        .filter(to_content_type=ReferenceIndex._get_base_content_type(to), to_object_id=str(to.pk))
        .values_list("model_path", flat=True)
    )


def test_snippet_chooser_in_a_list_in_a_struct_block_is_recorded_under_the_page(home_pages):
    chapter = add_chapter(body=[competence_links(competence(4))])
    assert paths_from(chapter, competence(4)) == {"body.competences.competences.item"}
    reference = ReferenceIndex.get_references_to(competence(4)).get(object_id=str(chapter.pk))
    assert reference.base_content_type == ContentType.objects.get_for_model(Page)
    block_id = chapter.body.raw_data[0]["id"]
    assert reference.content_path.startswith(f"body.{block_id}.competences.")


def test_page_chooser_is_recorded(home_pages):
    case_study = add_case_study(case_study_library())
    chapter = add_chapter(body=[case_studies(case_study)])
    assert paths_from(chapter, case_study) == {"body.case_studies.pages.item"}


def test_a_draft_does_not_change_the_recorded_references(home_pages):
    chapter = add_chapter(body=[competence_links(competence(2))])
    chapter.body = []
    chapter.save_revision()  # not published: the live page still links competence 2
    assert paths_from(chapter, competence(2)) == {"body.competences.competences.item"}


def test_a_foreign_key_on_an_inline_child_is_recorded_under_the_page(django_user_model, home_pages):
    author = django_user_model.objects.create_user("reviewer", password="x")
    chapter = add_chapter()
    chapter.wagtail_admin_comments = [Comment(user=author, text="Source?", contentpath="summary")]
    chapter.save()
    assert paths_from(chapter, author) == {"wagtail_admin_comments.item.user"}
