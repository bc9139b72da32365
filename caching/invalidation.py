"""Never stale: one entry point that works out what a change affects and purges both caches.

`invalidate(change)` takes the tags of the page cache (caching.page_cache) and the URLs of the
HTTP cache in front (wagtail.contrib.frontend_cache, `WAGTAILFRONTENDCACHE`) and, once the
transaction commits, drops them from both; `PAGE_CACHE_REPURGE_SECONDS` later it does so again,
for a response that was being rendered from the old content while the change committed.

What a change affects:
- a page published (also reverted, or a translation published): the page with its routes and
  query-string variants, its translations (their language switcher), its parent and siblings
  (the index lists them, chapters link to their neighbours), its ancestors up to the home page,
  the pages that show it (Wagtail's reference index), the sitemap; a page in the navigation
  (a section of the home page, or "show in menus") clears its language;
- a page unpublished, deleted, moved or given a new slug: its language (links to it are
  everywhere) and the translations of it and of its descendants, the sitemap;
- a snippet: the pages that show it (reference index) and their parents; a snippet in the
  shared chrome or in lists of every page (`PAGE_CACHE_SITE_WIDE_MODELS`) clears the site;
- a site setting, site or locale: the whole site.
"""

import logging
import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from caching import page_cache
from home import fragments

logger = logging.getLogger(__name__)


@dataclass
class Change:
    """What to drop: page-cache tags and HTTP-cache paths (a trailing `*` means the prefix)."""

    tags: set[str] = field(default_factory=set)
    paths: set[str] = field(default_factory=set)

    def site(self):
        self.tags.add(page_cache.SITE_TAG)
        self.paths.add("/*")

    def language(self, code: str):
        self.tags.add(page_cache.language_tag(code))
        self.paths.add(f"/{code}/*")

    def sitemap(self):
        self.tags.add(page_cache.SITEMAP_TAG)
        self.paths.add("/sitemap.xml")

    def page(self, page: Page, *, subtree: bool = False):
        """The page's responses; with `subtree`, in the HTTP cache everything under its path too."""
        self.tags.add(page_cache.page_tag(page.pk))
        path = page_path(page)
        if path:
            # default.vcl's PURGE of a path drops its query-string variants; its routes
            # (print/, ical/, a competence) are under it: purge the prefix for those.
            self.paths.add(path + "*" if subtree or page.depth > 2 else path)


def page_path(page: Page) -> str | None:
    parts = page.get_url_parts()
    return parts[2] if parts else None


def active() -> bool:
    return settings.PAGE_CACHE_ENABLED or bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def invalidate(change: Change) -> None:
    """Drop `change` from both caches when the transaction commits (at once outside one)."""
    if change.tags or change.paths:
        transaction.on_commit(lambda: _apply(change, repeat=True))


def _apply(change: Change, repeat: bool = False) -> None:
    page_cache.invalidate_tags(change.tags)
    # The pages' content fragments (home.templatetags.fragment_tags) go with their responses.
    fragments.invalidate_fragments()
    if change.paths and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        try:
            purge_urls_from_cache([base + path for path in sorted(change.paths)])
        except Exception:  # a purge failure never fails the publish; s-maxage bounds the staleness
            logger.exception("Couldn't purge the HTTP cache")
    delay = settings.PAGE_CACHE_REPURGE_SECONDS
    if repeat and delay:
        timer = threading.Timer(delay, _apply, args=(change,))
        timer.daemon = True
        timer.start()


# --- What a change affects -------------------------------------------------------------


def _in_navigation(page: Page) -> bool:
    return page.depth <= 3 or page.show_in_menus


def _referencing_pages(objects) -> list[Page]:
    """The pages that show one of `objects`, from Wagtail's reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to_in_bulk(list(objects))
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return list(Page.objects.filter(pk__in=[int(pk) for pk in ids]))


def published_change(page: Page) -> Change:
    change = Change()
    if _in_navigation(page):
        change.language(page.locale.language_code)
    change.page(page)
    for translation in page.get_translations():
        change.page(translation)
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        change.page(parent, subtree=parent.depth > 2)  # the index and, under it, the siblings
        for sibling in parent.get_children():
            change.tags.add(page_cache.page_tag(sibling.pk))
    for ancestor in page.get_ancestors().filter(depth__gt=1):
        change.page(ancestor)
    for referencing in _referencing_pages([page]):
        change.page(referencing)
    change.sitemap()
    return change


def removed_change(page: Page) -> Change:
    """A page gone from (or moved within) its language: links to it are anywhere in that language."""
    change = Change()
    change.language(page.locale.language_code)
    for node in Page.objects.descendant_of(page, inclusive=True):
        for translation in node.get_translations():
            change.page(translation, subtree=True)
    change.sitemap()
    return change


def snippet_change(instance) -> Change:
    change = Change()
    if instance._meta.label in settings.PAGE_CACHE_SITE_WIDE_MODELS:
        change.site()
        return change
    objects = [instance]
    if hasattr(instance, "get_translations"):
        objects += list(instance.get_translations())  # pages may show a translation's fallback
    for page in _referencing_pages(objects):
        change.page(page)
        parent = page.get_parent()
        if parent is not None and parent.depth > 1:
            change.page(parent)
    return change


# --- Signal handlers -----------------------------------------------------------------


def on_page_published(sender, instance, **kwargs):
    if active():
        invalidate(published_change(instance))


def on_page_removed(sender, instance, **kwargs):
    if active() and instance.pk is not None:
        invalidate(removed_change(instance))


def on_page_deleted(sender, instance, **kwargs):
    # Before the rows go: the translations and descendants are still there to find.
    if active() and isinstance(instance, Page) and instance.live:
        invalidate(removed_change(instance))


def on_page_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    if active() and url_path_before != url_path_after and instance.live:
        invalidate(removed_change(instance))


def on_site_wide_change() -> None:
    if active():
        change = Change()
        change.site()
        invalidate(change)


def on_model_saved(sender, instance, **kwargs):
    """post_save and post_delete of any model: the settings, sites, locales, snippets, images, documents.

    Dispatched here, at the time of the save, because snippets are registered (wagtail_hooks)
    after this app is ready.
    """
    if isinstance(instance, Page) or not active():
        return
    if isinstance(instance, BaseSiteSetting | Site | Locale):
        on_site_wide_change()
    elif isinstance(instance, tuple(get_snippet_models()) + (get_image_model(), get_document_model())):
        invalidate(snippet_change(instance))


def connect_signals() -> None:
    page_published.connect(on_page_published, dispatch_uid="caching.published")
    page_unpublished.connect(on_page_removed, dispatch_uid="caching.unpublished")
    page_slug_changed.connect(on_page_removed, dispatch_uid="caching.slug_changed")
    post_page_move.connect(on_page_moved, dispatch_uid="caching.moved")
    pre_delete.connect(on_page_deleted, dispatch_uid="caching.deleted")
    post_save.connect(on_model_saved, dispatch_uid="caching.saved")
    post_delete.connect(on_model_saved, dispatch_uid="caching.deleted_model")
