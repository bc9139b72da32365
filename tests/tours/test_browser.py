"""The tours in a real browser (Playwright, system Chromium): viewer, keyboard, deep links, phones, no JS.

Fixtures: tests/browser.py. The sample tour of Cité des métiers Brussels has
three rooms: Reception → Self-service area → Workshop room.
"""

import pytest

from tours.models import TourPage, TourScenePage

pytestmark = pytest.mark.browser

TOUR_URL = "/en/virtual-tours/cite-des-metiers-brussels/"
ROOMS = ["reception", "self-service-area", "workshop-room"]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
PHONE_BUDGET = int(2.5 * 1024 * 1024)  # bytes of panorama per scene on a phone


def scene_key(slug: str, language: str = "en") -> str:
    """The viewer's id of the Brussels room with English slug `slug`, in `language`."""
    english_tour = TourPage.objects.get(locale__language_code="en", slug="cite-des-metiers-brussels")
    english = TourScenePage.objects.child_of(english_tour).get(slug=slug)
    return f"s{TourScenePage.objects.get(translation_key=english.translation_key, locale__language_code=language).pk}"


def wait_for_viewer(page, key: str | None = None):
    page.wait_for_function("() => window.kipTour && window.kipTour.viewer.isLoaded()", timeout=20000)
    if key:
        page.wait_for_function(
            "key => window.kipTour.viewer.getScene() === key && window.kipTour.viewer.isLoaded()", arg=key
        )


def visible_scene(page) -> str:
    return page.evaluate("() => document.querySelector('[data-scene]:not([hidden])').dataset.scene")


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus (fails after `limit` presses)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def test_the_viewer_starts_without_console_errors(live_site, new_page):
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_site + TOUR_URL)
    wait_for_viewer(page, scene_key("reception"))
    assert page.problems == []
    assert page.locator("[data-tour-stage]").is_visible()
    assert page.locator("canvas").count() == 1  # Pannellum's WebGL canvas
    assert page.get_attribute(".pnlm-zoom-in", "aria-label") == "Zoom in"
    assert page.get_attribute(".pnlm-hotspot-base >> nth=0", "aria-hidden") == "true"


def test_a_scene_link_activated_from_the_keyboard_changes_the_scene_and_the_address(live_site, new_page):
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_site + TOUR_URL + "reception/")
    wait_for_viewer(page, scene_key("reception"))
    page.evaluate("() => { window.notReloaded = true; }")
    link = "[data-scene]:not([hidden]) .hotspot-list a[data-scene-link]"
    tab_to(page, link)
    page.keyboard.press("Enter")
    target = scene_key("self-service-area")
    wait_for_viewer(page, target)
    assert page.evaluate("() => window.notReloaded") is True  # no page load
    assert page.evaluate("() => location.pathname") == TOUR_URL + "self-service-area/"
    assert visible_scene(page) == target
    assert page.evaluate("() => document.activeElement.textContent") == "Self-service area"
    assert page.title().startswith("Self-service area · Cité des métiers Brussels")
    assert (
        page.locator(".language-switcher a[hreflang=fr]")
        .get_attribute("href")
        .endswith("/fr/visites-virtuelles/cite-des-metiers-bruxelles/espace-libre-service/")
    )
    # Back returns to the first room, still without a page load.
    page.go_back()
    wait_for_viewer(page, scene_key("reception"))
    assert page.evaluate("() => window.notReloaded") is True
    assert page.evaluate("() => location.pathname") == TOUR_URL + "reception/"
    assert page.problems == []


def test_a_deep_link_opens_the_right_scene(live_site, new_page):
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_site + "/fr/visites-virtuelles/cite-des-metiers-bruxelles/salle-ateliers/")
    wait_for_viewer(page, scene_key("workshop-room", "fr"))
    assert visible_scene(page) == scene_key("workshop-room", "fr")
    assert page.locator("[data-scene]:not([hidden]) h2").text_content() == "Salle d'ateliers"
    assert page.evaluate("() => window.kipTour.data.strings.zoomIn") == "Zoomer"
    assert page.problems == []


def test_opening_an_information_hotspot_turns_the_view_to_it(live_site, new_page):
    page = new_page(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    page.goto(live_site + TOUR_URL + "reception/")
    wait_for_viewer(page, scene_key("reception"))
    tab_to(page, "[data-scene]:not([hidden]) .hotspot--information summary")
    page.keyboard.press("Enter")
    assert page.locator("[data-scene]:not([hidden]) .hotspot--information details").get_attribute("open") is not None
    page.wait_for_function("() => Math.abs(window.kipTour.viewer.getYaw() - (-20)) < 2")


def test_reduced_motion_turns_auto_rotation_off(live_site, new_page):
    moving = new_page(viewport={"width": 1280, "height": 900})
    moving.goto(live_site + TOUR_URL)
    wait_for_viewer(moving)
    assert moving.evaluate("() => window.kipTour.viewer.getConfig().autoRotate") == -2
    still = new_page(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    still.goto(live_site + TOUR_URL)
    wait_for_viewer(still)
    assert still.evaluate("() => window.kipTour.viewer.getConfig().autoRotate") is False
    yaw = still.evaluate("() => window.kipTour.viewer.getYaw()")
    still.wait_for_timeout(1500)
    assert still.evaluate("() => window.kipTour.viewer.getYaw()") == yaw


def test_a_phone_downloads_one_panorama_of_at_most_4096_px_and_2_5_mb_per_scene(live_site, new_page):
    page = new_page(**PHONE)
    responses = []
    page.on("response", lambda response: "/media/images/" in response.url and responses.append(response))
    page.goto(live_site + TOUR_URL + "reception/")
    wait_for_viewer(page, scene_key("reception"))
    page.locator("[data-scene]:not([hidden]) .hotspot-list a[data-scene-link]").first.tap()
    wait_for_viewer(page, scene_key("self-service-area"))
    page.wait_for_load_state("networkidle")
    panoramas = [(response.url, len(response.body())) for response in responses]
    assert len(panoramas) == 2, panoramas  # one per scene visited, nothing else
    for url, size in panoramas:
        assert ".width-4096." in url or ".width-2048." in url, url
        assert size <= PHONE_BUDGET, (url, size)
    print("phone panorama bytes per scene:", [size for _url, size in panoramas])
    assert page.problems == []


def test_without_javascript_the_scene_shows_its_panorama_and_hotspot_list(live_site, new_page):
    page = new_page(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page.goto(live_site + TOUR_URL + "self-service-area/")
    image = page.locator(".tour-scene__fallback img")
    assert image.is_visible()
    assert page.evaluate("img => img.complete && img.naturalWidth > 0", image.element_handle())
    assert page.locator("[data-tour-stage]").is_hidden()
    links = page.locator("[data-scene]:not([hidden]) .hotspot-list a")
    assert links.count() == 2
    links.first.click()
    assert page.url.endswith(TOUR_URL + "workshop-room/")
    assert page.locator("[data-scene]:not([hidden]) h2").text_content() == "Workshop room"


def test_in_the_preview_a_click_on_the_panorama_gives_its_yaw_and_pitch(live_site, new_page, django_user_model):
    from django.test import Client

    editor = django_user_model.objects.create_superuser("placer", "placer@example.com", "pw")
    client = Client()
    client.force_login(editor)
    scene = TourScenePage.objects.get(pk=int(scene_key("reception")[1:]))
    page = new_page(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_site}])
    page.goto(f"{live_site}/admin/pages/{scene.pk}/view_draft/")
    wait_for_viewer(page, f"s{scene.pk}")
    page.locator("#tour-panorama").evaluate("element => element.scrollIntoView({block: 'center'})")
    box = page.locator("#tour-panorama").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # the middle of the view
    yaw = float(page.locator("[data-editor-yaw]").input_value())
    pitch = float(page.locator("[data-editor-pitch]").input_value())
    assert abs(yaw - scene.initial_yaw) < 2 and abs(pitch - scene.initial_pitch) < 2, (yaw, pitch)
    page.mouse.click(box["x"] + box["width"] * 0.75, box["y"] + box["height"] / 2)  # to the right: yaw grows
    assert float(page.locator("[data-editor-yaw]").input_value()) > yaw + 10
    page.get_by_role("button", name="Use the centre of the view").click()
    assert float(page.locator("[data-editor-hfov]").input_value()) == scene.field_of_view
    assert page.locator(".tour-editor__pin").count() == 1
