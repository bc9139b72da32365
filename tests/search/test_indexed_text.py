"""What the index holds for a page: its text, not the labels of the blocks' settings."""

import pytest

from tests.search.conftest import make_page, result_titles, search

pytestmark = pytest.mark.django_db


def test_heading_levels_are_not_indexed_as_text(client, home_pages):
    make_page(home_pages["en"], "Levels", body=[{"type": "heading", "value": {"text": "Okapi", "level": "h2"}}])
    _response, html = search(client, "en", "okapi")
    assert result_titles(html) == ["Levels"]
    _response, html = search(client, "en", "okapi h2")
    assert result_titles(html) == []
