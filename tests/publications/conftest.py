"""Fixtures of the publications tests: the loaded seed event with two slide decks."""

import pytest

from events.models import EventPage
from publications.models import Publication
from tests.conftest import LANGUAGES
from tests.events.helpers import make_document, make_publication


def seed_events() -> dict[str, EventPage]:
    return {page.locale.language_code: page for page in EventPage.objects.select_related("locale")}


def set_decks(page: EventPage, *decks: Publication) -> None:
    """Give the page's first sessions these decks (raw StreamField data, as the editor saves it), and publish."""
    agenda = page.agenda.raw_data
    sessions = [child for child in agenda if child["type"] == "session"]
    for child, deck in zip(sessions, decks, strict=False):
        child["value"]["deck"] = deck.pk
    page.agenda = list(agenda)
    page.slides_not_available = False
    page.save_revision().publish()


@pytest.fixture
def decks():
    """`every` (a PDF in each of the five languages) and `some` (a PPTX in English and French) on the seed event."""
    every = make_publication(
        "Handout: the competence framework",
        kind="handout",
        **{
            code: make_document(f"Handout {code}", f"handout-{code}.pdf", b"%PDF-1.7 " + b"x" * (1000 * (i + 1)))
            for i, code in enumerate(LANGUAGES)
        },
    )
    some = make_publication(
        "Slides: the case studies",
        en=make_document("Case studies en", "cases-en.pptx", b"e" * 3000),
        fr=make_document("Études de cas", "cases-fr.pptx", b"f" * 5000),
    )
    for page in seed_events().values():
        set_decks(page, every, some)
    return {"every": every, "some": some, "events": seed_events()}
