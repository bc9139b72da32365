"""Data migration of the site's image blocks to Wagtail's `ImageBlock` (image, alt text, decorative).

Used by one migration per app (`MigrateStreamData`, which also rewrites every
revision) and by `translation_sources_operation`, which rewrites
wagtail-localize's stored source content and moves the alt text's segment
path, so a translator's existing alt text stays attached to its image.

Old shapes: a body image `{"image": id, "alt_text": "...", "caption": "..."}`;
a tour information point `{..., "image": id | None, "image_alt": "..."}`.
New: `{"image": {"image": id, "alt_text": "...", "decorative": bool}, ...}`.
An image with no alt text was rendered `alt=""`: it becomes decorative, which
Wagtail renders the same way.
"""

import json
import uuid

from django.db import migrations
from wagtail.blocks.migrations.operations import BaseBlockOperation
from wagtail.blocks.migrations.utils import apply_changes_to_raw_data

#: The namespace of wagtail-localize's `TranslationContext.path_id` (uuid5 of the path; 1.14.5),
#: frozen here as a migration's logic must be: it renames the paths of existing contexts.
PATH_ID_NAMESPACE = uuid.UUID("fcab004a-2b50-11ea-978f-2e728ce88125")


def image_block_value(image_id, alt_text) -> dict:
    """The stored value of Wagtail's ImageBlock for an image id (or None) and its old alt text."""
    alt_text = alt_text or ""
    return {"image": image_id, "alt_text": alt_text, "decorative": image_id is not None and not alt_text}


def is_image_block_value(value) -> bool:
    return isinstance(value, dict) and "decorative" in value


class NestImageOperation(BaseBlockOperation):
    """Moves a struct's `image` id and its alt text (child `alt_key`) into an ImageBlock value under `image`."""

    def __init__(self, alt_key: str):
        super().__init__()
        self.alt_key = alt_key

    def apply(self, block_value):
        if is_image_block_value(block_value.get("image")):
            return block_value  # already migrated (a revision saved after the change)
        value = {key: item for key, item in block_value.items() if key != self.alt_key}
        value["image"] = image_block_value(block_value.get("image"), block_value.get(self.alt_key))
        return value

    @property
    def operation_name_fragment(self):
        return f"nest_image_and_{self.alt_key}"

    def deconstruct(self):
        return (f"{__name__}.{self.__class__.__name__}", [self.alt_key], {})


#: Body images (`home.blocks.CaptionedImageBlock`): top-level stream children named "image".
BODY_IMAGES = [(NestImageOperation("alt_text"), "image")]
#: Tour information points (`tours.blocks.InformationBlock`).
INFORMATION_IMAGES = [(NestImageOperation("image_alt"), "information")]


def migrate_stream(raw_data: list, operations_and_block_paths, streamfield) -> list:
    for operation, block_path in operations_and_block_paths:
        raw_data = apply_changes_to_raw_data(raw_data, block_path, operation, streamfield)
    return raw_data


def translation_sources_operation(app_label: str, model_name: str, field_name: str, operations_and_block_paths):
    """A RunPython that migrates wagtail-localize's copies of the field and renames the alt text's segment paths.

    wagtail-localize keeps the source page's content (`TranslationSource.content_json`)
    and keys each string's translation by its path ("body.<block id>.alt_text");
    the alt text is now at "body.<block id>.image.alt_text".
    """

    def forward(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        content_type = apps.get_model("contenttypes", "ContentType").objects.filter(
            app_label=app_label, model=model_name.lower()
        )
        sources = apps.get_model("wagtail_localize", "TranslationSource").objects.filter(
            specific_content_type__in=content_type
        )
        contexts = apps.get_model("wagtail_localize", "TranslationContext").objects
        for source in sources:
            content = json.loads(source.content_json)
            if not content.get(field_name):
                continue
            stored_as_text = isinstance(content[field_name], str)
            raw_data = json.loads(content[field_name]) if stored_as_text else content[field_name]
            for operation, block_path in operations_and_block_paths:
                for block in raw_data:
                    if block.get("type") == block_path and not is_image_block_value(block["value"].get("image")):
                        old = f"{field_name}.{block['id']}.{operation.alt_key}"
                        new = f"{field_name}.{block['id']}.image.alt_text"
                        contexts.filter(object_id=source.object_id, path=old).update(
                            path=new,
                            path_id=uuid.uuid5(PATH_ID_NAMESPACE, new),
                            field_path=f"{field_name}.{block_path}.image.alt_text",
                        )
            raw_data = migrate_stream(raw_data, operations_and_block_paths, getattr(model, field_name))
            content[field_name] = json.dumps(raw_data) if stored_as_text else raw_data
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])

    return migrations.RunPython(forward, migrations.RunPython.noop)
