"""A publication in any page body (BaseStreamBlock): the link text is translated with the page, the publication
is synchronised, and each reader gets the file in their language with the others listed (issue 19, point 6)."""

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.blocks import BaseStreamBlock
from home.models import StandardPage
from tests.events.helpers import make_document, make_publication

pytestmark = pytest.mark.django_db


def download(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".pdf-download")


def test_every_body_offers_the_publication_block():
    assert "publication" in BaseStreamBlock().child_blocks


def test_a_translated_body_links_the_readers_file_and_lists_the_others(
    client, home_pages, locales, django_capture_on_commit_callbacks
):
    english = make_document("Handout", "handout-en.pdf", b"%PDF-1.7 " + b"e" * 2000)
    french = make_document("Fiche", "fiche-fr.pdf", b"%PDF-1.7 " + b"f" * 4000)
    handout = make_publication("Handout: the competences", kind="handout", en=english, fr=french)
    page = home_pages["en"].add_child(
        instance=StandardPage(
            title="Handouts",
            slug="handouts",
            body=[("publication", {"label": "Download the handout", "publication": handout})],
        )
    )
    page.save_revision().publish()

    source, _created = TranslationSource.get_or_create_from_instance(page)
    for code, label in [("fr", "Télécharger la fiche"), ("hr", "Preuzmite materijal")]:
        translation = Translation.objects.create(source=source, target_locale=locales[code])
        segment = source.stringsegment_set.get(string__data="Download the handout")
        StringTranslation.objects.create(
            translation_of=segment.string, locale=locales[code], context=segment.context, data=label
        )
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)

    fr = StandardPage.objects.get(translation_key=page.translation_key, locale=locales["fr"])
    block = download(client, fr)
    link = block.select_one(".pdf-download__link")
    assert (link.get_text(strip=True), link["href"], link["hreflang"]) == ("Télécharger la fiche", french.url, "fr")
    assert [a["hreflang"] for a in block.select(".pdf-download__list a")] == ["en"]

    # No Croatian file: the English one, said so in Croatian, under the translated link text.
    hr = StandardPage.objects.get(translation_key=page.translation_key, locale=locales["hr"])
    block = download(client, hr)
    link = block.select_one(".pdf-download__link")
    assert (link.get_text(strip=True), link["href"], link["hreflang"]) == ("Preuzmite materijal", english.url, "en")
    assert "Ovaj dokument nije dostupan na ovom jeziku." in block.get_text()
