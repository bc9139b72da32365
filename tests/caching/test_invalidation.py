"""Never stale: each change through the admin purges its language's affected pages, other languages stay cached."""

import logging

import pytest
from django.urls import reverse
from wagtail.models import Page, ReferenceIndex
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import Partner, Person, StandardPage
from tests.caching.conftest import state, warm
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def publish_form(page, introduction: str) -> dict:
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "listing_summary": page.listing_summary,
            "introduction": introduction,
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )


def about(language: str) -> StandardPage:
    return StandardPage.objects.filter(locale__language_code=language, depth=3).live().first()


@pytest.fixture
def leaf(home_pages):
    """An English page below "About", outside the navigation, with nothing under it."""
    parent = about("en")
    page = StandardPageFactory(parent=parent, title="Annex", slug="annex", show_in_menus=False, introduction="Old")
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


OTHER_LANGUAGES = ["/fr/", "/pt/", "/it/", "/hr/"]


def test_publishing_a_navigation_page_purges_its_language_and_its_translations_only(
    page_cache, anonymous, admin_client, django_capture_on_commit_callbacks
):
    page, french = about("en"), about("fr")
    others = ["/en/", page.url, french.url, *OTHER_LANGUAGES]
    warm(anonymous, others)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit_url(page), publish_form(page, "A brand-new introduction"))
    assert response.status_code == 302
    assert state(anonymous, page.url) == "MISS"
    assert "A brand-new introduction" in anonymous.get(page.url).content.decode()
    assert state(anonymous, "/en/") == "MISS"
    assert state(anonymous, french.url) == "MISS"  # its language switcher
    for url in OTHER_LANGUAGES:
        assert state(anonymous, url) == "HIT", url


def test_publishing_a_leaf_purges_it_and_its_ancestors_not_the_rest_of_the_language(
    page_cache, anonymous, admin_client, leaf, django_capture_on_commit_callbacks
):
    unrelated = Page.objects.live().filter(locale__language_code="en", depth=3).exclude(pk=leaf.get_parent().pk)
    unrelated_url = unrelated.first().url
    warm(anonymous, [leaf.url, leaf.get_parent().url, "/en/", unrelated_url, "/fr/"])
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(edit_url(leaf), publish_form(leaf, "The newest annex"))
    assert "The newest annex" in anonymous.get(leaf.url).content.decode()
    assert state(anonymous, leaf.get_parent().url) == "MISS"
    assert state(anonymous, "/en/") == "MISS"
    assert state(anonymous, unrelated_url) == "HIT"
    assert state(anonymous, "/fr/") == "HIT"


def test_unpublishing_purges_the_page_its_language_and_its_translations(
    page_cache, anonymous, admin_client, leaf, django_capture_on_commit_callbacks
):
    url = leaf.url
    warm(anonymous, [url, "/en/", "/fr/", about("fr").url])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[leaf.pk]))
    assert response.status_code == 302
    assert anonymous.get(url).status_code == 404
    assert state(anonymous, "/en/") == "MISS"
    assert state(anonymous, "/fr/") == "HIT"


def test_deleting_purges_the_page_and_its_language(
    page_cache, anonymous, admin_client, leaf, django_capture_on_commit_callbacks
):
    url = leaf.url
    warm(anonymous, [url, "/en/", "/it/"])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[leaf.pk]))
    assert response.status_code == 302
    assert anonymous.get(url).status_code == 404
    assert state(anonymous, "/en/") == "MISS"
    assert state(anonymous, "/it/") == "HIT"


def test_moving_purges_the_old_address(page_cache, anonymous, admin_client, leaf, django_capture_on_commit_callbacks):
    url = leaf.url
    warm(anonymous, [url, "/en/", "/pt/"])
    target = Page.objects.get(pk=leaf.get_parent().get_parent().pk)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtailadmin_pages:move_confirm", args=[leaf.pk, target.pk]))
    assert response.status_code == 302
    assert anonymous.get(url).status_code in (301, 404)  # Wagtail may leave a redirect to the new address
    assert state(anonymous, "/en/annex/") == "MISS"
    assert state(anonymous, "/pt/") == "HIT"


def test_reverting_to_an_older_revision_purges_the_page(
    page_cache, anonymous, leaf, django_capture_on_commit_callbacks
):
    old = leaf.latest_revision
    leaf.introduction = "Second version"
    with django_capture_on_commit_callbacks(execute=True):
        leaf.save_revision().publish()
    warm(anonymous, [leaf.url, "/fr/"])
    with django_capture_on_commit_callbacks(execute=True):
        old.publish()  # what the admin's revert-and-publish does
    assert "Second version" not in anonymous.get(leaf.url).content.decode()
    assert state(anonymous, "/fr/") == "HIT"


def test_publishing_a_translation_purges_it_and_its_source(
    page_cache, anonymous, admin_client, django_capture_on_commit_callbacks
):
    french, english = about("fr"), about("en")
    warm(anonymous, [french.url, english.url, "/fr/", "/it/"])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit_url(french), {"action": "publish"})
    assert response.status_code in (200, 302)
    assert state(anonymous, french.url) == "MISS"
    assert state(anonymous, english.url) == "MISS"
    assert state(anonymous, "/it/") == "HIT"


def test_saving_a_person_purges_the_pages_that_show_them(
    page_cache, anonymous, admin_client, django_capture_on_commit_callbacks
):
    shown = None
    for person in Person.objects.filter(locale__language_code="en"):
        pages = [
            Page.objects.get(pk=int(ref.object_id)).specific
            for ref in ReferenceIndex.get_references_to(person)
            if ref.model_name == "page" or ref.base_content_type.model == "page"
        ]
        pages = [page for page in pages if page.live and page.locale.language_code == "en"]
        if pages:
            shown = (person, pages[0])
            break
    if shown is None:
        pytest.skip("no live English page shows a person in the loaded content")
    person, page = shown
    warm(anonymous, [page.url, about("en").url, "/fr/"])
    form = {"name": "Renamed Speaker", "job_title": person.job_title, "organisation": person.organisation}
    form["partner"] = person.partner_id or ""
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtailsnippets_home_person:edit", args=[person.pk]), form)
    assert response.status_code == 302
    assert "Renamed Speaker" in anonymous.get(page.url).content.decode()
    assert state(anonymous, about("en").url) == "HIT"
    assert state(anonymous, "/fr/") == "HIT"


def test_saving_a_partner_or_a_site_setting_purges_every_language(
    page_cache, anonymous, admin_client, home_pages, django_capture_on_commit_callbacks
):
    everywhere = ["/en/", *OTHER_LANGUAGES]
    warm(anonymous, everywhere)
    partner = Partner.objects.filter(locale__language_code="en").first()
    with django_capture_on_commit_callbacks(execute=True):
        partner.save()
    for url in everywhere:
        assert state(anonymous, url) == "MISS", url
    warm(anonymous, everywhere)
    site = home_pages["en"].get_site()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailsettings:edit", args=["home", "contactsettings", site.pk]),
            {"email": "new-address@example.org", "project_website": ""},
        )
    assert response.status_code == 302
    for url in everywhere:
        response = anonymous.get(url)
        assert response["X-Page-Cache"] == "MISS" and "new-address@example.org" in response.content.decode(), url


def test_a_failed_purge_does_not_stop_publishing_and_is_logged(
    page_cache, settings, anonymous, admin_client, leaf, caplog, django_capture_on_commit_callbacks
):
    # Nothing listens on port 9 (discard) of the loopback interface.
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "caching.frontend.VarnishBackend", "LOCATION": "http://127.0.0.1:9", "TIMEOUT": 0.5}
    }
    warm(anonymous, [leaf.url])
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit_url(leaf), publish_form(leaf, "Published despite Varnish"))
    assert response.status_code == 302
    assert "Published despite Varnish" in anonymous.get(leaf.url).content.decode()
    assert any("Couldn't purge" in record.getMessage() for record in caplog.records)
