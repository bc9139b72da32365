"""The shipped sample case studies: clearly labelled, spread so every filter has results, files that open."""

import io

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from casestudies.content import SAMPLES
from casestudies.content.media import COLLECTION_NAME, placeholder_pdf
from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.models import Competence, HomePage, Partner
from tests.casestudies.conftest import soup

pytestmark = pytest.mark.django_db


def test_the_library_hangs_under_each_home_page_and_is_in_the_menu(locales):
    for code, locale in locales.items():
        library = CaseStudyIndexPage.objects.get(locale=locale)
        assert isinstance(library.get_parent().specific, HomePage), code
        assert library.show_in_menus and library.live
        assert CaseStudyPage.objects.child_of(library).live().count() == 7, code


def test_samples_are_labelled_as_samples_everywhere(client, locales):
    for page in CaseStudyPage.objects.filter(locale=locales["en"]):
        assert page.is_sample_content
        assert page.title.startswith("Sample:")
        assert "(sample)" in page.organisation
        assert "does not describe a real partnership" in str(page.body[0].value)
        assert page.hero_image.title.startswith("SAMPLE") and page.document.title.startswith("SAMPLE")
    library_html = soup(client.get(CaseStudyIndexPage.objects.get(locale=locales["en"]).url))
    assert library_html.find(class_="sample-notice")
    assert len(library_html.select(".case-study-card .badge--sample")) == 7


def test_samples_cover_every_partner_country_partner_and_competence(locales):
    pages = CaseStudyPage.objects.filter(locale=locales["en"]).select_related("partner")
    assert {str(page.country) for page in pages} == {"BE", "FR", "PT", "IT", "HR"}
    assert {page.partner.slug for page in pages} == set(
        Partner.objects.filter(locale=locales["en"]).values_list("slug", flat=True)
    )
    illustrated = {n for page in pages for n in page.competence_links.values_list("competence__number", flat=True)}
    assert illustrated == set(Competence.objects.filter(locale=locales["en"]).values_list("number", flat=True))
    assert len(SAMPLES) == 7


def test_sample_files_are_in_their_own_collection_and_open(client):
    documents = get_document_model().objects.filter(collection__name=COLLECTION_NAME)
    images = get_image_model().objects.filter(collection__name=COLLECTION_NAME)
    assert documents.count() == 8  # seven case studies and the summary report
    assert images.count() == 7
    for document in documents:
        assert document.file_size and document.file_hash
        with document.open_file() as f:
            assert f.read(8) == b"%PDF-1.4"
    for image in images:
        assert (image.width, image.height) == (1600, 840)
        assert image.get_rendition("fill-640x360").width == 640


def test_load_content_again_makes_no_second_copy_of_the_files():
    before = (get_document_model().objects.count(), get_image_model().objects.count())
    call_command("load_content", stdout=io.StringIO())
    assert (get_document_model().objects.count(), get_image_model().objects.count()) == before


def test_a_deleted_sample_comes_back_with_its_existing_files(locales):
    page = CaseStudyPage.objects.get(locale=locales["en"], slug=SAMPLES[0]["slug"])
    image_id, document_id = page.hero_image_id, page.document_id
    for translation in page.get_translations():
        translation.delete()
    page.delete()
    out = io.StringIO()
    call_command("load_content", stdout=out)
    restored = CaseStudyPage.objects.get(locale=locales["en"], slug=SAMPLES[0]["slug"])
    assert (restored.hero_image_id, restored.document_id) == (image_id, document_id)
    assert [link.competence.number for link in restored.competence_links.all()] == SAMPLES[0]["competences"]
    assert restored.get_translations().count() == 4
    assert "\nskipped:" not in out.getvalue()


def test_placeholder_pdf_is_well_formed():
    data = placeholder_pdf(["SAMPLE DOCUMENT", "A (bracketed) title with a back\\slash and “quotes”", "x " * 200])
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    startxref = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert data[startxref:].startswith(b"xref")
    for number in range(1, 6):
        offset = int(data[startxref:].split(b"\n")[2 + number][:10])
        assert data[offset:].startswith(b"%d 0 obj" % number)
    assert b"\\(bracketed\\)" in data and b"back\\\\slash" in data
