"""A recording is published only with captions or a transcript (issue 18), and its transcript is on the page."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield
from wagtail.users.models import UserProfile

from events.models import EventPage
from tests.events.helpers import YOUTUBE_URL, make_document, make_event
from tests.events.test_admin import event_form_data

pytestmark = pytest.mark.django_db

TRANSCRIPT = "<p>Catherine Kinet: welcome to the final conference of Keep in Pact.</p>"


def publish_edit(admin_client, page, **fields):
    """POST the page's edit form with "Publish", as an editor does."""
    data = event_form_data(slug=page.slug, title=page.title, **fields)
    return admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def transcript_errors(response) -> list[str]:
    assert response.status_code == 200, "the editor should be shown again with the error"
    return response.context["form"].errors.get("recording_transcript", [])


def test_publishing_a_recording_without_captions_or_transcript_is_refused_on_the_transcript_field(
    admin_client, event_index
):
    page = make_event(event_index)
    response = publish_edit(admin_client, page, recording_url=YOUTUBE_URL)
    assert any("needs captions or a transcript" in message for message in transcript_errors(response))
    page.refresh_from_db()
    assert page.recording_url == ""  # the live page keeps no recording


def test_the_refusal_is_in_the_editors_language(admin_client, admin_user, event_index):
    UserProfile.get_for_user(admin_user).__class__.objects.filter(user=admin_user).update(preferred_language="hr")
    page = make_event(event_index)
    response = publish_edit(admin_client, page, recording_url=YOUTUBE_URL)
    assert transcript_errors(response)
    # The page the editor gets (the errors' lazy text is read in the request's language).
    content = response.content.decode()
    assert "Snimka treba titlove ili transkript" in content
    assert "needs captions or a transcript" not in content


def test_an_uploaded_video_without_caption_file_or_transcript_is_refused(admin_client, event_index):
    page = make_event(event_index)
    video = make_document("Recording", "recording.webm", b"\x1aE\xdf\xa3")
    response = publish_edit(admin_client, page, recording_file=video.pk)
    assert transcript_errors(response)


@pytest.mark.parametrize(
    "accessible",
    [
        {"recording_has_captions": "on"},
        {"recording_transcript": rich_text(TRANSCRIPT)},
    ],
    ids=["video-declared-with-captions", "transcript"],
)
def test_a_recording_with_captions_declared_or_a_transcript_is_published(admin_client, event_index, accessible):
    page = make_event(event_index)
    response = publish_edit(admin_client, page, recording_url=YOUTUBE_URL, **accessible)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page.refresh_from_db()
    assert page.recording_url == YOUTUBE_URL and page.live


def test_an_uploaded_video_with_a_caption_file_is_published(admin_client, event_index):
    page = make_event(event_index)
    video = make_document("Recording", "recording.webm", b"\x1aE\xdf\xa3")
    captions = make_document("Captions", "captions.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nWelcome\n")
    response = publish_edit(
        admin_client,
        page,
        recording_file=video.pk,
        recording_captions=streamfield([("captions", {"language": "en", "file": captions.pk})]),
    )
    assert response.status_code == 302


def test_an_empty_paragraph_is_no_transcript(admin_client, event_index):
    page = make_event(event_index)
    response = publish_edit(admin_client, page, recording_url=YOUTUBE_URL, recording_transcript=rich_text("<p></p>"))
    assert transcript_errors(response)


def test_the_transcript_is_folded_under_the_recording_and_in_the_structured_data(client, event_index):
    page = make_event(event_index, recording_url=YOUTUBE_URL, recording_transcript=TRANSCRIPT)
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    details = html.find(id="recording").find("details", class_="recording__transcript")
    assert details.find("summary").get_text(strip=True) == "Transcript"
    assert "welcome to the final conference" in details.get_text()
    data = json.loads(html.find("script", type="application/ld+json").string)
    assert data["recordedIn"]["transcript"] == "Catherine Kinet: welcome to the final conference of Keep in Pact."


def test_the_transcript_summary_is_translated(client, event_index, locales):
    page = make_event(event_index, recording_url=YOUTUBE_URL, recording_transcript=TRANSCRIPT)
    french = page.copy_for_translation(locales["fr"])
    french.save_revision().publish()
    html = BeautifulSoup(client.get(french.url).content, "html.parser")
    assert html.select_one(".recording__transcript summary").get_text(strip=True) == "Transcription"


def test_a_video_declared_with_captions_tells_visitors_to_turn_them_on(client, event_index):
    page = make_event(event_index, recording_url=YOUTUBE_URL, recording_has_captions=True)
    recording = BeautifulSoup(client.get(page.url).content, "html.parser").find(id="recording")
    assert "turn them on in the player" in recording.get_text()
    assert recording.find("details") is None


def test_the_captions_rule_is_on_the_page_model_so_every_save_meets_it(event_index):
    with pytest.raises(ValidationError) as refused:
        make_event(event_index, recording_url=YOUTUBE_URL)
    assert "recording_transcript" in refused.value.message_dict
    assert not EventPage.objects.filter(recording_url=YOUTUBE_URL).exists()
