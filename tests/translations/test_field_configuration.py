"""No number, date, coordinate, choice value, URL or identifier ever reaches a translator.

Generic: walks EVERY translatable model of the project's apps (page types and
snippets, including those other apps add later) twice:
1. statically: every field and StreamField block that wagtail-localize would
   hand to translators is text, and is not named like a number or identifier;
2. on the loaded content: every string segment wagtail-localize extracts from
   the default-language instances in the database reads as human text.
A new page family is covered as soon as its models and content exist.
"""

import re

import pytest
from django.conf import settings
from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, get_translatable_models
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

pytestmark = pytest.mark.django_db

# Field and block names that hold numbers, times, places or identifiers.
IDENTIFIER_NAME = re.compile(
    r"(^|_)(id|ids|uuid|slug|key|code|iso|anchor|url|urls|href|link_url|email|phone|tel|"
    r"yaw|pitch|roll|hfov|vfov|fov|field_of_view|lat|lon|lng|latitude|longitude|coordinates?|zoom|"
    r"x|y|z|date|dates|time|times|start|end|starts_at|ends_at|duration|timezone|tz|"
    r"number|count|order|position|year|colou?r|hex|icon|isbn|doi|width|height|size)$"
)
# Page.slug is translated on purpose: each language has its own addresses.
ALLOWED_TRANSLATED = {("wagtailcore.Page", "slug")}

TEXT_FIELDS = (models.CharField, models.TextField, RichTextField, StreamField)
NEVER_TEXT_FIELDS = (
    models.URLField,
    models.EmailField,
    models.SlugField,
    models.UUIDField,
    models.GenericIPAddressField,
    models.FilePathField,
)
STRING_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.BlockQuoteBlock, blocks.RichTextBlock)


def project_translatable_models() -> list[type]:
    """Concrete translatable models defined in this project's apps (not Wagtail's or a library's)."""
    found = []
    for model in get_translatable_models(include_subclasses=True):
        if model._meta.abstract or model._meta.proxy:
            continue
        if str(settings.BASE_DIR) in str(model._meta.app_config.path):
            found.append(model)
    return sorted(found, key=lambda model: model._meta.label)


def field_owner(model, field) -> str:
    return field.model._meta.label if getattr(field, "model", None) else model._meta.label


def translated_fields(model):
    for translatable_field in get_translatable_fields(model):
        field = translatable_field.get_field(model)
        if translatable_field.is_translated(model):
            yield field


def string_block_paths(block, path=""):
    """(path, block) of every block under `block` that wagtail-localize turns into string segments."""
    if hasattr(block, "get_translatable_segments"):
        yield path, block
    elif isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        for name, child in block.child_blocks.items():
            yield from string_block_paths(child, f"{path}.{name}" if path else name)
    elif isinstance(block, blocks.ListBlock):
        yield from string_block_paths(block.child_block, path)
    elif isinstance(block, STRING_BLOCKS):
        yield path, block


MODELS = project_translatable_models()


def test_the_walk_finds_the_home_apps_models():
    labels = {model._meta.label for model in MODELS}
    assert {"home.HomePage", "home.StandardPage", "home.Partner", "home.Person", "home.Competence"} <= labels


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_only_text_fields_are_translated(model):
    problems = []
    for field in translated_fields(model):
        if isinstance(field, models.ForeignKey | models.ManyToOneRel):
            continue  # Related translatable objects and child relations: their own fields are checked.
        owner = field_owner(model, field)
        if (owner, field.name) in ALLOWED_TRANSLATED:
            continue
        if isinstance(field, NEVER_TEXT_FIELDS) or not isinstance(field, TEXT_FIELDS):
            problems.append(f"{owner}.{field.name} ({type(field).__name__}) is translated")
        elif getattr(field, "choices", None):
            problems.append(f"{owner}.{field.name} has choices but is translated")
        elif IDENTIFIER_NAME.search(field.name):
            problems.append(f"{owner}.{field.name} is named like a number or identifier but is translated")
        if isinstance(field, StreamField):
            problems += stream_block_problems(field.stream_block, f"{owner}.{field.name}")
    assert problems == []


def stream_block_problems(stream_block, label: str) -> list[str]:
    return [
        f"{label} block {path} ({type(block).__name__}) is named like a number or identifier but reaches "
        "translators: use an IntegerBlock, FloatBlock, DateBlock, ChoiceBlock, URLBlock or a chooser"
        for path, block in string_block_paths(stream_block)
        if IDENTIFIER_NAME.search(path.rsplit(".", 1)[-1])
    ]


def test_the_block_check_catches_a_coordinate_typed_as_text():
    class HotspotBlock(blocks.StructBlock):
        label = blocks.CharBlock()
        yaw = blocks.CharBlock()
        pitch = blocks.FloatBlock()

    class Stream(blocks.StreamBlock):
        hotspots = blocks.ListBlock(HotspotBlock())

    assert stream_block_problems(Stream(), "tours.TourScenePage.hotspots") == [
        "tours.TourScenePage.hotspots block hotspots.yaw (CharBlock) is named like a number or identifier but "
        "reaches translators: use an IntegerBlock, FloatBlock, DateBlock, ChoiceBlock, URLBlock or a chooser"
    ]


NUMBER = re.compile(r"^[\s\d.,:;+\-–/°%′″'\"]+$")
DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d{1,2}:\d{2}.*)?$")
TIME = re.compile(r"^\d{1,2}[:h.]\d{2}(\s*[–-]\s*\d{1,2}[:h.]\d{2})?$")
URL = re.compile(r"^(https?://|mailto:|tel:|www\.)|^/[\w\-/]*$", re.IGNORECASE)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.\w+$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)
IDENTIFIER = re.compile(r"^[a-z0-9]+([-_][a-z0-9]+)+$")
NOT_TEXT = {"date": DATE, "time": TIME, "URL": URL, "e-mail": EMAIL, "UUID": UUID, "number": NUMBER}


def reads_as_data(text: str) -> str | None:
    """The kind of data `text` is ("number", "URL", ...), or None when it reads as human text."""
    text = text.strip()
    for kind, pattern in NOT_TEXT.items():
        if pattern.match(text):
            return kind
    if IDENTIFIER.match(text):
        return "identifier"
    return None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("42", "number"),
        ("45.5, -12.25", "number"),
        ("2022-03-28", "date"),
        ("14:00–15:30", "time"),
        ("https://lllplatform.eu/", "URL"),
        ("info@example.org", "e-mail"),
        ("cdm-network", "identifier"),
        ("5b0b6f0e-8f1c-4c1e-9d43-4b6565a1c0de", "UUID"),
        ("About the project", None),
        ("Zagreb", None),
        ("e-learning platform", None),
    ],
)
def test_data_detector(text, kind):
    assert reads_as_data(text) == kind


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_no_loaded_content_sends_data_to_translators(model):
    default = Locale.get_default()
    instances = model.objects.filter(locale=default)
    if issubclass(model, Page):
        instances = instances.exact_type(model).specific()
    problems = []
    for instance in instances:
        for segment in extract_segments(instance):
            if not isinstance(segment, StringSegmentValue):
                continue
            if issubclass(model, Page) and segment.path == "slug":
                continue  # Translated on purpose (ALLOWED_TRANSLATED).
            kind = reads_as_data(segment.render_text())
            if kind:
                problems.append(
                    f"{model._meta.label} “{instance}” {segment.path}: {segment.render_text()!r} is a {kind}"
                )
    assert problems == []
