"""The real multiplier event of 28 March 2022, as load_content ships it, in five languages."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import ReferenceIndex

from events.models import EventIndexPage, EventPage
from home.models import Competence
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

SEED_TITLE = "Tools and tips for cooperation in lifelong guidance"


def seed_events() -> dict[str, EventPage]:
    return {page.locale.language_code: page for page in EventPage.objects.select_related("locale")}


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_the_seed_event_exists_once_per_language_under_the_events_index(locales):
    events = seed_events()
    assert set(events) == set(LANGUAGES)
    for code, page in events.items():
        assert page.live
        assert isinstance(page.get_parent().specific, EventIndexPage)
        assert page.get_parent().locale.language_code == code
    assert events["en"].title == SEED_TITLE


@pytest.mark.parametrize("language", LANGUAGES)
def test_seed_event_renders_in_each_language_with_translated_text(client, language):
    page = seed_events()[language]
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == language
    assert html.find("h1").get_text(strip=True) == page.title
    main = html.find("main").get_text(" ", strip=True)
    # Moderators and the opening speaker, named as in the seed.
    for name in ["Marion Seidenbinder", "Pauline Boivin", "Catherine Kinet"]:
        assert name in main
    # The six sessions of the agenda, in the page's language.
    sessions = html.select(".agenda .session__title")
    assert len(sessions) == 6
    if language != "en":
        assert page.title != SEED_TITLE
        english_sessions = {"The competence framework", "The virtual tours", "The guide for cooperation"}
        assert not english_sessions & {h.get_text(strip=True) for h in sessions}
        # UI strings come from the events catalogue, translated.
        assert html.find(id="people-heading").get_text(strip=True) != "Moderators and speakers"
        assert "exact times not published" not in main


def test_seed_event_is_shown_by_date_with_the_afternoon_note_and_no_invented_hours(client):
    html = soup(client.get(seed_events()["en"].url))
    when = html.select_one(".event__fact dd")
    times = when.find_all("time")
    assert [t["datetime"] for t in times] == ["2022-03-28"]
    text = when.get_text(" ", strip=True)
    assert "Monday 28 March 2022" in text
    assert "afternoon" in text
    assert "exact times not published" in text
    assert "Online" in html.select(".event__fact dd")[1].get_text()


def test_seed_event_reads_well_without_slides_recording_or_session_times(client):
    html = soup(client.get(seed_events()["en"].url))
    assert "The times of the sessions were not published." in html.find(id="agenda").get_text()
    # An archive (issue 18): no empty Presentations and Recording sections, the missing material said once.
    assert html.find(id="presentations") is None and html.find(id="recording") is None
    text = html.find("main").get_text(" ", strip=True)
    assert text.count("The slides and the recording were not published on this site.") == 1
    assert not html.select("iframe, video")


def test_sessions_reference_competences_through_the_reference_index(locales):
    """The competence framework page (issue 4) finds event sessions about a competence in the ReferenceIndex."""
    for code in ["en", "fr"]:
        competence = Competence.objects.get(locale=locales[code], number=3)
        event = seed_events()[code]
        assert ReferenceIndex.get_references_to(competence).filter(object_id=str(event.pk)).exists(), code


def test_competence_framework_and_training_sessions_present_all_seven_competences():
    event = seed_events()["en"]
    by_title = {session["title"]: session for session in event.sessions()}
    assert [c.number for c in by_title["The competence framework"]["competences"]] == [1, 2, 3, 4, 5, 6, 7]
    assert [c.number for c in by_title["The training programme"]["competences"]] == [1, 2, 3, 4, 5, 6, 7]
    assert list(by_title["The virtual tours"]["competences"]) == []


def test_events_index_lists_the_seed_event_under_past_events_grouped_by_year(client):
    index = EventIndexPage.objects.get(locale__language_code="fr")
    html = soup(client.get(index.url))
    assert html.find(id="upcoming-heading")
    past = html.find(id="past-heading").find_parent("section")
    assert past.find(id="past-2022")
    card = past.select_one(".event-card")
    assert card.find("a")["href"] == seed_events()["fr"].url
    assert card.find("time")["datetime"] == "2022-03-28"
    # A past event's card says once what was not published (issue 18), not "No slides yet".
    assert not card.select(".event-card__media .is-missing")
    assert card.select_one(".event-card__missing").get_text(strip=True).startswith("Les diapositives")


def test_home_page_shows_the_latest_event_in_its_language(client, home_pages):
    for language in ["en", "hr"]:
        html = soup(client.get(f"/{language}/"))
        section = html.select_one(".latest-event")
        assert section is not None, language
        assert section.find("a")["href"] == seed_events()[language].url
