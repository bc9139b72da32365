"""What visitors get from the tour pages, with and without JavaScript, in every language."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from tests.tours.factories import information, make_document, make_tour, media, scene_link, scenes_of, set_hotspots
from tours.models import TourIndexPage, TourPage, TourScenePage
from tours.panoramas import PHONE_MAX_WIDTH

pytestmark = pytest.mark.django_db


def get_html(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def viewer_config(soup: BeautifulSoup) -> dict:
    return json.loads(soup.find("script", id="tour-config").string)


@pytest.fixture
def linked_tour():
    """Three rooms: 1 links to 2 and 3, with an information and a media hotspot; 2 links back to 1."""
    tour = make_tour("Linked tour", scenes=3)
    first, second, third = scenes_of(tour)
    audio = make_document("guide.mp3")
    set_hotspots(
        first,
        [
            scene_link(second, label="To room two"),
            scene_link(third, label="To room three"),
            information("Notice board"),
            media(audio, "Welcome message", transcript="<p>Welcome to the centre.</p>"),
        ],
    )
    set_hotspots(second, [scene_link(first, label="Back to room one")])
    return tour


def test_the_index_lists_every_tour_with_centre_place_thumbnail_and_rooms(client, home_pages):
    index = TourIndexPage.objects.get(locale__language_code="en")
    soup = get_html(client, index.url)
    cards = soup.select(".tour-card")
    assert len(cards) == 5
    brussels = next(card for card in cards if "Brussels" in card.text)
    assert "Belgium" in brussels.text
    assert "3 rooms" in brussels.text
    assert brussels.select_one("img.tour-card__image")["src"].endswith(".jpg")


def test_the_index_is_in_the_menu_of_every_language(client, home_pages):
    for language, home in home_pages.items():
        soup = get_html(client, home.url)
        index = TourIndexPage.objects.get(locale=home.locale)
        assert soup.select_one(f'.main-nav a[href="{index.url}"]'), language


def test_a_scene_page_deep_links_into_the_tour_at_that_scene(client, linked_tour):
    _first, second, _third = scenes_of(linked_tour)
    soup = get_html(client, second.url)
    config = viewer_config(soup)
    assert config["firstScene"] == f"s{second.pk}"
    assert set(config["scenes"]) == {f"s{scene.pk}" for scene in scenes_of(linked_tour)}
    assert config["scenes"][f"s{second.pk}"]["url"] == second.url
    # Only that scene's text is shown; the others wait, hidden, for the viewer.
    visible = soup.select("[data-scene]:not([hidden])")
    assert [section["data-scene"] for section in visible] == [f"s{second.pk}"]


def test_the_tour_page_opens_at_its_start_scene(client, linked_tour):
    first, _second, third = scenes_of(linked_tour)
    assert viewer_config(get_html(client, linked_tour.url))["firstScene"] == f"s{first.pk}"
    linked_tour.start_scene = third
    linked_tour.save()
    assert viewer_config(get_html(client, linked_tour.url))["firstScene"] == f"s{third.pk}"


def test_without_javascript_a_scene_shows_its_panorama_description_and_every_hotspot(client, linked_tour):
    first = scenes_of(linked_tour)[0]
    soup = get_html(client, first.url)
    section = soup.select_one(f'[data-scene="s{first.pk}"]')
    fallback = BeautifulSoup(section.find("noscript").decode_contents(), "html.parser").find("img")
    assert fallback["alt"] == "360° panorama of Room 1, shown flat"
    assert int(fallback["width"]) <= 2048
    assert "Description of room 1." in section.text
    items = section.select(".hotspot-list > li")
    assert len(items) == len(first.hotspots) == 4
    links = [a["href"] for a in section.select(".hotspot-list a[data-scene-link]")]
    assert links == [scene.url for scene in scenes_of(linked_tour)[1:]]
    assert "Notice board" in items[2].text
    media_item = items[3]
    assert media_item.find("audio")["src"].endswith(".mp3")
    assert "Welcome to the centre." in media_item.select_one(".hotspot__transcript").text
    # The viewer's own area stays hidden until tours.js starts it.
    assert soup.select_one("[data-tour-stage]").has_attr("hidden")


def test_scene_links_to_an_unpublished_or_deleted_scene_are_left_out(client, linked_tour):
    first, second, third = scenes_of(linked_tour)
    second.unpublish()
    Page.objects.get(pk=third.pk).delete()
    soup = get_html(client, first.url)
    section = soup.select_one(f'[data-scene="s{first.pk}"]')
    assert section.select("a[data-scene-link]") == []
    assert len(section.select(".hotspot-list > li")) == 2  # information and media remain
    config = viewer_config(soup)
    assert set(config["scenes"]) == {f"s{first.pk}"}
    assert [hotspot["kind"] for hotspot in config["scenes"][f"s{first.pk}"]["hotSpots"]] == ["information", "media"]


def test_the_admin_shows_a_scene_link_whose_target_was_unpublished_or_deleted(admin_client, linked_tour):
    first, second, third = scenes_of(linked_tour)
    second.unpublish()
    Page.objects.get(pk=third.pk).delete()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[first.pk]))
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").select_one("[data-tours-broken-links]")
    assert panel is not None
    text = " ".join(panel.text.split())
    assert "To room two: “Room 2” is not published" in text
    assert "To room three: its room was deleted" in text


def test_the_admin_shows_no_warning_when_every_link_works(admin_client, linked_tour):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[scenes_of(linked_tour)[0].pk]))
    assert b"data-tours-broken-links" not in response.content


def test_the_configuration_offers_phone_and_desktop_renditions(client, linked_tour):
    config = viewer_config(get_html(client, linked_tour.url))
    assert config["phoneMaxWidth"] == PHONE_MAX_WIDTH == 4096
    for scene in config["scenes"].values():
        widths = [panorama["width"] for panorama in scene["panoramas"]]
        assert widths == sorted(widths) and max(widths) <= 8192
        assert all(panorama["url"].endswith(".jpg") for panorama in scene["panoramas"])


@pytest.mark.parametrize("language", ["fr", "pt", "it", "hr"])
def test_a_translated_tour_links_its_scenes_in_the_same_language(client, locales, language):
    tour = TourPage.objects.get(locale=locales[language], translation_key__in=_brussels_key())
    scenes = {f"s{scene.pk}": scene for scene in TourScenePage.objects.child_of(tour)}
    soup = get_html(client, tour.url)
    config = viewer_config(soup)
    assert set(config["scenes"]) == set(scenes)
    for key, scene_config in config["scenes"].items():
        assert scene_config["url"].startswith(f"/{language}/")
        assert scene_config["title"] == scenes[key].title
        for hotspot in scene_config["hotSpots"]:
            if hotspot["kind"] == "scene":
                assert hotspot["sceneId"] in scenes  # a scene of this language's tour
        assert scene_config["alternates"][language] == scene_config["url"]
    links = [a["href"] for a in soup.select(".hotspot-list a[data-scene-link]")]
    assert links and all(href.startswith(f"/{language}/") for href in links)


def _brussels_key():
    return TourPage.objects.filter(slug="cite-des-metiers-brussels").values_list("translation_key", flat=True)


def test_the_viewer_interface_strings_are_in_the_pages_language(client, locales):
    tour = TourPage.objects.get(locale=locales["fr"], translation_key__in=_brussels_key())
    config = viewer_config(get_html(client, tour.url))
    assert config["strings"]["loadingLabel"] == "Chargement…"
    assert config["strings"]["zoomIn"] == "Zoomer"
    assert config["strings"]["nowShowing"] == "Pièce affichée : %s"
    with translation.override("hr"):
        hr_tour = TourPage.objects.get(locale=locales["hr"], translation_key__in=_brussels_key())
    hr_config = viewer_config(get_html(client, hr_tour.url))
    assert hr_config["strings"]["fullscreen"] == "Cijeli zaslon"


def test_the_sample_tours_say_they_are_samples(client, locales):
    for scene in TourScenePage.objects.filter(locale=locales["it"])[:3]:
        assert "sample-notice" in client.get(scene.url).content.decode()


def test_preview_adds_the_hotspot_placement_aid(admin_client, linked_tour):
    first = scenes_of(linked_tour)[0]
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[first.pk]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("script", src=lambda src: src and src.endswith("tours/tours-editor.js"))
    assert viewer_config(soup)["editorStrings"]["copy"] == "Copy yaw and pitch"
    public = get_html(admin_client, first.url)
    assert not public.find("script", src=lambda src: src and src.endswith("tours/tours-editor.js"))
    assert viewer_config(public)["editorStrings"] is None


def test_a_draft_scene_shows_in_its_own_preview(admin_client, linked_tour):
    new_scene = TourScenePage(
        title="Draft room", slug="draft-room", panorama=scenes_of(linked_tour)[0].panorama, description="<p>d</p>"
    )
    linked_tour.add_child(instance=new_scene)
    new_scene.unpublish()
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[new_scene.pk]))
    assert viewer_config(BeautifulSoup(response.content, "html.parser"))["firstScene"] == f"s{new_scene.pk}"


def test_a_hotspot_stream_rendered_outside_the_viewer_shows_no_unresolved_link(linked_tour):
    # e.g. {{ page.hotspots }} in another template, or str() of the stream: no crash, no dead link.
    html = str(scenes_of(linked_tour)[0].hotspots)
    assert "Notice board" in html
    assert "data-scene-link" not in html
