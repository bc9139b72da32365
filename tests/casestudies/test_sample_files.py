"""Sample files say what they are (issue 18): a stub PDF that `load_content` ships in place of a real document is
linked as a sample file, with its real size, never under the real document's name."""

import pytest
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from wagtail.documents import get_document_model

from casestudies.models import CaseStudyIndexPage
from home.sample_files import SAMPLE_TAG, is_sample_file, load_with_sample_flag
from publications.models import GeneratedPDF
from tests.casestudies.conftest import soup
from tests.casestudies.test_case_study_page import porto

pytestmark = pytest.mark.django_db


def download(response):
    return soup(response).select_one(".case-study__facts .document-download")


def test_the_loaded_case_studies_link_their_stub_as_a_sample_file_with_its_real_size(client):
    page = porto("en")
    assert is_sample_file(page.document)
    link = download(client.get(page.url))
    assert link.select_one("a").get_text(strip=True) == "Sample file in place of the full case study"
    assert "Download the full case study" not in link.get_text()
    meta = link.select_one(".document-download__meta").get_text(strip=True)
    assert meta == f"(PDF, {filesizeformat(page.document.file_size)}, a one-page placeholder)"
    # The file says so too.
    response = client.get(link.select_one("a")["href"])
    assert b"SAMPLE DOCUMENT" in b"".join(response.streaming_content)


def test_the_sample_link_is_in_the_pages_language(client):
    page = porto("fr")
    with translation.override("fr"):
        size = filesizeformat(page.document.file_size)
    link = download(client.get(page.url))
    assert link.select_one("a").get_text(strip=True) == "Fichier d'exemple à la place de l'étude de cas complète"
    assert link.select_one(".document-download__meta").get_text(strip=True) == f"(PDF, {size}, une page provisoire)"


def test_a_real_document_is_linked_as_the_full_case_study(client):
    en = porto("en")
    real = get_document_model().objects.create(title="Full case study", file=en.document.file)
    assert not is_sample_file(real)
    en.document = real
    en.save_revision().publish()
    link = download(client.get(en.url))
    assert link.select_one("a").get_text(strip=True) == "Download the full case study"
    assert "placeholder" not in link.get_text()


def test_the_librarys_stub_summary_report_is_a_sample_file_too_when_no_pdf_is_generated(client):
    library = CaseStudyIndexPage.objects.get(locale__language_code="en")
    assert SAMPLE_TAG in [tag.name for tag in library.summary_report.tags.all()]
    GeneratedPDF.objects.filter(page__in=library.get_translations(inclusive=True)).delete()
    link = soup(client.get(library.url)).select_one(".library__header .document-download")
    assert link.select_one("a").get_text(strip=True) == "Sample file in place of the summary report"
    assert "a one-page placeholder" in link.get_text()


def test_the_sample_flag_comes_with_the_document_in_one_query(django_assert_num_queries):
    page = porto("en")
    real = get_document_model().objects.create(title="Full case study", file=page.document.file)
    fresh = type(page).objects.get(pk=page.pk)
    with django_assert_num_queries(1):
        load_with_sample_flag(fresh, "document")
        assert is_sample_file(fresh.document)
    fresh.document_id = real.pk
    with django_assert_num_queries(1):
        load_with_sample_flag(fresh, "document")
        assert fresh.document == real and not is_sample_file(fresh.document)
