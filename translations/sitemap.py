"""The sitemap: every reachable page of every language, with hreflang alternates.

Wagtail's own sitemap lists the pages under the site's root page only, that
is one language. This one lists the pages under every translation of the
site's root page that a visitor can reach (`home.reachable`: live, public, no
draft ancestor such as a language's draft home page, no alias of a page in
another language, which the site answers with a 404), and gives each URL
`xhtml:link rel="alternate"` entries for the live versions of the same page in
every language, plus `x-default` (the default language's version, else the
first in settings.LANGUAGES order).

Three SQL queries (site, pages, locales) plus one per page type, whatever the
number of pages.
"""

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from home.reachable import reachable

LANGUAGE_ORDER = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}


def servable_pages(site):
    """Reachable pages (`home.reachable`) under any translation of `site`'s root page."""
    roots = Page.objects.filter(translation_key=site.root_page.translation_key).values_list("path", flat=True)
    under_a_root = Q()
    for path in roots:
        under_a_root |= Q(path__startswith=path)
    return reachable(Page.objects.filter(under_a_root)).order_by("path")


class MultilingualSitemap(Sitemap):
    def items(self):
        return servable_pages(self.get_wagtail_site()).defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        # The alternates come from every listed page (not only this sitemap page's).
        versions: dict = {}
        for item in self.items() if self.paginator.num_pages > 1 else pages:
            url = item.get_full_url(self.request)
            if url:
                versions.setdefault(item.translation_key, {})[codes[item.locale_id]] = url
        urls, last_mods = [], set()
        for item in pages:
            page_versions = versions.get(item.translation_key, {})
            page_url = item.get_full_url(self.request)
            for url_info in item.get_sitemap_urls(self.request):
                location = url_info.get("location") or ""
                if location.startswith(page_url):
                    # The page itself, or one of its routes (RoutablePageMixin, e.g. a
                    # competence at <framework>/3/): routes keep their path in every language.
                    suffix = location[len(page_url) :]
                    routed = {code: url + suffix for code, url in page_versions.items()}
                    url_info = {**url_info, "alternates": _alternates(routed)}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def _alternates(by_code: dict[str, str]) -> list[dict]:
    """[{"lang_code": "en", "location": url}, ..., {"lang_code": "x-default", ...}] in LANGUAGES order."""
    ordered = sorted(by_code.items(), key=lambda item: LANGUAGE_ORDER.get(item[0], len(LANGUAGE_ORDER)))
    alternates = [{"lang_code": code, "location": url} for code, url in ordered]
    if ordered:
        default = by_code.get(settings.LANGUAGE_CODE) or ordered[0][1]
        alternates.append({"lang_code": "x-default", "location": default})
    return alternates
