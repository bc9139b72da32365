"""The public site works under its Content-Security-Policy in Chromium: no violation, no console error."""

import pytest
from django.core.management import call_command
from wagtail.embeds.finders.oembed import OEmbedFinder

from events.models import EventIndexPage
from tests.events.helpers import make_event
from tests.tours.test_browser import TOUR_URL, scene_key, wait_for_viewer

pytestmark = pytest.mark.browser

YOUTUBE_URL = "https://www.youtube.com/watch?v=kipRecording1"
LISTEN = """window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
    window.cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});"""


def open_watched(new_page, url):
    page = new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(LISTEN)
    # No network here: the video provider answers with an empty player page.
    page.context.route("https://www.youtube.com/**", lambda route: route.fulfill(status=200, body="<p>player</p>"))
    response = page.goto(url)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "unsafe-inline' " not in response.headers["content-security-policy"].split("script-src")[1].split(";")[0]
    page.csp = response.headers["content-security-policy"]
    return page


def test_the_tour_viewer_runs_under_the_policy(live_site, new_page):
    page = open_watched(new_page, live_site + TOUR_URL)
    wait_for_viewer(page, scene_key("reception"))
    assert page.locator("canvas").count() == 1
    assert page.evaluate("() => window.cspViolations") == []
    assert page.problems == []


def find_embed(self, url, max_width=None, max_height=None):
    return {
        "title": "Recording",
        "author_name": "Keep in Pact",
        "provider_name": "YouTube",
        "type": "video",
        "thumbnail_url": "",
        "width": 640,
        "height": 360,
        "html": '<iframe title="Recording" src="https://www.youtube.com/embed/kipRecording1" width="640" height="360">'
        "</iframe>",
    }


def test_an_event_with_its_recording_and_structured_data_runs_under_the_policy(live_site, new_page, monkeypatch):
    monkeypatch.setattr(OEmbedFinder, "find_embed", find_embed)
    index = EventIndexPage.objects.get(locale__language_code="en")  # the loaded content's
    event = make_event(index, recording_url=YOUTUBE_URL, recording_has_captions=True)
    call_command("fetch_recording_embeds", stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = open_watched(new_page, live_site + event.url)
    assert page.locator(".recording__embed iframe").count() == 1
    page.frame_locator(".recording__embed iframe").locator("p").wait_for()
    data = page.evaluate("() => JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    assert data["@type"] == "Event"
    # A data block needs no nonce, and a cached page must not carry one (it would be shared).
    assert "'nonce-" not in page.csp
    assert page.evaluate("() => window.cspViolations") == []
    assert page.problems == []
