"""guide.reference_index: removing the last InlinePanel child of a page updates Wagtail's reference index.

Wagtail's own comments are such children (a ParentalKey to the page, a foreign key to their author).
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Comment, ReferenceIndex

from tests.guide.helpers import chapters

pytestmark = pytest.mark.django_db


def references_to(user) -> list:
    return list(
        ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(type(user)), to_object_id=str(user.pk)
        ).values_list("content_path", flat=True)
    )


def test_removing_the_only_child_removes_its_references(django_user_model):
    author = django_user_model.objects.create_user("commenter", password="x")
    chapter = chapters("en")[0]
    chapter.wagtail_admin_comments = [Comment(user=author, text="Check this figure", contentpath="title")]
    chapter.save()
    assert [path.split(".")[0] for path in references_to(author)] == ["wagtail_admin_comments"]

    chapter.wagtail_admin_comments = []
    chapter.save()

    assert references_to(author) == []


def test_deleting_a_page_with_children_still_works(django_user_model):
    author = django_user_model.objects.create_user("commenter", password="x")
    chapter = chapters("en")[3]
    chapter.wagtail_admin_comments = [Comment(user=author, text="Obsolete", contentpath="title")]
    chapter.save()
    chapter.delete()
    assert references_to(author) == []
