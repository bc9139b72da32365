"""The page "chrome" computed once per request and per language, and the shared fragments' cache.

Every public page shows the same frame: the main navigation, the language
switcher, the footer's partners and contact settings. Building it used to cost
about fourteen SQL queries per page (the Wagtail Site, the active Locale two or
three times, a PageViewRestriction query for each `.public()`, the localized
home page, the menu, the partners, two site settings). This module makes it:

- **once per request**: `ChromeMiddleware` opens a request scope (a context
  variable) in which the Locale table, the view restrictions and the Site are
  looked up once, whoever asks (Wagtail's routing, `.public()`, the templates);
  the Site comes with its home page in every language, Wagtail's site root
  paths and the site settings (`SiteChrome`: two queries instead of eight);
- **once per language, across requests and app servers**: those lookups and the
  fragments every page shares (`cached()`: navigation, language switcher,
  partner list, home sections, site settings) are kept in Django's cache (Redis
  in production), under a **generation** token;
- **never stale**: `invalidate_fragments()` replaces the generation, so every
  fragment of every language is recomputed on its next use. It runs when a page
  is saved, published, unpublished, moved or deleted, when a snippet, an image, a
  document, a generated PDF, a site setting, a view restriction, a Site or a Locale
  is saved or deleted
  (`connect_signal_handlers`), and again when the transaction commits (so a
  fragment computed by a concurrent request from not-yet-committed data is not
  kept). This is the only place that invalidates fragments.

Outside a request scope (management commands, the admin, tests calling models
directly) nothing is cached: Wagtail's own behaviour applies. A cache failure
degrades to computing the value (logged), never to an error page.
"""

import contextvars
import logging
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.i18n import LocaleManager
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
    SiteRootPath,
)
from wagtail.query import PageQuerySet
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

logger = logging.getLogger(__name__)

GENERATION_KEY = "kip:fragments:generation"
TIMEOUT = 24 * 60 * 60  # a fragment lives a day at most; a new generation makes it unreachable at once
MISSING = object()

# The request scope: a dict of values computed once in this request (None outside a request).
_scope: contextvars.ContextVar[dict | None] = contextvars.ContextVar("kip_request_scope", default=None)


@contextmanager
def request_scope():
    """Look the chrome up once for everything run inside (one request)."""
    token = _scope.set({})
    try:
        yield
    finally:
        _scope.reset(token)


def in_request_scope() -> bool:
    return _scope.get() is not None


# --- The generation and the cache ----------------------------------------------


def generation() -> str:
    """The current fragments' generation (read once per request)."""
    scope = _scope.get()
    if scope is not None and "generation" in scope:
        return scope["generation"]
    try:
        value = cache.get(GENERATION_KEY)
        if value is None:
            value = uuid.uuid4().hex
            if not cache.add(GENERATION_KEY, value, timeout=None):
                value = cache.get(GENERATION_KEY) or value
    except Exception:  # a cache failure: work uncached
        logger.warning("Fragment cache unavailable: computing the page chrome uncached", exc_info=True)
        value = None
    if scope is not None:
        scope["generation"] = value
    return value


def cached(name: str, parts: tuple, compute, timeout: int = TIMEOUT, keep=None):
    """`compute()`, kept per request and in Django's cache under the current generation.

    `name` and `parts` (strings, numbers) make the key: put the language, the
    host and the page in `parts` when the value depends on them. Outside a
    request scope, `compute()` is returned as it is. `keep(value)` false: used
    in this request only, not stored.
    """
    scope = _scope.get()
    if scope is None:
        return compute()
    memo_key = (name, *parts)
    if memo_key in scope:
        return scope[memo_key]
    current = generation()
    value = MISSING
    key = None
    if current is not None:
        key = ":".join(["kip:fragment", current, name, *(str(part) for part in parts)])
        try:
            value = cache.get(key, MISSING)
        except Exception:
            logger.warning("Fragment cache read failed for %s", name, exc_info=True)
            key = None
    if value is MISSING:
        value = compute()
        if key is not None and (keep is None or keep(value)):
            try:
                cache.set(key, value, timeout)
            except Exception:
                logger.warning("Fragment cache write failed for %s", name, exc_info=True)
    scope[memo_key] = value
    return value


def invalidate_fragments(**kwargs) -> None:
    """Forget every cached fragment, in every language: now, and again when the transaction commits."""
    _new_generation()
    transaction.on_commit(_new_generation)


def _new_generation() -> None:
    scope = _scope.get()
    if scope is not None:
        scope.clear()
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:
        # Fragments then stay as they are until the cache answers again or they expire (TIMEOUT).
        logger.error("Could not invalidate the fragment cache", exc_info=True)


# --- What Wagtail looks up on every request ---------------------------------------


def all_locales() -> dict[str, Locale]:
    """{language code: Locale}: one query per generation."""
    return cached("locales", (), lambda: {locale.language_code: locale for locale in Locale.objects.all()})


def _home_locales() -> dict[str, Locale]:
    """{language code: Locale} of the request site's home pages: known without a query of their own."""
    chrome = _request_chrome()
    return {code: home.locale for code, home in chrome.homes.items()} if chrome is not None else {}


def locale_of(obj) -> Locale:
    """`obj.locale` (a page, a snippet) without a query in a request scope."""
    if in_request_scope():
        for locales in (_home_locales, all_locales):  # the Locale table only for a language without a home page
            for locale in locales().values():
                if locale.pk == obj.locale_id:
                    return locale
    return obj.locale


def view_restrictions() -> list[PageViewRestriction]:
    """Every PageViewRestriction, with its page: one query per generation."""
    return cached("restrictions", (), lambda: list(PageViewRestriction.objects.select_related("page")))


@dataclass
class SiteChrome:
    """What every page of one host needs from the Site table, in two SQL queries (`site_chrome`).

    `site`: the request's Wagtail Site (None when no site answers the host), its
    `root_page` in its specific class; `homes`: {language code: that root page's
    translation, specific}; `root_paths`: Wagtail's `Site.get_site_root_paths()`;
    `settings`: {model label: the site's BaseSiteSetting row}, those that exist.
    """

    site: Site | None
    homes: dict[str, Page] = field(default_factory=dict)
    root_paths: list = field(default_factory=list)
    settings: dict[str, BaseSiteSetting] = field(default_factory=dict)


def _setting_accessors() -> list[str]:
    """The reverse one-to-one names from Site to each site-setting model ("contactsettings", ...)."""
    return [
        rel.get_accessor_name()
        for rel in Site._meta.related_objects
        if rel.one_to_one and issubclass(rel.related_model, BaseSiteSetting)
    ]


def match_site(sites: list[Site], hostname: str, port: int) -> Site | None:
    """The site Wagtail's `get_site_for_hostname` picks among `sites` (all of them, in manager order), or None."""

    def rank(site):
        if site.hostname == hostname and site.port == port:
            return MATCH_HOSTNAME_PORT
        if site.hostname == hostname and site.is_default_site:
            return MATCH_HOSTNAME_DEFAULT
        return MATCH_DEFAULT if site.is_default_site else MATCH_HOSTNAME

    candidates = sorted((site for site in sites if site.hostname == hostname or site.is_default_site), key=rank)
    if not candidates:
        return None
    if len(candidates) == 1 or rank(candidates[0]) in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return candidates[0]
    if rank(candidates[0]) == MATCH_DEFAULT:
        return candidates[len(candidates) == 2]
    return None


def _site_chrome(hostname: str, port: int) -> SiteChrome:
    accessors = _setting_accessors()
    # Every site (a handful of rows) with its root page and settings; Wagtail's lookups need three queries for this.
    sites = list(Site.objects.select_related("root_page", "root_page__locale", *accessors))
    site = match_site(sites, hostname, port)
    if site is None:
        return SiteChrome(None)
    # The root page's translations in its specific class: routing (`.localized`) and the language homes.
    root_class = site.root_page.specific_class or Page
    homes = {
        home.locale.language_code: home
        for home in root_class.objects.filter(translation_key=site.root_page.translation_key).select_related("locale")
    }
    site.root_page = homes.get(site.root_page.locale.language_code) or site.root_page.specific
    translations = {site.root_page.translation_key: list(homes.values())}
    others = [other for other in sites if other.root_page.translation_key not in translations]
    if others:
        for page in Page.objects.filter(
            translation_key__in={other.root_page.translation_key for other in others}
        ).select_related("locale"):
            translations.setdefault(page.translation_key, []).append(page)
    # As Site.get_site_root_paths orders them: most specific path first.
    ordered = sorted(sites, key=lambda other: other.hostname)
    ordered = sorted(ordered, key=lambda other: other.is_default_site, reverse=True)
    ordered = sorted(ordered, key=lambda other: other.root_page.url_path, reverse=True)
    root_paths = [
        SiteRootPath(other.id, root.url_path, other.root_url, root.locale.language_code)
        for other in ordered
        for root in sorted(translations.get(other.root_page.translation_key, []), key=lambda page: page.path)
    ]
    chrome_settings = {}
    for accessor in accessors:
        try:
            setting = getattr(site, accessor)
        except ObjectDoesNotExist:  # for_site creates it, outside the chrome
            continue
        chrome_settings[setting._meta.label_lower] = setting
    return SiteChrome(site, homes, root_paths, chrome_settings)


def site_chrome(request) -> SiteChrome:
    """The request host's SiteChrome, one entry per host and generation (home.fragments.cached)."""
    # As Wagtail does: the raw host, so that an unknown host falls back to the default site.
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    return cached("site", (hostname, port), lambda: _site_chrome(hostname, port))


def site_for_request(request) -> Site | None:
    """The request's Wagtail Site (with its root page in its specific class), from `site_chrome`."""
    chrome = site_chrome(request)
    scope = _scope.get()
    if scope is not None:
        scope["chrome"] = chrome
    return chrome.site


def _request_chrome(site=None) -> SiteChrome | None:
    """The SiteChrome of this request (set by ChromeMiddleware), if it is `site`'s; None outside a request."""
    scope = _scope.get()
    chrome = scope.get("chrome") if scope is not None else None
    if chrome is None or chrome.site is None or (site is not None and site.pk != chrome.site.pk):
        return None
    return chrome


def localized_root(page):
    """`page.localized` for the request site's root page without a query, else None (not the root, no request).

    Same rules as Wagtail's `TranslatableMixin.localized`: the translation in the active
    language if there is one and it is live, else `page` itself.
    """
    chrome = _request_chrome()
    if chrome is None or page.translation_key != chrome.site.root_page.translation_key:
        return None
    try:
        locale = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return page
    if locale.pk == page.locale_id:
        return page
    translation = chrome.homes.get(locale.language_code)
    return translation if translation is not None and translation.live else page


def site_homes(site) -> dict[str, Page] | None:
    """{language code: `site`'s root page in that language} from the request's SiteChrome, or None."""
    chrome = _request_chrome(site)
    return chrome.homes if chrome is not None else None


_original_get_for_language = LocaleManager.get_for_language
_original_private_q = PageQuerySet.private_q
_original_get_view_restrictions = Page.get_view_restrictions
_original_for_site = BaseSiteSetting.for_site.__func__
_original_get_site_root_paths = Site.get_site_root_paths


def _get_for_language(self, language_code):
    if not in_request_scope():
        return _original_get_for_language(self, language_code)
    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        code = language_code
    # A language with a home page needs no query; any other reads the Locale table (once per generation).
    locale = _home_locales().get(code) or all_locales().get(code)
    if locale is None:
        raise Locale.DoesNotExist(f"No locale for {language_code!r}")
    return locale


def _private_q(self):
    if not in_request_scope():
        return _original_private_q(self)
    q = None
    for restriction in view_restrictions():
        page_q = self.descendant_of_q(restriction.page, inclusive=True)
        q = page_q if q is None else q | page_q
    return q if q is not None else Q(pk__in=[])


def _get_view_restrictions(self):
    # Without any restriction on the site (the usual case) no page has one: no query.
    if in_request_scope() and not view_restrictions():
        return PageViewRestriction.objects.none()
    return _original_get_view_restrictions(self)


def _for_site(cls, site):
    if not in_request_scope() or site is None:
        return _original_for_site(cls, site)
    chrome = _request_chrome(site)
    if chrome is not None and cls._meta.label_lower in chrome.settings:
        return chrome.settings[cls._meta.label_lower]
    return cached(f"setting:{cls._meta.label_lower}", (site.pk,), lambda: _original_for_site(cls, site))


def _get_site_root_paths():
    chrome = _request_chrome()
    return chrome.root_paths if chrome is not None else _original_get_site_root_paths()


def install() -> None:
    """Route Wagtail's per-request lookups through the request scope (called once, from HomeConfig.ready)."""
    LocaleManager.get_for_language = _get_for_language
    PageQuerySet.private_q = _private_q
    Page.get_view_restrictions = _get_view_restrictions
    BaseSiteSetting.for_site = classmethod(_for_site)
    Site.get_site_root_paths = staticmethod(_get_site_root_paths)
    connect_signal_handlers()


class ChromeMiddleware:
    """Opens the request scope for public pages and gives Wagtail the cached Site.

    Place it after the LocaleMiddleware. The admin is left alone (editors always
    see the database as it is).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/admin/"):
            return self.get_response(request)
        with request_scope():
            try:
                request._wagtail_site = site_for_request(request)
            except Exception:
                logger.warning("Could not look up the Site from the cache", exc_info=True)
            return self.get_response(request)


# --- Invalidation ---------------------------------------------------------------

INVALIDATING_MODELS = (Page, PageViewRestriction, Site, Locale, BaseSiteSetting)
# Shown in a page's content (its cached content fragment): the generated PDFs' download links.
INVALIDATING_LABELS = {"publications.GeneratedPDF"}


def _shown_on_pages(sender) -> bool:
    return (
        issubclass(sender, INVALIDATING_MODELS)
        or sender in get_snippet_models()
        or sender in (get_image_model(), get_document_model())
        or sender._meta.label in INVALIDATING_LABELS
    )


def on_model_changed(sender, raw=False, **kwargs):
    if not raw and _shown_on_pages(sender):
        invalidate_fragments()


def connect_signal_handlers() -> None:
    """Invalidate the fragments whenever something they show changes (the only place that does)."""
    page_published.connect(invalidate_fragments, dispatch_uid="fragments.page_published")
    page_unpublished.connect(invalidate_fragments, dispatch_uid="fragments.page_unpublished")
    post_page_move.connect(invalidate_fragments, dispatch_uid="fragments.post_page_move")
    post_save.connect(on_model_changed, dispatch_uid="fragments.post_save")
    post_delete.connect(on_model_changed, dispatch_uid="fragments.post_delete")
