"""PostgreSQL: counts per family and one ranked page of results in one SQL query, through a GIN index.

Why not the backend's API (`pages.search(...)` and `.facet(...)`): modelsearch
1.3 matches `title || body @@ query`, which no index answers (the stored
`search_vector` column of search/migrations/0001 does), and the search page
then asks twice, once for the counts per family and once for the page of
results, each concatenating the vectors of every index row, the second ranking
every match.
Here the match runs once (a materialized CTE of ids and ranks), the counts are
grouped from it, and the rows of the family shown are sorted with LIMIT/OFFSET in
SQL; the page's Page rows come in the same query.

The match, the ranking and the order are modelsearch's own, so results are the
same as through the backend: the same tsquery (each word a quoted lexeme,
AND-ed, parsed with the language's configuration), `ts_rank` with
modelsearch's weights on the title (times `title_norm`) plus the body, best
first, ties by page id, highest first. SQLite keeps the backend's path
(search/results.py). This module can go when modelsearch matches on an indexed
vector and facets without re-ranking.
"""

import json
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection
from modelsearch.backends.database.postgres.weights import get_sql_weights
from modelsearch.conf import get_app_config
from wagtail.models import Page

# `found`: the index rows holding every word, through the GIN index on
# `search_vector`, ranked while the bitmap heap scan has each row in hand (looking
# them up again by id to rank only one family's rows cost more: 4,300 index scans for
# a frequent word). Materialized, so the planner cannot turn the join below into a
# nested loop over the language's pages that reads every page's vector (3x slower
# for frequent words). `object_id` is text (any model's key): compared as a number,
# so that a page is found by its primary key.
# `matches`: those of the pages asked for (live, public, in the language); the page of
# the family shown is sorted with LIMIT/OFFSET. The outer LEFT JOIN returns the counts
# even when the page of results is empty.
SQL = """
WITH found AS MATERIALIZED (
    SELECT entry.content_type_id,
        CASE WHEN entry.object_id ~ '^[0-9]{{1,18}}$' THEN entry.object_id::bigint END AS object_id,
        ts_rank(%s::float4[], entry.title, to_tsquery(%s::regconfig, %s)) * entry.title_norm
        + ts_rank(%s::float4[], entry.body, to_tsquery(%s::regconfig, %s)) AS search_rank
    FROM {entries} entry
    WHERE entry.search_vector @@ to_tsquery(%s::regconfig, %s)
),
matches AS MATERIALIZED (
    SELECT page.id AS page_id, page.content_type_id, found.search_rank
    FROM found
    JOIN ({pages}) page ON page.id = found.object_id AND page.content_type_id = found.content_type_id
),
shown AS (
    SELECT * FROM matches WHERE %s::integer IS NULL OR content_type_id = %s::integer
),
ranked AS (
    SELECT shown.page_id, shown.search_rank FROM shown
    ORDER BY search_rank DESC, shown.page_id DESC
    LIMIT %s
    OFFSET (SELECT LEAST(%s, GREATEST((count(*) - 1) / %s * %s, 0)) FROM shown)
)
SELECT counts.search_counts, shown_pages.*
FROM (
    SELECT json_object_agg(content_type_id, total) AS search_counts
    FROM (SELECT content_type_id, count(*) AS total FROM matches GROUP BY content_type_id) AS families
) AS counts
LEFT JOIN (
    SELECT page.*, ranked.search_rank
    FROM ranked JOIN {page_table} page ON page.id = ranked.page_id
) AS shown_pages ON true
ORDER BY shown_pages.search_rank DESC, shown_pages.id DESC
"""


@dataclass(frozen=True)
class RankedPage:
    pages: list[Page]  # the page of results, best first (Page instances, not specific)
    counts: dict[int, int]  # matches per content type id, ignoring the family filter


def tsquery_text(terms) -> str:
    """modelsearch's raw tsquery for a plain-text query: each word a quoted lexeme, AND-ed."""
    return " & ".join("'{}'".format(term.replace("'", "''").replace("\\", "\\\\")) for term in terms)


def ranked_page_query(pages, config: str, terms, content_type_id: int | None, offset: int, limit: int):
    """SQL and parameters of `ranked_page` (raises EmptyResultSet when `pages` can hold nothing)."""
    pages_sql, pages_params = pages.order_by().values("id", "content_type_id").query.sql_with_params()
    quote = connection.ops.quote_name
    sql = SQL.format(
        entries=quote(get_app_config().get_model("IndexEntry")._meta.db_table),
        pages=pages_sql,
        page_table=quote(Page._meta.db_table),
    )
    tsquery = tsquery_text(terms)
    weights = get_sql_weights()
    rank = [weights, config, tsquery, weights, config, tsquery]
    shown = [content_type_id, content_type_id, limit, offset, limit, limit]
    return sql, [*rank, config, tsquery, *pages_params, *shown]


def ranked_page(pages, config: str, terms, content_type_id: int | None, offset: int, limit: int) -> RankedPage:
    """One page of `pages` (a Page queryset) matching every word of `terms`, and the counts per content type.

    `config` is the query's text-search configuration, `content_type_id` the
    family shown (None: all); an `offset` past the last match gives the last
    page. One SQL query.
    """
    try:
        sql, params = ranked_page_query(pages, config, terms, content_type_id, offset, limit)
    except EmptyResultSet:  # e.g. pages.none()
        return RankedPage([], {})
    # raw() applies the fields' converters; a row without a page (LEFT JOIN) carries the counts only.
    rows = list(Page.objects.raw(sql, params))
    raw_counts = rows[0].search_counts if rows else None
    if isinstance(raw_counts, str):
        raw_counts = json.loads(raw_counts)
    counts = {int(key): value for key, value in (raw_counts or {}).items()}
    return RankedPage([row for row in rows if row.pk is not None], counts)
