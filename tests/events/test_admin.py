"""The page editor: an organiser publishes a complete event; every bad input is an error on its field."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventPage
from home.models import Competence, Partner, Person
from tests.events.helpers import UPCOMING, YOUTUBE_URL, make_deck, make_document, make_event

pytestmark = pytest.mark.django_db

SLUG = "partnership-workshop"


def list_block(values) -> dict:
    """Form data of a ListBlock."""
    data = {"count": len(values)}
    for index, value in enumerate(values):
        data[str(index)] = {"value": value, "deleted": "", "order": index, "id": ""}
    return data


def session_data(title="Opening", **fields) -> tuple:
    value = {
        "title": title,
        "date": "",
        "start_time": "",
        "end_time": "",
        "description": rich_text(""),
        "speakers": list_block([]),
        "partner": "",
        "competences": list_block([]),
        "deck": "",
        "recording_offset": "",
    }
    value.update(fields)
    return ("session", value)


def event_form_data(**fields) -> dict:
    data = {
        "title": "Partnership workshop",
        "slug": SLUG,
        "start_date": UPCOMING.isoformat(),
        "start_time": "09:30",
        "end_date": "",
        "end_time": "17:00",
        "time_zone": "Europe/Brussels",
        "time_note": "",
        "status": "EventScheduled",
        "attendance_mode": "in_person",
        "venue_name": "Cité des métiers",
        "venue_address": "Avenue de l'Astronomie 14\n1210 Brussels",
        "online_link": "",
        "organiser": "",
        "moderators": streamfield([]),
        "speakers": streamfield([]),
        "introduction": rich_text("<p>A workshop for partnership managers.</p>"),
        "body": streamfield([]),
        "agenda": streamfield([]),
        "recording_url": "",
        "recording_file": "",
        "recording_duration": "",
        "recording_captions": streamfield([]),
        "recording_transcript": rich_text(""),
        "listing_summary": "",
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)


def add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=["events", "eventpage", parent.pk])


def post_event(admin_client, parent, **fields):
    return admin_client.post(add_url(parent), event_form_data(**fields))


def field_messages(response, field) -> list[str]:
    assert response.status_code == 200, "the form should be shown again with its errors"
    return response.context["form"].errors.get(field, [])


def block_messages(response, field, index, child) -> list[str]:
    """The messages on `child` of block `index` of the StreamField `field`."""
    assert response.status_code == 200
    error = response.context["form"].errors[field].as_data()[0]
    return list(error.block_errors[index].block_errors[child].messages)


def assert_nothing_saved():
    assert not EventPage.objects.filter(slug=SLUG).exists()


def test_event_editor_opens_with_its_tabs(admin_client, event_index):
    response = admin_client.get(add_url(event_index))
    assert response.status_code == 200
    content = response.content.decode()
    for tab in ["Content", "Agenda", "Recording", "Promote", "Settings"]:
        assert tab in content
    assert 'value="Europe/Lisbon"' in content  # the time-zone select


def test_organiser_publishes_a_complete_event_without_code(admin_client, event_index, locales):
    person = Person.objects.get(locale=locales["en"], name="Catherine Kinet")
    partner = Partner.objects.get(locale=locales["en"], slug="lllp")
    competence = Competence.objects.get(locale=locales["en"], number=2)
    deck = make_deck("Workshop deck", "workshop.pptx")
    response = post_event(
        admin_client,
        event_index,
        organiser=partner.pk,
        moderators=streamfield([("person", person.pk)]),
        agenda=streamfield(
            [
                session_data(
                    "Welcome",
                    start_time="09:30",
                    end_time="10:00",
                    description=rich_text("<p>Why partnerships matter.</p>"),
                    speakers=list_block([person.pk]),
                    partner=partner.pk,
                    competences=list_block([competence.pk]),
                    deck=deck.pk,
                    recording_offset="0:05:00",
                ),
                ("break", {"title": "", "date": "", "start_time": "10:00", "end_time": "10:15"}),
            ]
        ),
        recording_url=YOUTUBE_URL,
        recording_duration="2:30:00",
        recording_transcript=rich_text("<p>Catherine Kinet: welcome to the workshop.</p>"),
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = EventPage.objects.get(slug=SLUG)
    assert page.live
    assert page.start == datetime.datetime(UPCOMING.year, 5, 14, 7, 30, tzinfo=datetime.UTC)
    assert page.end == datetime.datetime(UPCOMING.year, 5, 14, 15, 0, tzinfo=datetime.UTC)
    [welcome, _break] = page.agenda
    assert welcome.value["recording_offset"] == datetime.timedelta(minutes=5)
    assert welcome.value["deck"] == deck
    assert admin_client.get(page.url).status_code == 200


def test_event_ending_before_it_starts_is_refused(admin_client, event_index):
    response = post_event(admin_client, event_index, start_time="14:00", end_time="10:00")
    assert any("ends before it starts" in m for m in field_messages(response, "end_time"))
    day_before = (UPCOMING - datetime.timedelta(days=1)).isoformat()
    response = post_event(admin_client, event_index, start_date=UPCOMING.isoformat(), end_date=day_before)
    assert any("end date is before the start date" in m for m in field_messages(response, "end_date"))
    assert_nothing_saved()


def test_a_time_the_clocks_skip_is_refused(admin_client, event_index):
    # 02:30 on 31 March 2030 does not exist in Brussels: clocks go from 02:00 to 03:00.
    response = post_event(admin_client, event_index, start_date="2030-03-31", start_time="02:30", end_time="05:00")
    assert any("does not exist in Europe/Brussels" in m for m in field_messages(response, "start_time"))
    assert_nothing_saved()


def test_unknown_time_zone_is_refused(admin_client, event_index):
    response = post_event(admin_client, event_index, time_zone="Europe/Bruxelles")
    assert any("not a time zone name from the IANA database" in m for m in field_messages(response, "time_zone"))
    assert_nothing_saved()


def test_online_event_without_a_link_is_refused(admin_client, event_index):
    response = post_event(admin_client, event_index, attendance_mode="online", venue_name="", venue_address="")
    assert any("needs the link where participants join" in m for m in field_messages(response, "online_link"))
    assert_nothing_saved()


def test_hybrid_event_without_a_venue_is_refused(admin_client, event_index):
    response = post_event(
        admin_client,
        event_index,
        attendance_mode="hybrid",
        online_link="https://meet.example.org/a",
        venue_name="",
        venue_address="",
    )
    assert any("needs its venue" in m for m in field_messages(response, "venue_name"))
    assert_nothing_saved()


def test_past_online_event_may_have_no_link_like_the_seed_event(admin_client, event_index):
    response = post_event(
        admin_client, event_index, attendance_mode="online", venue_name="", venue_address="", start_date="2021-05-14"
    )
    assert response.status_code == 302


def test_session_ending_before_it_starts_is_refused(admin_client, event_index):
    response = post_event(
        admin_client, event_index, agenda=streamfield([session_data(start_time="11:00", end_time="10:30")])
    )
    assert any("ends before it starts" in m for m in block_messages(response, "agenda", 0, "end_time"))
    assert_nothing_saved()


def test_session_outside_the_events_day_is_refused(admin_client, event_index):
    next_week = (UPCOMING + datetime.timedelta(days=7)).isoformat()
    response = post_event(
        admin_client,
        event_index,
        agenda=streamfield([session_data("Fine"), session_data("Next week", date=next_week, start_time="10:00")]),
    )
    assert any("outside the event" in m for m in block_messages(response, "agenda", 1, "date"))
    assert_nothing_saved()


def test_session_outside_the_events_hours_is_refused(admin_client, event_index):
    response = post_event(
        admin_client,
        event_index,
        agenda=streamfield(
            [session_data(start_time="08:00", end_time="09:00"), session_data(start_time="16:30", end_time="18:00")]
        ),
    )
    assert any("before the event starts" in m for m in block_messages(response, "agenda", 0, "start_time"))
    assert any("after the event ends" in m for m in block_messages(response, "agenda", 1, "end_time"))
    assert_nothing_saved()


def test_chapter_offset_beyond_the_recordings_length_is_refused(admin_client, event_index):
    response = post_event(
        admin_client,
        event_index,
        recording_url=YOUTUBE_URL,
        recording_duration="1:00:00",
        agenda=streamfield(
            [session_data(recording_offset="0:10:00"), session_data("Late", recording_offset="1:30:00")]
        ),
    )
    assert any("past the end of the recording" in m for m in block_messages(response, "agenda", 1, "recording_offset"))
    assert_nothing_saved()


def test_recording_url_no_provider_knows_is_refused(admin_client, event_index, offline_provider):
    response = post_event(admin_client, event_index, recording_url="https://videos.example.org/watch/123")
    assert any("No video provider" in m for m in field_messages(response, "recording_url"))
    assert offline_provider == []  # refused without asking anyone
    assert_nothing_saved()


def test_recording_saves_while_the_provider_is_unreachable_and_shows_a_plain_link(
    admin_client, client, event_index, offline_provider
):
    response = post_event(admin_client, event_index, recording_url=YOUTUBE_URL, recording_has_captions="on")
    assert response.status_code == 302
    assert offline_provider == [YOUTUBE_URL]  # saving tried the provider once
    page = EventPage.objects.get(slug=SLUG)
    assert page.recording_url == YOUTUBE_URL
    html = client.get(page.url).content.decode()
    assert f'<a href="{YOUTUBE_URL.replace("&", "&amp;")}">' in html
    assert "<iframe" not in html


def test_slides_of_a_type_that_is_not_allowed_are_refused(admin_client, event_index):
    notes = make_deck("Speaker notes", "notes.docx")
    response = post_event(admin_client, event_index, agenda=streamfield([session_data(deck=notes.pk)]))
    messages = block_messages(response, "agenda", 0, "deck")
    assert any("DOCX file. Slides must be one of: PPTX, PPT, ODP, PDF" in m for m in messages)
    assert_nothing_saved()


def test_recording_file_that_is_not_a_video_and_captions_that_are_not_webvtt_are_refused(admin_client, event_index):
    report = make_document("Report", "report.pdf")
    fake_captions = make_document("Captions", "captions.vtt", b"1\n00:00:00,000 --> 00:00:02,000\nSRT, not WebVTT\n")
    response = post_event(
        admin_client,
        event_index,
        recording_file=report.pk,
        recording_captions=streamfield([("captions", {"language": "fr", "file": fake_captions.pk})]),
    )
    assert any("not a video the page can play" in m for m in field_messages(response, "recording_file"))
    assert any("not a WebVTT caption file" in m for m in block_messages(response, "recording_captions", 0, "file"))
    assert_nothing_saved()


def test_two_caption_tracks_in_one_language_are_refused(admin_client, event_index):
    video = make_document("Recording", "recording.webm")
    first = make_document("FR 1", "fr-1.vtt", b"WEBVTT\n")
    second = make_document("FR 2", "fr-2.vtt", b"WEBVTT\n")
    response = post_event(
        admin_client,
        event_index,
        recording_file=video.pk,
        recording_captions=streamfield(
            [("captions", {"language": "fr", "file": first.pk}), ("captions", {"language": "fr", "file": second.pk})]
        ),
    )
    assert any("already a caption track" in m for m in block_messages(response, "recording_captions", 1, "language"))
    assert_nothing_saved()


def test_both_a_recording_address_and_a_file_is_refused(admin_client, event_index):
    video = make_document("Recording", "recording.mp4")
    response = post_event(admin_client, event_index, recording_url=YOUTUBE_URL, recording_file=video.pk)
    assert any("either a video address or a video file" in m for m in field_messages(response, "recording_file"))
    assert_nothing_saved()


def fake_upload(name: str, size: int) -> InMemoryUploadedFile:
    """An upload that reports `size` bytes without holding them (the size check reads `.size`)."""
    return InMemoryUploadedFile(io.BytesIO(b"x"), "file", name, "application/octet-stream", size, None)


def document_form(upload):
    form_class = get_document_form(get_document_model())
    return form_class(data={"title": upload.name, "collection": "1", "tags": ""}, files={"file": upload})


@pytest.mark.parametrize("name", ["deck.pptx", "deck.ppt", "deck.odp", "deck.pdf"])
def test_slide_decks_up_to_200_mb_are_accepted(admin_client, name):
    form = document_form(fake_upload(name, 199 * 1024 * 1024))
    assert "file" not in form.errors, form.errors


def test_documents_over_the_limit_or_of_other_types_are_refused(admin_client):
    too_big = document_form(fake_upload("deck.pptx", 201 * 1024 * 1024))
    assert any("This file is too big" in m and "200.0\xa0MB" in m for m in too_big.errors["file"])
    wrong_type = document_form(fake_upload("setup.exe", 1024))
    assert any("“exe” is not allowed" in m for m in wrong_type.errors["file"])


def test_upload_form_states_the_size_limit(admin_client):
    response = admin_client.get(reverse("wagtaildocs:add"))
    assert "Maximum filesize: 200.0\xa0MB." in response.content.decode()
    response = admin_client.get(reverse("wagtaildocs:add_multiple"))
    assert "200.0\xa0MB" in response.content.decode() or str(200 * 1024 * 1024) in response.content.decode()


def test_editing_a_published_event_shows_its_wall_clock_times(admin_client, event_index):
    page = make_event(event_index, time_zone="Europe/Lisbon", start_time=datetime.time(9, 30))
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    form = response.context["form"]
    assert form["start_time"].value() == datetime.time(9, 30)
    assert form["time_zone"].value() == "Europe/Lisbon"


def test_editor_is_told_when_visitors_see_a_plain_link_instead_of_the_player(admin_client, event_index):
    page = make_event(event_index, recording_url=YOUTUBE_URL, recording_has_captions=True)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "visitors see a plain link to the video" in admin_client.get(edit_url).content.decode()


def test_saving_again_once_the_provider_answers_stores_the_player(admin_client, event_index, online_provider):
    page = make_event(event_index, recording_url=YOUTUBE_URL, recording_has_captions=True)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = admin_client.post(
        edit_url,
        event_form_data(
            slug=page.slug,
            title=page.title,
            recording_url=YOUTUBE_URL,
            recording_has_captions="on",
            **{"action-publish": ""},
        ),
    )
    assert response.status_code == 302
    content = admin_client.get(edit_url).content.decode()
    assert "Visitors see the player of “Keep in Pact final conference” from YouTube." in content


def test_a_saved_legacy_zone_name_stays_selected_in_the_editor(admin_client, event_index):
    page = make_event(event_index, time_zone="CET")
    content = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert '<option value="CET" selected>CET</option>' in content


def test_no_player_status_is_shown_without_a_recording_address(admin_client, event_index):
    page = make_event(event_index)
    content = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "visitors see a plain link" not in content and "Visitors see the player" not in content
