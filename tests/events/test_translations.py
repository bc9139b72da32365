"""Translations of events through wagtail-localize: synchronised times, the French file of a slide deck."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource

from events.models import EventPage
from tests.events.helpers import UPCOMING, make_document, make_event, make_publication, session

pytestmark = pytest.mark.django_db


def test_times_zone_and_format_are_synchronised_and_cannot_be_overridden():
    fields = {field.field_name: field for field in get_translatable_fields(EventPage)}
    for name in ["start_date", "start_time", "end_date", "end_time", "time_zone", "start", "end", "attendance_mode"]:
        assert fields[name].is_synchronized(EventPage()) and not fields[name].is_overridable(EventPage()), name
    for name in ["online_link", "recording_url", "recording_file"]:
        assert fields[name].is_overridable(EventPage()), name
    for name in ["title", "time_note", "venue_name", "introduction", "agenda", "recording_transcript"]:
        assert fields[name].is_translated(EventPage()), name
    # Whether the video shows captions follows the video, which a translation may replace.
    assert fields["recording_has_captions"].is_synchronized(EventPage())


def test_the_seed_events_translations_share_its_times(locales):
    english = EventPage.objects.get(locale=locales["en"])
    for code in ["fr", "pt", "it", "hr"]:
        page = EventPage.objects.get(locale=locales[code])
        assert (page.start_date, page.start_time, page.time_zone) == (english.start_date, None, "Europe/Brussels")
        assert (page.start, page.end) == (english.start, english.end)
        assert page.time_note and page.time_note != english.time_note


def translate(page, locale, on_commit) -> Translation:
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    with on_commit(execute=True):  # wagtail-localize publishes when the transaction commits
        translation.save_target(publish=True)
    return translation


def test_french_translation_offers_the_french_deck_and_keeps_the_times(
    client, event_index, locales, django_capture_on_commit_callbacks
):
    english_deck = make_document("Competence framework", "framework-en.pptx", b"e" * 2048)
    french_deck = make_document("Référentiel de compétences", "referentiel-fr.pptx", b"f" * 4096)
    deck = make_publication("Slides: the competence framework", en=english_deck, fr=french_deck)
    page = make_event(
        event_index,
        time_zone="Europe/Lisbon",
        agenda=[session("The competence framework", start_time="10:00", end_time="10:30", deck=deck.pk)],
    )
    translation = translate(page, locales["fr"], django_capture_on_commit_callbacks)
    french = EventPage.objects.get(translation_key=page.translation_key, locale=locales["fr"])
    assert (french.start, french.end, french.time_zone) == (page.start, page.end, "Europe/Lisbon")
    # The same publication in both languages: each reader gets the file in their language.
    assert french.presentations[0].publication == deck

    item = BeautifulSoup(client.get(french.url).content, "html.parser").select_one("#presentations .deck")
    link = item.select_one(".pdf-download__link")
    assert (link["href"], link["hreflang"]) == (french_deck.url, "fr")
    assert "(PPTX, 4,0\xa0Kio, Français)" in item.get_text()  # size in French units
    [english] = item.select(".pdf-download__list a")
    assert (english["href"], english["hreflang"], english.get_text()) == (english_deck.url, "en", "English")
    item = BeautifulSoup(client.get(page.url).content, "html.parser").select_one("#presentations .deck")
    assert item.select_one(".pdf-download__link")["href"] == english_deck.url

    # The organiser moves the start half an hour earlier: the translation follows, and keeps its deck.
    page = EventPage.objects.get(pk=page.pk)
    page.start_time = datetime.time(9, 0)
    page.save_revision().publish()
    translation.source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    french = EventPage.objects.get(pk=french.pk)
    assert french.start == datetime.datetime(UPCOMING.year, 5, 14, 8, 0, tzinfo=datetime.UTC)  # 09:00 WEST
    assert french.start == EventPage.objects.get(pk=page.pk).start
    assert french.presentations[0].publication == deck
