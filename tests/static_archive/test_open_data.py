"""Open data downloads per language: they parse, list one row per item, state their licence; the archive has them."""

import csv
import io
import json

import pytest
from icalendar import Calendar
from wagtail.models import Page

from casestudies.models import CaseStudyPage
from events.models import EventIndexPage, EventPage
from guide.models import TrainingProgrammePage
from home.models import Person
from home.reachable import reachable
from tests.events.helpers import make_event, session

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "fr", "pt", "it", "hr"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_competence_framework_is_json_ld_with_seven_competences(client, language):
    response = client.get(f"/{language}/open-data/competences.jsonld")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["@type"] == "DefinedTermSet" and data["inLanguage"] == language
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    terms = data["hasDefinedTerm"]
    assert len(terms) == 7 and {term["@type"] for term in terms} == {"DefinedTerm"}
    assert [term["termCode"] for term in terms] == [str(n) for n in range(1, 8)]
    rows = list(csv.DictReader(io.StringIO(client.get(f"/{language}/open-data/competences.csv").content.decode())))
    assert len(rows) == 7 and rows[0]["number"] == "1" and "CC BY 4.0" in rows[0]["licence"]


def test_case_studies_and_events_are_json_and_csv_with_one_row_per_item(client):
    expected = reachable(CaseStudyPage.objects.filter(locale__language_code="fr")).count()
    assert expected
    data = json.loads(client.get("/fr/open-data/case-studies.json").content)
    assert data["licence"] == "CC BY 4.0" and len(data["items"]) == expected
    assert {"country", "partner", "competences"} <= set(data["items"][0])
    text = client.get("/fr/open-data/case-studies.csv").content.decode()
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    assert header[:3] == ["title", "url", "organisation"] and len(list(reader)) == expected
    events = json.loads(client.get("/fr/open-data/events.json").content)["items"]
    assert events and all(item["url"].startswith("http://testserver/fr/") for item in events)
    page = client.get("/fr/open-data/")
    assert page.status_code == 200 and b"CC BY 4.0" in page.content and b'rel="license"' in page.content
    assert client.get("/fr/open-data/nothing.json").status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_training_modules_are_json_and_csv_with_one_row_per_module(client, language):
    programme = reachable(TrainingProgrammePage.objects.filter(locale__language_code=language)).get()
    modules = [child.value for child in programme.modules]
    assert len(modules) == 7
    data = json.loads(client.get(f"/{language}/open-data/training-modules.json").content)
    assert data["licence"] == "CC BY 4.0" and data["language"] == language
    items = data["items"]
    assert [item["letter"] for item in items] == list("ABCDEFG")
    assert [item["title"] for item in items] == [module.display_title for module in modules]
    assert [item["competence"] for item in items] == list(range(1, 8))
    assert all(item["learning_outcomes"] for item in items)
    assert items[0]["url"].startswith(f"http://testserver{programme.url}#module-")
    response = client.get(f"/{language}/open-data/training-modules.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    reader = csv.reader(io.StringIO(response.content.decode()))
    header = next(reader)
    assert header[:4] == ["letter", "title", "url", "competence"] and header[-1] == "licence"
    rows = list(reader)
    assert len(rows) == 7 and [row[0] for row in rows] == list("ABCDEFG")
    assert all("CC BY 4.0" in row[-1] for row in rows)


def test_a_csv_without_items_still_has_its_header(client):
    TrainingProgrammePage.objects.filter(locale__language_code="it").get().unpublish()
    rows = list(csv.reader(io.StringIO(client.get("/it/open-data/training-modules.csv").content.decode())))
    assert rows == [[*rows[0]]] and rows[0][0] == "letter"
    assert json.loads(client.get("/it/open-data/training-modules.json").content)["items"] == []


@pytest.fixture
def timed_event(home_pages):
    """A French event with two timed sessions, a speaker and a break, on top of the loaded one."""
    index = EventIndexPage.objects.get(locale__language_code="fr")
    speaker = Person.objects.filter(locale__language_code="fr").order_by("name").first()
    agenda = [
        session("Ouverture", start_time="09:30", end_time="10:00", speakers=[speaker.pk]),
        {"type": "break", "value": {"title": "Pause", "date": None, "start_time": "10:00", "end_time": "10:15"}},
        session("Ateliers", start_time="10:15"),
    ]
    return make_event(index, title="Journée des partenariats", slug="journee-partenariats", agenda=agenda), speaker


def test_the_events_json_includes_each_events_agenda(client, timed_event):
    event, speaker = timed_event
    items = json.loads(client.get("/fr/open-data/events.json").content)["items"]
    expected = reachable(EventPage.objects.filter(locale__language_code="fr"))
    assert len(items) == expected.count() >= 2
    by_url = {item["url"]: item for item in items}
    for page in expected:
        agenda = by_url[page.get_full_url()]["agenda"]
        assert [row["title"] for row in agenda] == [child.value["title"] for child in page.agenda]
    agenda = by_url[event.get_full_url()]["agenda"]
    assert [row["type"] for row in agenda] == ["session", "break", "session"]
    opening = agenda[0]
    assert opening["speakers"] == [speaker.name]
    day = event.start_date.isoformat()
    # Wall-clock times in the event's zone (Brussels, summer time), with their UTC offset.
    assert opening["date"] == day
    assert (opening["start"], opening["end"]) == (f"{day}T09:30:00+02:00", f"{day}T10:00:00+02:00")
    assert agenda[1]["start"] == f"{day}T10:00:00+02:00" and "speakers" not in agenda[1]
    assert agenda[2]["end"] is None
    loaded = next(item for item in items if item["url"] != event.get_full_url())
    assert any(row["speakers"] for row in loaded["agenda"] if row["type"] == "session")


def test_the_events_ical_has_one_vevent_per_event_and_states_the_licence(client, timed_event):
    event, _speaker = timed_event
    response = client.get("/fr/open-data/events.ics")
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    vevents = calendar.walk("VEVENT")
    expected = reachable(EventPage.objects.filter(locale__language_code="fr"))
    assert len(vevents) == expected.count() >= 2
    assert {str(vevent["UID"]) for vevent in vevents} == {str(page.translation_key) for page in expected}
    assert "CC BY 4.0" in str(calendar["X-WR-CALDESC"]) and "Événements" in str(calendar["X-WR-CALNAME"])
    ours = next(vevent for vevent in vevents if str(vevent["UID"]) == str(event.translation_key))
    assert ours["SUMMARY"] == "Journée des partenariats"


def test_the_archive_includes_the_downloads(built_archive):
    folder, _report = built_archive
    for language in LANGUAGES:
        data = json.loads((folder / f"{language}/open-data/competences.jsonld").read_text())
        assert len(data["hasDefinedTerm"]) == 7
        assert (folder / f"{language}/open-data/case-studies.csv").is_file()
        assert (folder / f"{language}/open-data/index.html").is_file()
        modules = list(csv.DictReader(io.StringIO((folder / f"{language}/open-data/training-modules.csv").read_text())))
        assert [row["letter"] for row in modules] == list("ABCDEFG")
        events = json.loads((folder / f"{language}/open-data/events.json").read_text())["items"]
        assert events and all("agenda" in item for item in events)
        calendar = Calendar.from_ical((folder / f"{language}/open-data/events.ics").read_bytes())
        assert len(calendar.walk("VEVENT")) == len(events)
        page = (folder / f"{language}/open-data/index.html").read_text()
        assert 'href="events.ics"' in page and 'href="training-modules.json"' in page
    assert Page.objects.exists()


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("en", "Open data"),
        ("fr", "Données ouvertes"),
        ("pt", "Dados abertos"),
        ("it", "Dati aperti"),
        ("hr", "Otvoreni podaci"),
    ],
)
def test_every_footer_links_the_open_data_page_in_its_language(client, language, label):
    html = client.get(f"/{language}/").content.decode()
    assert f'<a href="/{language}/open-data/">{label}</a>' in html
