"""Images move to Wagtail's ImageBlock: the data migration keeps every alt text and caption, in all five languages.

The shipped content has no image in a StreamField, so each test writes images in
the OLD stored shape (as commit 9000765 stored them) into the loaded pages, with
a different alt text and caption per language, runs the migration's forward
step on that data and compares what the public pages render with those texts.
"""

import json
import uuid

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale
from wagtail_localize.models import (
    String,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from home.image_block_migration import BODY_IMAGES, INFORMATION_IMAGES, migrate_stream, translation_sources_operation
from home.models import StandardPage
from tours.models import TourScenePage

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "pt", "it", "hr"]
ALT = {
    "en": "Counsellors around a table",
    "fr": "Des conseillers autour d'une table",
    "pt": "Conselheiros à volta de uma mesa",
    "it": "Consulenti intorno a un tavolo",
    "hr": "Savjetnici oko stola",
}
CAPTION = {language: f"{text} — caption" for language, text in ALT.items()}


@pytest.fixture
def image():
    return Image.objects.create(title="Image title, not alt text", file=get_test_image_file(filename="figure.png"))


def about_pages() -> dict[str, StandardPage]:
    en = StandardPage.objects.get(locale__language_code="en", slug="about")
    return {page.locale.language_code: page for page in StandardPage.objects.filter(translation_key=en.translation_key)}


def publish_migrated(page, field_name: str, old_stream: list, operations):
    """Store `old_stream` as the migration finds it, migrated by its forward step, and publish it."""
    raw = migrate_stream(json.loads(json.dumps(old_stream)), operations, getattr(type(page), field_name))
    setattr(page, field_name, raw)
    page.save_revision().publish()


def figures(client, page) -> list:
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select("figure.figure")


def test_body_images_keep_alt_texts_and_captions_in_every_language(client, image):
    pages = about_pages()
    assert sorted(pages) == sorted(LANGUAGES)
    described, decorative = str(uuid.uuid4()), str(uuid.uuid4())
    for language, page in pages.items():
        described_value = {"image": image.pk, "alt_text": ALT[language], "caption": CAPTION[language]}
        old = list(page.body.raw_data) + [
            {"type": "image", "id": described, "value": described_value},
            {"type": "image", "id": decorative, "value": {"image": image.pk, "alt_text": "", "caption": ""}},
        ]
        publish_migrated(page, "body", old, BODY_IMAGES)

    for language, page in pages.items():
        first, second = figures(client, page)
        assert first.img["alt"] == ALT[language]
        assert first.figcaption.get_text() == CAPTION[language]
        # Empty alt text was rendered alt="": now a decorative image, rendered the same (not the image's title).
        assert second.img["alt"] == ""
        assert second.figcaption is None
        stored = next(block for block in page.body.raw_data if block["id"] == described)["value"]
        assert stored == {
            "image": {"image": image.pk, "alt_text": ALT[language], "decorative": False},
            "caption": CAPTION[language],
        }


def test_tour_information_images_keep_their_alt_texts_in_every_language(client, image):
    en = TourScenePage.objects.filter(locale__language_code="en").first()
    scenes = {
        scene.locale.language_code: scene for scene in TourScenePage.objects.filter(translation_key=en.translation_key)
    }
    assert sorted(scenes) == sorted(LANGUAGES)
    block_id = str(uuid.uuid4())
    for language, scene in scenes.items():
        old = list(scene.hotspots.raw_data) + [
            {"type": "information", "id": block_id, "value": {"yaw": 10, "pitch": 0, "title": "Desk",
             "text": "<p>Desk.</p>", "image": image.pk, "image_alt": ALT[language]}},
        ]  # fmt: skip
        publish_migrated(scene, "hotspots", old, INFORMATION_IMAGES)

    for language, scene in scenes.items():
        response = client.get(scene.url)
        assert response.status_code == 200
        images = BeautifulSoup(response.content, "html.parser").select("img.hotspot__image")
        assert [img["alt"] for img in images] == [ALT[language]]


def test_migrated_alt_text_and_caption_are_offered_to_translators(image):
    en = about_pages()["en"]
    block_id = str(uuid.uuid4())
    old = list(en.body.raw_data) + [
        {"type": "image", "id": block_id, "value": {"image": image.pk, "alt_text": ALT["en"], "caption": CAPTION["en"]}}
    ]
    publish_migrated(en, "body", old, BODY_IMAGES)

    strings = {
        segment.path: segment.string.data
        for segment in extract_segments(StandardPage.objects.get(pk=en.pk))
        if isinstance(segment, StringSegmentValue)
    }
    assert strings[f"body.{block_id}.image.alt_text"] == ALT["en"]
    assert strings[f"body.{block_id}.caption"] == CAPTION["en"]


def test_existing_translation_of_an_alt_text_survives_the_migration(client, image):
    """A translator's French alt text, stored under the old segment path, ends up in the French page."""
    pages = about_pages()
    en, fr_locale = pages["en"], Locale.objects.get(language_code="fr")
    source = TranslationSource.objects.get(object_id=en.translation_key, locale=en.locale)
    block_id = str(uuid.uuid4())
    old_block = {"type": "image", "id": block_id, "value": {"image": image.pk, "alt_text": ALT["en"], "caption": ""}}

    # The state before the migration: the source copy holds the old shape, the alt text's segment its old path.
    content = json.loads(source.content_json)
    content["body"] = json.dumps(json.loads(content["body"]) + [old_block])
    source.content_json = json.dumps(content)
    source.save()
    old_path = f"body.{block_id}.alt_text"
    context = TranslationContext.objects.create(
        object_id=source.object_id, path=old_path, field_path="body.image.alt_text"
    )
    string = String.from_value(en.locale, StringSegmentValue("", ALT["en"]).string)
    StringSegment.objects.create(source=source, context=context, string=string, order=999, attrs="{}")
    StringTranslation.objects.create(translation_of=string, locale=fr_locale, context=context, data=ALT["fr"])
    publish_migrated(en, "body", list(en.body.raw_data) + [old_block], BODY_IMAGES)

    translation_sources_operation("home", "StandardPage", "body", BODY_IMAGES).code(apps, None)

    context.refresh_from_db()
    assert context.path == f"body.{block_id}.image.alt_text"
    assert context.field_path == "body.image.image.alt_text"
    # wagtail-localize finds a context again by the hash of its path.
    assert TranslationContext.objects.get(
        object_id=source.object_id, path_id=TranslationContext._get_path_id(context.path)
    )
    source.refresh_from_db()
    migrated = next(block for block in json.loads(json.loads(source.content_json)["body"]) if block["id"] == block_id)
    assert migrated["value"]["image"] == {"image": image.pk, "alt_text": ALT["en"], "decorative": False}

    Translation.objects.get(source=source, target_locale=fr_locale).save_target(publish=True)
    first = figures(client, StandardPage.objects.get(pk=pages["fr"].pk))[0]
    assert first.img["alt"] == ALT["fr"]
