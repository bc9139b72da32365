"""The events' accessibility in a real browser (issue 18): the searchable time-zone field in the editor, used with
the keyboard only and without JavaScript, and a recording's transcript on the public page."""

import pytest
from django.test import Client
from django.urls import reverse

from events.forms import TimeZoneSelect
from events.timezones import time_zone_choices
from tests.a11y.test_axe_audit import axe_violations, describe
from tests.events.helpers import make_document, make_event

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
FILTER = "#id_time_zone-filter"
SELECT = "select#id_time_zone"


def open_event_editor(live_site, new_page, admin_user, event_index, **context_options):
    client = Client()
    client.force_login(admin_user)
    page = new_page(**DESKTOP, **context_options)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_site}])
    page.goto(live_site + reverse("wagtailadmin_pages:add", args=["events", "eventpage", event_index.pk]))
    return page


def shown_zones(page) -> list[str]:
    return page.eval_on_selector(SELECT, "select => [...select.options].map(option => option.value)")


def test_the_time_zone_filter_narrows_the_list_and_chooses_with_the_keyboard_only(
    live_site, new_page, admin_user, event_index
):
    page = open_event_editor(live_site, new_page, admin_user, event_index)
    assert page.is_visible(FILTER)
    assert page.inner_text(f"label[for='{FILTER[1:]}']") == "Find a time zone"
    everything = len(shown_zones(page))
    assert everything > 400
    chosen_before = page.eval_on_selector(SELECT, "select => select.value")

    page.focus(FILTER)
    page.keyboard.type("croatia")  # the country, not the zone's name
    assert "Europe/Zagreb" in shown_zones(page)
    assert len(shown_zones(page)) <= 2  # the match, and the zone chosen so far
    assert page.eval_on_selector(SELECT, "select => select.value") == chosen_before  # typing alone changes nothing
    assert page.inner_text("[data-kip-option-filter-target=status]") == "Matching time zones: 1."

    page.keyboard.press("Enter")  # chooses the first match, and does not submit the page
    assert page.eval_on_selector(SELECT, "select => select.value") == "Europe/Zagreb"
    assert "Chosen: Europe/Zagreb." in page.inner_text("[data-kip-option-filter-target=status]")
    assert page.url.endswith(f"/add/events/eventpage/{event_index.pk}/")

    page.fill(FILTER, "")
    page.keyboard.type("lisb")
    page.keyboard.press("ArrowDown")  # to the list, where the arrows choose as in any select
    assert page.evaluate("() => document.activeElement.id") == "id_time_zone"

    page.fill(FILTER, "")
    page.dispatch_event(FILTER, "input")
    assert len(shown_zones(page)) == everything

    # axe audits the widget only: the rest of the editor is Wagtail's.
    violations = axe_violations_in(page, ".kip-option-filter")
    assert not violations, "\n".join(describe("time-zone filter", v) for v in violations)


def axe_violations_in(page, selector: str) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations inside the first element matching `selector`."""
    axe_violations(page)  # injects axe-core
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    return page.evaluate(
        "([selector, options]) => axe.run(document.querySelector(selector), options)", [selector, options]
    )["violations"]


def test_without_javascript_the_time_zone_field_is_the_plain_select(new_page):
    # Wagtail's editor itself needs JavaScript (its tabs are hidden without it): the widget is shown on its own.
    widget = TimeZoneSelect(choices=time_zone_choices()).render("time_zone", "Europe/Lisbon", {"id": "id_time_zone"})
    page = new_page(java_script_enabled=False)
    page.set_content(f"<!DOCTYPE html><html lang='en'><title>Widget</title><body><main>{widget}</main></body></html>")
    assert page.is_visible(SELECT)
    assert page.eval_on_selector(SELECT, "select => select.value") == "Europe/Lisbon"
    assert not page.is_visible(FILTER)


def test_a_recordings_transcript_opens_with_the_keyboard_and_the_page_has_no_violations(
    live_site, new_page, event_index
):
    video = make_document("Recording", "recording.webm", b"\x1aE\xdf\xa3")
    captions = make_document("Captions", "captions.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nWelcome\n")
    event = make_event(
        event_index,
        recording_file=video,
        recording_captions=[{"type": "captions", "value": {"language": "en", "file": captions.pk}}],
        recording_transcript="<p>Catherine Kinet: welcome to the final conference of Keep in Pact.</p>",
    )
    page = new_page(**DESKTOP)
    page.goto(live_site + event.url)
    summary = page.locator(".recording__transcript summary")
    assert not page.is_visible(".recording__transcript .rich-text")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.is_visible(".recording__transcript .rich-text")
    assert "welcome to the final conference" in page.inner_text(".recording__transcript")
    violations = axe_violations(page)
    assert not violations, "\n".join(describe("event with a recording and its transcript", v) for v in violations)
