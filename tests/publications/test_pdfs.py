"""The generated PDFs: the guide and the case-study summary report in each language (publications app).

`load_content` builds every language's PDFs, so the loaded content (tests/content_db.py)
holds them: the module reads each stored file once and checks what a reader gets (text,
bookmarks, table of contents, tags, language); two tests build again (a publish, a failure).
"""

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import transaction
from pypdf import PdfReader

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from guide.models import GuideChapterPage, GuideIndexPage
from publications import builders
from publications.models import GeneratedPDF, PDFKind
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

LANGUAGE_NAMES = {"en": "English", "fr": "Français", "pt": "Português", "it": "Italiano", "hr": "Hrvatski"}


def flat(text: str) -> str:
    """Whitespace collapsed; a line broken after a hyphen ("multi-\nattore") joined again."""
    return " ".join(re.sub(r"-\n", "-", text).split())


def read(record: GeneratedPDF) -> PdfReader:
    with record.document.file.open("rb") as stored:
        return PdfReader(io.BytesIO(stored.read()))


@pytest.fixture(scope="module")
def guides(django_db_setup, django_db_blocker) -> dict:
    """Per language: the chapter titles, and the stored guide PDF (reader and whole text)."""
    found = {}
    with django_db_blocker.unblock():
        for guide in GuideIndexPage.objects.select_related("locale"):
            code = guide.locale.language_code
            record = GeneratedPDF.objects.select_related("document").get(page=guide, kind=PDFKind.GUIDE)
            reader = read(record)
            chapters = GuideChapterPage.objects.child_of(guide).live().order_by("path")
            titles = list(chapters.values_list("title", flat=True))
            found[code] = {
                "guide": guide.title,
                "titles": titles,
                "reader": reader,
                "pages": [flat(page.extract_text()) for page in reader.pages],
                "record_pages": record.page_count,
            }
    return found


@pytest.fixture(scope="module")
def reports(django_db_setup, django_db_blocker) -> dict:
    found = {}
    with django_db_blocker.unblock():
        for library in CaseStudyIndexPage.objects.select_related("locale"):
            record = GeneratedPDF.objects.select_related("document").get(page=library)
            reader = read(record)
            case_studies = CaseStudyPage.objects.child_of(library).live().order_by("path")
            titles = list(case_studies.values_list("title", flat=True))
            found[library.locale.language_code] = {
                "titles": titles,
                "reader": reader,
                "text": flat(" ".join(page.extract_text() for page in reader.pages)),
                "alts": list(CaseStudyPage.objects.child_of(library).values_list("hero_image_alt", flat=True)),
            }
    return found


def structure(reader: PdfReader) -> tuple[set, list]:
    """Structure element types and (type, /Alt) pairs of the PDF's tag tree."""
    types, alts, stack = set(), [], [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop().get_object()
        if not isinstance(node, dict):
            continue
        if "/S" in node:
            types.add(node["/S"])
        if "/Alt" in node:
            alts.append((node.get("/S"), str(node["/Alt"])))
        kids = node.get("/K")
        stack.extend(kids if isinstance(kids, list) else [kids] if kids is not None else [])
    return types, alts


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_pdf_has_its_languages_chapter_titles_and_no_other(guides, language):
    text = " ".join(guides[language]["pages"])
    assert len(guides[language]["titles"]) == 4
    for title in guides[language]["titles"]:
        assert flat(title) in text
    for other in LANGUAGES:
        if other != language:
            for title in guides[other]["titles"]:
                assert flat(title) not in text, (other, title)


@pytest.mark.parametrize("language", LANGUAGES)
def test_outline_has_one_entry_per_chapter_and_the_contents_give_their_pages(guides, language):
    reader = guides[language]["reader"]
    top = [entry for entry in reader.outline if not isinstance(entry, list)]
    assert [entry.title for entry in top] == guides[language]["titles"]
    contents = guides[language]["pages"][1]  # the cover, then the table of contents
    for entry in top:
        start = reader.get_destination_page_number(entry) + 1
        assert flat(entry.title) in guides[language]["pages"][start - 1]  # the bookmark opens the chapter
        listed = re.search(re.escape(flat(entry.title)) + r" ?\.{3,} ?(\d+)", contents)
        assert listed, (entry.title, contents)
        assert int(listed.group(1)) == start
    assert guides[language]["record_pages"] == len(reader.pages)


@pytest.mark.parametrize("language", LANGUAGES)
def test_pdf_declares_its_language_title_and_is_tagged_with_alt_text(guides, reports, language):
    for reader, title in [(guides[language]["reader"], guides[language]["guide"]), (reports[language]["reader"], None)]:
        root = reader.trailer["/Root"]
        assert root["/Lang"] == language
        assert bool(root["/MarkInfo"]["/Marked"])
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
        if title:
            assert reader.metadata.title == title
        types, alts = structure(reader)
        assert {"/Document", "/H1", "/H2", "/P", "/Figure", "/Link"} <= types
        # The EU emblem, described in the document's language (it is not English but in English).
        assert all(kind == "/Figure" and alt.strip() for kind, alt in alts)
        assert alts
    _types, report_alts = structure(reports[language]["reader"])
    for alt in reports[language]["alts"]:
        assert ("/Figure", alt) in report_alts
    # Every font embedded (a subset of DejaVu).
    for page in guides[language]["reader"].pages:
        for font in page["/Resources"]["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"] or "/FontFile3" in descendant["/FontDescriptor"]


def test_croatian_letters_are_in_the_croatian_guide(guides):
    text = " ".join(guides["hr"]["pages"])
    for letter in "đčćšž":
        assert letter in text.lower(), letter


@pytest.mark.parametrize("language", LANGUAGES)
def test_summary_report_has_every_case_study_of_its_language(reports, language):
    assert len(reports[language]["titles"]) == 7
    for title in reports[language]["titles"]:
        assert flat(title) in reports[language]["text"]
    top = [entry.title for entry in reports[language]["reader"].outline if not isinstance(entry, list)]
    assert top == reports[language]["titles"]


def downloads(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select(".pdf-download")


@pytest.mark.parametrize("language", LANGUAGES)
def test_download_links_say_format_size_pages_and_language(client, language):
    guide = GuideIndexPage.objects.get(locale__language_code=language)
    library = CaseStudyIndexPage.objects.get(locale__language_code=language)
    chapter = GuideChapterPage.objects.child_of(guide).order_by("path").first()
    urls = [guide.url, guide.print_url(), chapter.url, library.url]
    for url in urls:
        for box in downloads(client, url):
            link = box.select_one(".pdf-download__link")
            assert link["hreflang"] == language and link["type"] == "application/pdf"
            meta = flat(box.select_one(".pdf-download__meta").get_text())
            pattern = r"\(PDF, [\d.,]+\s\w+, \d+ \w+, " + LANGUAGE_NAMES[language] + r"\)"
            assert re.fullmatch(pattern, meta), meta
            others = box.select(".pdf-download__list a")
            assert sorted(a["hreflang"] for a in others) == sorted(set(LANGUAGES) - {language})
            assert all(a["type"] == "application/pdf" and a["lang"] == a["hreflang"] for a in others)
    assert len(downloads(client, chapter.url)) == 2  # the chapter and the whole guide
    download = client.get(downloads(client, guide.url)[0].select_one(".pdf-download__link")["href"])
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"


def test_publishing_a_chapter_rebuilds_that_languages_pdfs_only(
    monkeypatch, settings, django_capture_on_commit_callbacks
):
    settings.PUBLICATIONS_BUILD_ON_PUBLISH = True
    # Old files stay on disk in this test: the database is rolled back, the worker's media folder is not.
    monkeypatch.setattr(builders, "delete_replaced_file", lambda storage, name: None)
    before = {record.pk: record.document.file.name for record in GeneratedPDF.objects.select_related("document")}
    chapter = GuideChapterPage.objects.get(locale__language_code="fr", chapter_number=2)
    chapter.title = "Chapitre renommé pour le test"
    with transaction.atomic():  # a publish rolled back: nothing built, and nothing left pending
        chapter.save_revision().publish()
        transaction.set_rollback(True)
    chapter.refresh_from_db()
    chapter.title = "Chapitre renommé pour le test"
    with django_capture_on_commit_callbacks(execute=True):
        chapter.save_revision().publish()

    changed = {
        record.page_id
        for record in GeneratedPDF.objects.select_related("document")
        if record.document.file.name != before[record.pk]
    }
    assert changed == {chapter.pk, chapter.get_parent().pk}
    rebuilt = GeneratedPDF.objects.get(page=chapter.get_parent())
    assert "Chapitre renommé pour le test" in flat(" ".join(p.extract_text() for p in read(rebuilt).pages))


def test_a_failed_build_keeps_the_previous_file_and_tells_editors(monkeypatch, client):
    records = GeneratedPDF.objects.select_related("document", "page")
    record = records.get(kind=PDFKind.GUIDE, page__locale__language_code="it")
    previous = (record.document_id, record.document.file.name, record.page_count)

    def broken(page):
        raise RuntimeError("font server on fire")

    monkeypatch.setattr(builders, "render_pdf", broken)
    builders.build(record.page)
    record.refresh_from_db()
    assert (record.document_id, record.document.file.name, record.page_count) == previous
    assert record.document.file.storage.exists(record.document.file.name)
    assert "font server on fire" in record.error

    guide = record.page.specific
    link = downloads(client, guide.url)[0].select_one(".pdf-download__link")
    assert link["href"] == record.document.url  # visitors still get the previous file

    admin = get_user_model().objects.create_superuser("pdf-admin", "pdf@example.org", "x")
    client.force_login(admin)
    dashboard = client.get("/admin/")
    assert "font server on fire" in dashboard.content.decode()
    assert "font server on fire" in client.get("/admin/generated_pdfs/").content.decode()
