"""What the anonymous page cache keeps and what it never serves (caching.page_cache)."""

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from caching.page_cache import response_is_cacheable
from static_archive.builder import SiteRenderer
from static_archive.state import ArchiveBuild, building
from tests.caching.conftest import state

pytestmark = pytest.mark.django_db


def public_urls() -> list[str]:
    """One English page of each page type, its routes, the iCalendar files and the sitemap."""
    urls = []
    seen = set()
    for page in Page.objects.live().public().filter(locale__language_code="en", depth__gt=1).specific():
        if type(page) in seen:
            continue
        seen.add(type(page))
        urls.append(page.url)
    urls += [url + "print/" for url in urls if "guide" in url and url.count("/") == 3]
    urls += [url + "ical/" for url in urls if "/events/" in url]
    urls += ["/sitemap.xml", "/en/case-studies/?country=PT"]
    return urls


def test_every_page_family_is_served_from_the_cache_the_second_time(page_cache, anonymous, django_assert_num_queries):
    urls = public_urls()
    assert len(urls) > 12
    for url in urls:
        assert state(anonymous, url) == "MISS", url
        with django_assert_num_queries(0):
            response = anonymous.get(url)
        assert response["X-Page-Cache"] == "HIT", url
        assert "s-maxage=600" in response["Cache-Control"] and "public" in response["Cache-Control"]
        assert response["ETag"] and response["Last-Modified"]


def test_a_hit_answers_a_revalidation_with_304(page_cache, anonymous):
    first = anonymous.get("/en/")
    second = anonymous.get("/en/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 304 and second["X-Page-Cache"] == "HIT"
    assert anonymous.get("/en/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_the_hit_is_the_same_page(page_cache, anonymous):
    first = anonymous.get("/fr/")
    second = anonymous.get("/fr/")
    assert second["X-Page-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Language"] == "fr" and second["Content-Type"] == first["Content-Type"]


def test_logged_in_users_are_never_served_from_it(page_cache, anonymous, admin_client):
    anonymous.get("/en/")
    assert state(anonymous, "/en/") == "HIT"
    response = admin_client.get("/en/")
    assert response.get("X-Page-Cache") != "HIT"
    assert "private" in response["Cache-Control"]
    # ... and what they see is not stored for visitors.
    admin_client.get("/fr/")
    assert state(anonymous, "/fr/") == "MISS"


def test_previews_are_never_cached(page_cache, admin_client, home_pages):
    url = f"/admin/pages/{home_pages['en'].pk}/view_draft/"
    for _ in range(2):
        response = admin_client.get(url)
        assert response.status_code == 200 and response.get("X-Page-Cache") != "HIT"


@pytest.mark.parametrize("restriction", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_view_restricted_pages_are_never_cached(page_cache, anonymous, home_pages, restriction):
    page = home_pages["en"].get_children().live().first()
    PageViewRestriction.objects.create(page=page, restriction_type=restriction, password="secret")
    for _ in range(2):
        response = anonymous.get(page.url)
        assert response.get("X-Page-Cache") != "HIT"
        assert "s-maxage" not in response.get("Cache-Control", "")


def test_search_results_are_never_cached(page_cache, anonymous):
    for _ in range(2):
        assert state(anonymous, "/en/search/?q=guidance") != "HIT"


def test_a_visitor_with_a_session_is_not_served_from_it(page_cache, anonymous, client):
    anonymous.get("/en/")
    client.cookies["sessionid"] = "whatever"
    assert state(client, "/en/") == "BYPASS" or client.get("/en/").get("X-Page-Cache") != "HIT"


def test_responses_setting_cookies_or_carrying_a_csrf_token_are_not_stored():
    factory = RequestFactory()
    request = factory.get("/en/")
    assert response_is_cacheable(request, HttpResponse("ok"))
    with_cookie = HttpResponse("ok")
    with_cookie.set_cookie("choice", "1")
    assert not response_is_cacheable(request, with_cookie)
    get_token(request)
    assert not response_is_cacheable(request, HttpResponse("a form"))
    assert not response_is_cacheable(factory.get("/en/"), HttpResponse("missing", status=404))


def test_off_means_off(settings, anonymous):
    settings.PAGE_CACHE_ENABLED = False
    anonymous.get("/en/")
    response = anonymous.get("/en/")
    assert "X-Page-Cache" not in response and "s-maxage" not in response.get("Cache-Control", "")


def test_pages_rendered_for_the_static_archive_neither_come_from_nor_go_into_the_cache(page_cache, anonymous):
    assert state(anonymous, "/en/") == "MISS"
    assert state(anonymous, "/en/") == "HIT"
    with building(ArchiveBuild(timezone.now())), SiteRenderer() as renderer:
        archived = renderer.get("/fr/")
        assert "X-Page-Cache" not in archived or archived["X-Page-Cache"] != "HIT"
        assert "data-archive-note" in archived.content.decode()
    # The French page a visitor gets was not stored by the archive's request.
    assert state(anonymous, "/fr/") == "MISS"
