"""PostgreSQL: the title and body vectors that ranking reads kept in the row (storage MAIN), lz4-compressed.

Ranking a frequent word reads the body vector of every match (4,300 rows at 5,000 pages per
language). Most body vectors are 1-4 KB, so PostgreSQL moved them out of the row into the
TOAST table, and each read became an index lookup there: 13 ms of `ts_rank` per search,
4-5 ms once the vectors are in the row. lz4 decompresses several times faster than pglz, for
the vectors that still need compressing; a server built without lz4 keeps pglz.

The UPDATE rewrites the existing vectors (unchanged, `|| ''`) so that they move. Like 0001, a big
migration on a large index, to run without the request timeouts (README, "Failures").
It can go with 0001, when modelsearch ranks from an indexed vector.
"""

from django.db import migrations

from search.migration_operations import PostgresOnlySQL

TABLE = "wagtailsearch_indexentry"
COLUMNS = ("title", "body")

LZ4 = f"""
DO $$ BEGIN
    ALTER TABLE {TABLE} {", ".join(f"ALTER COLUMN {column} SET COMPRESSION lz4" for column in COLUMNS)};
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 not supported by this server: the search vectors stay pglz-compressed';
END $$
"""


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_indexentry_search_vector"),
    ]

    operations = [
        PostgresOnlySQL(
            sql=[
                f"ALTER TABLE {TABLE} " + ", ".join(f"ALTER COLUMN {column} SET STORAGE MAIN" for column in COLUMNS),
                LZ4,
                f"UPDATE {TABLE} SET " + ", ".join(f"{column} = {column} || ''::tsvector" for column in COLUMNS),
            ],
            reverse_sql=[
                f"ALTER TABLE {TABLE} "
                + ", ".join(f"ALTER COLUMN {column} SET STORAGE EXTENDED, ALTER COLUMN {column} SET COMPRESSION default" for column in COLUMNS),
            ],
        ),
    ]
