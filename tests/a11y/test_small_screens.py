"""Small screens and zoom (issue 9, part 3): no horizontal scrolling, no control cut off. WCAG 2.1 1.4.4, 1.4.10.

One page of every page type in each of the five languages (addresses from the
ORM: live, public pages of that language), at two sizes, in CSS pixels:

- 320 px wide: WCAG 1.4.10 Reflow's width (1280 px at 400 % zoom), a small phone.
- 640 × 400 px at a device scale factor of 2: a 1280 × 800 window zoomed to 200 %
  (WCAG 1.4.4 Resize Text). Browser zoom divides the viewport's CSS pixels by the
  zoom factor and multiplies the device pixels per CSS pixel by it, so the page
  lays out exactly as in this viewport; Playwright cannot set the zoom level itself.

On each page: document.documentElement.scrollWidth <= clientWidth (the page body
does not scroll sideways), and every rendered link, button, input and select in
the header, main content and footer lies within the viewport's width. A failure
lists page, size and element. Fixtures: tests/browser.py.
"""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import translation

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from events.models import EventIndexPage, EventPage
from guide.models import CompetenceFrameworkPage, GuideChapterPage, GuideIndexPage, TrainingProgrammePage
from home.models import HomePage, StandardPage
from tours.models import TourIndexPage, TourPage, TourScenePage

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "fr", "pt", "it", "hr"]
SIZES = {
    "320px": {"viewport": {"width": 320, "height": 640}},
    "1280px-at-200%": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
}

# Sideways overflow of the page and of each control, measured in the page.
LAYOUT = """() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const selector = ["header", "main", "footer"].flatMap(
        area => ["a", "button", "input", "select"].map(control => `${area} ${control}`)).join(", ");
    const cut = [];
    for (const el of document.querySelectorAll(selector)) {
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
        if (rect.left < -0.5 || rect.right > width + 0.5) {
            const label = el.textContent || el.getAttribute("aria-label") || el.name || "";
            const text = label.trim().replace(/\\s+/g, " ");
            cut.push(`${el.outerHTML.split(">")[0]}> "${text.slice(0, 40)}" spans x = ` +
                     `${Math.round(rect.left)}..${Math.round(rect.right)} of ${width}`);
        }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, cut };
}"""


def first_live(model, language: str):
    page = model.objects.live().public().filter(locale__language_code=language).order_by("path").first()
    assert page is not None, f"no live {model.__name__} in {language}"
    return page


def pages_of_every_type(language: str) -> dict[str, str]:
    """Page type → address (path and query) of one live page of that type in `language`."""
    urls = {
        "home": first_live(HomePage, language).url,
        "about": first_live(StandardPage, language).url,
        "guide index": first_live(GuideIndexPage, language).url,
        "chapter": first_live(GuideChapterPage, language).url,
        "print guide": first_live(GuideIndexPage, language).url + "print/",
        "competence framework": first_live(CompetenceFrameworkPage, language).url,
        "a competence": first_live(CompetenceFrameworkPage, language).url + "1/",
        "training programme": first_live(TrainingProgrammePage, language).url,
        "case-study index filtered": first_live(CaseStudyIndexPage, language).url
        + "?"
        + urlencode({"country": first_live(CaseStudyPage, language).country.code}),
        "case study": first_live(CaseStudyPage, language).url,
        "tour index": first_live(TourIndexPage, language).url,
        "tour": first_live(TourPage, language).url,
        "scene": first_live(TourScenePage, language).url,
        "event index": first_live(EventIndexPage, language).url,
        "event": first_live(EventPage, language).url,
        "404": f"/{language}/no-such-page-here/",
    }
    with translation.override(language):
        # A chapter's title: a query with results in every language.
        query = urlencode({"q": first_live(GuideChapterPage, language).title})
        urls["search results"] = f"{reverse('search')}?{query}"
    return urls


@pytest.mark.parametrize("size", SIZES)
def test_no_page_scrolls_sideways_or_cuts_off_a_control(live_site, new_page, size):
    page = new_page(**SIZES[size])
    problems = []
    checked = 0
    for language in LANGUAGES:
        for page_type, url in pages_of_every_type(language).items():
            response = page.goto(live_site + url)
            expected_status = 404 if page_type == "404" else 200
            assert response.status == expected_status, f"{url}: HTTP {response.status}"
            if page.locator("[data-tour]").count():
                page.wait_for_function("() => window.kipTour", timeout=20000)  # tours.js has built the viewer
            layout = page.evaluate(LAYOUT)
            checked += 1
            where = f"{language} {page_type} {url} at {size}"
            if layout["scrollWidth"] > layout["clientWidth"]:
                problems.append(
                    f"{where}: the page scrolls sideways "
                    f"(scrollWidth {layout['scrollWidth']} > clientWidth {layout['clientWidth']} CSS px)"
                )
            problems.extend(f"{where}: cut off: {element}" for element in layout["cut"])
    assert checked == len(LANGUAGES) * 17
    assert not problems, f"{len(problems)} problems on {checked} pages:\n" + "\n".join(problems)
