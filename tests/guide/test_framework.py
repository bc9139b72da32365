"""The competence framework: the seven competences and, for each, everything on the site linked to it."""

import pytest
from django.utils import translation
from wagtail.models import PageViewRestriction

from casestudies.models import CaseStudyPage
from events.models import EventPage
from guide.gathering import pages_linking_to
from guide.models import GuideChapterPage, TrainingProgrammePage
from tests.conftest import LANGUAGES
from tests.guide.helpers import (
    add_chapter,
    chapters,
    competence,
    competence_links,
    framework,
    guide,
    main_text,
    programme,
    soup,
)

pytestmark = pytest.mark.django_db

TITLES = [
    "Developing and formalising new partnerships",
    "Administrative and financial monitoring",
    "Coordinating, managing and leading the partnership",
    "Developing partners' competences in multi-partnership",
    "Evaluating implemented measures and activities",
    "Monitoring relevant national and local policies and reforms",
    "Ensuring communication and representation activities",
]


def test_framework_page_states_its_purpose_and_lists_the_seven_competences(client):
    page = framework("en")
    html = soup(client.get(page.url))
    text = html.find("main").get_text(" ", strip=True)
    assert "develops, promotes and leads multi-stakeholder partnership cooperation" in text
    cards = html.select(".competence-card__title a")
    assert [a.get_text(strip=True) for a in cards] == TITLES
    assert [a["href"] for a in cards] == [f"{page.url}{n}/" for n in range(1, 8)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_framework_lists_the_competences_in_the_readers_language(client, language):
    page = framework(language)
    titles = [a.get_text(strip=True) for a in soup(client.get(page.url)).select(".competence-card__title a")]
    assert titles == [competence(n, language).title for n in range(1, 8)]
    if language != "en":
        assert not set(titles) & set(TITLES)


def test_competence_page_lists_its_module_and_the_chapters_that_link_it_in_the_current_language(client):
    page = framework("fr")
    html = soup(client.get(page.url + "3/"))
    assert html.find("h1").get_text(strip=True) == "Coordonner, gérer et piloter le partenariat"
    groups = {section.find("h2").get_text(strip=True): section for section in html.select("section.linked-group")}
    # The training module, the guide's chapters, case studies, event sessions, each under its own heading.
    assert list(groups) == [
        "Module de formation",
        "Dans le Guide de coopération",
        "Études de cas",
        "Sessions d'événements",
    ]
    module_link = groups["Module de formation"].find("a")
    assert module_link.get_text(strip=True) == "Module C : Coordonner, gérer et piloter le partenariat"
    assert module_link["href"].startswith(programme("fr").url + "#module-")
    anchor = module_link["href"].split("#")[1]
    assert soup(client.get(programme("fr").url)).find(id=anchor) is not None

    chapter_links = [a["href"] for a in groups["Dans le Guide de coopération"].find_all("a")]
    french = chapters("fr")
    assert chapter_links == [french[2].url, french[3].url]  # chapters 3 and 4 link competence 3
    assert "Cité des métiers" in groups["Dans le Guide de coopération"].get_text()
    assert "/en/" not in "".join(chapter_links)


def test_competence_page_leaves_out_unpublished_and_private_pages(client):
    page = framework("en")
    third, fourth = chapters("en")[2], chapters("en")[3]
    before = [a["href"] for a in soup(client.get(page.url + "3/")).select("#guide-guidechapterpage a")]
    assert before == [third.url, fourth.url]

    third.unpublish()
    PageViewRestriction.objects.create(page=fourth, restriction_type=PageViewRestriction.PASSWORD, password="x")
    html = soup(client.get(page.url + "3/"))
    assert html.select("#guide-guidechapterpage a") == []
    # The training module is still there.
    assert html.select("#guide-trainingprogrammepage a")


def test_a_reference_to_any_translation_of_the_competence_counts(client):
    """A chapter written in French that links the English competence still appears under the French competence."""
    chapter = add_chapter(parent=guide("fr"), body=[competence_links(competence(5, "en"))], title="Évaluer ensemble")
    html = soup(client.get(framework("fr").url + "5/"))
    assert chapter.url in [a["href"] for a in html.select("#guide-guidechapterpage a")]
    # ...but not under the English one: only pages in the reader's language are listed.
    english = soup(client.get(framework("en").url + "5/"))
    assert chapter.url not in [a["href"] for a in english.select("a")]


def test_removing_the_link_removes_the_page_from_the_competence(client):
    chapter = add_chapter(body=[competence_links(competence(2))])
    assert chapter.url in [a["href"] for a in soup(client.get(framework("en").url + "2/")).select("a")]
    chapter.body = []
    chapter.save_revision().publish()
    assert chapter.url not in [a["href"] for a in soup(client.get(framework("en").url + "2/")).select("a")]


def test_a_draft_link_does_not_show_until_it_is_published(client):
    chapter = chapters("en")[0]
    chapter.body = list(chapter.body.raw_data) + [competence_links(competence(4))]
    chapter.save_revision()  # draft only
    assert chapter.url not in [a["href"] for a in soup(client.get(framework("en").url + "4/")).select("main a")]
    chapter.get_latest_revision().publish()
    assert chapter.url in [a["href"] for a in soup(client.get(framework("en").url + "4/")).select("main a")]


def test_gathering_groups_pages_by_type_with_the_module_first():
    with translation.override("it"):
        groups = pages_linking_to(competence(1, "it"), competence(1, "it").locale)
    assert [group.model for group in groups] == [TrainingProgrammePage, GuideChapterPage, CaseStudyPage, EventPage]
    module = groups[0].pages[0]
    assert [part.label for part in module.parts] == ["Modulo A: Sviluppare e formalizzare nuovi partenariati"]
    assert [linked.page.chapter_number for linked in groups[1].pages] == [1, 2, 4]


def test_an_unknown_competence_number_is_a_404_that_says_so(client):
    page = framework("en")
    response = client.get(page.url + "8/")
    assert response.status_code == 404
    text = main_text(response)
    assert "has no competence number 8" in text
    assert "It has 7 competences" in text
    html = soup(response)
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert len(html.select(".competence-nav__list a")) == 7


def test_competence_pages_have_alternates_to_the_same_competence_in_each_language(client):
    html = soup(client.get(framework("hr").url + "6/"))
    alternates = {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate")}
    assert alternates["fr"].endswith("/fr/referentiel-de-competences/6/")
    assert alternates["hr"].endswith("/hr/okvir-kompetencija/6/")
    switcher = {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}
    assert switcher["it"].endswith("/it/quadro-delle-competenze/6/")


def test_sitemap_lists_each_competence_page():
    urls = [entry["location"] for entry in framework("en").get_sitemap_urls()]
    assert urls[0].endswith("/en/competence-framework/")
    assert [url.rsplit("/", 2)[1] for url in urls[1:]] == [str(n) for n in range(1, 8)]


@pytest.mark.parametrize("language", ["en", "pt"])
def test_competence_page_lists_the_case_studies_that_illustrate_it(client, language):
    number = 3
    expected = {
        page.title
        for page in CaseStudyPage.objects.live().filter(
            locale__language_code=language, competence_links__competence__number=number
        )
    }
    assert expected, "the sample case studies cover every competence"
    html = soup(client.get(framework(language).url + f"{number}/"))
    groups = {section.find("h2").get_text(strip=True): section for section in html.select("section.linked-group")}
    label = {"en": "Case studies", "pt": "Estudos de caso"}[language]
    assert {a.get_text(strip=True) for a in groups[label].select("a")} == expected


@pytest.mark.parametrize("language", ["en", "fr"])
def test_competence_page_lists_the_event_sessions_about_it(client, language):
    event = EventPage.objects.live().get(locale__language_code=language)
    sessions = [
        child
        for child in event.agenda
        if child.block_type == "session" and any(c.number == 1 for c in child.value["competences"])
    ]
    assert sessions, "the seed event's competence-framework presentation covers competence 1"
    html = soup(client.get(framework(language).url + "1/"))
    label = {"en": "Event sessions", "fr": "Sessions d'événements"}[language]
    group = {s.find("h2").get_text(strip=True): s for s in html.select("section.linked-group")}[label]
    links = {a.get_text(strip=True): a["href"] for a in group.select("a")}
    for session in sessions:
        assert links[session.value["title"]] == f"{event.url}#session-{session.id}"
    assert soup(client.get(event.url)).find(id=f"session-{sessions[0].id}") is not None
