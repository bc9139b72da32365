"""The events editor's time-zone field (issue 18): a select with a filter box, European zones first, that still
accepts only IANA zones."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.users.models import UserProfile

from events.forms import country_words
from tests.events.test_admin import add_url, field_messages, post_event

pytestmark = pytest.mark.django_db


def editor(admin_client, event_index) -> BeautifulSoup:
    return BeautifulSoup(admin_client.get(add_url(event_index)).content, "html.parser")


def test_the_time_zone_select_comes_with_a_labelled_filter_box(admin_client, event_index):
    html = editor(admin_client, event_index)
    select = html.select_one("select#id_time_zone")
    widget = select.find_parent(attrs={"data-controller": "kip-option-filter"})
    assert widget is not None
    box = widget.select_one("[data-kip-option-filter-target=box]")
    assert box.has_attr("hidden")  # shown by the script: without JavaScript, the plain select
    search = box.select_one("input[type=search]")
    assert box.select_one(f"label[for={search['id']}]").get_text(strip=True) == "Find a time zone"
    assert search["aria-controls"] == "id_time_zone"
    assert "Lisbon or Croatia" in box.find(id=search["aria-describedby"]).get_text()
    assert box.select_one("[role=status]") is not None
    # The script that makes it searchable is part of the editor's media.
    assert html.find("script", src=lambda src: src and src.endswith("events/admin/time_zone_filter.js"))


def test_the_options_carry_their_country_and_european_zones_come_first(admin_client, event_index):
    options = editor(admin_client, event_index).select("select#id_time_zone option")
    assert options[0]["value"].startswith("Europe/")
    zagreb = next(option for option in options if option["value"] == "Europe/Zagreb")
    assert zagreb["data-search"] == "Croatia"
    assert len(options) > 400


def test_country_names_are_searchable_in_the_editors_language_and_in_english(admin_client, admin_user, event_index):
    UserProfile.get_for_user(admin_user).__class__.objects.filter(user=admin_user).update(preferred_language="fr")
    options = editor(admin_client, event_index).select("select#id_time_zone option")
    zagreb = next(option for option in options if option["value"] == "Europe/Zagreb")
    assert zagreb["data-search"] == "Croatie Croatia"
    assert country_words(None) == ""


def test_a_zone_typed_into_the_form_without_the_list_is_still_refused(admin_client, event_index):
    # What a browser without the list, or a hand-made request, could send: only IANA zones are accepted.
    response = post_event(admin_client, event_index, time_zone="Zagreb")
    assert any("not a time zone name from the IANA database" in m for m in field_messages(response, "time_zone"))
    response = post_event(admin_client, event_index, time_zone="Europe/Zagreb")
    assert response.status_code == 302
    assert reverse("wagtailadmin_explore", args=[event_index.pk]) in response["Location"]
