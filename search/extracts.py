"""Titles and extracts of search results, with the query's words highlighted in `<mark>`.

The text comes from the search index (what the backend matched, including
StreamField text and snippet names), never from raw HTML, and is HTML-escaped
before the `<mark>` elements are added, so page text cannot inject markup.

- PostgreSQL: `ts_headline` with the query's language configuration picks the
  passages and marks inflected forms too ("partenariat" for "partenariats").
- SQLite (and as a fallback): the first passage holding one of the words,
  marking whole words equal to a query word, ignoring case and accents.
One SQL query for a whole page of results on either database.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connection
from django.db.models import F, Func, Value
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from modelsearch.conf import get_app_config

from search.query import WORD

# Markers ts_headline puts around matches: control characters that page text
# never holds (they are removed from the text first), turned into <mark> after escaping.
START, STOP = "\x02", "\x03"
EXTRACT_CHARS = 240
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Highlighted:
    title: SafeString
    extract: SafeString


def index_entry_model():
    return get_app_config().get_model("IndexEntry")


def marks_to_html(text: str) -> SafeString:
    """Escape `text` and turn START/STOP markers into <mark> elements (markers dropped if unbalanced)."""
    text = WHITESPACE.sub(" ", text).strip()
    if text.count(START) != text.count(STOP):
        text = text.replace(START, "").replace(STOP, "")
    # Safe: the text is escaped before the only markup, <mark>, is added.
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))


def fold(word: str) -> str:
    """Lower-case `word` without accents: "Événement" gives "evenement"."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def highlight_text(text: str, terms, max_chars: int | None = None) -> SafeString:
    """`text`, escaped, with whole words equal to a term (ignoring case and accents) in <mark>.

    With `max_chars`, only a passage of about that many characters is kept: it
    starts shortly before the first match (or at the start) and is cut at word
    boundaries, with "…" where text was left out.
    """
    text = WHITESPACE.sub(" ", text or "").strip()
    wanted = {fold(term) for term in terms}
    matches = [match for match in WORD.finditer(text) if fold(match.group()) in wanted]
    start, end = 0, len(text)
    if max_chars and len(text) > max_chars:
        if matches and matches[0].start() > max_chars // 3:
            start = text.rfind(" ", 0, matches[0].start() - max_chars // 4) + 1
        end = start + max_chars
        if end < len(text):
            end = text.rfind(" ", start, end) if " " in text[start:end] else end
    parts, position = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:end]))
    html = "".join(parts).strip()
    if start > 0:
        html = "… " + html
    if end < len(text):
        html += " …"
    return mark_safe(html)  # every piece of text was escaped above


def highlight_pages(pages, terms, config: str | None = None) -> dict[int, Highlighted]:
    """{page pk: Highlighted} for `pages` (Page instances), from their search index entries.

    `terms` are the query's words; `config` the PostgreSQL text-search
    configuration of the query's language. One SQL query. A page without an
    index entry gets its escaped title and an empty extract.
    """
    pages = list(pages)
    if not pages:
        return {}
    entries = index_entry_model().objects.filter(
        content_type_id__in={page.content_type_id for page in pages},
        object_id__in=[str(page.pk) for page in pages],
    )
    result = {}
    if connection.vendor == "postgresql":
        query = SearchQuery(" ".join(terms), config=config, search_type="plain")
        strip_markers = Func(F("body_text"), Value(START + STOP), Value(""), function="translate")
        rows = entries.annotate(
            title_html=SearchHeadline(
                Func(F("title_text"), Value(START + STOP), Value(""), function="translate"),
                query,
                config=config,
                start_sel=START,
                stop_sel=STOP,
                highlight_all=True,
            ),
            extract_html=SearchHeadline(
                strip_markers,
                query,
                config=config,
                start_sel=START,
                stop_sel=STOP,
                max_words=40,
                min_words=20,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        ).values_list("object_id", "title_html", "extract_html")
        for object_id, title, extract in rows:
            result[int(object_id)] = Highlighted(marks_to_html(title), marks_to_html(extract))
    else:
        for object_id, title, body in entries.values_list("object_id", "title", "body"):
            result[int(object_id)] = Highlighted(
                highlight_text(title, terms), highlight_text(body or "", terms, max_chars=EXTRACT_CHARS)
            )
    for page in pages:
        result.setdefault(page.pk, Highlighted(highlight_text(page.title, terms), mark_safe("")))
    return result
