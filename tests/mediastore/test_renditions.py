"""Publishing a page makes the image renditions it shows (mediastore/renditions.py)."""

import io
import logging

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from casestudies.models import CaseStudyPage
from mediastore.renditions import make_page_renditions

Image = get_image_model()
Rendition = Image.get_rendition_model()


def new_image(name="hero.jpg") -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1800, 900), "teal").save(buffer, "JPEG")
    return Image.objects.create(title=name, file=ImageFile(buffer, name=name))


@pytest.fixture
def on_publish(settings):
    settings.RENDITIONS_ON_PUBLISH = True


def publish_with_hero(page, image, capture):
    page.hero_image = image
    page.hero_image_alt = "A teal wall"
    with capture(execute=True):
        page.save_revision().publish()


@pytest.mark.django_db
def test_publishing_a_page_makes_the_renditions_its_first_visitor_would_have_made(
    on_publish, client, django_capture_on_commit_callbacks
):
    page = CaseStudyPage.objects.live().filter(locale__language_code="en").first()
    image = new_image()
    publish_with_hero(page, image, django_capture_on_commit_callbacks)

    made = Rendition.objects.filter(image=image).count()
    assert made >= 1
    response = client.get(page.url)
    assert response.status_code == 200
    rendition = Rendition.objects.filter(image=image).first()
    assert rendition.url in response.content.decode()
    assert Rendition.objects.filter(image=image).count() == made  # the visitor made none


@pytest.mark.django_db
def test_the_page_that_lists_it_gets_its_renditions_too(on_publish, client, django_capture_on_commit_callbacks):
    page = CaseStudyPage.objects.live().filter(locale__language_code="en").first()
    image = new_image("card.jpg")
    publish_with_hero(page, image, django_capture_on_commit_callbacks)
    made = Rendition.objects.filter(image=image).count()

    assert client.get(page.get_parent().url).status_code == 200
    assert Rendition.objects.filter(image=image).count() == made


@pytest.mark.django_db
def test_a_page_that_fails_to_render_is_still_published_and_the_failure_logged(
    on_publish, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def broken(self, *args, **kwargs):
        raise RuntimeError("template exploded")

    monkeypatch.setattr(CaseStudyPage, "make_preview_request", broken)
    page = CaseStudyPage.objects.live().filter(locale__language_code="en").first()
    with caplog.at_level(logging.ERROR, logger="mediastore.renditions"):
        publish_with_hero(page, new_image("broken.jpg"), django_capture_on_commit_callbacks)
    page.refresh_from_db()
    assert page.hero_image_alt == "A teal wall" and not page.has_unpublished_changes
    assert "Could not render page" in caplog.text


@pytest.mark.django_db
def test_off_under_the_test_settings_and_while_loading_content(client, django_capture_on_commit_callbacks):
    page = CaseStudyPage.objects.live().filter(locale__language_code="en").first()
    image = new_image("off.jpg")
    publish_with_hero(page, image, django_capture_on_commit_callbacks)
    assert not Rendition.objects.filter(image=image).exists()


@pytest.mark.django_db
def test_a_page_in_the_page_cache_is_still_rendered(settings, client):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    page = CaseStudyPage.objects.live().filter(locale__language_code="en").first()
    client.get(page.url)
    image = new_image("cached.jpg")
    CaseStudyPage.objects.filter(pk=page.pk).update(hero_image=image, hero_image_alt="Cached")
    assert client.get(page.url)["X-Page-Cache"] == "HIT"

    assert make_page_renditions.call(page.pk) >= 1
    assert Rendition.objects.filter(image=image).exists()
    cache.clear()
