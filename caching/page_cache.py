"""The anonymous page cache: whole responses of public pages in Django's cache.

Why our own middleware and not `wagtail-cache` (3.0.0 requires wagtail<8) or Django's
per-site cache middleware (it cannot be purged per page, and keys by URL only):

- Only anonymous, cookie-free GET/HEAD requests read it (no session, no messages cookie,
  no Authorization header); the admin, previews (they live under /admin/), documents,
  static and media files and search results (`PAGE_CACHE_EXCLUDED_PATHS`) never do.
- Only a 200 that sets no cookie, used no CSRF token, and is not already marked private or
  no-cache is stored. A view-restricted page never answers an anonymous visitor with a 200
  without a form (CSRF) or a session, so it is never stored either.
- Each entry carries *tags* (the whole site, its language, the Wagtail page that served it)
  and the tag versions it was rendered under. Invalidation (caching.invalidation) gives a
  tag a new version, which drops at once every response of that page (its routes and
  query-string variants too), of a language, or of the site. A version that disappears
  from the cache (eviction, Redis flush) also invalidates, so nothing stale survives.
- Every stored response gets an ETag and Last-Modified and
  `Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_SECONDS` for the HTTP cache in
  front (deploy/varnish/); a hit answers conditional requests with 304.
- Every cache call fails soft: with Redis down, pages are rendered and served uncached.
"""

import hashlib
import logging
import re
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

logger = logging.getLogger(__name__)

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
SITE_TAG = "site"
SITEMAP_TAG = "sitemap"
# Headers a stored response must not replay.
UNSTORED_HEADERS = {"set-cookie", "x-page-cache"}
HIT = "HIT"
MISS = "MISS"
BYPASS = "BYPASS"


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def language_tag(code: str) -> str:
    return f"lang:{code}"


def page_tag(page_id: int) -> str:
    return f"page:{page_id}"


def version_key(tag: str) -> str:
    return f"pagecache:v:{tag}"


def response_key(path: str, query: str) -> str:
    digest = hashlib.sha256(f"{path}?{query}".encode()).hexdigest()
    return f"pagecache:r:{digest}"


def language_of(path: str) -> str | None:
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in LANGUAGE_CODES else None


def excluded_path(path: str) -> bool:
    return any(re.match(pattern, path) for pattern in settings.PAGE_CACHE_EXCLUDED_PATHS)


def request_is_cacheable(request) -> bool:
    """May this request be answered from (and fill) the page cache?"""
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_dummy", False):  # Wagtail's previews and renditions at publish: always rendered
        return False
    if settings.PAGE_CACHE_BYPASS_HEADER and request.headers.get(settings.PAGE_CACHE_BYPASS_HEADER):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies or "HTTP_AUTHORIZATION" in request.META:
        return False
    return not excluded_path(request.path_info)


def response_is_cacheable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-cache", "no-store"))


def _safe(call, default=None):
    """A cache call that never raises: a broken cache is a slower site, not a 500."""
    try:
        return call()
    except Exception:  # any backend failure
        logger.warning("page cache unavailable", exc_info=True)
        return default


def tags_for(request) -> list[str]:
    language = language_of(request.path_info)
    tags = [SITE_TAG]
    if language:
        tags.append(language_tag(language))
    else:
        tags.append(SITEMAP_TAG)
    page_id = getattr(request, "_page_cache_page_id", None)
    if page_id is not None:
        tags.append(page_tag(page_id))
    return tags


def remember_page(request, page) -> None:
    """Called before Wagtail serves a page (caching.wagtail_hooks): tag the response with it.

    The page's current version is read now, before its content is rendered, so that a
    publish committed while the page renders leaves the stored response invalid.
    """
    if getattr(request, "_page_cache_versions", None) is None:
        return
    request._page_cache_page_id = page.pk
    tag = page_tag(page.pk)
    request._page_cache_versions[tag] = _safe(lambda: cache().get(version_key(tag)))


def mark_cacheable(response, etag: str, last_modified: float) -> None:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS)


class PageCacheMiddleware:
    """Serve anonymous visitors from the page cache; store what they may share.

    Stands after SecurityMiddleware and WhiteNoise and before SessionMiddleware, so a hit
    costs no session, CSRF, locale or database work.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            response = self.get_response(request)
            if settings.PAGE_CACHE_ENABLED and "Cache-Control" not in response:
                # Personal or uncacheable: keep shared caches from storing it.
                patch_cache_control(response, private=True)
            return response

        key = response_key(request.path, request.META.get("QUERY_STRING", ""))
        language = language_of(request.path_info)
        start_tags = [SITE_TAG, language_tag(language) if language else SITEMAP_TAG]
        found = _safe(lambda: cache().get_many([key] + [version_key(tag) for tag in start_tags]), {})
        entry = found.get(key)
        if entry is not None:
            response = self._from_entry(request, entry, found, start_tags)
            if response is not None:
                return response

        # Versions as they were before rendering: a concurrent invalidation wins.
        request._page_cache_versions = {tag: found.get(version_key(tag)) for tag in start_tags}
        response = self.get_response(request)
        if response_is_cacheable(request, response):
            self._store(request, key, response)
        else:
            response.headers.setdefault("X-Page-Cache", BYPASS)
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True)
        return response

    def _from_entry(self, request, entry, found, start_tags):
        versions = entry["versions"]
        missing = [version_key(tag) for tag in versions if tag not in start_tags]
        if missing:
            found = {**found, **_safe(lambda: cache().get_many(missing), {})}
        if any(found.get(version_key(tag)) != version for tag, version in versions.items()):
            return None
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response["X-Page-Cache"] = HIT
        conditional = get_conditional_response(
            request, etag=entry["etag"], last_modified=entry["last_modified"], response=response
        )
        conditional["X-Page-Cache"] = HIT
        return conditional

    def _store(self, request, key, response):
        versions = dict(request._page_cache_versions)
        for tag in tags_for(request):
            versions.setdefault(tag, None)
        content = response.content
        etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
        now = int(time.time())
        mark_cacheable(response, etag, now)
        entry = {
            "content": content,
            "status": response.status_code,
            "headers": [(name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS],
            "etag": etag,
            "last_modified": now,
            "versions": versions,
        }
        _safe(lambda: cache().set(key, entry, settings.PAGE_CACHE_SECONDS))
        response["X-Page-Cache"] = MISS


def invalidate_tags(tags) -> None:
    """Give each tag a new version: every stored response carrying one of them is dropped."""
    stamp = f"{time.time_ns()}-{id(tags)}"
    _safe(lambda: cache().set_many({version_key(tag): stamp for tag in tags}, None))
