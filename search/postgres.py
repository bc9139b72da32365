"""PostgreSQL: modelsearch's backend with one text-search configuration per language.

Used only on PostgreSQL (see `search.backend.SearchBackend`). Depends on
modelsearch 1.3's `PostgresIndex.add_items` reading `backend.config` through
`ObjectIndexer`, and on `PostgresSearchQueryCompiler.get_config`; the tests in
tests/search/test_stemming.py fail if a modelsearch upgrade changes either.
"""

import copy
from collections import defaultdict

from django.utils import translation
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.models import Locale, TranslatableMixin

from search.text_search import config_for_language


class MultilingualPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Index `objs`, each with the configuration of its locale's language (one INSERT per language)."""
        if not issubclass(model, TranslatableMixin):
            return super().add_items(model, objs)
        language_codes = dict(Locale.objects.values_list("pk", "language_code"))
        by_config = defaultdict(list)
        for obj in objs:
            by_config[self.backend.config_for_language(language_codes.get(obj.locale_id))].append(obj)
        for config, group in by_config.items():
            # ObjectIndexer reads `backend.config`: give it a copy of the backend set to this language.
            language_backend = copy.copy(self.backend)
            language_backend.config = config
            PostgresIndex(language_backend).add_items(model, group)


class MultilingualPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        """The query's language configuration for translatable models, else the backend's default.

        The language is the query's own (`LocalizedPlainText.language`), else the
        active language. Models without a locale were indexed with the default.
        """
        if not issubclass(self.queryset.model, TranslatableMixin):
            return backend.config
        language = getattr(self.query, "language", None) or translation.get_language()
        return backend.config_for_language(language)


class MultilingualPostgresSearchBackend(PostgresSearchBackend):
    """PostgreSQL full-text search, stemming every translatable object in its own language."""

    index_class = MultilingualPostgresIndex
    query_compiler_class = MultilingualPostgresSearchQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = {code.lower(): name for code, name in params.get("LANGUAGE_CONFIGS", {}).items()}

    def config_for_language(self, language_code: str | None) -> str:
        return config_for_language(language_code, self.language_configs, self.config)
