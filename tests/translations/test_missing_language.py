"""A page that exists in English but not (yet) in Croatian never shows English under a Croatian address.

The foundation's tests (tests/test_languages.py) cover an unpublished
translation; these cover what wagtail-localize itself creates: a translation
just submitted (a draft) and the alias it makes of an untranslated parent.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail_localize.operations import translate_object

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def parent_and_child(home_pages, locales):
    """An English page with a child; only the child is submitted for Croatian (so the parent becomes an alias)."""
    parent = StandardPageFactory(
        parent=home_pages["en"], title="Guidance centres", slug="guidance-centres", introduction="Only in English."
    )
    child = StandardPageFactory(parent=parent, title="Porto", slug="porto", introduction="The centre in Porto.")
    translate_object(child, [locales["hr"]])
    return parent, child


def test_a_submitted_translation_is_a_draft_not_english_at_a_croatian_address(client, parent_and_child, locales):
    _parent, child = parent_and_child
    croatian = child.get_translation(locales["hr"])
    assert not croatian.live
    response = client.get("/hr/guidance-centres/porto/")
    assert response.status_code == 404
    assert b"The centre in Porto." not in response.content


def test_the_alias_of_an_untranslated_parent_is_a_croatian_404_offering_english(client, parent_and_child, locales):
    parent, _child = parent_and_child
    alias = parent.get_translation(locales["hr"])
    assert alias.alias_of_id == parent.pk and alias.live
    response = client.get(alias.url)
    assert response.status_code == 404
    html = soup(response)
    assert html.html["lang"] == "hr"
    assert "Only in English." not in html.get_text()
    offered = [a["href"] for a in html.find("main").find_all("a", hreflang="en")]
    assert parent.url in offered


def test_the_switcher_shows_croatian_unavailable_while_only_an_alias_exists(client, parent_and_child):
    parent, _child = parent_and_child
    html = soup(client.get(parent.url))
    switcher = html.find("nav", class_="language-switcher")
    assert not switcher.find("a", hreflang="hr")
    assert "Hrvatski" in switcher.find(class_="language-switcher__unavailable").get_text()
    assert "hr" not in {link["hreflang"] for link in html.find_all("link", rel="alternate")}


def test_the_alias_is_not_in_the_croatian_menu(client, parent_and_child, home_pages):
    html = soup(client.get(home_pages["hr"].url))
    assert "guidance-centres" not in " ".join(a["href"] for a in html.find_all("a", href=True))


def test_a_published_croatian_child_under_the_alias_is_served(client, parent_and_child, locales):
    _parent, child = parent_and_child
    croatian = child.get_translation(locales["hr"])
    croatian.save_revision().publish()
    assert client.get(croatian.url).status_code == 200


def test_the_translation_editor_of_the_alias_offers_to_translate_it(superuser_client, parent_and_child, locales):
    parent, _child = parent_and_child
    alias = parent.get_translation(locales["hr"])
    response = superuser_client.get(reverse("wagtailadmin_pages:edit", args=[alias.pk]))
    assert response.status_code == 200
    assert reverse("wagtail_localize:submit_page_translation", args=[parent.pk]) in response.content.decode()
