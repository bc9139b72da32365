"""A tour renders in a fixed number of SQL queries, whatever its number of scenes and hotspots."""

import pytest

from tests.tours.factories import (
    information,
    make_document,
    make_image,
    make_tour,
    media,
    scene_link,
    scenes_of,
    set_hotspots,
)

pytestmark = pytest.mark.django_db


def build_tour(scene_count: int, hotspots_per_scene: int, title: str):
    """`scene_count` rooms with `hotspots_per_scene` hotspots each: links to every other room in turn,
    information points (some with an image and a link to a page in their text) and audio."""
    tour = make_tour(title, scenes=scene_count)
    scenes = scenes_of(tour)
    picture = make_image(800, 600, title="Notice board photo")
    audio = make_document("guide.mp3")
    for position, scene in enumerate(scenes):
        stream = []
        for number in range(hotspots_per_scene):
            kind = number % 3
            if kind == 0:
                target = scenes[(position + 1 + number) % scene_count]
                if target.pk == scene.pk:
                    target = scenes[(position + 1) % scene_count]
                stream.append(scene_link(target, yaw=number % 180, label=f"Door {number}"))
            elif kind == 1:
                text = f'<p>Point {number}, see <a linktype="page" id="{tour.pk}">the tour</a>.</p>'
                stream.append(information(f"Point {number}", text=text, image=picture if number % 2 else None))
            else:
                stream.append(media(audio, f"Audio {number}"))
        set_hotspots(scene, stream)
    return tour, scenes


def render_counts(client, count_queries, tour, scenes):
    """Queries for the tour page and for its last scene page, after a first render made the renditions."""
    for url in (tour.url, scenes[-1].url):
        assert client.get(url).status_code == 200
    counts = []
    for url in (tour.url, scenes[-1].url):
        response, queries = count_queries(lambda url=url: client.get(url))
        assert response.status_code == 200
        counts.append(queries)
    return counts


def test_queries_do_not_grow_with_scenes_and_hotspots(client, count_queries):
    small = build_tour(2, 5, "Small tour")
    large = build_tour(10, 50, "Large tour")
    small_counts = render_counts(client, count_queries, *small)
    large_counts = render_counts(client, count_queries, *large)
    print(f"queries (tour page, scene page): 2 scenes × 5 hotspots {small_counts}, 10 × 50 {large_counts}")
    assert small_counts == large_counts
    assert max(large_counts) <= 40


def test_the_large_tour_lists_every_hotspot(client):
    tour, scenes = build_tour(10, 50, "Large tour")
    html = client.get(scenes[0].url).content.decode()
    assert html.count('class="hotspot hotspot--') == 10 * 50
    assert html.count('href="' + tour.url + '"') >= 10 * 16  # the rich-text page links were expanded


def test_the_index_renders_in_a_fixed_number_of_queries(client, count_queries):
    from tours.models import TourIndexPage

    index = TourIndexPage.objects.get(locale__language_code="en")
    client.get(index.url)
    _response, before = count_queries(lambda: client.get(index.url))
    for number in range(5):
        build_tour(2, 1, f"Extra tour {number}")
    client.get(index.url)
    _response, after = count_queries(lambda: client.get(index.url))
    print(f"index queries: 5 tours {before}, 10 tours {after}")
    assert before == after
