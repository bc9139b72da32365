"""One page of every public page type in a language, found in the loaded content (tests/browser.py's live site).

Shared by the axe audit and the small-screen checks so both look at the same
21 pages: the 18 page types, plus the contact page, privacy notice and
accessibility statement. Addresses come from live, public pages of each type
in the language, so translated slugs are never hard-coded.
"""

import datetime
from typing import NamedTuple

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from events.models import EventIndexPage, EventPage
from guide.models import CompetenceFrameworkPage, GuideChapterPage, GuideIndexPage, TrainingProgrammePage
from home.loading import stable_uuid
from home.models import Competence, HomePage, StandardPage
from static_archive.models import OpenDataPage
from tours.models import TourIndexPage, TourPage, TourScenePage

LANGUAGES = ["en", "fr", "pt", "it", "hr"]
SEED_EVENT_DATE = datetime.date(2022, 3, 28)  # the project's multiplier event (events/content/)
SEARCH_WORDS = "Pact"  # part of the site's name, so every language has results
CASE_STUDY_FILTER = "?country=PT"
# The pages every footer links to (home/content/legal.py), each a standard page.
FOOTER_PAGES = [
    ("contact page", "page-contact"),
    ("privacy notice", "page-privacy"),
    ("accessibility statement", "page-accessibility"),
]


class PageToCheck(NamedTuple):
    label: str  # the page type, for messages
    path: str  # path and query string, relative to the live server
    status: int  # the HTTP status a visitor must get


def live(model, language: str):
    return model.objects.live().public().filter(locale__language_code=language).order_by("path")


def footer_page(key: str, language: str):
    return live(StandardPage, language).filter(translation_key=stable_uuid(key))


def first_url(queryset, description: str) -> str:
    page = queryset.first()
    assert page is not None, f"no live {description}"
    return page.url


def pages_of_every_type(language: str) -> list[PageToCheck]:
    """One page of each of the 18 page types in `language` and the footer's three pages; AssertionError if one lacks."""
    guide = live(GuideIndexPage, language).first()
    framework = live(CompetenceFrameworkPage, language).first()
    case_studies = live(CaseStudyIndexPage, language).first()
    competence = Competence.objects.filter(locale__language_code=language).order_by("number").first()
    assert guide and framework and case_studies and competence, f"content missing in {language}"
    seed_event = live(EventPage, language).filter(start_date=SEED_EVENT_DATE)
    return [
        PageToCheck("home", first_url(live(HomePage, language), "home page"), 200),
        PageToCheck("standard page (about)", first_url(live(StandardPage, language), "standard page"), 200),
        PageToCheck("guide index", guide.url, 200),
        PageToCheck("guide chapter", first_url(live(GuideChapterPage, language).child_of(guide), "chapter"), 200),
        PageToCheck("whole guide (print/)", guide.url + "print/", 200),
        PageToCheck("competence framework", framework.url, 200),
        PageToCheck("competence", f"{framework.url}{competence.number}/", 200),
        PageToCheck("training programme", first_url(live(TrainingProgrammePage, language), "programme"), 200),
        PageToCheck("case-study index, filtered", case_studies.url + CASE_STUDY_FILTER, 200),
        PageToCheck("case study", first_url(live(CaseStudyPage, language).child_of(case_studies), "case study"), 200),
        PageToCheck("tour index", first_url(live(TourIndexPage, language), "tour index"), 200),
        PageToCheck("tour", first_url(live(TourPage, language), "tour"), 200),
        PageToCheck("tour scene", first_url(live(TourScenePage, language), "tour scene"), 200),
        PageToCheck("event index", first_url(live(EventIndexPage, language), "event index"), 200),
        PageToCheck("event of 28 March 2022", first_url(seed_event, "event of 28 March 2022"), 200),
        PageToCheck("open data", first_url(live(OpenDataPage, language), "open data page"), 200),
        PageToCheck("search results", f"/{language}/search/?q={SEARCH_WORDS}", 200),
        *[PageToCheck(label, first_url(footer_page(key, language), label), 200) for label, key in FOOTER_PAGES],
        PageToCheck("404", f"/{language}/no-such-page-for-the-accessibility-checks/", 404),
    ]
