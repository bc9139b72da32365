"""Open data: Wagtail's API v2 at /api/v2/ lists only reachable public pages, of the requested language."""

import pytest
from wagtail.models import Page, PageViewRestriction

from home.reachable import reachable

pytestmark = pytest.mark.django_db


def listed(client, **params) -> list[dict]:
    """Every page of the listing, 20 at a time (the API's largest page)."""
    items = []
    while True:
        response = client.get("/api/v2/pages/", {"limit": 20, "offset": len(items), **params})
        assert response.status_code == 200, response.content
        data = response.json()
        items += data["items"]
        if not data["items"] or len(items) >= data["meta"]["total_count"]:
            return items


def test_the_api_lists_the_live_public_pages_of_the_requested_language(client, home_pages):
    french = listed(client, locale="fr")
    pages = reachable(Page.objects.filter(locale=home_pages["fr"].locale, depth__gt=1))
    expected = set(pages.values_list("pk", flat=True))
    assert {item["id"] for item in french} == expected
    assert all(item["meta"]["locale"] == "fr" for item in french)


def test_drafts_and_private_pages_are_never_listed_nor_shown(client, home_pages):
    about, other = home_pages["hr"].get_children().live()[:2]
    about.unpublish()
    PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.PASSWORD, password="x")
    ids = {item["id"] for item in listed(client, locale="hr")}
    assert about.pk not in ids and other.pk not in ids
    assert not ({page.pk for page in other.get_descendants()} & ids)
    # A 404 outside the language prefixes is sent on to /en/... by the locale middleware: a 404 there too.
    assert client.get(f"/api/v2/pages/{about.pk}/", follow=True).status_code == 404
    assert client.get(f"/api/v2/pages/{other.pk}/", follow=True).status_code == 404
    shown = client.get(f"/api/v2/pages/{home_pages['hr'].pk}/")
    assert shown.status_code == 200 and shown.json()["meta"]["locale"] == "hr"
    assert client.post("/api/v2/pages/", {}).status_code == 405  # read-only
