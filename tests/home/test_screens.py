"""Screenshots of the site frame on a phone (375 × 812) and a desktop (1280 px), when KIP_SCREENS_DIR is set.

Not a check: a record for reviewers (the header-height checks are in test_phone_header.py).
`KIP_SCREENS_DIR=/tmp/screens KIP_SCREENS_TAG=after pytest -n0 -m browser tests/home/test_screens.py`
"""

import os
from pathlib import Path

import pytest

from events.models import EventPage
from home.models import HomePage
from tests.a11y.pages import live

pytestmark = pytest.mark.browser

SCREENS_DIR = os.environ.get("KIP_SCREENS_DIR", "")
TAG = os.environ.get("KIP_SCREENS_TAG", "after")
VIEWPORTS = {
    "phone": {"viewport": {"width": 375, "height": 812}, "is_mobile": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}


@pytest.mark.skipif(not SCREENS_DIR, reason="KIP_SCREENS_DIR is not set")
@pytest.mark.parametrize("language", ["en", "fr", "hr"])
def test_screenshots(language, live_site, new_page):
    out = Path(SCREENS_DIR)
    out.mkdir(parents=True, exist_ok=True)
    pages = {
        "home": live(HomePage, language).first().url,
        "event": live(EventPage, language).first().url,
    }
    lines = []
    for device, options in VIEWPORTS.items():
        page = new_page(**options)
        for name, path in pages.items():
            page.goto(live_site + path)
            header = page.evaluate("() => document.querySelector('header.site-header').getBoundingClientRect().height")
            main_top = page.evaluate("() => document.querySelector('main').getBoundingClientRect().top")
            file = out / f"{TAG}-{device}-{language}-{name}.png"
            page.screenshot(path=str(file), full_page=False)
            lines.append(f"{file.name}\theader {header:.0f} px\tmain starts at {main_top:.0f} px")
    with open(out / f"{TAG}-measures.txt", "a") as report:
        report.write("\n".join(lines) + "\n")
