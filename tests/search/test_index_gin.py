"""PostgreSQL: the search index's `title || body` vector has a GIN index the planner can use (issue 16, point 5)."""

import pytest
from django.db import connection

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]


def test_the_title_and_body_vector_has_a_gin_index():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'kip_indexentry_title_body_gin'")
        row = cursor.fetchone()
    assert row is not None
    assert "gin" in row[0].lower() and "(title || body)" in row[0]


def test_a_match_can_use_the_index():
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery('english'::regconfig, 'partnership')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "kip_indexentry_title_body_gin" in plan, plan
