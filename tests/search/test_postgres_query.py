"""PostgreSQL's one-query search (search/postgres_query.py) against modelsearch's backend, which it replaces.

The search page must find, count, order and paginate exactly as through
`pages.search(...)` and `.facet(...)`, in fewer queries that do not grow with
the matches, and its match must be able to use the GIN index of search/migrations/0001.
"""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from search.families import page_families
from search.postgres_query import ranked_page, ranked_page_query
from search.query import parse_query
from search.results import find_pages, text_search_config
from search.text_search import LocalizedPlainText
from tests.search.conftest import make_page, on_postgresql

pytestmark = [pytest.mark.django_db, on_postgresql]


def backend_results(home, words, family=None):
    """(ids best first, {content type id: count}) through modelsearch's backend, as search/results.py did."""
    pages = Page.objects.live().public().descendant_of(home, inclusive=True).filter(locale=home.locale)
    query = LocalizedPlainText(words, language=home.locale.language_code)
    counts = dict(pages.search(query).facet("content_type_id"))
    if family is not None:
        pages = pages.filter(content_type=family.content_type)
    return [page.pk for page in pages.search(query)], counts


def one_query_results(home, words, family=None, offset=0, limit=1000):
    pages = Page.objects.live().public().descendant_of(home, inclusive=True).filter(locale=home.locale)
    ranked = ranked_page(
        pages,
        text_search_config(home.locale.language_code),
        parse_query(words).terms,
        family.content_type.pk if family is not None else None,
        offset,
        limit,
    )
    return [page.pk for page in ranked.pages], ranked.counts


@pytest.fixture
def lynx_pages(home_pages):
    """English pages about lynxes: some in the title (weighted), some in the body, one of each word apart."""
    home = home_pages["en"]
    make_page(home, "Lynx", "A short page.")
    make_page(home, "Lynx partnerships in guidance", "The lynx partnership charter.")
    for number in range(12):
        make_page(home, f"Guidance note {number}", "Lynx " * (number % 4 + 1) + f"sighted in region {number}.")
    make_page(home, "Partnerships", "A lynx, once, in the body.")  # one word in the title, the other in the body
    make_page(home_pages["fr"], "Lynx en français", "Le lynx des services d'orientation.")
    return home


def test_the_same_pages_in_the_same_order_and_counts_as_the_backend(lynx_pages):
    for words in ["lynx", "lynxes partnership", "lynx sighted region", "zebra"]:
        assert one_query_results(lynx_pages, words) == backend_results(lynx_pages, words), words


def test_a_family_filter_ranks_that_family_and_keeps_every_familys_count(lynx_pages):
    standard = page_families()["home.standardpage"]
    other = next(family for family in page_families().values() if family is not standard)
    assert one_query_results(lynx_pages, "lynx", standard) == backend_results(lynx_pages, "lynx", standard)
    ids, counts = one_query_results(lynx_pages, "lynx", other)
    assert ids == [] and counts == backend_results(lynx_pages, "lynx")[1]  # counts even with no row shown


def test_pages_of_results_and_a_page_past_the_end(lynx_pages):
    everything, _counts = backend_results(lynx_pages, "lynx")
    assert len(everything) == 15
    assert one_query_results(lynx_pages, "lynx", offset=10, limit=5)[0] == everything[10:15]
    assert one_query_results(lynx_pages, "lynx", offset=10**10, limit=4)[0] == everything[12:]  # the last page
    request = RequestFactory().get("/en/search/")
    with translation.override("en"):
        results = find_pages(request, lynx_pages, lynx_pages.locale, parse_query("lynx"), page_number=99, per_page=4)
    assert results.past_the_end and results.page.number == 4
    assert [hit.page.pk for hit in results.hits] == everything[12:]


def test_two_queries_for_3_or_30_matches(home_pages, count_queries):
    for number in range(3):
        make_page(home_pages["it"], f"Ocelot {number}", "Un ocelot.")
    for number in range(30):
        make_page(home_pages["it"], f"Margay {number}", "Un margay.")
    request = RequestFactory().get("/it/search/")
    home = home_pages["it"]

    def run(words):
        with translation.override("it"):
            return find_pages(request, home, home.locale, parse_query(words))

    run("ocelot")  # warm per-process caches (content types, site root paths)
    few, with_3 = count_queries(lambda: run("ocelot"))
    many, with_30 = count_queries(lambda: run("margay"))
    assert (few.total, many.total) == (3, 30)
    # The view restrictions (Wagtail's .public()), counts with the ranked page, extracts.
    assert with_3 == with_30 == 3, (with_3, with_30)


def test_the_match_can_use_the_gin_index(lynx_pages):
    pages = Page.objects.live().public().descendant_of(lynx_pages, inclusive=True).filter(locale=lynx_pages.locale)
    sql, params = ranked_page_query(pages, "english", ["lynx"], None, 0, 10)
    with connection.cursor() as cursor:
        # With the statistics of a real index (ANALYZE) and no sequential scan, which a few test pages would favour.
        cursor.execute("ANALYZE wagtailsearch_indexentry")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_indexentry_search_vector_gin" in plan, plan


def test_ranking_reads_the_vectors_from_the_row(db):
    # search/migrations/0002: out of the row (TOAST), ranking a frequent word took 3x longer.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = 'wagtailsearch_indexentry'::regclass"
            " AND attname IN ('title', 'body') ORDER BY attname"
        )
        assert cursor.fetchall() == [("body", "m"), ("title", "m")]


def test_index_rows_of_other_models_with_text_keys_do_not_break_the_search(lynx_pages):
    # object_id is text for any model's key: a non-numeric one matching the word is skipped, not cast.
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title, autocomplete, body, title_norm,"
            " title_text, body_text) SELECT id, 'lynx-uuid', to_tsvector('english', 'lynx'), '', '', 1, 'lynx', ''"
            " FROM django_content_type WHERE app_label = 'contenttypes' AND model = 'contenttype'"
        )
    assert one_query_results(lynx_pages, "lynx") == backend_results(lynx_pages, "lynx")
