"""Download links in the reader's language, with the other languages' versions.

- `{% pdf_downloads_for page as pdfs %}`: a page's generated PDF;
- `{% publication_downloads_for publication as downloads %}`: a publication's file;
both then `{% include "publications/includes/pdf_downloads.html" with label=... %}`.
"""

from django import template

from publications.downloads import Downloads, by_language, document_entry, publication_downloads
from publications.models import GeneratedPDF

register = template.Library()


def downloads_for(page) -> Downloads:
    """This page's PDF (None when it has none) and the live translations' PDFs, in the site's language order.

    One SQL query.
    """
    records = GeneratedPDF.objects.filter(
        page__translation_key=page.translation_key, page__live=True, document__isnull=False
    ).select_related("document", "page__locale")
    entries = {
        record.page_id: document_entry(record.document, record.page.locale.language_code, record.page_count)
        for record in records
    }
    current = entries.pop(page.pk, None)
    return Downloads(current, by_language(entries.values()))


@register.simple_tag
def pdf_downloads_for(page) -> Downloads:
    return downloads_for(page)


@register.simple_tag
def publication_downloads_for(publication) -> Downloads | None:
    """The file of `publication` in the active language (or its fallback) and the others; None without one."""
    return publication_downloads(publication) if publication is not None else None
