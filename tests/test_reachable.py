"""Only live addresses are advertised: with a draft language home or a draft parent, the sitemap, the hreflang
alternates, the language switcher and the 404 page's suggestions list no address that does not answer 200
(home.reachable)."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from wagtail.models import Page

from home.reachable import reachable
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap(client) -> dict[str, set[str]]:
    """{path of each <loc>: paths of its hreflang alternates}."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = etree.fromstring(response.content)
    return {
        urlsplit(url.findtext("sm:loc", namespaces=NS)).path: {
            urlsplit(link.get("href")).path for link in url.findall("xhtml:link", namespaces=NS)
        }
        for url in tree.findall("sm:url", namespaces=NS)
    }


def advertised_on(html: BeautifulSoup) -> set[str]:
    """Paths of the page's hreflang links and of its language switcher's links."""
    links = {urlsplit(link["href"]).path for link in html.find_all("link", rel="alternate")}
    switcher = html.find("nav", class_="language-switcher")
    if switcher is not None:
        links |= {urlsplit(a["href"]).path for a in switcher.find_all("a")}
    return links


def assert_every_advertised_address_answers(client, forbidden_prefix: str, visit: str = "/") -> dict[str, set[str]]:
    """No sitemap address nor alternate leads under `forbidden_prefix`; every sitemap address under `visit`
    answers 200, and the hreflang links and language switcher of its page do not lead there either."""
    listed = sitemap(client)
    assert listed
    for path, alternates in listed.items():
        assert not path.startswith(forbidden_prefix), path
        assert not any(alternate.startswith(forbidden_prefix) for alternate in alternates), path
        if not path.startswith(visit):
            continue
        response = client.get(path)
        assert response.status_code == 200, path
        if response["Content-Type"].startswith("text/html"):
            shown = advertised_on(BeautifulSoup(response.content, "html.parser"))
            assert not any(link.startswith(forbidden_prefix) for link in shown), (path, shown)
    return listed


def test_a_draft_language_home_advertises_nothing_in_that_language(client, home_pages):
    french_pages = list(home_pages["fr"].get_descendants().live().values_list("url_path", flat=True))
    assert french_pages  # The loaded content has live French pages below the home page.
    english_slugs = set(home_pages["en"].get_children().values_list("slug", flat=True))
    french_child = home_pages["fr"].get_children().live().exclude(slug__in=english_slugs).first()
    home_pages["fr"].unpublish()
    # Wagtail routes /fr/... through the English tree now: the French addresses are gone.
    assert client.get(french_child.url).status_code == 404
    listed = assert_every_advertised_address_answers(client, "/fr/")
    assert "/en/" in listed


def test_a_draft_parent_advertises_nothing_below_it(client, home_pages):
    parent = (
        Page.objects.filter(locale=home_pages["fr"].locale, depth=home_pages["fr"].depth + 1, numchild__gt=0)
        .live()
        .first()
    )
    assert parent is not None
    children = list(parent.get_children().live())
    assert children
    prefix = parent.url
    parent.unpublish()  # Not its descendants: they are still live.
    assert all(Page.objects.get(pk=child.pk).live for child in children)
    listed = assert_every_advertised_address_answers(client, prefix, visit="/fr/")
    # The English version of a child links to no French version any more.
    english_child = children[0].get_translation(home_pages["en"].locale)
    assert english_child.url in listed
    assert client.get(english_child.url).status_code == 200
    shown = advertised_on(BeautifulSoup(client.get(english_child.url).content, "html.parser"))
    assert not any(link.startswith("/fr/") for link in shown)
    assert not any(alternate.startswith("/fr/") for alternate in listed[english_child.url])


def test_a_page_under_a_draft_parent_is_not_offered_by_the_404_page(client, home_pages):
    parent = StandardPageFactory(parent=home_pages["pt"], title="Secção", slug="seccao", live=False)
    StandardPageFactory(parent=parent, title="Lá dentro", slug="inside")
    response = client.get("/hr/seccao/inside/")
    assert response.status_code == 404
    assert "/pt/seccao/inside/" not in response.content.decode()


def test_reachable_keeps_pages_whose_ancestors_are_all_live(home_pages):
    parent = StandardPageFactory(parent=home_pages["en"], title="Parent", slug="live-parent")
    child = StandardPageFactory(parent=parent, title="Child", slug="live-child")
    grandchild = StandardPageFactory(parent=child, title="Grandchild", slug="live-grandchild")
    pages = Page.objects.filter(pk__in=[parent.pk, child.pk, grandchild.pk])
    assert set(reachable(pages).values_list("pk", flat=True)) == {parent.pk, child.pk, grandchild.pk}
    child.unpublish()
    assert set(reachable(pages).values_list("pk", flat=True)) == {parent.pk}
