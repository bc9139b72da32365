"""Publishing a room makes its panorama renditions; the first visitor's request makes none (issue 16, point 6)."""

import pytest
from wagtail.images import get_image_model

from tests.tours.factories import information, make_image, make_tour, scenes_of, set_hotspots

pytestmark = pytest.mark.django_db


def rendition_count() -> int:
    return get_image_model().get_rendition_model().objects.count()


def test_publishing_a_room_makes_its_renditions_and_the_first_visit_makes_none(client):
    tour = make_tour("Fresh tour", scenes=2, panorama=make_image(4096, 2048), live=False)
    scenes = scenes_of(tour)
    set_hotspots(scenes[0], [information("Desk", image=make_image(800, 600, title="Desk photo"))])
    before = rendition_count()
    tour.save_revision().publish()
    for scene in scenes:
        scene.refresh_from_db()
        scene.save_revision().publish()
    made = rendition_count() - before
    assert made >= 3  # 2048 and 4096 px panoramas, the thumbnail, the information image

    after_publish = rendition_count()
    for scene in scenes:
        assert client.get(scene.url).status_code == 200
    assert rendition_count() == after_publish
