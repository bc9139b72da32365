"""Tours in wagtail-localize: texts go to translators, numbers and choices never do."""

import re
from pathlib import Path

import polib
import pytest
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from tests.tours.factories import information, make_document, make_tour, media, scene_link, scenes_of, set_hotspots
from tours.models import TourPage, TourScenePage

pytestmark = pytest.mark.django_db

NUMBER = re.compile(r"^[\s+−-]*\d+([.,]\d+)?\s*°?$")
PO_DIR = Path(__file__).resolve().parents[2] / "tours" / "content" / "locale"


def test_no_coordinate_or_number_is_sent_to_translators(locales):
    tour = make_tour(scenes=2)
    tour.media_languages = ["fr", "pt"]
    tour.save()
    first, second = scenes_of(tour)
    first.initial_yaw, first.initial_pitch, first.field_of_view, first.north_offset = 123.4, -12.5, 75, 270
    first.save()
    set_hotspots(
        first,
        [scene_link(second, yaw=-135.25, pitch=7.5, label="To room two"), information("Desk", yaw=45.5, pitch=-9),
         media(make_document("a.mp3"), "Audio", yaw=99.9, pitch=1.5)],
    )  # fmt: skip
    for page in (tour, first):
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation = Translation.objects.create(source=source, target_locale=locales["fr"])
        po = translation.export_po()
        msgids = [entry.msgid for entry in po]
        contexts = [entry.msgctxt for entry in po]
        assert msgids, page
        assert not [msgid for msgid in msgids if NUMBER.match(msgid)], msgids
        for name in ("yaw", "pitch", "initial_yaw", "initial_pitch", "field_of_view", "north_offset",
                     "media_languages", "country", "start_scene", "panorama", "target", "media", "image"):  # fmt: skip
            assert not [context for context in contexts if context.split(".")[-1] == name], (name, contexts)
    texts = set(
        StringSegment.objects.filter(source__object_id=first.translation_key).values_list("string__data", flat=True)
    )
    assert {"To room two", "Desk", "Audio", "Description of room 1."} <= texts


def test_no_shipped_po_file_holds_a_number():
    files = list(PO_DIR.glob("*/*.po"))
    assert len(files) == 4 * 21
    for path in files:
        for entry in polib.pofile(str(path)):
            assert not NUMBER.match(entry.msgid), (path, entry.msgid)
            assert entry.msgstr, (path, entry.msgid)  # every string translated


def test_translations_share_coordinates_and_panorama_but_not_texts(locales):
    for english in TourScenePage.objects.filter(locale=locales["en"]):
        for language in ("fr", "pt", "it", "hr"):
            translated = TourScenePage.objects.get(translation_key=english.translation_key, locale=locales[language])
            assert translated.panorama_id == english.panorama_id
            assert (translated.initial_yaw, translated.initial_pitch, translated.field_of_view) == (
                english.initial_yaw,
                english.initial_pitch,
                english.field_of_view,
            )
            assert [block.value["yaw"] for block in translated.hotspots] == [
                block.value["yaw"] for block in english.hotspots
            ]
            assert translated.title != english.title or language == "fr" and english.title == "Documentation"


def test_tour_facts_are_synchronised_and_names_translated(locales):
    english = TourPage.objects.get(locale=locales["en"], slug="cite-des-metiers-brussels")
    croatian = TourPage.objects.get(locale=locales["hr"], translation_key=english.translation_key)
    assert croatian.country == english.country
    assert croatian.media_languages == english.media_languages
    assert croatian.city == "Bruxelles" and english.city == "Brussels"
