"""A GIN index on the search index's `title || body` vector (PostgreSQL only).

modelsearch's PostgreSQL backend matches `("title" || "body") @@ tsquery`: an
expression no index covered, so every search read every index entry of the
site (about 50 ms at 5,000 pages per language even for a word no page holds).
With this expression index the planner finds the matching entries directly
(bench/search_bench.py, issue 16). Other databases are left alone.
"""

from django.db import migrations

INDEX = "kip_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
