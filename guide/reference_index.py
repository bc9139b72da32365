"""Workaround: keep Wagtail's reference index right when an InlinePanel child is deleted.

Why: Wagtail (checked on 8.0.1) records the references of an InlinePanel
child (an Orderable with a ParentalKey, e.g. a case study's link to a
competence) under its parent page, and refreshes them when the parent or a
child is *saved*. When a child is *deleted* it only removes references
recorded under the child itself, of which there are none. django-modelcluster
saves the page first and then deletes removed children, so removing the last
child of a page (or the only one linking a competence) leaves a stale row: the
competence framework would keep listing a page that no longer links the
competence, until `rebuild_references_index` runs.

What: after a tracked child model's row is deleted, re-index its parent.

When to remove: once Wagtail re-indexes the parent on a child's deletion
(test: tests/guide/test_reference_index_workaround.py fails without this module
only while the bug exists; delete both when it passes without it).
"""

from django.db import transaction
from django.db.models.signals import post_delete
from modelcluster.fields import ParentalKey
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import reference_index_auto_update_disabled


def _parental_key(model):
    return next((field for field in model._meta.get_fields() if isinstance(field, ParentalKey)), None)


def _specific(obj):
    """The most specific instance of `obj` (a page), or None when its specific row is already deleted."""
    specific_class = getattr(obj, "specific_class", None)
    if specific_class is None or specific_class is type(obj):
        return obj
    return specific_class._default_manager.filter(pk=obj.pk).first()


def reindex_parent_of_deleted_child(sender, instance, **kwargs):
    """post_delete receiver: re-index the parent of a deleted InlinePanel child. Silent when there is none."""
    if getattr(reference_index_auto_update_disabled, "value", False):
        return
    if sender not in ReferenceIndex.tracked_models or sender in ReferenceIndex.indexed_models:
        return
    parental_key = _parental_key(sender)
    if parental_key is None:
        return
    parent_id = getattr(instance, parental_key.attname, None)
    if parent_id is None:
        return
    parent = _specific(parental_key.related_model._default_manager.filter(pk=parent_id).first())
    # Walk up nested clusters to the object the references are recorded under.
    while parent is not None and not ReferenceIndex.is_indexed(type(parent)):
        grand_key = _parental_key(type(parent))
        if grand_key is None:
            return
        grand_id = getattr(parent, grand_key.attname, None)
        parent = _specific(grand_key.related_model._default_manager.filter(pk=grand_id).first())
    if parent is None:
        return  # The parent is being deleted too; Wagtail removes its references.
    with transaction.atomic():
        ReferenceIndex.create_or_update_for_object(parent)


def connect():
    """Connect the receiver (called from GuideConfig.ready)."""
    post_delete.connect(reindex_parent_of_deleted_child, dispatch_uid="guide_reindex_parent_of_deleted_child")
