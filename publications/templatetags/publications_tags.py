"""`{% pdf_downloads page label %}`: the download link of a page's generated PDF, and its other languages' versions."""

from django import template
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language_info

from publications.models import GeneratedPDF

register = template.Library()
LANGUAGE_ORDER = [code for code, _name in settings.LANGUAGES]


def _entry(record: GeneratedPDF) -> dict:
    code = record.page.locale.language_code
    return {
        "url": record.document.url,
        "language_code": code,
        "language_name": capfirst(get_language_info(code)["name_local"]),
        "size": record.document.file_size or 0,
        "page_count": record.page_count,
    }


def downloads_for(page) -> tuple[dict | None, list[dict]]:
    """This page's PDF (None when it has none) and the live translations' PDFs, in the site's language order.

    One SQL query.
    """
    records = GeneratedPDF.objects.filter(
        page__translation_key=page.translation_key, page__live=True, document__isnull=False
    ).select_related("document", "page__locale")
    entries = {record.page_id: _entry(record) for record in records}
    current = entries.pop(page.pk, None)
    others = sorted(
        entries.values(),
        key=lambda e: LANGUAGE_ORDER.index(e["language_code"]) if e["language_code"] in LANGUAGE_ORDER else 99,
    )
    return current, others


@register.simple_tag
def pdf_downloads_for(page) -> dict:
    """{"current": ..., "others": [...]} for `{% include "publications/includes/pdf_downloads.html" %}`."""
    current, others = downloads_for(page)
    return {"current": current, "others": others}
