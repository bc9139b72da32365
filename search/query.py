"""Reading what a visitor typed into the search box and the other search parameters."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Longer input is refused with a 400 page rather than cut silently: a pasted
# paragraph is not a search, and the limit bounds the work done per query.
MAX_QUERY_LENGTH = 200

# A word: letters and digits of any script. Everything else, including the
# characters that mean something to PostgreSQL's tsquery syntax (& | ! ( ) : * ' " \)
# or to SQLite's FTS5 (" * ^ AND OR NOT NEAR only as bare words), separates words,
# so no query syntax ever reaches the database; NUL bytes are dropped with it.
WORD = re.compile(r"[^\W_]+")


class InvalidSearch(ValueError):
    """A search parameter that cannot be used; the message is written for the visitor (translated)."""


@dataclass(frozen=True)
class SearchQuery:
    """What the visitor asked for.

    `text` is the input with surrounding whitespace removed (shown back in the
    search box); `terms` are its words, in order, each once (case-insensitive).
    """

    text: str
    terms: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not self.text

    @property
    def search_string(self) -> str:
        """The words joined by spaces: what the search backend receives."""
        return " ".join(self.terms)


def parse_query(raw: str | None) -> SearchQuery:
    """The visitor's query. Raises InvalidSearch when it is longer than MAX_QUERY_LENGTH characters."""
    text = (raw or "").strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise InvalidSearch(
            ngettext(
                "Your search is %(length)s characters long; please use at most %(max)s character.",
                "Your search is %(length)s characters long; please use at most %(max)s characters.",
                MAX_QUERY_LENGTH,
            )
            % {"length": len(text), "max": MAX_QUERY_LENGTH}
        )
    seen, terms = set(), []
    for word in WORD.findall(text):
        key = word.casefold()
        if key not in seen:
            seen.add(key)
            terms.append(word)
    return SearchQuery(text=text, terms=tuple(terms))


def parse_page_number(raw: str | None) -> int:
    """The requested page of results (1 when absent); may be past the last page.

    Raises InvalidSearch unless it is a whole number from 1, in ASCII digits.
    """
    if raw is None or raw == "":
        return 1
    value = raw.strip().lstrip("0")
    if not (value.isdecimal() and value.isascii()):
        raise InvalidSearch(
            _("“%(page)s” is not a page number: page numbers are whole numbers from 1.") % {"page": raw[:20]}
        )
    # Any page past the last one is shown as the last one, so a huge number is capped before int()
    # (Python refuses to convert strings of more than 4,300 digits).
    return int(value) if len(value) <= 9 else 10**9
