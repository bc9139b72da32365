"""Links from guide content to other pages, in the reader's language.

Chooser values do not always point to the reader's language: wagtail-localize
maps a chosen snippet to its translation, but keeps a chosen *page* as it is
(the French chapter points to the English case study until a translator
overrides it). These helpers find the version to show, in bulk, and cache
per-request lookups on the request so a page pays for each once. Links to
competences are in guide.competence_links.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import translation
from wagtail.models import Locale, Page


def per_request(request, name, compute):
    """`compute()` once per request (every time when there is no request)."""
    if request is None:
        return compute()
    attribute = f"_guide_{name}"
    if not hasattr(request, attribute):
        setattr(request, attribute, compute())
    return getattr(request, attribute)


def active_locale(request=None) -> Locale:
    """The Locale of the active language (`Locale.get_active()` queries each time; this once per request)."""
    return per_request(request, f"locale_{translation.get_language()}", Locale.get_active)


@dataclass(frozen=True)
class ResolvedPage:
    """What a page chooser leads the reader to.

    `page` is the specific page to link to (None when it is left out), `chosen` the
    chosen page (None when deleted), `in_other_language` True when the page is not
    translated into the reader's language and the chosen language's version is shown.
    `reason` says why a chosen page is left out: "deleted", "unpublished" or "private".
    """

    page: Page | None
    chosen: Page | None
    in_other_language: bool = False
    reason: str = ""


def resolve_pages(chosen_pages, locale: Locale | None = None, request=None) -> dict:
    """Map each chosen page's id to a ResolvedPage, in `locale` (default: the active one).

    The reader gets the chosen page's translation in `locale` when it is live and
    public, else the chosen page itself when it is live and public, else nothing.
    `chosen_pages` may contain None (a deleted page) and pages of any locale.
    Returns {page id: ResolvedPage}; two SQL queries plus one per page type,
    whatever the number of pages.
    """
    locale = locale or active_locale(request)
    chosen = {page.pk: page for page in chosen_pages if page is not None}
    if not chosen:
        return {}
    keys = {page.translation_key for page in chosen.values()}
    condition = Q(locale=locale) | Q(pk__in=list(chosen))
    visible = {
        page.pk: page
        for page in Page.objects.filter(translation_key__in=keys)
        .filter(condition)
        .live()
        .public()
        .defer_streamfields()
        .specific()
    }
    translated = {page.translation_key: page for page in visible.values() if page.locale_id == locale.pk}
    resolved = {}
    for pk, page in chosen.items():
        if page.translation_key in translated:
            resolved[pk] = ResolvedPage(page=translated[page.translation_key], chosen=page)
        elif pk in visible:
            resolved[pk] = ResolvedPage(page=visible[pk], chosen=page, in_other_language=True)
        else:
            reason = "unpublished" if not page.live else "private"
            resolved[pk] = ResolvedPage(page=None, chosen=page, reason=reason)
    return resolved
