"""Keyboard-only journeys in a real browser (issue 9, part 2): WCAG 2.1.1, 2.1.2, 2.4.1, 2.4.3, 2.4.7.

Each journey opens one address with page.goto, then uses only Tab, Shift+Tab,
Enter, Space and the arrow keys (page.keyboard.press); the tour journey also
uses the browser's Back button (page.go_back), as a visitor would. At every
stop tests/a11y/keyboard.py checks that the focus is visible (an outline or a
box-shadow on document.activeElement, on screen) and not trapped (Tab moves
it, Shift+Tab brings it back). Addresses come from the ORM, never hard-coded
translated slugs. Fixtures: tests/browser.py.
"""

import pytest
from wagtail.models import Locale

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from guide.models import GuideChapterPage, GuideIndexPage
from tests.a11y.keyboard import assert_focus_visible, focus_state, matches, tab_until
from tours.models import TourIndexPage, TourPage, TourScenePage

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
HREF_IS = "el.matches('a') && el.getAttribute('href') === arg"


def press(page, key: str) -> dict:
    """Press `key` and return the focus state it leads to."""
    page.keyboard.press(key)
    return focus_state(page)


def live_in(model, language: str = "en"):
    return model.objects.live().public().filter(locale__language_code=language).order_by("path")


def test_the_skip_link_is_the_first_stop_and_moves_the_focus_to_the_main_content(live_site, new_page):
    page = new_page(**DESKTOP)
    page.goto(f"{live_site}/en/")
    state = press(page, "Tab")
    assert matches(page, "el.classList.contains('skip-link')"), f"the first Tab focused {state['description']}"
    assert_focus_visible(state, "skip link")
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#main"
    assert matches(page, "el.id === 'main'"), focus_state(page)["description"]
    state = press(page, "Tab")
    assert matches(page, "document.getElementById('main').contains(el)"), (
        f"Tab after the skip link left the main content: {state['description']}"
    )
    assert_focus_visible(state, "first control of the main content")
    assert page.problems == []


def test_keyboard_user_reaches_a_guide_chapter_and_follows_its_toc_anchors(live_site, new_page):
    guide = live_in(GuideIndexPage).get()
    chapter = live_in(GuideChapterPage).child_of(guide).first()
    page = new_page(**DESKTOP)
    page.goto(f"{live_site}/en/")

    tab_until(page, "el.closest('.main-nav') && el.getAttribute('href') === arg", "the guide in the menu", guide.url)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{guide.url}")
    tab_until(page, HREF_IS, f"the link to chapter {chapter.title!r}", chapter.url)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{chapter.url}")

    anchors = page.eval_on_selector_all(".toc a", "links => links.map(link => link.getAttribute('href'))")
    assert len(anchors) >= 2, anchors
    for number, anchor in enumerate(anchors[:3]):
        # The first entry is after the header (Tab); later ones are behind the section just reached (Shift+Tab).
        tab_until(page, HREF_IS, f"the table-of-contents link {anchor}", anchor, backwards=number > 0)
        page.keyboard.press("Enter")
        page.wait_for_function("hash => location.hash === hash", arg=anchor)
        top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", anchor[1:])
        assert 0 <= top < 100, f"{anchor} is not scrolled to the top of the window (top = {top} CSS px)"
        # The section is the starting point of the focus: the next Tab goes to what follows it.
        state = press(page, "Tab")
        follows = page.evaluate(
            """id => { const target = document.getElementById(id), el = document.activeElement;
                       return target === el || target.contains(el) ||
                              Boolean(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING); }""",
            anchor[1:],
        )
        assert follows, f"Tab after following {anchor} went back to {state['description']}"
        assert_focus_visible(state, f"after {anchor}")
    assert page.problems == []


def test_keyboard_user_filters_the_case_studies_by_country(live_site, new_page):
    library = live_in(CaseStudyIndexPage).get()
    country = "PT"
    expected = live_in(CaseStudyPage).child_of(library).filter(country=country).count()
    assert expected > 0
    page = new_page(**DESKTOP)
    page.goto(f"{live_site}/en/")

    tab_until(page, "el.closest('.main-nav') && el.getAttribute('href') === arg", "the case studies", library.url)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{library.url}")
    tab_until(page, "el.id === 'filter-country'", "the country filter")
    # A closed <select> changes its value with the arrow keys without opening.
    for _ in range(20):
        if page.evaluate("() => document.activeElement.value") == country:
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.value") == country
    # Enter on a <select> does not submit a form (HTML's implicit submission is for text fields): the button does.
    tab_until(page, "el.matches('.filter-form button[type=submit]')", "the filter form's button")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{library.url}?country={country}*")
    assert page.locator(".case-study-cards > li").count() == expected
    assert page.evaluate("() => document.getElementById('filter-country').value") == country
    # The filtered list can be read on with the keyboard: Tab reaches the first result.
    tab_until(page, "el.closest('.case-study-cards')", "the first filtered case study")
    assert page.problems == []


def test_keyboard_user_moves_through_a_tours_rooms_and_back(live_site, new_page):
    index = live_in(TourIndexPage).get()
    tour = live_in(TourPage).child_of(index).get(slug="cite-des-metiers-brussels")
    rooms = list(live_in(TourScenePage).child_of(tour))
    assert len(rooms) >= 3
    keys = [f"s{room.pk}" for room in rooms]
    page = new_page(**DESKTOP, reduced_motion="reduce")
    page.goto(f"{live_site}/en/")

    tab_until(page, "el.closest('.main-nav') && el.getAttribute('href') === arg", "the virtual tours", index.url)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{index.url}")
    tab_until(page, HREF_IS, f"the tour {tour.title!r}", tour.url)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{tour.url}")
    page.wait_for_function("() => window.kipTour && window.kipTour.viewer.isLoaded()", timeout=20000)

    # The viewer's zoom button works with Enter, and the view itself turns with the arrow keys.
    tab_until(page, "el.matches('.pnlm-zoom-in')", "the viewer's zoom-in button")
    hfov = page.evaluate("() => window.kipTour.viewer.getHfov()")
    page.keyboard.press("Enter")
    page.wait_for_function("hfov => window.kipTour.viewer.getHfov() < hfov", arg=hfov)
    tab_until(page, "el.closest('#tour-panorama') && el.tabIndex >= 0", "the 360° view", backwards=True)
    yaw = page.evaluate("() => window.kipTour.viewer.getYaw()")
    page.keyboard.down("ArrowRight")
    page.wait_for_timeout(400)
    page.keyboard.up("ArrowRight")
    assert page.evaluate("() => window.kipTour.viewer.getYaw()") != yaw, "the arrow keys did not turn the view"
    # Shift+Tab leaves the view without zooming it (Pannellum zooms in while Shift is down).
    page.wait_for_timeout(500)  # the turn's inertia dies out
    hfov = page.evaluate("() => window.kipTour.viewer.getHfov()")
    page.keyboard.press("Shift+Tab")
    assert not matches(page, "el.closest('#tour-panorama')"), "Shift+Tab did not leave the 360° view"
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.kipTour.viewer.getHfov()") == hfov, "Shift+Tab zoomed the view"

    # Room to room with the hotspot links under the view; the new room's heading takes the focus.
    for key in keys[1:3]:
        tab_until(
            page,
            "el.matches('[data-scene]:not([hidden]) .hotspot-list a[data-scene-link]') && "
            "el.getAttribute('data-scene-link') === arg",
            f"the hotspot link to room {key}",
            key,
        )
        page.keyboard.press("Enter")
        page.wait_for_function("key => window.kipTour.currentScene() === key", arg=key)
        assert matches(page, "el.closest('[data-scene]') && el.closest('[data-scene]').dataset.scene === arg", key)
        assert_focus_visible(focus_state(page), f"heading of room {key}")

    # Back: the previous room is shown and the focus lands on its heading, not on <body>.
    for key in (keys[1], keys[0]):
        page.go_back()
        page.wait_for_function("key => window.kipTour.currentScene() === key", arg=key)
        state = focus_state(page)
        assert not state["isBody"], f"after Back to room {key} the focus fell back to <body>"
        assert matches(page, "el.matches('h2') && el.closest('[data-scene]').dataset.scene === arg", key), (
            f"after Back to room {key} the focus is on {state['description']}, not on the room's heading"
        )
        assert_focus_visible(state, f"after Back to room {key}")
        # The first room was opened from the tour's own address.
        assert page.evaluate("() => location.pathname") == (tour.url if key == keys[0] else rooms[1].url)
    # From there the keyboard goes on through the room shown: Space opens an information point.
    tab_until(page, "el.matches('[data-scene]:not([hidden]) .hotspot--information summary')", "an information point")
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.parentElement.open") is True
    assert page.problems == []


def test_keyboard_user_switches_the_language_of_a_chapter(live_site, new_page):
    chapter = live_in(GuideChapterPage).first()
    french = chapter.get_translation(Locale.objects.get(language_code="fr"))
    page = new_page(**DESKTOP)
    page.goto(live_site + chapter.url)
    tab_until(page, "el.closest('.language-switcher') && el.getAttribute('hreflang') === 'fr'", "Français")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{french.url}")
    assert page.evaluate("() => document.documentElement.lang") == "fr"
    # The French page starts again at the skip link, and its switcher leads back to English.
    state = press(page, "Tab")
    assert matches(page, "el.classList.contains('skip-link')"), state["description"]
    tab_until(page, "el.closest('.language-switcher') && el.getAttribute('hreflang') === 'en'", "English")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{chapter.url}")
    assert page.problems == []
