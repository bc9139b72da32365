"""Builders for the events tests: documents, event pages, agenda blocks."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from events.models import EventPage
from publications.models import Publication, PublicationFile

YOUTUBE_URL = "https://www.youtube.com/watch?v=kipRecording1"
# 14 May two years on: upcoming whatever the day the suite runs, and in summer time (CEST, WEST).
UPCOMING = datetime.date(timezone.localdate().year + 2, 5, 14)


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def make_document(title: str, filename: str, content: bytes = b"slides") -> object:
    """A Wagtail document with a real (small) file."""
    document = get_document_model()(title=title)
    document.file.save(filename, ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    return document


def make_publication(title: str = "Slides", kind: str = "slides", **files) -> Publication:
    """A publication with one file per language: `make_publication(en=document, fr=other)`."""
    publication = Publication.objects.create(title=title, kind=kind)
    for order, (language, document) in enumerate(files.items()):
        PublicationFile.objects.create(publication=publication, language=language, document=document, sort_order=order)
    return publication


def make_deck(title: str, filename: str, content: bytes = b"slides", language: str = "en") -> Publication:
    """A slide deck: a publication with one file, in `language`."""
    return make_publication(f"Slides: {title}", **{language: make_document(title, filename, content)})


def make_event(parent, **fields) -> EventPage:
    """A published EventPage under `parent`; agenda and people as raw StreamField data."""
    defaults = {
        "title": "Guidance partnerships day",
        "start_date": UPCOMING,
        "start_time": datetime.time(9, 30),
        "end_time": datetime.time(17, 0),
        "time_zone": "Europe/Brussels",
        "attendance_mode": "in_person",
        "venue_name": "Cité des métiers",
        "venue_address": "Avenue de l'Astronomie 14, 1210 Brussels",
    }
    defaults.update(fields)
    page = EventPage(**defaults)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def session(title, **value) -> dict:
    """Raw data of an agenda session block."""
    data = {
        "title": title,
        "date": None,
        "start_time": None,
        "end_time": None,
        "description": "",
        "speakers": [],
        "partner": None,
        "competences": [],
        "deck": None,
        "recording_offset": None,
    }
    data.update(value)
    return {"type": "session", "value": data}
