"""Running a search: the matching pages of one language, counted per family, one page of them highlighted."""

from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.safestring import SafeString
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search.extracts import highlight_pages
from search.families import PageFamily, families_by_content_type
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
    Three SQL queries whatever the number of results: counts per family, the
    page of results, their titles and extracts.
    """
    pages = Page.objects.live().public().descendant_of(home, inclusive=True).filter(locale=locale)
    search_query = LocalizedPlainText(query.search_string, language=locale.language_code)
    by_content_type = families_by_content_type()
    counts = {
        by_content_type[content_type_id]: count
        for content_type_id, count in pages.search(search_query).facet("content_type_id").items()
        if content_type_id in by_content_type
    }
    total = sum(counts.values())
    if family is not None:
        pages = pages.filter(content_type=family.content_type)
    matching = counts.get(family, 0) if family is not None else total

    paginator = Paginator(CountedResults(pages.search(search_query), matching), per_page or RESULTS_PER_PAGE)
    past_the_end = page_number > paginator.num_pages
    page = paginator.page(paginator.num_pages if past_the_end else page_number)
    found = [result for result in page.object_list if result.content_type_id in by_content_type]
    highlighted = highlight_pages(found, query.terms, config=text_search_config(locale.language_code))
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
