"""Build and store the PDFs: the whole guide and each chapter (guide app), the case-study summary report.

`build(page)` renders the page's PDF in its language and stores it; a failure leaves the
stored file as it was and records the error on the GeneratedPDF row (shown in the admin).
"""

import logging
import time

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from guide.links import resolve_pages
from guide.models import GuideChapterPage, GuideIndexPage
from guide.models.guide import chosen_pages
from guide.toc import table_of_contents
from home.models import Partner
from publications.models import GeneratedPDF, PDFKind

logger = logging.getLogger(__name__)

COLLECTION_NAME = "Generated PDFs"
# The open licence of the project's outputs (Erasmus+ requires one); shown on every cover.
LICENCE = getattr(
    settings,
    "PUBLICATIONS_LICENCE",
    {
        "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    },
)


class BuildError(Exception):
    """A page that has no PDF (wrong type, not live)."""


def kind_of(page) -> str | None:
    if isinstance(page, GuideIndexPage):
        return PDFKind.GUIDE
    if isinstance(page, GuideChapterPage):
        return PDFKind.CHAPTER
    if isinstance(page, CaseStudyIndexPage):
        return PDFKind.SUMMARY_REPORT
    return None


def _site_root(page) -> str:
    site = page.get_site()
    return (site.root_url if site else settings.WAGTAILADMIN_BASE_URL).rstrip("/") + "/"


def _bound_sections(chapters) -> tuple[list[dict], list]:
    """Each chapter with its bound body blocks and table of contents; one stream, so a fixed number of queries."""
    stream_block = GuideChapterPage._meta.get_field("body").stream_block
    combined = StreamValue(
        stream_block, [dict(child) for chapter in chapters for child in chapter.body.raw_data], is_lazy=True
    )
    bound, sections, start = list(combined), [], 0
    for chapter in chapters:
        end = start + len(chapter.body.raw_data)
        sections.append({"chapter": chapter, "blocks": bound[start:end], "toc": table_of_contents(chapter.body)})
        start = end
    return sections, bound


def _common_context(page, title: str) -> dict:
    return {
        "document_title": title,
        "language_code": page.locale.language_code,
        "partners": list(Partner.objects.filter(locale=page.locale).order_by("sort_order", "name")),
        "licence": LICENCE,
        "site_root": _site_root(page),
        "generated_on": timezone.localdate(),
    }


def guide_html(guide: GuideIndexPage, only_chapter: GuideChapterPage | None = None) -> str:
    chapters = (
        [only_chapter]
        if only_chapter is not None
        else list(GuideChapterPage.objects.child_of(guide).live().public().order_by("path"))
    )
    sections, bound = _bound_sections(chapters)
    title = guide.title if only_chapter is None else f"{only_chapter.title} – {guide.title}"
    context = _common_context(guide, title) | {
        "guide": guide,
        "edition_date": guide.edition_date,
        "author": guide.author,
        "sections": sections,
        "single_chapter": only_chapter,
        "resolved_pages": resolve_pages(chosen_pages(bound), locale=guide.locale),
    }
    return render_to_string("publications/pdf/guide.html", context)


def summary_report_html(library: CaseStudyIndexPage) -> str:
    case_studies = list(
        CaseStudyPage.with_listing_data(CaseStudyPage.objects.child_of(library).live().public().order_by("path"))
    )
    guide = GuideIndexPage.objects.filter(locale=library.locale).live().select_related("author").first()
    from_guide = {"edition_date": guide.edition_date, "author": guide.author} if guide else {}
    context = _common_context(library, library.title) | {
        "library": library,
        "case_studies": case_studies,
        **from_guide,
    }
    return render_to_string("publications/pdf/summary_report.html", context)


def render_pdf(page):
    """The PDF of `page` (specific) in its language, as a RenderedPDF."""
    kind = kind_of(page)
    with translation.override(page.locale.language_code):
        if kind == PDFKind.GUIDE:
            html = guide_html(page)
        elif kind == PDFKind.CHAPTER:
            html = guide_html(page.get_parent().specific, only_chapter=page)
        elif kind == PDFKind.SUMMARY_REPORT:
            html = summary_report_html(page)
        else:
            raise BuildError(f"No PDF for a {type(page).__name__}")
        # Here, not at the top: WeasyPrint and fontTools add about 45 MiB to every process that
        # imports them, and the app servers' workers only serve pages.
        from publications.rendering import html_to_pdf

        return html_to_pdf(html, base_url=_site_root(page))


def _collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _file_name(page, kind: str) -> str:
    if kind == PDFKind.CHAPTER:
        base = f"{page.get_parent().slug}-{page.chapter_number}-{page.slug}"
    else:
        base = page.slug
    return f"{slugify(base)[:80]}-{page.locale.language_code}.pdf"


def _document_title(page, kind: str) -> str:
    return f"{page.title} (PDF, {page.locale.language_code})"


def build(page) -> GeneratedPDF:
    """Render and store the PDF of `page`; on failure keep the previous file and record the error."""
    page = page.specific
    kind = kind_of(page)
    if kind is None:
        raise BuildError(f"No PDF for a {type(page).__name__}")
    record, _created = GeneratedPDF.objects.get_or_create(page=page, defaults={"kind": kind})
    started = time.perf_counter()
    try:
        if not page.live:
            raise BuildError("the page is not published")
        rendered = render_pdf(page)
    except Exception as error:
        logger.exception("Building the PDF of page %s failed", page.pk)
        record.error = f"{type(error).__name__}: {error}"
        record.failed_at = timezone.now()
        record.save(update_fields=["error", "failed_at"])
        return record
    _store(record, page, kind, rendered)
    record.page_count = rendered.page_count
    record.built_at = timezone.now()
    record.build_seconds = round(time.perf_counter() - started, 2)
    record.error = ""
    record.failed_at = None
    record.save()
    return record


def _store(record: GeneratedPDF, page, kind: str, rendered) -> None:
    """The new file into the record's document (created on the first build); the old file is deleted after."""
    Document = get_document_model()
    document = record.document or Document(collection=_collection())
    old_name = document.file.name if document.pk and document.file else None
    document.title = _document_title(page, kind)
    document.file.save(_file_name(page, kind), ContentFile(rendered.data), save=False)
    document.file_size = len(rendered.data)
    document._set_file_hash()
    with transaction.atomic():
        document.save()
        record.document = document
    if old_name and old_name != document.file.name:
        storage = document.file.storage
        transaction.on_commit(lambda: delete_replaced_file(storage, old_name))


def delete_replaced_file(storage, name: str) -> None:
    """The previous file of a rebuilt PDF, once the new one is committed; a failure only leaves it behind."""
    try:
        storage.delete(name)
    except Exception:
        logger.warning("Could not delete the replaced PDF %s", name, exc_info=True)


def build_by_id(page_id: int) -> GeneratedPDF | None:
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return None
    return build(page)
