"""Snippet names shown on a page, for the search index, and keeping them current.

A speaker chosen in an agenda block, a partner on a case study, a competence
on a chapter: Wagtail indexes the text a page stores, not the names of the
snippets it points to (a chooser block's searchable content is empty). Every
page type inherits `BasePage.search_snippet_names`, which indexes those names
through `snippet_names()`, so a reader finds a page by the name of a speaker
or partner it shows, whatever the page type.

When a snippet is renamed, translated or deleted, the pages that show it are
re-indexed (`connect_signal_handlers`, found through Wagtail's reference index).
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import post_delete, post_save, pre_delete
from modelcluster.models import get_all_child_relations
from modelsearch.tasks import insert_or_update_object_task
from wagtail.blocks import ChooserBlock, ListBlock, StreamBlock, StructBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page, ReferenceIndex, TranslatableMixin
from wagtail.snippets.models import get_snippet_models


def snippet_models() -> frozenset[type[models.Model]]:
    """The models registered as snippets (Partner, Person, Competence, ...). Loads the wagtail_hooks modules."""
    return frozenset(get_snippet_models())


def snippets_in_block_value(block, value, targets: frozenset) -> list[models.Model]:
    """Snippet instances chosen anywhere inside a block value (StreamField, StructBlock, ListBlock, chooser).

    `block` is the block definition, `value` its Python value; `targets` the
    snippet models to collect. Choosers whose object no longer exists give None
    and are skipped.
    """
    if value is None:
        return []
    if isinstance(block, ChooserBlock):
        return [value] if isinstance(value, models.Model) and type(value) in targets else []
    if isinstance(block, ImageBlock):
        return []  # a StructBlock whose value is the chosen image: no snippet inside
    found = []
    if isinstance(block, StreamBlock):
        for child in value:
            found += snippets_in_block_value(child.block, child.value, targets)
    elif isinstance(block, ListBlock):
        for item in value:
            found += snippets_in_block_value(block.child_block, item, targets)
    elif isinstance(block, StructBlock):
        for name, child_block in block.child_blocks.items():
            found += snippets_in_block_value(child_block, value.get(name), targets)
    return found


def snippets_in_fields(obj: models.Model, targets: frozenset) -> list[models.Model]:
    """Snippets `obj` refers to through its StreamFields, foreign keys and many-to-many fields."""
    found = []
    for field in obj._meta.get_fields():
        if isinstance(field, StreamField):
            found += snippets_in_block_value(field.stream_block, getattr(obj, field.attname), targets)
        elif field.concrete and field.many_to_one and field.related_model in targets:
            related = getattr(obj, field.name)
            if related is not None:
                found.append(related)
        elif field.concrete and field.many_to_many and field.related_model in targets:
            found += list(getattr(obj, field.name).all())
    return found


def referenced_snippets(obj: models.Model) -> list[models.Model]:
    """Snippets `obj` shows: in its own fields and in its child objects (InlinePanel rows), in order, once each."""
    targets = snippet_models()
    found = snippets_in_fields(obj, targets)
    for relation in get_all_child_relations(type(obj)):
        for child in getattr(obj, relation.get_accessor_name()).all():
            found += snippets_in_fields(child, targets)
    unique = {}
    for snippet in found:
        unique.setdefault((type(snippet), snippet.pk), snippet)
    return list(unique.values())


def in_locale(snippets: list[models.Model], locale_id: int) -> list[models.Model]:
    """Each translatable snippet in the locale `locale_id` where a translation exists, else as it is.

    One SQL query per snippet model that needs it.
    """
    wanted = defaultdict(set)
    for snippet in snippets:
        if isinstance(snippet, TranslatableMixin) and snippet.locale_id != locale_id:
            wanted[type(snippet)].add(snippet.translation_key)
    translations = {}
    for model, keys in wanted.items():
        for translation in model._default_manager.filter(translation_key__in=keys, locale_id=locale_id):
            translations[(model, translation.translation_key)] = translation
    return [
        translations.get((type(snippet), getattr(snippet, "translation_key", None)), snippet) for snippet in snippets
    ]


def snippet_names(page: Page) -> str:
    """The names (`str()`) of the snippets `page` shows, in the page's language, comma-separated.

    Example: "Catherine Kinet, Lifelong Learning Platform". An empty string when
    the page shows none.
    """
    snippets = referenced_snippets(page)
    if not snippets:
        return ""
    return ", ".join(str(snippet) for snippet in in_locale(snippets, page.locale_id))


# --- Keeping the index current when a snippet changes -------------------------

_PAGES_TO_REINDEX = "_search_pages_to_reindex"


def pages_showing(snippet: models.Model) -> list[int]:
    """Ids of the pages that refer to `snippet` or to any of its translations (Wagtail's reference index)."""
    model = type(snippet)
    if isinstance(snippet, TranslatableMixin):
        snippets = model._default_manager.filter(translation_key=snippet.translation_key)
    else:
        snippets = [snippet]
    references = ReferenceIndex.get_references_to_in_bulk(snippets).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return sorted({int(object_id) for object_id in references.values_list("object_id", flat=True)})


def reindex_pages(page_ids: list[int]) -> None:
    """Update the search index entries of these pages, through modelsearch's own indexing task."""
    for page in Page.objects.filter(pk__in=page_ids).specific():
        insert_or_update_object_task.enqueue(page._meta.app_label, page._meta.model_name, str(page.pk))


def _is_snippet(sender) -> bool:
    return sender in snippet_models()


def on_snippet_saved(sender, instance, raw=False, **kwargs):
    if raw or not _is_snippet(sender):
        return
    reindex_pages(pages_showing(instance))


def on_snippet_deleting(sender, instance, **kwargs):
    # The reference index forgets the snippet when it is deleted: note the pages first.
    if _is_snippet(sender):
        setattr(instance, _PAGES_TO_REINDEX, pages_showing(instance))


def on_snippet_deleted(sender, instance, **kwargs):
    page_ids = getattr(instance, _PAGES_TO_REINDEX, None)
    if page_ids:
        reindex_pages(page_ids)


def connect_signal_handlers() -> None:
    """Re-index the pages that show a snippet when it is saved (renamed, translated) or deleted."""
    post_save.connect(on_snippet_saved, dispatch_uid="search.on_snippet_saved")
    pre_delete.connect(on_snippet_deleting, dispatch_uid="search.on_snippet_deleting")
    post_delete.connect(on_snippet_deleted, dispatch_uid="search.on_snippet_deleted")
