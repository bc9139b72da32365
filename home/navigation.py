"""The site frame's navigation, for any language: home page, menu, language versions of a page, partners.

Plain functions of the request that the template tags (home.templatetags.navigation_tags)
and views of other apps (the search page, translator roles) share.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils.translation import get_language_info
from wagtail.models import Page, Site

from home import fragments
from home.models import ContactSettings, Partner
from home.models.i18n import OWN_LANGUAGE_CONTENT, active_language_code
from home.reachable import reachable

LANGUAGE_ORDER = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class Alternate:
    """One language version of a page: BCP 47 code, name in that language, URLs.

    `url` is absolute, from the Wagtail Site's host name (canonical and
    hreflang links); `path` is the same address relative to this site, for
    links a visitor follows (the language switcher), so they work on any host
    and port the site is served from.
    """

    language_code: str
    name_local: str
    url: str
    is_current: bool
    path: str


def language_name_local(code: str) -> str:
    """The language's name in itself, capitalised: "fr" gives "Français"."""
    name = get_language_info(code)["name_local"]
    return name[:1].upper() + name[1:]


def localized_home(request) -> Page | None:
    """The live home page of the active language for this request's site, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    cache_name = "_keepinpact_localized_home"
    if not hasattr(request, cache_name):
        language = active_language_code()
        homes = fragments.site_homes(site)  # the site's home pages come with the request's Site
        if homes is not None:
            home = homes.get(language)
            home = home if home is not None and home.live else None
        else:
            home = (
                Page.objects.filter(translation_key=site.root_page.translation_key, locale__language_code=language)
                .live()
                .first()
            )
        setattr(request, cache_name, home)
    return getattr(request, cache_name)


def page_alternates(request, page=None, subpath: str = "") -> dict:
    """Language versions of `page` (default: the site's home pages).

    Returns {"available": [Alternate, ...] in settings.LANGUAGES order, reachable
    pages only (`home.reachable`: live, public, no draft ancestor), "unavailable":
    [(code, name_local), ...]}. One SQL query (the site root paths come with the request's Site).
    `subpath` (e.g. "3/", a routable page's sub-page) is added to each version's address.
    """
    current = active_language_code()
    if page is None or not getattr(page, "pk", None):
        subpath = ""
        site = Site.find_for_request(request)
        if site is None:
            return {"available": [], "unavailable": []}
        page = site.root_page
    # The switcher and hreflang links: per page, language, sub-page and host (URLs are the host's).
    return fragments.cached(
        "alternates",
        (page.pk, current, subpath, request._get_raw_host()),
        lambda: _page_alternates(request, page, subpath, current),
    )


def _page_alternates(request, page, subpath: str, current: str) -> dict:
    translations = reachable(page.get_translations(inclusive=True)).select_related("locale")
    by_code = {p.locale.language_code: p for p in translations}
    available, unavailable = [], []
    for code in LANGUAGE_ORDER:
        if code in by_code:
            url = by_code[code].get_full_url(request)
            if url:
                path = (by_code[code].get_url(request) or url) + subpath
                available.append(Alternate(code, language_name_local(code), url + subpath, code == current, path))
                continue
        unavailable.append((code, language_name_local(code)))
    return {"available": available, "unavailable": unavailable}


@dataclass(frozen=True)
class NavItem:
    """A main-navigation link; `current` is "page", "true" (an ancestor of the page) or ""."""

    page: Page
    current: str


def main_navigation(request, here=None) -> list[NavItem]:
    """Live, public children of the current language's home page shown in menus, `here` marked. One SQL query."""
    home = localized_home(request) if request else None
    if home is None:
        return []
    children = fragments.cached(
        "main_navigation",
        (home.pk,),
        lambda: list(home.get_children().live().public().in_menu().filter(OWN_LANGUAGE_CONTENT)),
    )
    items = []
    for child in children:
        current = ""
        if here is not None and getattr(here, "path", None):
            if here.pk == child.pk:
                current = "page"
            elif here.path.startswith(child.path):
                current = "true"
        items.append(NavItem(child, current))
    return items


def home_url(request) -> str:
    """URL of the current language's home page (`/fr/`), falling back to the language prefix."""
    home = localized_home(request) if request else None
    if home is not None:
        return home.get_url(request)
    return f"/{active_language_code()}/"


def site_partners(request) -> list[Partner]:
    """The project partners in the active language, coordinator first.

    One SQL query per request: the home page's partner strip and the footer share it.
    """
    cached = getattr(request, "_keepinpact_partners", None)
    if cached is None:
        language = active_language_code()
        cached = fragments.cached("partners", (language,), lambda: list(Partner.objects.localized()))
        if request is not None:
            request._keepinpact_partners = cached
    return cached


def footer_pages(request) -> list[Page]:
    """The footer pages of ContactSettings (legal pages, open data), in the active language.

    Each in the active language when it is reachable there, else in the language the
    setting names; one that is not reachable at all is left out. A shared fragment per
    site and language (home.fragments), kept on the request.
    """
    cached = getattr(request, "_keepinpact_footer_pages", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    pages = []
    if site is not None:
        language = active_language_code()
        pages = fragments.cached("footer_pages", (site.pk, language), lambda: _footer_pages(request, language))
    if request is not None:
        request._keepinpact_footer_pages = pages
    return pages


def _footer_pages(request, current: str) -> list[Page]:
    chosen = ContactSettings.for_request(request).footer_page_ids
    if not chosen:
        return []
    # One query: every translation of the chosen pages, each marked whether a visitor can reach it.
    translations = list(
        Page.objects.filter(translation_key__in=Page.objects.filter(pk__in=chosen).values("translation_key"))
        .annotate(is_reachable=Exists(reachable(Page.objects.filter(pk=OuterRef("pk")))))
        .select_related("locale")
        .order_by("path")
    )
    key_of = {page.pk: page.translation_key for page in translations if page.pk in chosen}
    by_key = {}
    for page in (page for page in translations if page.is_reachable):
        if page.locale.language_code == current or (page.pk in chosen and page.translation_key not in by_key):
            by_key[page.translation_key] = page
    return [by_key[key_of[pk]] for pk in chosen if pk in key_of and key_of[pk] in by_key]
