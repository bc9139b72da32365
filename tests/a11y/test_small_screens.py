"""Small screens and zoom (issue 9, part 3): no horizontal scrolling, no control cut off. WCAG 2.1 1.4.4, 1.4.10.

One page of every page type in each of the five languages (tests/a11y/pages.py,
shared with the axe audit), at two sizes, in CSS pixels:

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

import pytest

from tests.a11y.pages import LANGUAGES, pages_of_every_type

pytestmark = pytest.mark.browser

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


# One test per size and language, so that parallel workers share the 170 pages.
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES)
def test_no_page_scrolls_sideways_or_cuts_off_a_control(live_site, new_page, size, language):
    page = new_page(**SIZES[size])
    problems = []
    checked = 0
    for page_type, url, expected_status in pages_of_every_type(language):
        response = page.goto(live_site + url)
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
    assert checked == 21
    assert not problems, f"{len(problems)} problems on {checked} pages:\n" + "\n".join(problems)
