"""The search backend: Wagtail's database backend, stemming each page in its own language on PostgreSQL.

Wagtail 8's database backend (the `modelsearch` package) gives the PostgreSQL
backend one text-search configuration, `SEARCH_CONFIG`, for indexing and
querying every object. This site publishes five languages, so this module
extends it: an object that has a `locale` (pages, translatable snippets) is
indexed with its language's configuration, and a query is parsed with the
configuration of the language it is made in. Indexing and querying a
language with the same configuration is what makes "partenariats" find
"partenariat" and "parcerias" find "parceria".

Settings (`WAGTAILSEARCH_BACKENDS["default"]`):

- `BACKEND`: "search.backend".
- `LANGUAGE_CONFIGS`: {language code: PostgreSQL text-search configuration},
  e.g. {"fr": "french"}. "pt-br" falls back to "pt".
- `SEARCH_CONFIG`: the configuration for objects without a language (images,
  documents) and for languages missing from LANGUAGE_CONFIGS; "simple"
  (lower-casing, no stemming) is the neutral choice.

On SQLite, `SearchBackend` returns modelsearch's FTS5 backend with two fixes
(search/sqlite.py); on MySQL, modelsearch's own backend unchanged. On SQLite,
search works without stemming (SQLite's FTS5 `unicode61` tokenizer folds case and accents but does not stem).

Why not one backend per language (one `WAGTAILSEARCH_BACKENDS` entry each)?
Every database backend writes to the same index table, one row per object, so
each backend would overwrite the others' rows and the last one would win.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

from search.postgres import MultilingualPostgresSearchBackend


def SearchBackend(params):
    """The backend for the default database: per-language PostgreSQL, else modelsearch's backend for it.

    A function named like a class because modelsearch looks up `<module>.SearchBackend`.
    """
    if connection.vendor == "postgresql":
        return MultilingualPostgresSearchBackend(params)
    backend = DatabaseSearchBackend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":  # FTS5 available
        # Imported here: modelsearch's SQLite module looks up its FTS model, which exists on SQLite only.
        from search.sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend(params)
    return backend
