"""Every page type, in each language, in a real browser: axe-core's WCAG 2.0/2.1 A and AA rules, and small screens.

axe-core 4.10.3 comes pinned in the PyPI package axe-playwright-python==0.1.5
(requirements-dev.txt); its script is injected into each page through
Playwright, driving the system Chromium (fixtures: tests/browser.py). Only the
rules tagged wcag2a, wcag2aa, wcag21a and wcag21aa run. Each language's test
visits all 18 page types, the contact, privacy and accessibility pages and the 404 page
(tests/a11y/pages.py; found in the loaded content, so translated slugs are never hard-coded).
Each page is loaded as on a 375 × 812 phone and its header checked there (issue 18), then
checked at 320 CSS px and at 200 % zoom for sideways scrolling and cut-off controls
(tests/a11y/layout.py), then audited by axe at 1280 × 900, with a tour's
Pannellum viewer loaded (its own markup, site/static/vendor/, passes these rules too, so
nothing is excluded). A tour scene as it shows without JavaScript is audited too. The test
gathers every problem and fails once, listing them all (rule, impact, element, page, size and
language).
"""

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from tests.a11y.layout import PHONE, SETTLE, SIZES, emulate, layout_problems, phone_header_problems
from tests.a11y.pages import LANGUAGES, first_url, live, pages_of_every_type
from tours.models import TourScenePage

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_TYPES = 21  # 18 page types and the three footer pages (tests/a11y/pages.py)
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
DESKTOP_METRICS = {**DESKTOP["viewport"], "deviceScaleFactor": 1}

# What a browser without JavaScript shows: <noscript> content parsed as HTML
# (a browser with scripting parses it as text).
UNWRAP_NOSCRIPT = """() => document.querySelectorAll("noscript").forEach(element => {
    const template = document.createElement("template");
    template.innerHTML = element.textContent;
    element.replaceWith(template.content);
})"""


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now."""
    page.evaluate(AXE_SCRIPT)
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return page.evaluate("options => axe.run(document, options)", options)["violations"]


def describe(where: str, violation: dict) -> str:
    """One violation: rule, impact and help on the first line, then each element's target and HTML."""
    lines = [f"{where}: {violation['id']} ({violation['impact']}): {violation['help']}"]
    lines += [f"    {' '.join(node['target'])}  {node['html'][:200]}" for node in violation["nodes"]]
    return "\n".join(lines)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_has_no_wcag_21_aa_violations_and_fits_small_screens(language, live_site, new_page):
    page = new_page(**DESKTOP)
    cdp = page.context.new_cdp_session(page)
    problems = []
    audited = 0
    header_heights = {}
    for label, path, expected_status in pages_of_every_type(language):
        where = f"[{language}] {label} {live_site}{path}"
        emulate(cdp, PHONE, phone=True)
        response = page.goto(live_site + path)
        if response.status != expected_status:
            problems.append(f"{where}: HTTP {response.status}, expected {expected_status}")
        if (lang := page.get_attribute("html", "lang")) != language:
            problems.append(f'{where}: <html lang="{lang}">, expected "{language}"')
        if label == "search results" and not page.locator(".search-result").count():
            problems.append(f"{where}: no results to audit")
        tour = page.locator("[data-tour-stage]").count()
        if tour:
            page.wait_for_function("() => window.kipTour", timeout=20000)  # tours.js has built the viewer
        header_heights[label], phone_problems = phone_header_problems(page, where)
        problems += phone_problems
        for size, metrics in SIZES.items():
            emulate(cdp, metrics)
            problems += layout_problems(page, where, size)
        emulate(cdp, DESKTOP_METRICS)
        page.evaluate(SETTLE)
        if tour:  # audit the viewer as visitors meet it: loaded
            page.wait_for_function("() => window.kipTour && window.kipTour.viewer.isLoaded()", timeout=20000)
        problems += [describe(where, violation) for violation in axe_violations(page)]
        audited += 1

    # A tour scene without JavaScript: the flat panorama, the description and the hotspot list.
    no_script = new_page(**DESKTOP)
    no_script.route("**/*.js", lambda route: route.abort())
    scene = first_url(live(TourScenePage, language), "tour scene")
    no_script.goto(live_site + scene)
    no_script.evaluate(UNWRAP_NOSCRIPT)
    assert no_script.locator(".tour-scene__fallback img").count() == 1
    where = f"[{language}] tour scene without JavaScript {live_site}{scene}"
    problems += [describe(where, violation) for violation in axe_violations(no_script)]
    audited += 1

    print(f"\n[{language}] header height at 375 x 812 (px): {header_heights}")  # for the record (pytest -s)
    assert audited == PAGE_TYPES + 1
    assert not problems, f"{len(problems)} problem(s) on {audited} pages:\n" + "\n".join(problems)


def test_the_audit_reports_what_breaks_the_rules(new_page):
    """The audit's own check: a page with known faults gives those violations."""
    page = new_page()
    page.set_content(
        "<!DOCTYPE html><html><head><title>Faults</title></head><body><main>"
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<p style="color: #aaa; background: #fff">Faint text</p><a href="/elsewhere"></a>'
        "</main></body></html>"
    )
    found = {violation["id"] for violation in axe_violations(page)}
    assert {"html-has-lang", "image-alt", "color-contrast", "link-name"} <= found
    message = describe("[xx] faults", next(v for v in axe_violations(page) if v["id"] == "image-alt"))
    assert message.startswith("[xx] faults: image-alt (critical): ") and "<img" in message


def test_home_page_landmarks_have_distinct_names(live_site, new_page):
    """Two "Project partners" regions (home page and footer) could not be told apart in a landmark list."""
    page = new_page(**DESKTOP)
    for language in LANGUAGES:
        page.goto(f"{live_site}/{language}/")
        page.evaluate(AXE_SCRIPT)
        options = {"runOnly": {"type": "rule", "values": ["landmark-unique"]}, "resultTypes": ["violations"]}
        violations = page.evaluate("options => axe.run(document, options)", options)["violations"]
        assert not violations, "\n".join(describe(f"[{language}] home", violation) for violation in violations)


def test_the_layout_check_reports_sideways_scrolling_and_cut_off_controls(new_page):
    """The small-screen check's own test: a page too wide at 320 px, fine at 200 % zoom of 1280 px."""
    page = new_page(**DESKTOP)
    cdp = page.context.new_cdp_session(page)
    page.set_content(
        "<!DOCTYPE html><html lang='en'><body><main>"
        "<div style='width: 600px'><a href='/wide'>Wide link</a></div>"
        "<button style='margin-left: 500px'>Far</button></main></body></html>"
    )
    emulate(cdp, SIZES["320px"])
    problems = layout_problems(page, "[en] wide", "320px")
    assert problems[0].startswith("[en] wide at 320px: the page scrolls sideways (scrollWidth ")
    assert any('cut off: <button style="margin-left: 500px"> "Far"' in problem for problem in problems)
    emulate(cdp, SIZES["1280px-at-200%"])
    assert layout_problems(page, "[en] wide", "1280px-at-200%") == []
