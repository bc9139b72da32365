"""Error pages: translated 404 and a 500 page that needs no database."""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.utils import translation

from home.views import server_error


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr", "pt", "it", "hr"])
def test_404_is_in_the_page_language(client, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == language
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    if language != "en":
        assert html.find("h1").get_text(strip=True) != "Page not found"


@pytest.mark.parametrize("language", ["en", "fr", "hr"])
def test_500_page_renders_without_the_database(language):
    # No django_db mark: pytest-django makes any database access fail this test.
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        response = server_error(request)
    assert response.status_code == 500
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == language
    if language != "en":
        assert html.find("h1").get_text(strip=True) != "Server error"
