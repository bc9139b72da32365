"""A page's own content kept between page-cache misses (home.templatetags.fragment_tags), never stale."""

import pytest
from django.template import RequestContext, Template
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.models import Locale, Page, PageViewRestriction

from guide.models import GuideChapterPage
from home import fragments

pytestmark = pytest.mark.django_db

BYPASS = "X-Test-Bypass"


@pytest.fixture
def bypassed(page_cache, settings):
    """A visitor whose requests skip the page cache (as `make bench` does), so every one renders."""
    settings.PAGE_CACHE_BYPASS_HEADER = BYPASS
    return Client(headers={BYPASS: "1"})


@pytest.fixture
def chapter():
    return GuideChapterPage.objects.live().filter(locale__language_code="en").first()


def test_a_miss_renders_only_the_frame_around_the_kept_content(bypassed, chapter, count_queries):
    first, first_queries = count_queries(lambda: bypassed.get(chapter.url))
    second, second_queries = count_queries(lambda: bypassed.get(chapter.url))
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second  # rendered, not from the page cache
    assert second.content == first.content
    assert chapter.summary.encode() in second.content
    assert second_queries < first_queries, (first_queries, second_queries)


def test_kept_content_is_not_shown_to_signed_in_users(bypassed, chapter, admin_client):
    bypassed.get(chapter.url)
    # Changed without a signal, so the kept content is now out of date: who renders it afresh shows it.
    GuideChapterPage.objects.filter(pk=chapter.pk).update(summary="ZZ edited quietly")
    assert b"ZZ edited quietly" not in bypassed.get(chapter.url).content  # kept
    assert b"ZZ edited quietly" in admin_client.get(chapter.url).content


def test_publishing_replaces_the_kept_content_in_that_page(bypassed, chapter, django_capture_on_commit_callbacks):
    bypassed.get(chapter.url)
    with django_capture_on_commit_callbacks(execute=True):
        chapter.summary = "ZZ published summary"
        chapter.save_revision().publish()
    assert b"ZZ published summary" in bypassed.get(chapter.url).content


def test_each_query_string_and_language_has_its_own(bypassed):
    library = Page.objects.live().filter(content_type__model="casestudyindexpage", locale__language_code="en").first()
    everything = bypassed.get(library.url).content
    portugal = bypassed.get(library.url + "?country=PT").content
    assert portugal != everything
    assert bypassed.get(library.url).content == everything
    french = library.get_translation(Locale.objects.get(language_code="fr"))
    assert b'lang="fr"' in bypassed.get(french.url).content


def render_twice(page, path: str, inside: str = "", **request_attributes) -> list[str]:
    """The tag rendered in two requests for `path`, showing 1 then 2: ["1", "1"] when the first was kept."""
    template = Template("{% load fragment_tags %}{% content_fragment %}" + inside + "{{ n }}{% endcontent_fragment %}")
    shown = []
    for n in (1, 2):
        request = RequestFactory().get(path)
        for name, value in request_attributes.items():
            setattr(request, name, value)
        with fragments.request_scope():
            shown.append(template.render(RequestContext(request, {"page": page, "n": n}))[-1])
    return shown


def test_content_without_a_form_is_kept_for_the_next_request(page_cache, chapter):
    assert render_twice(chapter, chapter.url) == ["1", "1"]


def test_content_that_used_a_csrf_token_is_never_kept(page_cache, chapter):
    assert render_twice(chapter, chapter.url, inside="{% csrf_token %}") == ["1", "2"]


def test_previews_are_never_kept(page_cache, chapter):
    assert render_twice(chapter, chapter.url, is_preview=True) == ["1", "2"]


@pytest.mark.parametrize("path", ["/en/search/?q=guidance", "/admin/pages/"])
def test_the_page_caches_excluded_paths_are_never_kept(page_cache, chapter, path):
    assert render_twice(chapter, path) == ["1", "2"]


def test_nothing_is_kept_with_the_page_cache_off(settings, chapter):
    settings.PAGE_CACHE_ENABLED = False
    assert render_twice(chapter, chapter.url) == ["1", "2"]


def test_a_password_protected_page_shows_its_content_only_to_who_gave_the_password(bypassed, chapter):
    restriction = PageViewRestriction.objects.create(
        page=chapter, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    insider = Client(headers={BYPASS: "1"})
    login = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, chapter.pk])
    assert insider.post(login, {"password": "secret", "return_url": chapter.url}).status_code == 302
    assert chapter.summary.encode() in insider.get(chapter.url).content  # rendered and kept
    assert chapter.summary.encode() in insider.get(chapter.url).content
    outsider = bypassed.get(chapter.url)
    assert chapter.summary.encode() not in outsider.content
    assert b'name="password"' in outsider.content
