"""Builders for the tours tests: panoramas, tours, scenes and their hotspots."""

import io

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tours.models import TourIndexPage, TourPage, TourScenePage


def jpeg_bytes(width: int = 2048, height: int = 1024, colour: str = "#88aacc") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def make_image(width: int = 2048, height: int = 1024, title: str = "Test panorama", damaged_to: bytes | None = None):
    """A Wagtail image of `width` × `height` px; `damaged_to` replaces its stored file's bytes afterwards.

    (A damaged file cannot be saved through Wagtail, which reads it; this is
    what a file broken in the media storage, or one accepted by an older
    upload form, looks like.)
    """
    Image = get_image_model()
    image = Image(title=title, file=ContentFile(jpeg_bytes(width, height), name="panorama.jpg"))
    image.save()
    if damaged_to is not None:
        with open(image.file.path, "wb") as stored:
            stored.write(damaged_to)
    return image


def make_document(name: str = "guide.mp3", title: str = "Audio guide", data: bytes = b"ID3 fake audio"):
    Document = get_document_model()
    document = Document(title=title, file=ContentFile(data, name=name))
    document.save()
    return document


def tour_index(locale=None) -> TourIndexPage:
    """The loaded "Virtual tours" page (English by default)."""
    query = TourIndexPage.objects.all()
    if locale is not None:
        query = query.filter(locale=locale)
    else:
        query = query.filter(locale__language_code="en")
    return query.get()


def make_tour(title: str = "Test tour", scenes: int = 2, panorama=None, parent=None, live: bool = True) -> TourPage:
    """A live tour with `scenes` live rooms ("Room 1"…), all sharing one panorama; no hotspots yet."""
    parent = parent or tour_index()
    tour = TourPage(title=title, centre_name=f"{title} centre", city="Lisbon", country="PT", live=live)
    parent.add_child(instance=tour)
    panorama = panorama or make_image()
    for number in range(1, scenes + 1):
        tour.add_child(
            instance=TourScenePage(
                title=f"Room {number}",
                slug=f"room-{number}",
                panorama=panorama,
                description=f"<p>Description of room {number}.</p>",
                live=live,
            )
        )
    return tour


def scenes_of(tour: TourPage) -> list[TourScenePage]:
    return list(TourScenePage.objects.child_of(tour).order_by("path"))


def scene_link(target, yaw: float = 10, pitch: float = 0, label: str = "") -> dict:
    return {"type": "scene_link", "value": {"target": target.pk, "yaw": yaw, "pitch": pitch, "label": label}}


def information(
    title: str = "Notice board", yaw: float = -30, pitch: float = 5, text: str = "<p>News.</p>", image=None
):
    alt_text = "A notice board" if image else ""
    image_value = {"image": image.pk if image else None, "alt_text": alt_text, "decorative": False}
    value = {"yaw": yaw, "pitch": pitch, "title": title, "text": text, "image": image_value}
    return {"type": "information", "value": value}


def media(document, title: str = "Audio guide", yaw: float = 40, pitch: float = 0, transcript: str = "<p>Hello.</p>"):
    return {
        "type": "media",
        "value": {"yaw": yaw, "pitch": pitch, "title": title, "media": document.pk, "captions": None,
                  "transcript": transcript},
    }  # fmt: skip


def set_hotspots(scene: TourScenePage, stream: list[dict]) -> TourScenePage:
    scene.hotspots = stream
    scene.save()
    return scene
