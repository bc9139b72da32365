"""Query budgets: the guide index, a chapter and a competence's page cost the same with 1 and with 20 linked items.

The counts are printed (pytest -s) for the report; the assertion is that they do not grow.
"""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import StandardPageFactory
from tests.guide.helpers import (
    add_chapter,
    case_studies,
    competence,
    competence_links,
    framework,
    guide,
    heading,
    soup,
)

pytestmark = pytest.mark.django_db


def queries_for(client, count_queries, url) -> int:
    client.get(url)  # warm the per-process caches (site root paths, content types)
    response, queries = count_queries(lambda: client.get(url))
    assert response.status_code == 200
    return queries


@pytest.mark.parametrize("language", ["en", "fr"])
def test_competence_page_query_count_does_not_grow_with_linked_chapters(client, count_queries, language):
    url = framework(language).url + "5/"
    linked = competence(5, language)
    add_chapter(parent=guide(language), body=[competence_links(linked)])
    one = queries_for(client, count_queries, url)
    for _ in range(19):
        add_chapter(parent=guide(language), body=[competence_links(linked)])
    twenty = queries_for(client, count_queries, url)
    print(f"\ncompetence page ({language}): {one} queries with 1 added chapter, {twenty} with 20")
    assert twenty == one


def test_guide_index_query_count_does_not_grow_with_chapters(client, count_queries):
    url = guide("en").url
    add_chapter()
    one = queries_for(client, count_queries, url)
    for _ in range(19):
        add_chapter()
    twenty = queries_for(client, count_queries, url)
    print(f"\nguide index: {one} queries with 5 chapters, {twenty} with 24")
    assert twenty == one


def image_block(n: int) -> dict:
    image = Image.objects.create(title=f"Figure {n}", file=get_test_image_file(filename=f"figure-{n}.png"))
    image_value = {"image": image.pk, "alt_text": f"Figure {n}", "decorative": False}
    return {"type": "image", "value": {"image": image_value, "caption": ""}}


def test_chapter_query_count_does_not_grow_with_linked_case_studies_and_competences(client, count_queries, home_pages):
    pages = [StandardPageFactory(parent=home_pages["en"]) for _ in range(20)]
    few = add_chapter(
        body=[heading("One"), competence_links(competence(1)), case_studies(pages[0]), image_block(0)],
    )
    many = add_chapter(
        body=[heading(f"Section {n}") for n in range(20)]
        + [competence_links(*(competence(n) for n in range(1, 8)))]
        + [case_studies(page) for page in pages]
        + [image_block(n) for n in range(1, 21)],
    )
    one = queries_for(client, count_queries, few.url)
    twenty = queries_for(client, count_queries, many.url)
    assert len(soup(client.get(many.url)).select("figure img[alt^=Figure]")) == 20
    print(f"\nchapter: {one} queries with 1 case study, 1 competence, 1 image; {twenty} with 20, 7, 20")
    assert twenty == one


def test_whole_guide_query_count_does_not_grow_with_chapters(client, count_queries, home_pages):
    pages = [StandardPageFactory(parent=home_pages["en"]) for _ in range(20)]
    url = guide("en").url + "print/"
    add_chapter(body=[heading("One"), competence_links(competence(2)), case_studies(pages[0])])
    one = queries_for(client, count_queries, url)
    for page in pages[1:]:
        add_chapter(body=[heading("More"), competence_links(competence(3)), case_studies(page)])
    twenty = queries_for(client, count_queries, url)
    print(f"\nwhole guide: {one} queries with 5 chapters, {twenty} with 24")
    assert twenty == one
