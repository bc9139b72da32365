"""Running a search: the matching pages of one language, counted per family, one page of them highlighted."""

from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connection
from django.utils.safestring import SafeString
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search.extracts import highlight_pages
from search.families import PageFamily, families_by_content_type
from search.postgres_query import ranked_page
from search.query import SearchQuery
from search.text_search import LocalizedPlainText

RESULTS_PER_PAGE = 10


@dataclass(frozen=True)
class Hit:
    """One result as the template shows it: the page, its family, addresses, highlighted title and extract."""

    page: Page
    family: PageFamily
    url: str
    full_url: str
    title: SafeString
    extract: SafeString


@dataclass(frozen=True)
class Results:
    hits: list[Hit]
    counts: dict[PageFamily, int]  # matches per family, ignoring the family filter
    total: int  # matches of every family
    matching: int  # matches of the chosen family (or total)
    page: PaginatorPage
    past_the_end: bool  # the requested page was past the last one; `page` is the last one


class CountedResults:
    """Search results whose total is already known, so the Paginator runs no second COUNT query."""

    def __init__(self, results, count: int):
        self.results = results
        self._count = count

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, key):
        return self.results[key]


class FetchedPage:
    """The page of results already fetched (PostgreSQL): whatever slice the Paginator asks for."""

    def __init__(self, pages: list[Page]):
        self.pages = pages

    def __getitem__(self, key):
        return self.pages


def text_search_config(language_code: str) -> str | None:
    """The PostgreSQL text-search configuration the backend uses for `language_code` (None on other databases)."""
    backend = get_search_backend()
    return backend.config_for_language(language_code) if hasattr(backend, "config_for_language") else None


def find_pages(
    request,
    home: Page,
    locale: Locale,
    query: SearchQuery,
    family: PageFamily | None = None,
    page_number: int = 1,
    per_page: int | None = None,
) -> Results:
    """Live, public pages under `home` in `locale` holding every word of `query`, best first.

    `family` narrows the results (the counts per family ignore it); `page_number`
    (from 1) past the last page gives the last page. `query` must have terms.
    SQL queries whatever the number of results: on PostgreSQL two, the
    counts per family with the ranked page of results (search/postgres_query.py),
    then their titles and extracts; elsewhere three (the counts, the page, the
    extracts), through the search backend.
    """
    pages = Page.objects.live().public().descendant_of(home, inclusive=True).filter(locale=locale)
    by_content_type = families_by_content_type()
    per_page = per_page or RESULTS_PER_PAGE
    config = text_search_config(locale.language_code)
    if config is not None and connection.vendor == "postgresql":
        # One query for the counts and the ranked page, through the GIN index (search/postgres_query.py).
        ranked = ranked_page(
            pages,
            config,
            query.terms,
            family.content_type.pk if family is not None else None,
            (max(page_number, 1) - 1) * per_page,
            per_page,
        )
        all_counts, object_list = ranked.counts.items(), FetchedPage(ranked.pages)
    else:
        search_query = LocalizedPlainText(query.search_string, language=locale.language_code)
        all_counts = pages.search(search_query).facet("content_type_id").items()
        if family is not None:
            pages = pages.filter(content_type=family.content_type)
        object_list = pages.search(search_query)
    counts = {
        by_content_type[content_type_id]: count
        for content_type_id, count in all_counts
        if content_type_id in by_content_type
    }
    total = sum(counts.values())
    matching = counts.get(family, 0) if family is not None else total

    paginator = Paginator(CountedResults(object_list, matching), per_page)
    past_the_end = page_number > paginator.num_pages
    page = paginator.page(paginator.num_pages if past_the_end else page_number)
    found = [result for result in page.object_list if result.content_type_id in by_content_type]
    highlighted = highlight_pages(found, query.terms, config=config)
    hits = [
        Hit(
            page=result,
            family=by_content_type[result.content_type_id],
            url=result.get_url(request),
            full_url=result.get_full_url(request),
            title=highlighted[result.pk].title,
            extract=highlighted[result.pk].extract,
        )
        for result in found
    ]
    return Results(hits, counts, total, matching, page, past_the_end)
