"""The home page: content, sections, partners, query budget."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_shows_project_facts_from_the_seed(client):
    html = BeautifulSoup(client.get("/en/").content, "html.parser")
    text = html.find("main").get_text(" ", strip=True)
    assert "develop the competences of multi-stakeholder partnership managers" in text
    assert "September 2019" in text and "March 2022" in text


def test_footer_lists_the_six_partners_funding_and_grant_number(client):
    footer = BeautifulSoup(client.get("/en/").content, "html.parser").find("footer")
    text = footer.get_text(" ", strip=True)
    for name in [
        "Cité des métiers International Network",
        "Lifelong Learning Platform",
        "Universcience / Cité des métiers de Paris",
        "Cité des métiers of Porto",
        "Learning Digital",
        "Agency for Science and Higher Education",
    ]:
        assert name in text
    assert "Co-funded by the European Union" in text
    assert "2019-1-FR01-KA202-063068" in text


def test_partners_are_shown_in_the_page_language_with_translated_country_names(client):
    footer = BeautifulSoup(client.get("/hr/").content, "html.parser").find("footer").get_text(" ", strip=True)
    assert "Agencija za znanost i visoko obrazovanje" in footer
    assert "Hrvatska" in footer  # django-countries' Croatian name for HR
    footer_pt = BeautifulSoup(client.get("/pt/").content, "html.parser").find("footer").get_text(" ", strip=True)
    assert "Bélgica" in footer_pt


def test_main_navigation_lists_the_home_pages_children_in_the_current_language(client, home_pages):
    nav = BeautifulSoup(client.get("/fr/").content, "html.parser").find("nav", class_="main-nav")
    titles = [a.get_text(strip=True) for a in nav.find_all("a")]
    assert titles == [child.title for child in home_pages["fr"].get_children().live().in_menu()]
    assert all(a["href"].startswith("/fr/") for a in nav.find_all("a"))


def test_home_page_query_count_does_not_grow_with_sections(client, home_pages, count_queries):
    home = home_pages["en"]
    loaded = home.get_children().live().in_menu().count()  # the sections other apps load
    StandardPageFactory(parent=home)
    client.get("/en/")  # warm caches that are per process, not per page
    _response, with_two = count_queries(lambda: client.get("/en/"))
    for _ in range(10):
        StandardPageFactory(parent=home)
    client.get("/en/")  # the new pages invalidated the shared fragments (home.fragments): computed once again
    response, with_twelve = count_queries(lambda: client.get("/en/"))
    assert response.status_code == 200
    # Standard pages are linked from the "About the project" section, not repeated as output cards.
    assert response.content.count(b'class="card"') == loaded - 1
    assert response.content.count(b"More: ") == 12
    assert with_two == with_twelve, (with_two, with_twelve)
