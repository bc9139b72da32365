"""A query's language and each language's PostgreSQL text-search configuration.

Shared by the backend factory (search.backend), the PostgreSQL backend
(search.postgres) and the search page (search.results).
"""

from modelsearch.query import PlainText


class LocalizedPlainText(PlainText):
    """A plain-text query made in a known language (an ISO 639-1 code such as "fr").

    The PostgreSQL backend parses it with that language's configuration; other
    backends treat it as a plain `PlainText`.
    """

    def __init__(self, query_string: str, language: str, operator: str = "and", boost: float = 1.0):
        super().__init__(query_string, operator=operator, boost=boost)
        self.language = language


def config_for_language(language_code: str | None, language_configs: dict[str, str], default: str) -> str:
    """The text-search configuration for `language_code` ("fr", "pt-br"); `default` when none is set."""
    if not language_code:
        return default
    code = language_code.lower()
    return language_configs.get(code) or language_configs.get(code.split("-")[0]) or default
