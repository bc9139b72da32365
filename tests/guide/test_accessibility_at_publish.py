"""Accessibility enforced when editors publish (issue 18): headings that skip a level, images without alt text,
hero images without alt text are refused with a message on the field, in the editor's language; the admin lists a
guide's chapters in chapter order."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text
from wagtail.users.models import UserProfile
from wagtail_factories import ImageFactory

from guide.models import GuideChapterPage
from home.accessibility_rules import heading_levels_that_skip
from home.models import HomePage
from tests.guide.helpers import guide, soup
from tests.guide.test_admin import add_url, chapter_form

pytestmark = pytest.mark.django_db


def test_a_subsection_before_any_section_skips_a_level():
    def h(level):
        return {"type": "heading", "value": {"text": "x", "level": level}}

    assert heading_levels_that_skip([h("h3")]) == [0]
    assert heading_levels_that_skip([h("h2"), h("h3"), h("h2"), h("h3")]) == []
    assert heading_levels_that_skip([{"type": "paragraph", "value": ""}, h("h2"), h("h3"), h("h3")]) == []


def test_publishing_a_chapter_whose_heading_skips_a_level_is_refused_in_the_editors_language(admin_client, admin_user):
    UserProfile.get_for_user(admin_user).__class__.objects.filter(user=admin_user).update(preferred_language="fr")
    body = [("heading", {"text": "Straight to a subsection", "level": "h3"}), ("paragraph", rich_text("<p>x</p>"))]
    response = admin_client.post(add_url(GuideChapterPage, guide("en")), chapter_form("Skipping", 7, body))
    assert response.status_code == 200
    assert not GuideChapterPage.objects.filter(title="Skipping").exists()
    assert "saute un niveau" in response.content.decode()


def test_a_body_image_without_alt_text_or_decorative_flag_is_refused():
    chapter = GuideChapterPage.objects.filter(locale__language_code="en").first()
    image = ImageFactory()
    chapter.body = [("image", {"image": {"image": image, "alt_text": "", "decorative": False}, "caption": ""})]
    block = chapter.body.stream_block
    with translation.override("hr"), pytest.raises(ValidationError) as refused:
        block.clean(chapter.body)
    assert "dekorativn" in str(refused.value.block_errors[0].block_errors["image"]) or refused.value.block_errors
    # Marked decorative, or described: accepted.
    chapter.body = [("image", {"image": {"image": image, "alt_text": "", "decorative": True}, "caption": ""})]
    block.clean(chapter.body)
    chapter.body = [("image", {"image": {"image": image, "alt_text": "A map", "decorative": False}, "caption": ""})]
    block.clean(chapter.body)


def test_a_hero_image_without_alt_text_is_refused_on_its_field():
    home = HomePage.objects.get(locale__language_code="en")
    home.hero_image = ImageFactory()
    home.hero_image_alt = ""
    with pytest.raises(ValidationError) as refused:
        home.full_clean()
    assert "hero_image_alt" in refused.value.error_dict


def test_the_admin_lists_a_guides_chapters_in_chapter_order(admin_client):
    parent = guide("en")
    html = soup(admin_client.get(reverse("wagtailadmin_explore", args=[parent.pk])))
    titles = [a.get_text(strip=True) for a in html.select("td.title a[href*='/edit/'], .title-wrapper a")]
    expected = [page.title for page in Page.objects.child_of(parent).order_by("path")]
    assert [t for t in titles if t in expected][: len(expected)] == expected
