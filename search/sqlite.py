"""modelsearch's SQLite FTS5 backend without its two 500s (SQLite is `make run`'s database).

- A search restricted to fields (the admin's snippet listings search `fields=["name"]`) names
  those fields as FTS5 columns, but the FTS table only has `title` and `body`: "no such column"
  (wagtail/django-modelsearch#47). Fields the table lacks are searched as its whole text.
- A `"` in the query ends modelsearch's quoted terms early: "unterminated string"
  (wagtail/wagtail#13227). Quotes are dropped from string queries.

Remove this module when modelsearch fixes both; tests/search/test_sqlite_backend.py shows when.
"""

from modelsearch.backends.database.sqlite import sqlite


class _FieldsOfTheFTSTable:
    def search(self, config, start, stop, score_field=None):
        asked = self.fields
        self.fields = [name for name in asked or () if name in self.FTS_TABLE_FIELDS] or None
        try:
            return super().search(config, start, stop, score_field=score_field)
        finally:
            self.fields = asked


class SQLiteSearchQueryCompiler(_FieldsOfTheFTSTable, sqlite.SQLiteSearchQueryCompiler):
    pass


class SQLiteAutocompleteQueryCompiler(_FieldsOfTheFTSTable, sqlite.SQLiteAutocompleteQueryCompiler):
    pass


class SQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = SQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            query = query.replace('"', " ")
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
