"""The search backend: which backend each database gets, and the language-to-configuration mapping."""

from django.db import connection
from wagtail.search.backends import get_search_backend

from search.text_search import LocalizedPlainText, config_for_language


def test_the_default_backend_fits_the_database():
    backend = get_search_backend()
    if connection.vendor == "postgresql":
        assert type(backend).__name__ == "MultilingualPostgresSearchBackend"
        assert backend.config_for_language("fr") == "french"
        assert backend.config_for_language("hr") == "serbian"
        assert backend.config_for_language("de") == backend.config == "simple"
    else:
        # modelsearch's FTS5 backend for SQLite with two fixes (search/sqlite.py): search without stemming.
        assert type(backend).__module__ == "search.sqlite"
        assert type(backend).__mro__[1].__module__ == "modelsearch.backends.database.sqlite.sqlite"


def test_language_codes_map_to_configurations_with_a_fallback():
    configs = {"fr": "french", "pt": "portuguese"}
    assert config_for_language("fr", configs, "simple") == "french"
    assert config_for_language("pt-br", configs, "simple") == "portuguese"
    assert config_for_language("PT-BR", configs, "simple") == "portuguese"
    assert config_for_language("de", configs, "simple") == "simple"
    assert config_for_language(None, configs, "simple") == "simple"


def test_a_localized_query_keeps_its_language_and_words():
    query = LocalizedPlainText("parcerias locais", language="pt")
    assert (query.query_string, query.language, query.operator) == ("parcerias locais", "pt", "and")
