"""An event page as visitors get it: times in the event's zone, people, agenda, decks, recording, JSON-LD."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.embeds.models import Embed

from events.models import EventPage
from home.models import Competence, Partner, Person
from tests.events.helpers import (
    UPCOMING,
    YOUTUBE_URL,
    days_ago,
    make_deck,
    make_document,
    make_event,
    make_publication,
    session,
)
from tests.factories import PartnerFactory, PersonFactory

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def json_ld(response) -> dict:
    scripts = soup(response).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_times_are_stored_in_utc_and_shown_in_the_events_zone_with_its_abbreviation(client, event_index):
    page = make_event(
        event_index,
        start_date=datetime.date(2030, 1, 15),
        start_time=datetime.time(14, 0),
        end_time=datetime.time(17, 30),
        time_zone="Europe/Brussels",
    )
    assert page.start == datetime.datetime(2030, 1, 15, 13, 0, tzinfo=datetime.UTC)
    assert page.end == datetime.datetime(2030, 1, 15, 16, 30, tzinfo=datetime.UTC)
    when = soup(client.get(page.url)).select_one(".event__fact dd")
    assert [t["datetime"] for t in when.find_all("time")] == [
        "2030-01-15",
        "2030-01-15T14:00:00+01:00",
        "2030-01-15T17:30:00+01:00",
    ]
    assert when.find("abbr").get_text() == "CET"
    assert when.find("abbr")["title"] == "Europe/Brussels, UTC+01:00"
    assert "Tuesday 15 January 2030" in when.get_text()


def test_summer_time_shows_cest_and_a_lisbon_event_shows_west(client, event_index):
    brussels = make_event(event_index, start_date=datetime.date(2030, 6, 4), time_zone="Europe/Brussels")
    lisbon = make_event(event_index, title="Porto day", start_date=datetime.date(2030, 6, 5), time_zone="Europe/Lisbon")
    assert soup(client.get(brussels.url)).select_one(".event__fact abbr").get_text() == "CEST"
    assert soup(client.get(lisbon.url)).select_one(".event__fact abbr").get_text() == "WEST"
    # 09:30 on the clocks of Lisbon (UTC+1 in summer) is 08:30 UTC.
    assert lisbon.start == datetime.datetime(2030, 6, 5, 8, 30, tzinfo=datetime.UTC)


def test_an_event_across_the_spring_change_shows_each_end_in_its_own_zone(client, event_index):
    page = make_event(
        event_index,
        start_date=datetime.date(2022, 3, 26),
        start_time=datetime.time(10, 0),
        end_date=datetime.date(2022, 3, 27),
        end_time=datetime.time(16, 0),
        time_zone="Europe/Zagreb",
    )
    assert page.start == datetime.datetime(2022, 3, 26, 9, 0, tzinfo=datetime.UTC)
    assert page.end == datetime.datetime(2022, 3, 27, 14, 0, tzinfo=datetime.UTC)
    abbreviations = [abbr.get_text() for abbr in soup(client.get(page.url)).select(".event__fact dd abbr")]
    assert abbreviations == ["CET", "CEST"]


def test_json_ld_is_a_schema_org_event_with_the_fields_search_engines_read(
    client, event_index, locales, online_provider
):
    moderator, speaker = PersonFactory(name="Ana Ribeiro"), PersonFactory(name="Ivan Horvat", organisation="AZVO")
    partner = Partner.objects.get(locale=locales["en"], slug="azvo")
    deck = make_deck("Framework slides", "framework.pptx", b"x" * 4096)
    competence = Competence.objects.get(locale=locales["en"], number=1)
    page = make_event(
        event_index,
        title="Partnership managers' day",
        listing_summary="A day on managing guidance partnerships.",
        start_date=datetime.date(2030, 10, 3),
        attendance_mode="hybrid",
        online_link="https://meet.example.org/kip",
        organiser=partner,
        moderators=[{"type": "person", "value": moderator.pk}],
        agenda=[
            session(
                "The competence framework",
                start_time="10:00",
                end_time="10:45",
                speakers=[speaker.pk],
                partner=partner.pk,
                competences=[competence.pk],
                deck=deck.pk,
                recording_offset=95,
            ),
            {"type": "break", "value": {"title": "Coffee", "date": None, "start_time": "10:45", "end_time": "11:00"}},
        ],
        recording_url=YOUTUBE_URL,
        recording_duration=datetime.timedelta(hours=2),
        recording_has_captions=True,
    )
    call_command("fetch_recording_embeds", stdout=open("/dev/null", "w"))
    data = json_ld(client.get(page.url))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Partnership managers' day"
    assert data["description"] == "A day on managing guidance partnerships."
    assert data["startDate"] == "2030-10-03T09:30:00+02:00"
    assert data["endDate"] == "2030-10-03T17:00:00+02:00"
    assert data["inLanguage"] == "en"
    assert data["url"] == page.get_full_url()
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    place, virtual = data["location"]
    assert place == {
        "@type": "Place",
        "name": "Cité des métiers",
        "address": "Avenue de l'Astronomie 14, 1210 Brussels",
    }
    assert virtual == {"@type": "VirtualLocation", "url": "https://meet.example.org/kip"}
    assert data["organizer"]["name"] == "Agency for Science and Higher Education"
    assert [p["name"] for p in data["performer"]] == ["Ana Ribeiro", "Ivan Horvat"]
    [sub_event] = data["subEvent"]
    assert sub_event["name"] == "The competence framework"
    assert sub_event["startDate"] == "2030-10-03T10:00:00+02:00"
    assert sub_event["endDate"] == "2030-10-03T10:45:00+02:00"
    assert {p["name"] for p in sub_event["performer"]} == {"Ivan Horvat", "Agency for Science and Higher Education"}
    assert sub_event["workFeatured"]["encodingFormat"].startswith("application/vnd.openxmlformats")
    video = data["recordedIn"]
    assert video["@type"] == "VideoObject"
    assert video["url"] == YOUTUBE_URL
    assert video["duration"] == "PT2H"
    assert video["hasPart"] == [
        {
            "@type": "Clip",
            "name": "The competence framework",
            "startOffset": 95,
            "url": YOUTUBE_URL + "&t=95s",
        }
    ]


def test_json_ld_of_an_event_without_times_uses_dates_and_keeps_script_tags_out(client, event_index):
    page = make_event(
        event_index,
        title="</script><script>alert(1)</script>",
        start_date=datetime.date(2031, 2, 1),
        start_time=None,
        end_time=None,
        attendance_mode="online",
        online_link="https://meet.example.org/x",
        venue_name="",
        venue_address="",
    )
    response = client.get(page.url)
    assert b"</script><script>alert(1)" not in response.content
    data = json_ld(response)
    assert data["name"] == "</script><script>alert(1)</script>"
    assert data["startDate"] == "2031-02-01"
    assert data["endDate"] == "2031-02-01"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/x"}


def test_agenda_shows_session_times_speakers_partner_competences_and_slides(client, event_index, locales):
    speaker = PersonFactory(
        name="Maria Costa", job_title="Guidance counsellor", organisation="Cité des métiers do Porto"
    )
    partner = Partner.objects.get(locale=locales["en"], slug="cdm-porto")
    document = make_document("Porto deck", "porto.pdf", b"%PDF-1.4 " + b"x" * 4_400_000)
    deck = make_publication("Slides: Porto", en=document)
    competence = Competence.objects.get(locale=locales["en"], number=3)
    page = make_event(
        event_index,
        agenda=[
            session(
                "Coordinating the partnership",
                start_time="11:00",
                end_time="11:30",
                speakers=[speaker.pk],
                partner=partner.pk,
                competences=[competence.pk],
                deck=deck.pk,
            ),
            {"type": "break", "value": {"title": "", "date": None, "start_time": "11:30", "end_time": "11:45"}},
        ],
    )
    html = soup(client.get(page.url))
    item = html.select_one(".agenda__item--session")
    times = [t["datetime"] for t in item.find_all("time")]
    assert times == [f"{UPCOMING}T11:00:00+02:00", f"{UPCOMING}T11:30:00+02:00"]
    assert item.find("abbr").get_text() == "CEST"
    assert "Maria Costa" in item.get_text()
    assert "Presented by Cité des métiers of Porto" in item.get_text()
    assert "3. Coordinating, managing and leading the partnership" in item.get_text()
    link = item.select_one(".session__links a")
    assert link["href"] == document.url
    assert (link["type"], link["hreflang"]) == ("application/pdf", "en")
    assert "(PDF, 4.2\xa0MB, English)" in item.get_text()
    assert html.select_one(".agenda__item--break").get_text(" ", strip=True).endswith("Break")
    # The presentations list: each deck once, with its partner, type and size.
    deck_item = html.select_one("#presentations .deck")
    assert deck_item.find("a")["href"] == document.url
    assert deck_item.find("a").get_text() == "Coordinating the partnership"
    assert "PDF, 4.2\xa0MB" in deck_item.get_text()
    assert "Cité des métiers of Porto" in deck_item.get_text()


def test_each_deck_is_listed_once_even_when_two_sessions_share_it(event_index):
    deck = make_deck("Shared deck", "shared.odp")
    other = make_deck("Other deck", "other.pptx")
    page = make_event(
        event_index,
        agenda=[
            session("Part one", deck=deck.pk),
            session("Part two", deck=deck.pk),
            session("C", deck=other.pk),
        ],
    )
    assert [p.publication.pk for p in page.presentations] == [deck.pk, other.pk]
    assert page.has_slides


def test_offline_recording_is_saved_and_shown_as_a_plain_link(client, event_index, offline_provider):
    page = make_event(event_index, recording_url=YOUTUBE_URL, recording_has_captions=True)
    html = soup(client.get(page.url))
    recording = html.find(id="recording")
    assert not recording.find("iframe")
    link = recording.select_one(".recording__link a")
    assert link["href"] == YOUTUBE_URL
    assert link.get_text(strip=True) == "Watch the recording"
    # The page view did not ask the provider: only saving does.
    assert offline_provider == []


def test_recording_embed_fetched_when_the_provider_answers(client, event_index, online_provider):
    page = make_event(event_index, recording_url=YOUTUBE_URL, recording_has_captions=True)
    out = open("/dev/null", "w")
    call_command("fetch_recording_embeds", stdout=out)
    assert Embed.objects.filter(url=YOUTUBE_URL).exists()
    recording = soup(client.get(page.url)).find(id="recording")
    assert recording.find("iframe")["title"] == "Keep in Pact final conference"
    assert recording.select_one(".recording__link a").get_text(strip=True) == "Watch the recording on YouTube"


def test_uploaded_recording_plays_with_caption_tracks_per_language_and_chapters(client, event_index):
    video = make_document("Recording", "recording.mp4", b"\x00\x00\x00\x18ftypmp42")
    captions_en = make_document("Captions EN", "captions-en.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n")
    captions_fr = make_document("Captions FR", "captions-fr.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour\n")
    page = make_event(
        event_index,
        agenda=[session("Opening", recording_offset=0), session("Framework", recording_offset=750)],
        recording_file=video,
        recording_captions=[
            {"type": "captions", "value": {"language": "en", "file": captions_en.pk}},
            {"type": "captions", "value": {"language": "fr", "file": captions_fr.pk}},
        ],
    )
    html = soup(client.get(page.url))
    player = html.find("video")
    assert player.find("source")["src"] == video.url
    assert player.find("source")["type"] == "video/mp4"
    tracks = player.find_all("track")
    assert [(t["srclang"], t["kind"], t.has_attr("default")) for t in tracks] == [
        ("en", "captions", True),
        ("fr", "captions", False),
    ]
    chapters = html.select(".chapters li")
    assert [c.find("time")["datetime"] for c in chapters] == ["PT0S", "PT12M30S"]
    assert [c.find("time").get_text() for c in chapters] == ["0:00", "12:30"]
    assert chapters[1].find("a")["href"] == f"{video.url}#t=750"
    assert chapters[1].find("a")["data-seek"] == "750"
    assert html.find("script", src=lambda src: src and src.endswith("events/recording.js"))


def test_calendar_link_and_alternate_point_to_the_events_ics(client, event_index):
    page = make_event(event_index)
    html = soup(client.get(page.url))
    assert html.select_one(".event__actions a")["href"] == page.url + "ical/"
    assert html.find("link", type="text/calendar")["href"] == page.url + "ical/"


def test_cancelled_event_says_so(client, event_index):
    page = make_event(event_index, status="EventCancelled")
    html = soup(client.get(page.url))
    assert "This event will not take place." in html.select_one(".event__status").get_text()
    assert json_ld(client.get(page.url))["eventStatus"] == "https://schema.org/EventCancelled"


def build_event_with_sessions(parent, count: int) -> EventPage:
    """An event whose agenda has `count` sessions, each with two speakers, a partner, competences, slides."""
    competences = list(Competence.objects.filter(locale=parent.locale).order_by("number"))
    sessions = []
    for number in range(count):
        speakers = [PersonFactory().pk, PersonFactory().pk]
        partner = PartnerFactory()
        deck = make_deck(f"Deck {number}", f"deck-{number}.pptx")
        sessions.append(
            session(
                f"Session {number}",
                start_time=f"{9 + number // 6:02d}:{(number % 6) * 10:02d}",
                speakers=speakers,
                partner=partner.pk,
                competences=[competences[number % 7].pk, competences[(number + 1) % 7].pk],
                deck=deck.pk,
                recording_offset=number * 60,
            )
        )
        sessions.append({"type": "break", "value": {"title": "", "date": None, "start_time": None, "end_time": None}})
    moderators = [{"type": "person", "value": PersonFactory().pk} for _ in range(2)]
    return make_event(
        parent,
        title=f"Agenda of {count}",
        start_time=datetime.time(9, 0),
        end_time=datetime.time(18, 0),
        agenda=sessions,
        moderators=moderators,
        recording_url=YOUTUBE_URL,
        recording_duration=datetime.timedelta(hours=9),
        recording_has_captions=True,
    )


def test_event_page_query_count_does_not_grow_with_sessions_speakers_or_decks(client, event_index, count_queries):
    small = build_event_with_sessions(event_index, 3)
    large = build_event_with_sessions(event_index, 30)
    client.get(small.url)  # warm per-process caches and the page's fragments (home.fragments)
    client.get(large.url)
    small_response, with_3 = count_queries(lambda: client.get(small.url))
    large_response, with_30 = count_queries(lambda: client.get(large.url))
    assert small_response.status_code == large_response.status_code == 200
    assert len(soup(large_response).select("#presentations .deck")) == 30
    assert len(soup(large_response).select(".chapters li")) == 30
    assert with_3 == with_30, (with_3, with_30)
    print(f"\nEvent page SQL queries: {with_3} with 3 sessions, {with_30} with 30 sessions")


def test_events_index_query_count_does_not_grow_with_events(client, event_index, count_queries):
    for number in range(2):
        make_event(event_index, title=f"Event {number}", start_date=UPCOMING + datetime.timedelta(days=number))
    client.get(event_index.url)
    _response, with_few = count_queries(lambda: client.get(event_index.url))
    for number in range(18):
        make_event(event_index, title=f"More {number}", start_date=days_ago(400 + number))
    client.get(event_index.url)  # publishing invalidated the shared fragments: computed once again
    response, with_many = count_queries(lambda: client.get(event_index.url))
    assert len(soup(response).select(".event-card")) == 21  # 20 new and the seed event
    assert with_few == with_many, (with_few, with_many)


def test_people_in_the_speaker_list_appear_once(event_index):
    person = PersonFactory(name="Repeated Speaker")
    page = make_event(
        event_index,
        speakers=[{"type": "person", "value": person.pk}],
        agenda=[session("A", speakers=[person.pk]), session("B", speakers=[person.pk])],
    )
    assert [p.name for p in page.all_speakers] == ["Repeated Speaker"]
    assert Person.objects.filter(name="Repeated Speaker").count() == 1


def test_home_page_features_the_next_event_and_its_query_count_does_not_grow_with_events(
    client, home_pages, event_index, count_queries
):
    client.get("/en/")
    _response, with_seed_only = count_queries(lambda: client.get("/en/"))
    for number in range(10):
        make_event(event_index, title=f"Future {number}", start_date=UPCOMING + datetime.timedelta(days=number))
    client.get("/en/")  # publishing invalidated the shared fragments: computed once again
    response, with_eleven = count_queries(lambda: client.get("/en/"))
    section = soup(response).select_one(".latest-event")
    assert section.find("h2").get_text(strip=True) == "Next event"
    assert section.find("h3").get_text(strip=True) == "Future 0"
    # An upcoming event is found by the first query; the seed (past) event needed a second one.
    assert with_eleven <= with_seed_only, (with_seed_only, with_eleven)
    make_event(event_index, title="Future 10", start_date=UPCOMING + datetime.timedelta(days=30))
    client.get("/en/")
    _response, with_twelve = count_queries(lambda: client.get("/en/"))
    assert with_twelve == with_eleven
