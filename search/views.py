"""The search page: `/<language>/search/?q=<words>&type=<page family>&page=<n>`."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from home.navigation import Alternate, language_name_local, localized_home
from search.families import PageFamily, page_families
from search.query import MAX_QUERY_LENGTH, InvalidSearch, SearchQuery, parse_page_number, parse_query
from search.results import RESULTS_PER_PAGE, find_pages


@dataclass(frozen=True)
class FamilyFilter:
    family: PageFamily | None  # None: every family
    count: int
    url: str
    is_current: bool


def search_url(query: str, family: PageFamily | None = None, page: int | None = None, language: str | None = None):
    """The search page's URL with these parameters (in `language`, default: the active one)."""
    params = {"q": query}
    if family is not None:
        params["type"] = family.identifier
    if page is not None and page > 1:
        params["page"] = page
    with translation.override(language or translation.get_language()):
        return f"{reverse('search')}?{urlencode(params)}"


def language_alternates(request, query: str, family: PageFamily | None) -> dict:
    """The language switcher's links: this search in every language whose home page is live. One SQL query."""
    site = Site.find_for_request(request)
    current = translation.get_language()
    live_codes = set()
    if site is not None:
        live_codes = set(
            site.root_page.get_translations(inclusive=True)
            .live()
            .public()
            .values_list("locale__language_code", flat=True)
        )
    available, unavailable = [], []
    for code, _name in settings.LANGUAGES:
        if code in live_codes:
            path = search_url(query, family, language=code)
            url = request.build_absolute_uri(path)
            available.append(Alternate(code, language_name_local(code), url, code == current, path))
        else:
            unavailable.append((code, language_name_local(code)))
    return {"available": available, "unavailable": unavailable}


def search(request):
    """Live, public pages of the active language matching the visitor's words.

    GET parameters: `q` (at most MAX_QUERY_LENGTH characters), `type` (a page
    family identifier, optional), `page` (1, 2, ...). Answers 400 with the
    reason for an over-long query, an unknown family or a page that is not a
    number; 404 when the language has no live home page; 200 otherwise (a page
    past the last one shows the last one).
    """
    home = localized_home(request)
    if home is None:
        raise Http404
    locale = Locale.get_active()
    families = page_families()
    errors = []

    try:
        query = parse_query(request.GET.get("q"))
    except InvalidSearch as error:
        errors.append(str(error))
        query = SearchQuery(text=request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH], terms=())

    family = None
    family_id = request.GET.get("type", "")
    if family_id:
        family = families.get(family_id)
        if family is None:
            errors.append(_("“%(type)s” is not a type of page on this site.") % {"type": family_id[:60]})

    try:
        page_number = parse_page_number(request.GET.get("page"))
    except InvalidSearch as error:
        errors.append(str(error))
        page_number = 1

    context = {
        "query": query,
        "family": family,
        "errors": errors,
        "max_query_length": MAX_QUERY_LENGTH,
        "language_alternates": language_alternates(request, query.text, family),
        "all_families_url": search_url(query.text),
    }
    if errors:
        return render(request, "search/search.html", context, status=400)
    if not query.terms:
        # Nothing to look for (empty, whitespace, or only punctuation): say so, query nothing.
        return render(request, "search/search.html", context)

    results = find_pages(request, home, locale, query, family, page_number, per_page=RESULTS_PER_PAGE)
    total, counts, results_page = results.total, results.counts, results.page
    filters = [FamilyFilter(None, total, search_url(query.text), family is None)] + [
        FamilyFilter(item, counts[item], search_url(query.text, item), item == family)
        for item in sorted(counts, key=lambda item: item.plural_label.casefold())
    ]
    if family is not None and family not in counts:
        filters.append(FamilyFilter(family, 0, search_url(query.text, family), True))

    context.update(
        {
            "hits": results.hits,
            "total": total,
            "matching": results.matching,
            "filters": filters,
            "results_page": results_page,
            "past_the_end": results.past_the_end,
            "requested_page": page_number,
            "page_links": [
                (number, search_url(query.text, family, number) if isinstance(number, int) else None)
                for number in results_page.paginator.get_elided_page_range(
                    results_page.number, on_each_side=2, on_ends=1
                )
            ],
            "previous_url": search_url(query.text, family, results_page.previous_page_number())
            if results_page.has_previous()
            else None,
            "next_url": search_url(query.text, family, results_page.next_page_number())
            if results_page.has_next()
            else None,
        }
    )
    return render(request, "search/search.html", context)
