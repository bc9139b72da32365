"""Bad input on tours: a clear error on the field, never a 500, nothing half-saved."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.tours.factories import jpeg_bytes, make_document, make_image, make_tour, scenes_of
from tours.blocks import MediaBlock, SceneLinkBlock
from tours.models import TourScenePage
from tours.panoramas import shape_errors

pytestmark = pytest.mark.django_db


def scene_form_data(scene, **overrides) -> dict:
    """The scene editor's form data, as the browser posts it; `hotspots` is a list of (type, value)."""
    fields = {
        "title": scene.title,
        "slug": scene.slug,
        "panorama": scene.panorama_id,
        "description": rich_text("<p>A room.</p>"),
        "initial_yaw": 0,
        "initial_pitch": 0,
        "field_of_view": 100,
        "north_offset": 0,
        "hotspots": [],
        "listing_summary": "",
    }
    fields.update(overrides)
    fields["hotspots"] = streamfield(fields["hotspots"])
    return nested_form_data(fields)


def post_scene(admin_client, scene, **overrides):
    return admin_client.post(reverse("wagtailadmin_pages:edit", args=[scene.pk]), scene_form_data(scene, **overrides))


def field_errors(response, name) -> list[str]:
    form = response.context["form"]
    return [str(message) for error in form.errors.get(name, []).as_data() for message in error.messages]


# --- The panorama's shape ---------------------------------------------------------


@pytest.mark.parametrize(
    ("width", "height", "expected"),
    [
        (4096, 2048, None),
        (4096, 2060, None),  # within 1 % of 2:1
        (4096, 2100, "twice as wide as it is high"),
        (4096, 4096, "twice as wide as it is high"),
        (2000, 1000, "at least 2048 px wide"),
        (16384, 8192, "at most 33,554,432"),
    ],
)
def test_panorama_shape_rules(width, height, expected):
    errors = shape_errors(width, height)
    if expected is None:
        assert errors == []
    else:
        assert any(expected in error for error in errors), errors


@override_settings(TOURS_PANORAMA_MAX_PIXELS=2048 * 1024 - 1)
def test_the_pixel_limit_is_a_setting():
    assert any("pixels" in error for error in shape_errors(2048, 1024))


@pytest.mark.parametrize(
    ("width", "height", "message"),
    [(3000, 2000, "twice as wide"), (1024, 512, "at least 2048 px wide")],
)
def test_a_wrong_panorama_is_a_form_error_on_the_panorama_field(admin_client, width, height, message):
    tour = make_tour(scenes=1)
    scene = scenes_of(tour)[0]
    bad = make_image(width, height, title="Not a panorama")
    response = post_scene(admin_client, scene, panorama=bad.pk)
    assert response.status_code == 200
    assert any(message in error for error in field_errors(response, "panorama"))
    scene.refresh_from_db()
    assert scene.panorama_id != bad.pk


def test_a_panorama_whose_file_is_truncated_is_refused_on_the_scene(admin_client):
    tour = make_tour(scenes=1)
    scene = scenes_of(tour)[0]
    data = jpeg_bytes(2048, 1024)
    truncated = make_image(2048, 1024, title="Truncated", damaged_to=data[: len(data) // 3])
    cache.clear()  # no thumbnail of an earlier image with the same id (SQLite reuses ids)
    response = post_scene(admin_client, scene, panorama=truncated.pk)
    assert response.status_code == 200
    assert any("truncated or corrupt" in error for error in field_errors(response, "panorama"))
    assert "truncated or corrupt" in response.content.decode()
    scene.refresh_from_db()
    assert scene.panorama_id != truncated.pk


def root_collection() -> dict:
    """The collection field's data (shown once other apps create collections)."""
    from wagtail.models import Collection

    return {"collection": Collection.get_first_root_node().pk}


def test_uploading_a_truncated_image_is_a_form_error_and_saves_nothing(admin_client):
    Image = get_image_model()
    before = Image.objects.count()
    data = jpeg_bytes(2048, 1024)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("broken.jpg", data[: len(data) // 2], content_type="image/jpeg")
    response = admin_client.post(reverse("wagtailimages:add"), {"title": "Broken", "file": upload, **root_collection()})
    assert response.status_code == 200
    assert "truncated or corrupt" in response.content.decode()
    assert Image.objects.count() == before


def test_uploading_a_corrupt_file_is_a_form_error_and_saves_nothing(admin_client):
    Image = get_image_model()
    before = Image.objects.count()
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("noise.jpg", b"\xff\xd8\xff\xe0" + b"not an image" * 100, content_type="image/jpeg")
    response = admin_client.post(reverse("wagtailimages:add"), {"title": "Noise", "file": upload, **root_collection()})
    assert response.status_code == 200
    assert Image.objects.count() == before


def test_a_whole_image_uploads(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("fine.jpg", jpeg_bytes(2048, 1024), content_type="image/jpeg")
    response = admin_client.post(reverse("wagtailimages:add"), {"title": "Fine", "file": upload, **root_collection()})
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Fine").exists()


# --- Angles -------------------------------------------------------------------


@pytest.mark.parametrize(("field", "value"), [("initial_yaw", 181), ("initial_pitch", -91), ("field_of_view", 150)])
def test_initial_view_out_of_range_is_a_form_error(admin_client, field, value):
    tour = make_tour(scenes=1)
    scene = scenes_of(tour)[0]
    response = post_scene(admin_client, scene, **{field: value})
    assert response.status_code == 200
    assert field_errors(response, field)


@pytest.mark.parametrize(("yaw", "pitch", "bad_field"), [(-180.5, 0, "yaw"), (200, 0, "yaw"), (0, 90.1, "pitch")])
def test_hotspot_angles_out_of_range_are_errors_on_the_block_field(yaw, pitch, bad_field):
    tour = make_tour(scenes=2)
    first, second = scenes_of(tour)
    block = SceneLinkBlock()
    value = block.to_python({"target": second.pk, "yaw": yaw, "pitch": pitch, "label": ""})
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    assert set(raised.value.block_errors) == {bad_field}


def test_hotspot_angles_out_of_range_are_refused_by_the_admin(admin_client):
    tour = make_tour(scenes=2)
    first, second = scenes_of(tour)
    response = post_scene(
        admin_client, first, hotspots=[("scene_link", {"target": second.pk, "yaw": 270, "pitch": 0, "label": ""})]
    )
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 180" in response.content.decode()
    first.refresh_from_db()
    assert len(first.hotspots) == 0


# --- Scene links --------------------------------------------------------------


def hotspot_block_error(response, index=0, child="target") -> str:
    error = response.context["form"].errors["hotspots"].as_data()[-1]
    return " ".join(error.block_errors[index].block_errors[child].messages)


def test_a_scene_linking_to_itself_is_an_error_on_the_link(admin_client):
    tour = make_tour(scenes=2)
    first, _second = scenes_of(tour)
    response = post_scene(
        admin_client, first, hotspots=[("scene_link", {"target": first.pk, "yaw": 0, "pitch": 0, "label": ""})]
    )
    assert response.status_code == 200
    assert "cannot link to itself" in hotspot_block_error(response)


def test_a_link_to_another_tours_scene_is_an_error_on_the_link(admin_client):
    first = scenes_of(make_tour("Tour A", scenes=1))[0]
    elsewhere = scenes_of(make_tour("Tour B", scenes=1))[0]
    response = post_scene(
        admin_client,
        first,
        hotspots=[
            ("information", {"yaw": 0, "pitch": 0, "title": "Desk", "text": rich_text("<p>Hi</p>"), "image": ""}),
            ("scene_link", {"target": elsewhere.pk, "yaw": 0, "pitch": 0, "label": ""}),
        ],
    )
    assert response.status_code == 200
    assert "belongs to another tour" in hotspot_block_error(response, index=1)


def test_model_clean_refuses_a_link_to_another_tour_outside_the_admin_too():
    first = scenes_of(make_tour("Tour A", scenes=1))[0]
    elsewhere = scenes_of(make_tour("Tour B", scenes=1))[0]
    first.hotspots = [{"type": "scene_link", "value": {"target": elsewhere.pk, "yaw": 0, "pitch": 0, "label": ""}}]
    with pytest.raises(ValidationError) as raised:
        first.full_clean()
    assert "hotspots" in raised.value.error_dict


def test_a_valid_scene_link_saves(admin_client):
    first, second = scenes_of(make_tour(scenes=2))
    response = post_scene(
        admin_client, first, hotspots=[("scene_link", {"target": second.pk, "yaw": 12.5, "pitch": -3, "label": "On"})]
    )
    assert response.status_code == 302
    first.refresh_from_db()
    revision = first.latest_revision.as_object()
    assert revision.hotspots[0].value["target"].pk == second.pk
    assert revision.hotspots[0].value["yaw"] == 12.5


def test_the_start_scene_must_be_one_of_the_tours_own_rooms(admin_client):
    tour = make_tour("Tour A", scenes=1)
    elsewhere = scenes_of(make_tour("Tour B", scenes=1))[0]
    tour.start_scene = elsewhere
    with pytest.raises(ValidationError) as raised:
        tour.full_clean()
    assert "start_scene" in raised.value.error_dict


# --- Media ----------------------------------------------------------------------


def media_value(document, **overrides):
    value = {"yaw": 0, "pitch": 0, "title": "Guide", "media": document.pk, "captions": None, "transcript": ""}
    value.update(overrides)
    return MediaBlock().to_python(value)


def test_audio_without_a_transcript_is_refused():
    with pytest.raises(StructBlockValidationError) as raised:
        MediaBlock().clean(media_value(make_document("guide.mp3")))
    assert "transcript" in raised.value.block_errors


def test_video_needs_captions_or_a_transcript():
    video = make_document("tour.mp4", "Tour video")
    with pytest.raises(StructBlockValidationError):
        MediaBlock().clean(media_value(video))
    captions = make_document("tour.vtt", "Captions", b"WEBVTT\n")
    MediaBlock().clean(media_value(video, captions=captions.pk))


def test_a_file_that_is_not_audio_or_video_is_refused():
    with pytest.raises(StructBlockValidationError) as raised:
        MediaBlock().clean(media_value(make_document("notes.pdf", "Notes"), transcript="<p>x</p>"))
    assert "media" in raised.value.block_errors


def test_captions_must_be_webvtt():
    video = make_document("tour.mp4", "Tour video")
    with pytest.raises(StructBlockValidationError) as raised:
        MediaBlock().clean(media_value(video, captions=make_document("captions.txt", "Captions").pk))
    assert "captions" in raised.value.block_errors


def test_translations_skip_authoring_rules_that_the_source_already_passed(locales):
    # A French scene keeps its scene links pointing at the English rooms until rendered.
    french = TourScenePage.objects.filter(locale=locales["fr"]).first()
    french.full_clean()  # no error although its links target English pages
