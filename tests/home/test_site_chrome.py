"""The request's Site, home pages, root paths and site settings, looked up together (home.fragments.site_chrome)."""

import pytest
from django.test import RequestFactory
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from home import fragments
from home.models import ContactSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def more_sites(home_pages):
    """Sites on other hosts and ports, besides the loaded default site."""
    root = home_pages["en"]
    return [
        Site.objects.create(hostname="example.org", port=80, root_page=root),
        Site.objects.create(hostname="example.org", port=8080, root_page=root),
        Site.objects.create(hostname="other.example", port=443, root_page=root),
        Site.objects.create(hostname="other.example", port=8443, root_page=root),
    ]


@pytest.mark.parametrize(
    ("hostname", "port"),
    [
        ("example.org", 80),
        ("example.org", 8080),
        ("example.org", 9999),
        ("other.example", 443),
        ("other.example", 1234),
        ("unknown.example", 80),
        ("testserver", 80),
    ],
)
def test_the_site_of_a_host_is_the_one_wagtail_picks(more_sites, hostname, port):
    sites = list(Site.objects.all())
    try:
        expected = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        expected = None
    assert fragments.match_site(sites, hostname, port) == expected


def test_no_site_at_all_gives_none():
    assert fragments.match_site([], "example.org", 80) is None


def test_the_root_paths_and_settings_are_wagtails(client, home_pages):
    request = RequestFactory().get("/fr/")
    expected_paths = Site.get_site_root_paths()
    site = Site.find_for_request(request)
    expected_contact = ContactSettings.for_site(site)
    with fragments.request_scope():
        chrome_site = fragments.site_for_request(request)
        assert chrome_site == site
        assert type(chrome_site.root_page) is type(home_pages["en"])
        assert Site.get_site_root_paths() == expected_paths
        contact = ContactSettings.for_site(chrome_site)
        assert (contact.pk, contact.email) == (expected_contact.pk, expected_contact.email)
        assert fragments.site_homes(chrome_site)["fr"] == home_pages["fr"]


def test_a_changed_contact_email_shows_in_the_footer(client):
    assert client.get("/fr/").status_code == 200  # the chrome is cached now
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.email = "new-address@example.org"
    contact.save()
    assert "new-address@example.org" in client.get("/fr/a-propos/").content.decode()


def test_a_french_home_page_taken_offline_leaves_french_addresses_unanswered(client, home_pages):
    assert client.get("/fr/").status_code == 200  # the chrome (with the French home page) is cached now
    home_pages["fr"].unpublish()
    assert client.get("/fr/").status_code == 404
    assert client.get("/en/").status_code == 200
