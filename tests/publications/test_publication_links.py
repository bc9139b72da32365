"""Publications: one output as a file per language; every link gives the reader's language and lists the others.

The loaded seed event (in all five languages) gets two slide decks: one in every language,
one in English and French only. Its pages show them in the agenda and the Presentations list.
"""

import importlib
import json

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.models import Collection, CollectionViewRestriction, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from events.models import EventIndexPage, EventPage
from publications.blocks import PublicationBlock
from publications.models import Publication, PublicationFile
from tests.conftest import LANGUAGES
from tests.events.helpers import make_document, make_event, make_publication, session

pytestmark = pytest.mark.django_db

LANGUAGE_NAMES = {"en": "English", "fr": "Français", "pt": "Português", "it": "Italiano", "hr": "Hrvatski"}
# The fallback note, as each language's reader gets it.
NOT_AVAILABLE = {
    "en": "This document is not available in this language.",
    "fr": "Ce document n’est pas disponible dans cette langue.",
    "pt": "Este documento não está disponível nesta língua.",
    "it": "Questo documento non è disponibile in questa lingua.",
    "hr": "Ovaj dokument nije dostupan na ovom jeziku.",
}


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def file_of(publication: Publication, language: str):
    return publication.files.get(language=language).document


def session_downloads(html: BeautifulSoup) -> list:
    return html.select(".agenda__item--session .pdf-download")


@pytest.mark.parametrize("language", LANGUAGES)
def test_link_gives_the_file_in_the_readers_language_and_lists_the_others(client, decks, language):
    html = soup(client.get(decks["events"][language].url))
    download = session_downloads(html)[0]
    link = download.select_one(".pdf-download__link")
    document = file_of(decks["every"], language)
    assert link["href"] == document.url
    assert (link["hreflang"], link["type"]) == (language, "application/pdf")
    assert link.has_attr("download")
    meta = download.select_one(".pdf-download__meta")
    assert meta.get_text().startswith("(PDF, ") and meta.get_text().endswith(f", {LANGUAGE_NAMES[language]})")
    assert meta.find("span", lang=language).get_text() == LANGUAGE_NAMES[language]
    assert not download.select(".pdf-download__note")
    others = download.select(".pdf-download__list a")
    assert [a["hreflang"] for a in others] == [code for code in LANGUAGES if code != language]
    for a in others:
        assert a["lang"] == a["hreflang"] and a["type"] == "application/pdf"
        assert a["href"] == file_of(decks["every"], a["hreflang"]).url
        assert a.get_text() == LANGUAGE_NAMES[a["hreflang"]]


@pytest.mark.parametrize("language", ["pt", "it", "hr"])
def test_missing_language_falls_back_to_english_with_a_note(client, decks, language):
    download = session_downloads(soup(client.get(decks["events"][language].url)))[1]
    link = download.select_one(".pdf-download__link")
    assert (link["href"], link["hreflang"]) == (file_of(decks["some"], "en").url, "en")
    assert link["type"] == "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    meta = download.select_one(".pdf-download__meta").get_text()
    assert meta.startswith("(PPTX, ") and meta.endswith(", English)")
    assert download.select_one(".pdf-download__note").get_text() == NOT_AVAILABLE[language]
    assert [a["hreflang"] for a in download.select(".pdf-download__list a")] == ["fr"]


def test_no_note_where_the_language_is_there(client, decks):
    for language in ["en", "fr"]:
        download = session_downloads(soup(client.get(decks["events"][language].url)))[1]
        assert download.select_one(".pdf-download__link")["hreflang"] == language
        assert not download.select(".pdf-download__note")


def test_without_an_english_file_the_first_language_is_offered(client, event_index_en):
    only_french_and_croatian = make_publication(
        "Flyer",
        hr=make_document("Letak", "letak.pdf", b"%PDF-1.7 hr"),
        fr=make_document("Dépliant", "depliant.pdf", b"%PDF-1.7 fr"),
    )
    page = make_event(event_index_en, agenda=[session("Flyers", deck=only_french_and_croatian.pk)])
    download = session_downloads(soup(client.get(page.url)))[0]
    assert download.select_one(".pdf-download__link")["hreflang"] == "fr"  # the site's language order
    assert download.select_one(".pdf-download__note").get_text() == NOT_AVAILABLE["en"]
    assert [a["hreflang"] for a in download.select(".pdf-download__list a")] == ["hr"]


@pytest.fixture
def event_index_en(locales):
    return EventIndexPage.objects.get(locale=locales["en"])


def test_event_page_lists_each_deck_once_through_its_publication(client, decks):
    html = soup(client.get(decks["events"]["fr"].url))
    items = html.select("#presentations .deck")
    assert len(items) == 2
    first, second = (item.select_one(".pdf-download__link") for item in items)
    assert first["href"] == file_of(decks["every"], "fr").url
    assert second["href"] == file_of(decks["some"], "fr").url
    assert first.get_text() == html.select(".session__title")[0].get_text()  # the session's title, in French
    assert [a["hreflang"] for a in items[1].select(".pdf-download__list a")] == ["en"]
    # The agenda's link says what it is for, for screen readers too.
    agenda_link = session_downloads(html)[0].select_one(".pdf-download__link")
    assert agenda_link.get_text().startswith("Diaporama")
    assert agenda_link.select_one(".visually-hidden").get_text() == ": " + html.select(".session__title")[0].get_text()
    # The event listing knows that slides are published.
    assert decks["events"]["fr"].has_slides


def test_a_file_in_a_restricted_collection_stays_behind_wagtails_checked_view(client, event_index_en):
    private = Collection.get_first_root_node().add_child(name="Partners only")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = make_document("Internal deck", "internal.pdf", b"%PDF-1.7 internal")
    document.collection = private
    document.save()
    page = make_event(event_index_en, agenda=[session("Internal", deck=make_publication("Internal", en=document).pk)])
    link = session_downloads(soup(client.get(page.url)))[0].select_one(".pdf-download__link")
    assert link["href"] == document.url
    assert link["href"].startswith("/documents/")  # Wagtail's serve view, not the file's storage address
    response = client.get(link["href"])
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_publication_block_renders_the_link_in_the_active_language(decks):
    block = PublicationBlock()
    value = block.to_python({"label": "Télécharger le document", "publication": decks["some"].pk})
    with translation.override("fr"):
        html = BeautifulSoup(block.render(value), "html.parser")
    link = html.select_one(".pdf-download__link")
    assert (link.get_text(), link["hreflang"]) == ("Télécharger le document", "fr")
    assert link["href"] == file_of(decks["some"], "fr").url


# --- The admin ------------------------------------------------------------------------------------


def add_url() -> str:
    return reverse(Publication.snippet_viewset.get_url_name("add"))


def publication_form(*files, title="Report: the case studies") -> dict:
    return nested_form_data(
        {
            "title": title,
            "kind": "report",
            "files": inline_formset([{"language": code, "document": document.pk} for code, document in files]),
        }
    )


def test_admin_creates_a_publication_with_a_file_per_language(admin_client):
    english = make_document("Report", "report-en.pdf", b"%PDF-1.7 en")
    french = make_document("Rapport", "rapport-fr.pdf", b"%PDF-1.7 fr")
    assert admin_client.get(add_url()).status_code == 200
    response = admin_client.post(add_url(), publication_form(("en", english), ("fr", french)))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    publication = Publication.objects.get(title="Report: the case studies")
    assert {(f.language, f.document_id) for f in publication.files.all()} == {("en", english.pk), ("fr", french.pk)}
    listing = admin_client.get(reverse(Publication.snippet_viewset.get_url_name("list")))
    assert "en, fr" in listing.content.decode()


def test_admin_refuses_two_files_in_one_language_and_a_publication_without_files(admin_client):
    one, two = make_document("A", "a.pdf"), make_document("B", "b.pdf")
    response = admin_client.post(add_url(), publication_form(("fr", one), ("fr", two)))
    assert response.status_code == 200
    assert "duplicate" in response.content.decode().lower()
    response = admin_client.post(add_url(), publication_form())
    assert response.status_code == 200
    assert not Publication.objects.filter(title="Report: the case studies").exists()


def test_organiser_creates_a_deck_from_the_chooser_with_its_first_file(admin_client):
    chooser = Publication.snippet_viewset.chooser_viewset
    choose = admin_client.get(reverse(chooser.get_url_name("choose")))
    assert choose.status_code == 200 and 'id="tab-create"' in json.loads(choose.content)["html"]
    upload = SimpleUploadedFile("framework-fr.pptx", b"p" * 1234)
    response = admin_client.post(
        reverse(chooser.get_url_name("create")),
        {"title": "Slides: the framework", "kind": "slides", "language": "fr", "file": upload},
    )
    assert json.loads(response.content)["step"] == "chosen"
    publication = Publication.objects.get(title="Slides: the framework")
    [file] = publication.files.all()
    assert file.language == "fr"
    assert (file.document.file_size, file.document.file_extension) == (1234, "pptx")
    assert file.document.collection == Collection.get_first_root_node()


# --- The data migration of the events' slide decks --------------------------------------------------


def test_data_migration_turns_each_sessions_slides_into_a_publication_and_loses_none(client, event_index_en, locales):
    migration = importlib.import_module("events.migrations.0005_slide_decks_as_publications")
    english_deck = make_document("Framework", "framework-en.pptx", b"e" * 2000)
    french_deck = make_document("Référentiel", "referentiel-fr.pptx", b"f" * 2000)
    draft_deck = make_document("Draft", "draft-en.odp", b"d" * 100)
    english = make_event(event_index_en, agenda=[session("Framework"), session("No slides")])
    french = english.copy_for_translation(locales["fr"])
    french.save_revision().publish()
    french = EventPage.objects.get(pk=french.pk)

    # Data as it was before the migration: the session's document under "slides".
    def old_agenda(page, document):
        agenda = page.agenda.raw_data
        for child in agenda:
            child["value"].pop("deck", None)
            child["value"]["slides"] = document.pk if child["value"]["title"] in ("Framework", "Référentiel") else None
        return list(agenda)

    french_agenda = old_agenda(french, french_deck)
    EventPage.objects.filter(pk=english.pk).update(agenda=old_agenda(english, english_deck))
    EventPage.objects.filter(pk=french.pk).update(agenda=french_agenda)
    draft = Revision.objects.filter(object_id=str(english.pk)).latest("pk")
    draft_agenda = old_agenda(english, draft_deck)
    draft.content["agenda"] = json.dumps(draft_agenda)
    draft.save(update_fields=["content"])
    assert EventPage.objects.get(pk=english.pk).agenda.raw_data[0]["value"]["slides"] == english_deck.pk

    migration.forwards(apps, None)

    english, french = EventPage.objects.get(pk=english.pk), EventPage.objects.get(pk=french.pk)
    raw = english.agenda.raw_data[0]["value"]
    assert "slides" not in raw
    publication = Publication.objects.get(pk=raw["deck"])
    assert publication.kind == "slides"
    assert french.agenda.raw_data[0]["value"]["deck"] == publication.pk  # one publication for the session
    assert english.agenda.raw_data[1]["value"]["deck"] is None
    assert {(f.language, f.document_id) for f in publication.files.all()} == {
        ("en", english_deck.pk),
        ("fr", french_deck.pk),
    }
    # Visitors get the same decks as before, each page its own.
    assert session_downloads(soup(client.get(english.url)))[0].select_one("a")["href"] == english_deck.url
    assert session_downloads(soup(client.get(french.url)))[0].select_one("a")["href"] == french_deck.url
    # The revision's deck (a draft's) is kept too.
    content = Revision.objects.get(pk=draft.pk).content
    draft_value = json.loads(content["agenda"])[0]["value"]
    assert "slides" not in draft_value
    assert PublicationFile.objects.filter(publication_id=draft_value["deck"], document=draft_deck).exists()

    migration.backwards(apps, None)
    assert EventPage.objects.get(pk=english.pk).agenda.raw_data[0]["value"]["slides"] == english_deck.pk
    assert EventPage.objects.get(pk=french.pk).agenda.raw_data[0]["value"]["slides"] == french_deck.pk
