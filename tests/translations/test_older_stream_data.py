"""StreamField data stored before a block gained a child (or with null text) can be translated, synced and exported.

For every translatable model with a StreamField, a copy of a loaded English
page gets, in every StreamField, one value of each block type as older data
has it, written straight to the database row and to the live revision: a
StructBlock value with only its first text child (its other keys missing),
and one with every key present but null. The page is then submitted for
translation, synced and its PO file downloaded, as an editor would.
"""

import json
import uuid

import polib
import pytest
from django.apps import apps
from django.urls import reverse
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page, Revision, TranslatableMixin
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource

from home.blocks import BaseStreamBlock
from translations.stream_data import complete_block_value

pytestmark = pytest.mark.django_db

CONTAINERS = (blocks.StructBlock, blocks.ListBlock, blocks.StreamBlock)
TEXT = (blocks.CharBlock, blocks.TextBlock)


def label(model) -> str:
    return model._meta.label


def streamfield_models() -> list[type]:
    """Every translatable model (page type or snippet) with a StreamField."""
    return sorted(
        (
            model
            for model in apps.get_models()
            if issubclass(model, TranslatableMixin)
            and any(isinstance(field, StreamField) for field in model._meta.get_fields())
        ),
        key=label,
    )


def older_value(block: blocks.Block, marker: str):
    """A value of `block` stored before its StructBlocks had most of their children: only the first text is there.

    An image block counts as a leaf (missing from a struct, null in a stream): an image never lacks its image.
    """
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": name, "value": older_value(child, f"{marker} {name}"), "id": str(uuid.uuid4())}
            for name, child in block.child_blocks.items()
        ]
    if isinstance(block, blocks.ListBlock):
        return [{"type": "item", "value": older_value(block.child_block, marker), "id": str(uuid.uuid4())}]
    if isinstance(block, blocks.StructBlock) and not isinstance(block, ImageBlock):
        texts = [name for name, child in block.child_blocks.items() if isinstance(child, TEXT)]
        value = {texts[0]: marker} if texts else {}
        for name, child in block.child_blocks.items():
            if isinstance(child, CONTAINERS) and not isinstance(child, ImageBlock):
                value[name] = older_value(child, f"{marker} {name}")
        return value
    return None


def null_value(block: blocks.Block):
    """A value of `block` with every key present and every leaf null."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": name, "value": null_value(child), "id": str(uuid.uuid4())}
            for name, child in block.child_blocks.items()
        ]
    if isinstance(block, blocks.ListBlock):
        return [{"type": "item", "value": null_value(block.child_block), "id": str(uuid.uuid4())}]
    if isinstance(block, blocks.StructBlock):
        return {name: null_value(child) for name, child in block.child_blocks.items()}
    return None


def markers(raw) -> set[str]:
    """The texts `older_value` put in (every string that is not an id or a block type)."""
    found = set()
    if isinstance(raw, list):
        for item in raw:
            found |= markers(item)
    elif isinstance(raw, dict):
        for key, value in raw.items():
            if isinstance(value, str) and key not in ("id", "type"):
                found.add(value)
            else:
                found |= markers(value)
    return found


def store_older_data(page: Page) -> set[str]:
    """Append older values of every block type to each StreamField, in the row and the live revision, bypassing Wagtail.

    Returns the texts put in the translated StreamFields (those a translator gets).
    """
    model = type(page)
    translated = {field.field_name for field in get_translatable_fields(model) if field.is_translated(page)}
    revision = Revision.objects.get(pk=page.live_revision_id)
    content = dict(revision.content)
    row = {}
    texts = set()
    for field in model._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        older = older_value(field.stream_block, f"Older {field.name}")
        if field.name in translated:
            texts |= markers(older)
        raw = list(getattr(page, field.name).raw_data) + older + null_value(field.stream_block)
        row[field.name] = raw
        content[field.name] = json.dumps(raw) if isinstance(content.get(field.name), str) else raw
    model.objects.filter(pk=page.pk).update(**row)
    Revision.objects.filter(pk=revision.pk).update(content=content)
    return texts


@pytest.mark.parametrize("model", streamfield_models(), ids=label)
def test_older_stream_data_is_translated_synced_and_exported(model, superuser_client, locales):
    if not issubclass(model, Page):
        pytest.fail(f"{label(model)} is a snippet with a StreamField: store older data for it here too")
    original = model.objects.filter(locale=locales["en"]).first()
    assert original is not None, f"the loaded content has no English {label(model)}"
    page = original.copy(
        to=original.get_parent(),
        update_attrs={"title": f"Older {original.title}", "slug": f"older-{original.slug}"},
        copy_revisions=False,
        keep_live=True,
        reset_translation_key=True,
    )
    page.save_revision().publish()
    page = model.objects.get(pk=page.pk)
    texts = store_older_data(page)
    assert texts, "the older data should hold some text"

    # "Translate" into French.
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = superuser_client.post(f"{url}?next=/admin/", {"locales": [locales["fr"].pk]})
    assert response.status_code == 302
    assert page.get_translation_or_none(locales["fr"]) is not None
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=locales["en"])
    assert texts <= set(source.stringsegment_set.values_list("string__data", flat=True))

    # "Sync" re-reads the (older) data from the database.
    response = superuser_client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302

    # The PO file has every text of the older data.
    translation = Translation.objects.get(source=source, target_locale=locales["fr"])
    response = superuser_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert texts <= {entry.msgid for entry in polib.pofile(response.content.decode())}


def test_the_enumeration_finds_the_page_types_with_a_streamfield():
    assert {"home.StandardPage", "guide.GuideChapterPage", "events.EventPage"} <= set(map(label, streamfield_models()))


def test_missing_keys_get_the_blocks_defaults_and_null_text_becomes_empty():
    raw = [
        {"type": "heading", "value": {"text": "Why"}, "id": "a"},
        {"type": "quote", "value": {"quote": "Together", "source": None}, "id": "b"},
        {"type": "image", "value": {"caption": "A hall"}, "id": "c"},
        {"type": "paragraph", "value": None, "id": "d"},
    ]
    assert complete_block_value(BaseStreamBlock(), raw) == [
        {"type": "heading", "value": {"text": "Why", "level": "h2"}, "id": "a"},
        {"type": "quote", "value": {"quote": "Together", "source": ""}, "id": "b"},
        {
            "type": "image",
            "value": {"image": {"image": None, "alt_text": "", "decorative": None}, "caption": "A hall"},
            "id": "c",
        },
        {"type": "paragraph", "value": "", "id": "d"},
    ]


def test_completing_twice_changes_nothing_more(about):
    english = about.by_language["en"]
    once = complete_block_value(english.body.stream_block, json.loads(json.dumps(list(english.body.raw_data))))
    assert complete_block_value(english.body.stream_block, json.loads(json.dumps(once))) == once
