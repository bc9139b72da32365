"""Helpers behind the event pages: wall-clock times, zone labels, recording offsets and links."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from events.recordings import format_offset, iso_duration, link_at, looks_like_webvtt, provider_knows
from events.timezones import NonexistentTimeError, abbreviation, validate_time_zone, wall_clock
from tests.events.helpers import make_document

UTC = datetime.UTC


def test_wall_clock_applies_the_zones_daylight_saving_rules():
    winter = wall_clock(datetime.date(2022, 3, 26), datetime.time(12, 0), "Europe/Zagreb")
    summer = wall_clock(datetime.date(2022, 3, 27), datetime.time(12, 0), "Europe/Zagreb")
    assert winter.astimezone(UTC).hour == 11
    assert summer.astimezone(UTC).hour == 10
    assert (abbreviation(winter), abbreviation(summer)) == ("CET", "CEST")


def test_a_skipped_time_is_an_error_and_a_repeated_time_is_its_first_occurrence():
    with pytest.raises(NonexistentTimeError):
        wall_clock(datetime.date(2022, 3, 27), datetime.time(1, 30), "Europe/Lisbon")
    repeated = wall_clock(datetime.date(2022, 10, 30), datetime.time(2, 30), "Europe/Zagreb")
    assert repeated.astimezone(UTC) == datetime.datetime(2022, 10, 30, 0, 30, tzinfo=UTC)  # still CEST
    assert abbreviation(repeated) == "CEST"


def test_zones_without_a_letter_abbreviation_show_their_offset():
    dubai = wall_clock(datetime.date(2030, 1, 1), datetime.time(9, 0), "Asia/Dubai")
    assert abbreviation(dubai) == "UTC+04:00"
    kolkata = wall_clock(datetime.date(2030, 1, 1), datetime.time(9, 0), "Asia/Kolkata")
    assert abbreviation(kolkata) == "IST"
    assert abbreviation(wall_clock(datetime.date(2030, 1, 1), None, "UTC")) == "UTC"


@pytest.mark.parametrize("name", ["Europe/Brussels", "Europe/Lisbon", "UTC", "America/Sao_Paulo"])
def test_iana_names_are_valid_time_zones(name):
    validate_time_zone(name)


@pytest.mark.parametrize("name", ["Europe/Bruxelles", "CEST", "GMT+2", "", "europe/brussels"])
def test_other_names_are_refused(name):
    with pytest.raises(ValidationError):
        validate_time_zone(name)


def test_offsets_as_clock_readings_and_iso_durations():
    assert format_offset(datetime.timedelta(seconds=45)) == "0:45"
    assert format_offset(datetime.timedelta(minutes=12, seconds=30)) == "12:30"
    assert format_offset(datetime.timedelta(hours=1, minutes=2, seconds=3)) == "1:02:03"
    assert iso_duration(datetime.timedelta(hours=1, minutes=2, seconds=3)) == "PT1H2M3S"
    assert iso_duration(datetime.timedelta(minutes=12, seconds=30)) == "PT12M30S"
    assert iso_duration(datetime.timedelta(0)) == "PT0S"


def test_links_that_start_the_video_at_an_offset():
    offset = datetime.timedelta(minutes=12, seconds=30)
    assert link_at("https://www.youtube.com/watch?v=abc&t=5s", offset) == "https://www.youtube.com/watch?v=abc&t=750s"
    assert link_at("https://youtu.be/abc", offset) == "https://youtu.be/abc?t=750s"
    assert link_at("https://vimeo.com/123456", offset) == "https://vimeo.com/123456#t=750s"
    assert link_at("https://www.dailymotion.com/video/x7", offset) is None


def test_providers_are_recognised_without_the_network():
    assert provider_knows("https://www.youtube.com/watch?v=abc")
    assert provider_knows("https://vimeo.com/123456")
    assert not provider_knows("https://videos.example.org/watch/123")


@pytest.mark.django_db
def test_webvtt_files_are_recognised_by_their_signature():
    assert looks_like_webvtt(make_document("ok", "ok.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n"))
    assert looks_like_webvtt(make_document("bom", "bom.vtt", b"\xef\xbb\xbfWEBVTT - Captions\n"))
    assert not looks_like_webvtt(make_document("srt", "srt.vtt", b"1\n00:00:00,000 --> 00:00:01,000\nHi\n"))
    assert not looks_like_webvtt(make_document("almost", "almost.vtt", b"WEBVTTX\n"))
