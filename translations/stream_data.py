"""Older StreamField data made whole before wagtail-localize reads it for translation.

Why this exists: a StructBlock value stored before the block gained a child
lacks that key, and Wagtail reads the missing child as its default, which for
a text block is None (an optional text block can also be stored as null).
wagtail-localize 1.14.5 extracts such a value as a string and fails
(`TypeError: string must be either a StringValue or a str. Got NoneType`,
wagtail-localize issues #690 and #918, still open; an image block missing from
a struct fails likewise), so "Translate", "Sync" and everything after them
answered with a server error.

`complete_source_content` (a `pre_save` receiver of wagtail-localize's
`TranslationSource`, connected in `TranslationsConfig.ready`) completes the
copy of the content the library stores for translation (`content_json`)
before it extracts strings from it (every extraction, `refresh_segments`,
follows a save of that copy): every StructBlock child missing from a value
gets the block's default, and an empty text block is "" instead of None (the
library skips empty strings). The page or snippet itself is not changed, and
Wagtail reads a missing key as the same default, so what visitors see does
not change either; a translation made from the completed copy stores the
complete value.

When it can go: when wagtail-localize extracts a None text value as empty
(issues #690, #918).
"""

import copy
import json

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock

# Blocks wagtail-localize extracts as text: None must reach it as "".
TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)


def _default_raw(block: blocks.Block):
    """The block's default value in the stored (JSON) form."""
    return block.get_prep_value(block.get_default())


def _is_list_item(item) -> bool:
    # ListBlock items are stored as {"type": "item", "value": ..., "id": ...} since Wagtail 2.16, plain before.
    return isinstance(item, dict) and "value" in item and "id" in item


def complete_block_value(block: blocks.Block, raw):
    """`raw`, a stored value of `block`, with every StructBlock key present and no None text; changed in place."""
    if isinstance(block, blocks.StreamBlock):
        if raw is None:
            return []
        for item in raw if isinstance(raw, list) else []:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                item["value"] = complete_block_value(child, item.get("value"))
        return raw
    if isinstance(block, blocks.ListBlock):
        if raw is None:
            return []
        if isinstance(raw, list):
            for index, item in enumerate(raw):
                if _is_list_item(item):
                    item["value"] = complete_block_value(block.child_block, item["value"])
                else:
                    raw[index] = complete_block_value(block.child_block, item)
        return raw
    if isinstance(block, ImageBlock) and isinstance(raw, int):
        return raw  # An ImageChooserBlock's image id, from before the block became an ImageBlock: Wagtail reads it.
    if isinstance(block, blocks.StructBlock):
        if raw is None:
            raw = {}
        if isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                value = raw[name] if name in raw else _default_raw(child)
                raw[name] = complete_block_value(child, value)
        return raw
    if isinstance(block, TEXT_BLOCKS) and raw is None:
        return ""
    return raw


def complete_stream_fields(model: type, data: dict) -> bool:
    """Complete the StreamFields of `data` (a serialised `model` instance, as in content_json); True if any changed.

    StreamFields are stored there as JSON text (modelcluster serialises them
    with `value_to_string`) or as lists; child relations (inline panels) are
    lists of serialised child instances.
    """
    changed = False
    for field in model._meta.get_fields():
        if isinstance(field, StreamField) and data.get(field.name):
            stored = data[field.name]
            as_text = isinstance(stored, str)
            raw = json.loads(stored) if as_text else stored
            completed = complete_block_value(field.stream_block, copy.deepcopy(raw))
            if completed != raw:
                data[field.name] = json.dumps(completed, cls=DjangoJSONEncoder) if as_text else completed
                changed = True
    for relation in get_all_child_relations(model):
        for child in data.get(relation.get_accessor_name()) or []:
            if isinstance(child, dict):
                changed |= complete_stream_fields(relation.related_model, child)
    return changed


def complete_source_content(sender, instance, update_fields=None, **kwargs) -> None:
    """pre_save of TranslationSource: complete the StreamField values of `content_json` (see the module docstring)."""
    if update_fields is not None and "content_json" not in update_fields:
        return
    if not instance.specific_content_type_id or not instance.content_json:
        return
    model = ContentType.objects.get_for_id(instance.specific_content_type_id).model_class()
    if model is None:
        return
    data = json.loads(instance.content_json)
    if complete_stream_fields(model, data):
        instance.content_json = json.dumps(data, cls=DjangoJSONEncoder)
