"""Panorama renditions are made when a tour's room is published, never by its first visitor.

A room's page (and its tour's) serves the panorama in up to three JPEG widths
(`tours.panoramas.RENDITION_WIDTHS`), the index's thumbnail and the
information points' images. Making them inside a visitor's request cost 1.5 s
and 145 MiB of worker memory for a three-room tour (issue 16), so
`make_scene_renditions` makes them when the room is published, as a
django-tasks task: in the background with a worker backend (a `TASKS`
setting), synchronously with django-tasks' default ImmediateBackend (`make run`,
tests). One panorama is decoded at a time, so a worker's peak memory is one
panorama's. A failure is logged; publishing still succeeds and the page makes
the missing renditions itself, as before.
"""

import logging

from django_tasks import task
from wagtail.signals import page_published

from tours.models import TourScenePage
from tours.panoramas import THUMBNAIL_SPEC, panorama_renditions
from tours.viewer import INFO_IMAGE_SPEC

logger = logging.getLogger(__name__)


@task()
def make_scene_renditions(page_id: int) -> int:
    """Make every rendition the room `page_id` and its tour show; returns how many images were handled."""
    scene = TourScenePage.objects.filter(pk=page_id).select_related("panorama").first()
    if scene is None:
        return 0
    handled = 0
    if scene.panorama is not None:
        panorama_renditions(scene.panorama)
        scene.panorama.get_rendition(THUMBNAIL_SPEC)  # the tour index's card, when this room starts the tour
        handled += 1
    for block in scene.hotspots:
        if block.block_type == "information" and block.value.get("image") is not None:
            block.value["image"].get_rendition(INFO_IMAGE_SPEC)
            handled += 1
    return handled


def on_page_published(sender, instance, **kwargs):
    if not isinstance(instance, TourScenePage):
        return
    try:
        make_scene_renditions.enqueue(instance.pk)
    except Exception:  # the page makes what is missing itself: slower, never an error
        logger.exception("Could not make the renditions of room %s", instance.pk)


def connect_signal_handlers() -> None:
    page_published.connect(on_page_published, dispatch_uid="tours.renditions.on_page_published")
