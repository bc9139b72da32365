"""Bring the search index and Wagtail's reference index up to date for the objects a run saved.

Why: Wagtail indexes an object when it is saved, but `load_content` changes
some objects after their save (tags added to an image, InlinePanel rows
committed after their page's own save), so their entries would stay stale until
`manage.py update_index` / `rebuild_references_index`. Recording every object
saved during the run and indexing those once at the end gives the same result
for them, and costs nothing on a run that created nothing.
"""

import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_save
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.search.index import class_is_indexed
from wagtail.signal_handlers import disable_reference_index_auto_update


@dataclass
class TouchedObjects:
    """Primary keys of the objects saved (or whose many-to-many relations changed), by concrete model."""

    by_model: dict[type[models.Model], set] = field(default_factory=lambda: defaultdict(set))

    def add(self, instance: models.Model) -> None:
        if instance.pk is not None:
            self.by_model[instance._meta.concrete_model].add(instance.pk)

    def on_save(self, sender, instance, raw=False, **kwargs):
        if not raw:
            self.add(instance)

    def on_m2m_changed(self, sender, instance, action, **kwargs):
        # Tags (django-taggit) and other many-to-many changes; `instance` is the tagged object.
        if action.startswith("post_") and isinstance(instance, models.Model):
            self.add(instance)


@contextmanager
def recording_saves():
    """Record, in a `TouchedObjects`, every object saved inside the `with` block."""
    touched = TouchedObjects()
    post_save.connect(touched.on_save, weak=False, dispatch_uid="home.index_updates.save")
    m2m_changed.connect(touched.on_m2m_changed, weak=False, dispatch_uid="home.index_updates.m2m")
    try:
        yield touched
    finally:
        post_save.disconnect(dispatch_uid="home.index_updates.save")
        m2m_changed.disconnect(dispatch_uid="home.index_updates.m2m")


@contextmanager
def deferred_indexing():
    """No indexing on each save inside the block (Wagtail's own switch for references, the search
    index's save handler disconnected): `update_indexes` does it once, in bulk, at the end.
    Each page is saved several times while it is loaded; this halves load_content's time."""
    models_indexed = [m for m in search_index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models_indexed:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models_indexed:
            post_save.connect(post_save_signal_handler, sender=model)


@dataclass(frozen=True)
class IndexUpdate:
    """What `update_indexes` did: objects re-indexed for search and for references, and the seconds it took."""

    searched: int
    referenced: int
    seconds: float


def update_indexes(touched: TouchedObjects) -> IndexUpdate:
    """Re-index `touched` in Wagtail's reference index, then in the search index (which reads references)."""
    started = time.monotonic()
    referenced = searched = 0
    with transaction.atomic():
        for model, pks in touched.by_model.items():
            if ReferenceIndex.is_indexed(model):
                for obj in model._default_manager.filter(pk__in=pks):
                    ReferenceIndex.create_or_update_for_object(obj)
                    referenced += 1
        backends = list(get_search_backends(with_auto_update=True))  # a generator
        for model, pks in touched.by_model.items():
            if class_is_indexed(model):
                # In bulk, as `update_index` does: one insert per model rather than one per object.
                objects = list(model.get_indexed_objects().filter(pk__in=pks))
                for backend in backends:
                    backend.add_bulk(model, objects)
                searched += len(objects)
    return IndexUpdate(searched=searched, referenced=referenced, seconds=time.monotonic() - started)
