"""iCalendar files: per event and the feed of all events, parsed back with the `icalendar` library."""

import datetime

import pytest
from icalendar import Calendar

from events.models import EventIndexPage, EventPage
from tests.events.helpers import UPCOMING, make_event

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def only_event(calendar: Calendar):
    [event] = calendar.walk("VEVENT")
    return event


def instant_via_vtimezone(calendar: Calendar, event, name: str) -> datetime.datetime:
    """DTSTART/DTEND read with the file's own VTIMEZONE (as a calendar without the IANA database would)."""
    prop = event[name]
    [vtimezone] = [tz for tz in calendar.walk("VTIMEZONE") if tz["TZID"] == prop.params["TZID"]]
    zone = vtimezone.to_tz(lookup_tzid=False)
    return prop.dt.replace(tzinfo=None).replace(tzinfo=zone).astimezone(UTC)


@pytest.mark.parametrize(
    ("zone", "start", "end", "start_utc", "end_utc", "names"),
    [
        # Lisbon springs forward at 01:00 WET on Sunday 27 March 2022 (UTC+0 -> UTC+1).
        (
            "Europe/Lisbon",
            (datetime.date(2022, 3, 26), datetime.time(10, 0)),
            (datetime.date(2022, 3, 27), datetime.time(16, 0)),
            datetime.datetime(2022, 3, 26, 10, 0, tzinfo=UTC),
            datetime.datetime(2022, 3, 27, 15, 0, tzinfo=UTC),
            {"WET", "WEST"},
        ),
        # Zagreb springs forward at 02:00 CET on the same Sunday (UTC+1 -> UTC+2).
        (
            "Europe/Zagreb",
            (datetime.date(2022, 3, 26), datetime.time(10, 0)),
            (datetime.date(2022, 3, 27), datetime.time(16, 0)),
            datetime.datetime(2022, 3, 26, 9, 0, tzinfo=UTC),
            datetime.datetime(2022, 3, 27, 14, 0, tzinfo=UTC),
            {"CET", "CEST"},
        ),
        # Zagreb falls back at 03:00 CEST on Sunday 30 October 2022 (UTC+2 -> UTC+1).
        (
            "Europe/Zagreb",
            (datetime.date(2022, 10, 29), datetime.time(22, 0)),
            (datetime.date(2022, 10, 30), datetime.time(4, 0)),
            datetime.datetime(2022, 10, 29, 20, 0, tzinfo=UTC),
            datetime.datetime(2022, 10, 30, 3, 0, tzinfo=UTC),
            {"CET", "CEST"},
        ),
    ],
)
def test_ics_parses_back_to_the_right_utc_instants_across_a_daylight_saving_weekend(
    client, event_index, zone, start, end, start_utc, end_utc, names
):
    page = make_event(
        event_index,
        start_date=start[0],
        start_time=start[1],
        end_date=end[0],
        end_time=end[1],
        time_zone=zone,
    )
    calendar = parse(client.get(page.url + "ical/"))
    event = only_event(calendar)
    assert event["DTSTART"].params["TZID"] == zone
    assert event["DTEND"].params["TZID"] == zone
    assert event.decoded("DTSTART").astimezone(UTC) == start_utc
    assert event.decoded("DTEND").astimezone(UTC) == end_utc
    # The VTIMEZONE shipped in the file gives the same instants, and names both observances.
    assert instant_via_vtimezone(calendar, event, "DTSTART") == start_utc
    assert instant_via_vtimezone(calendar, event, "DTEND") == end_utc
    [vtimezone] = calendar.walk("VTIMEZONE")
    assert vtimezone["TZID"] == zone
    assert {str(sub["TZNAME"]) for sub in vtimezone.subcomponents} == names
    assert page.start == start_utc and page.end == end_utc


def test_ics_has_a_stable_uid_summary_description_url_and_location(client, event_index):
    page = make_event(event_index, title="Guidance partnerships day", listing_summary="One day on partnerships.")
    first = only_event(parse(client.get(page.url + "ical/")))
    second = only_event(parse(client.get(page.url + "ical/")))
    assert str(first["UID"]) == str(page.translation_key) == str(second["UID"])
    assert first["DTSTAMP"].to_ical() == second["DTSTAMP"].to_ical()
    assert str(first["SUMMARY"]) == "Guidance partnerships day"
    assert first["SUMMARY"].params["LANGUAGE"] == "en"
    assert "One day on partnerships." in str(first["DESCRIPTION"])
    assert str(first["URL"]) == page.get_full_url()
    assert str(first["LOCATION"]) == "Cité des métiers, Avenue de l'Astronomie 14, 1210 Brussels"
    assert str(first["STATUS"]) == "CONFIRMED"


def test_online_event_ics_carries_the_link_as_location_and_conference(client, event_index):
    page = make_event(
        event_index,
        attendance_mode="online",
        online_link="https://meet.example.org/kip",
        venue_name="",
        venue_address="",
    )
    event = only_event(parse(client.get(page.url + "ical/")))
    assert str(event["LOCATION"]) == "https://meet.example.org/kip"
    assert str(event["CONFERENCE"]) == "https://meet.example.org/kip"
    assert "Join online: https://meet.example.org/kip" in str(event["DESCRIPTION"])


def test_seed_event_without_hours_is_an_all_day_entry_in_each_language(client):
    uids = set()
    for page in EventPage.objects.select_related("locale"):
        event = only_event(parse(client.get(page.url + "ical/")))
        assert event.decoded("DTSTART") == datetime.date(2022, 3, 28)
        assert event.decoded("DTEND") == datetime.date(2022, 3, 29)
        assert str(event["TRANSP"]) == "TRANSPARENT"
        assert str(event["SUMMARY"]) == page.title
        assert str(event["URL"]) == page.get_full_url()
        assert event["DESCRIPTION"].params["LANGUAGE"] == page.locale.language_code
        uids.add(str(event["UID"]))
    # One event, one UID: a calendar that imports two languages keeps one entry.
    assert len(uids) == 1


def test_feed_lists_every_event_of_the_language_for_subscription(client, event_index):
    make_event(event_index, title="Future day", start_date=UPCOMING, time_zone="Europe/Lisbon")
    next_day = UPCOMING + datetime.timedelta(days=1)
    make_event(event_index, title="Zagreb day", start_date=next_day, time_zone="Europe/Zagreb")
    response = client.get(event_index.url + "ical/")
    calendar = parse(response)
    assert "attachment" not in response.get("Content-Disposition", "")
    assert str(calendar["X-WR-CALNAME"]) == "Keep in Pact: Events"
    assert calendar["REFRESH-INTERVAL"].dt == datetime.timedelta(days=1)
    summaries = sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))
    assert summaries == ["Future day", "Tools and tips for cooperation in lifelong guidance", "Zagreb day"]
    assert {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")} == {"Europe/Lisbon", "Europe/Zagreb"}


def test_french_feed_has_the_french_event(client):
    index = EventIndexPage.objects.get(locale__language_code="fr")
    calendar = parse(client.get(index.url + "ical/"))
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == EventPage.objects.get(locale__language_code="fr").title
    assert "/fr/" in str(event["URL"])


def test_per_event_ics_downloads_with_the_slug_as_filename(client, event_index):
    page = make_event(event_index, title="Download me", slug="download-me")
    response = client.get(page.url + "ical/")
    assert response["Content-Disposition"] == 'attachment; filename="download-me.ics"'
