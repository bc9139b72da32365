"""The image renditions a page shows are made when it is published, not by its first visitor.

Publishing queues a django-tasks task (in the background with a worker backend, synchronously
with the default ImmediateBackend) that renders the page and the page that lists it as Wagtail
renders a preview: `make_preview_request` runs the middleware and the template, so every
`{% image %}` the templates use exists afterwards, whatever the page type. The response is marked
as a preview, so no cache keeps it. A failure is logged; the publish stands, and the page makes
what is missing itself, as before. `load_content` renders nothing while it runs
(`home.loading.LOADING_CONTENT`): it publishes hundreds of pages.
"""

import logging

from django.conf import settings
from django.db import transaction
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published

from home.loading import LOADING_CONTENT

logger = logging.getLogger(__name__)


@task()
def make_page_renditions(page_id: int) -> int:
    """Render the live page `page_id` and its listing parent; returns how many renditions were made."""
    rendition_model = get_image_model().get_rendition_model()
    before = rendition_model.objects.count()
    page = Page.objects.live().filter(pk=page_id).first()
    pages = [page, page.get_parent()] if page is not None else []
    for target in pages:
        if target is None or not target.live or target.is_root():
            continue
        target = target.specific
        try:
            target.make_preview_request()
        except Exception:  # noqa: BLE001 - one page that fails to render must not stop the others
            logger.exception("Could not render page %s to make its renditions", target.pk)
    return rendition_model.objects.count() - before


def on_page_published(sender, instance, **kwargs):
    if LOADING_CONTENT.get() or not getattr(settings, "RENDITIONS_ON_PUBLISH", True):
        return

    def enqueue(page_id=instance.pk):
        try:
            make_page_renditions.enqueue(page_id)
        except Exception:  # the page makes what is missing itself: slower, never an error
            logger.exception("Could not make the renditions of page %s", page_id)

    transaction.on_commit(enqueue)


def connect_signal_handlers() -> None:
    page_published.connect(on_page_published, dispatch_uid="mediastore.renditions.on_page_published")
