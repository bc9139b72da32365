"""/sitemap.xml: every live public page in every language, with its live translations as hreflang alternates."""

from pathlib import Path

import pytest
from lxml import etree
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.operations import translate_object

from tests.conftest import LANGUAGES
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def fetch(client) -> etree._Element:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def entries(tree) -> dict[str, dict[str, str]]:
    """{loc: {hreflang: href}} of every <url>."""
    return {
        url.findtext("sm:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", namespaces=NS)
        }
        for url in tree.findall("sm:url", namespaces=NS)
    }


def expected(home_pages) -> dict[str, dict[str, str]]:
    """What the sitemap must say, computed from the page tree a visitor can reach."""
    reachable = []
    for home in home_pages.values():
        for page in home.get_descendants(inclusive=True).live().public():
            if page.alias_of_id and page.alias_of.locale_id != page.locale_id:
                continue
            reachable.append(page)
    by_key: dict = {}
    for page in reachable:
        by_key.setdefault(page.translation_key, {})[page.locale.language_code] = page.full_url
    result = {}
    for page in reachable:
        versions = dict(by_key[page.translation_key])
        versions["x-default"] = versions.get("en") or next(iter(versions.values()))
        result[page.full_url] = versions
    return result


def test_sitemap_validates_against_the_sitemap_and_xhtml_schemas(client, home_pages):
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))
    tree = fetch(client)
    schema.assertValid(tree)


def test_the_schemas_reject_a_broken_alternate():
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))
    broken = etree.fromstring(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        b'<url><loc>http://example.org/en/</loc><xhtml:link rel="alternate" href="/fr/"/></url></urlset>'
    )
    assert not schema.validate(broken)


def test_sitemap_lists_exactly_the_live_translations(client, home_pages):
    listed = entries(fetch(client))
    assert listed == expected(home_pages)
    home_entry = listed[home_pages["fr"].full_url]
    assert set(home_entry) == {*LANGUAGES, "x-default"}
    assert home_entry["x-default"] == home_pages["en"].full_url


def test_draft_private_and_alias_pages_are_left_out(client, home_pages, locales):
    about_hr = home_pages["hr"].get_children().get()
    about_hr.unpublish()
    about_pt = home_pages["pt"].get_children().get()
    PageViewRestriction.objects.create(page=about_pt, restriction_type=PageViewRestriction.LOGIN)
    # A French translation of a child whose English parent is untranslated: wagtail-localize makes the
    # French parent an alias of the English one.
    parent = StandardPageFactory(parent=home_pages["en"], title="Untranslated parent", slug="untranslated-parent")
    child = StandardPageFactory(parent=parent, title="Translated child", slug="translated-child")
    translate_object(child, [locales["fr"]])
    french_child = child.get_translation(locales["fr"])
    french_child.save_revision().publish()
    french_parent = parent.get_translation(locales["fr"])
    assert french_parent.alias_of_id == parent.pk and french_parent.live

    listed = entries(fetch(client))
    assert listed == expected(home_pages)
    assert about_hr.full_url not in listed
    assert Page.objects.get(pk=about_pt.pk).full_url not in listed
    assert french_parent.full_url not in listed
    assert french_child.full_url in listed
    assert set(listed[parent.full_url]) == {"en", "x-default"}
    assert set(listed[home_pages["en"].get_children().get(slug="about").full_url]) == {"en", "fr", "it", "x-default"}


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_query_count_does_not_grow_with_the_number_of_pages(client, home_pages, count_queries):
    def add(start, count):
        for n in range(start, start + count):
            StandardPageFactory(parent=home_pages["en"], title=f"Page {n}", slug=f"page-{n}")

    fetch(client)
    add(0, 10)
    _tree, with_10 = count_queries(lambda: fetch(client))
    add(10, 90)
    tree, with_100 = count_queries(lambda: fetch(client))
    assert len(entries(tree)) > 100
    assert with_100 == with_10
