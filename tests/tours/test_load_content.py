"""The shipped sample tours: five tours of two to four linked rooms, in every language, loaded once."""

import io

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tours.models import TourIndexPage, TourPage, TourScenePage

pytestmark = pytest.mark.django_db


def test_five_sample_tours_of_two_to_four_rooms_in_every_language(locales):
    for code, locale in locales.items():
        assert TourIndexPage.objects.filter(locale=locale).count() == 1, code
        tours = TourPage.objects.filter(locale=locale).live()
        assert tours.count() == 5, code
        for tour in tours:
            assert tour.is_sample_content
            scenes = TourScenePage.objects.child_of(tour).live()
            assert 2 <= scenes.count() <= 4, (code, tour.title)
            assert all(scene.is_sample_content for scene in scenes)


def test_every_room_is_reachable_and_each_tour_has_information_and_media(locales):
    for tour in TourPage.objects.filter(locale=locales["en"]):
        scenes = list(TourScenePage.objects.child_of(tour))
        kinds = [block.block_type for scene in scenes for block in scene.hotspots]
        assert "information" in kinds and "media" in kinds, tour.title
        targets = {
            block.value["target"].pk for scene in scenes for block in scene.hotspots if block.block_type == "scene_link"
        }
        assert targets == {scene.pk for scene in scenes}, tour.title
        assert tour.start_scene_id == scenes[0].pk


def test_placeholder_panoramas_are_labelled_valid_and_made_once(locales):
    Image = get_image_model()
    panoramas = Image.objects.filter(title__startswith="Placeholder panorama:")
    assert panoramas.count() == 15
    assert all("(sample content)" in image.title for image in panoramas)
    assert {(image.width, image.height) for image in panoramas} == {(4096, 2048)}
    documents = get_document_model().objects.filter(title__startswith="Placeholder audio")
    assert documents.count() == 1
    out = io.StringIO()
    call_command("load_content", stdout=out)
    assert Image.objects.filter(title__startswith="Placeholder panorama:").count() == 15
    assert "skipped:" not in out.getvalue()


def test_a_deleted_room_is_rebuilt_with_its_placeholder(locales):
    scene = TourScenePage.objects.get(locale=locales["en"], slug="workshop-room", title="Workshop room", depth=5,
                                      url_path__contains="brussels")  # fmt: skip
    scene.get_translations().delete()
    scene.delete()
    out = io.StringIO()
    call_command("load_content", stdout=out)
    rebuilt = TourScenePage.objects.get(locale=locales["en"], url_path=scene.url_path)
    assert rebuilt.panorama.title.startswith("Placeholder panorama: Cité des métiers Brussels, Workshop room")
    assert TourScenePage.objects.filter(translation_key=rebuilt.translation_key).count() == 5
