"""The archive in a real browser, served by a plain static file server (`python -m http.server`)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TOUR = "/en/virtual-tours/cite-des-metiers-brussels/reception/index.html"


def test_a_tour_opens_its_scene_and_moves_to_the_next(built_archive, archive_server, new_page):
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(archive_server + TOUR)
    page.wait_for_function("() => window.kipTour && window.kipTour.viewer.isLoaded()", timeout=20000)
    first = page.evaluate("() => window.kipTour.viewer.getScene()")
    page.locator("[data-scene]:not([hidden]) .hotspot-list a[data-scene-link]").first.click()
    page.wait_for_function(
        "first => window.kipTour.viewer.getScene() !== first && window.kipTour.viewer.isLoaded()", arg=first
    )
    assert page.evaluate("() => location.pathname").endswith("/self-service-area/index.html")
    # After the move the page's other links still lead into the archive.
    home = page.locator(".site-header__brand").get_attribute("href")
    assert home == archive_server + "/en/index.html"
    assert page.problems == []


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("fr", "coopérations", "/fr/guide-de-cooperation/"),  # French stemming: "coopération"
        ("hr", "suradnju", "/hr/vodic-za-suradnju/"),
    ],
)
def test_pagefind_finds_the_page_in_its_language(built_archive, archive_server, new_page, language, query, expected):
    page = new_page()
    page.goto(f"{archive_server}/{language}/index.html")
    page.fill("#site-search-query", query)
    page.press("#site-search-query", "Enter")
    page.wait_for_selector(".search-result__title a", timeout=15000)
    links = page.eval_on_selector_all(".search-result__title a", "links => links.map(a => a.pathname)")
    assert any(link.startswith(expected) for link in links), links
    assert all(link.startswith(f"/{language}/") for link in links), links
    assert page.problems == []
