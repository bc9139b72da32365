"""Download links in the reader's language: which file to offer, and the other languages' versions.

Shared by the generated PDFs (one per page and language) and by publications (one file per
language). An entry is what a link says: "PDF, 2.3 MB, 48 pages, Français", with `hreflang`
and `type`. Links go to `document.url`, Wagtail's serve view, which applies the privacy of
the document's collection.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info

from publications.models import Publication, PublicationFile

LANGUAGE_ORDER = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class Entry:
    """One downloadable file: its address and what the link says about it."""

    url: str
    language_code: str
    language_name: str  # in that language ("Français")
    size: int  # bytes; 0 when unknown
    format: str  # "PDF", "PPTX"
    content_type: str  # for the link's `type`
    page_count: int = 0  # 0 when unknown (not shown)


@dataclass(frozen=True)
class Downloads:
    """The file to offer (`current`), the other languages' files, and whether `current` is in another language."""

    current: Entry | None
    others: list
    is_fallback: bool = False


def language_rank(code: str) -> int:
    return LANGUAGE_ORDER.index(code) if code in LANGUAGE_ORDER else len(LANGUAGE_ORDER)


def document_entry(document, language_code: str, page_count: int = 0) -> Entry:
    return Entry(
        url=document.url,
        language_code=language_code,
        language_name=capfirst(get_language_info(language_code)["name_local"]),
        size=document.file_size or 0,
        format=document.file_extension.upper(),
        content_type=document.content_type,
        page_count=page_count,
    )


def by_language(entries) -> list[Entry]:
    return sorted(entries, key=lambda entry: language_rank(entry.language_code))


def prefetch_files(publications) -> None:
    """Load the files (with their documents) of every publication in `publications` in one query."""
    publications = [publication for publication in publications if publication is not None]
    prefetch_related_objects(
        publications, Prefetch("files", queryset=PublicationFile.objects.select_related("document"))
    )


def publication_downloads(publication: Publication, language: str | None = None) -> Downloads:
    """The file of `publication` in `language` (default: the active one) and the others, in the site's order.

    Without a file in that language: the file in the site's default language (English), else
    the first one, with `is_fallback` set. Files prefetched with `prefetch_files` cost no query.
    """
    language = language or get_language()
    entries = by_language(document_entry(file.document, file.language) for file in publication.files.all())
    if not entries:
        return Downloads(None, [])
    chosen = next((entry for entry in entries if entry.language_code == language), None)
    is_fallback = chosen is None
    if chosen is None:
        chosen = next((entry for entry in entries if entry.language_code == settings.LANGUAGE_CODE), entries[0])
    return Downloads(chosen, [entry for entry in entries if entry is not chosen], is_fallback)
