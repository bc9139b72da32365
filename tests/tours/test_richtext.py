"""tours.richtext: batch expansion gives what Wagtail's own expansion gives, in fixed queries."""

import pytest
from django.utils import translation
from wagtail.rich_text import RichText, expand_db_html

from tours.models import TourPage
from tours.richtext import MARKER, expand_all

pytestmark = pytest.mark.django_db


def sources(locales):
    tour = TourPage.objects.filter(locale=locales["en"]).first()
    return [
        f'<p>See <a linktype="page" id="{tour.pk}">the tour</a> and <a href="https://example.org/">this</a>.</p>',
        "<p>No links, <b>bold</b>.</p>",
        '<p><a linktype="page" id="999999">deleted page</a></p>',
        None,
    ]


@pytest.mark.parametrize("language", ["en", "fr", "hr"])
def test_batch_expansion_matches_wagtails_in_every_language(locales, language):
    values = [RichText(source) if source is not None else None for source in sources(locales)]
    with translation.override(language):
        expanded = expand_all(values)
        expected = [expand_db_html(value.source) if value is not None else None for value in values]
    assert [str(item.__html__()) if item is not None else None for item in expanded] == expected
    if language == "fr":
        assert "/fr/visites-virtuelles/" in str(expanded[0].__html__())


def test_batch_expansion_query_count_does_not_grow(locales, count_queries):
    few = [RichText(source) for source in sources(locales)[:3]]
    many = few * 50
    expand_all(few)  # fill Wagtail's site root paths cache (each test starts with an empty cache)
    _result, few_queries = count_queries(lambda: expand_all(few))
    _result, many_queries = count_queries(lambda: expand_all(many))
    assert few_queries == many_queries


def test_a_value_containing_the_marker_is_still_expanded_correctly(locales):
    value = RichText(f"<p>odd {MARKER} text</p>")
    assert str(expand_all([value, RichText("<p>b</p>")])[0].__html__()) == f"<p>odd {MARKER} text</p>"
