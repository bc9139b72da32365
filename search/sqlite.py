"""modelsearch's SQLite FTS5 backend without its two 500s (SQLite is `make run`'s database).

- A search restricted to fields (the admin's snippet listings search `fields=["name"]`) names
  those fields as FTS5 columns, but the FTS table only has `title` and `body`: "no such column"
  (wagtail/django-modelsearch#47). Fields the table lacks are searched as its whole text.
- A `"` in the query ends modelsearch's quoted terms early: "unterminated string"
  (wagtail/wagtail#13227). Quotes are dropped from string queries; a query of quotes only finds nothing.

Remove this module when modelsearch fixes both; tests/search/test_sqlite_backend.py shows when.
"""

from django.db.models import QuerySet
from modelsearch.backends.base import EmptySearchResults
from modelsearch.backends.database.sqlite import sqlite


class _NoResultsOf(EmptySearchResults):
    """No results that still name their model, as Django's list views expect of a queryset."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def _clone(self):
        return self.__class__(self.model)


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
            query = " ".join(query.replace('"', " ").split())
            if not query:  # only quotes: modelsearch's empty results have no model (a 500 in listings)
                model = model_or_queryset.model if isinstance(model_or_queryset, QuerySet) else model_or_queryset
                return _NoResultsOf(model)
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
