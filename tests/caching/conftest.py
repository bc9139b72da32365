import pytest
from django.core.cache import cache
from django.test import Client


@pytest.fixture
def page_cache(settings):
    """The page cache on (the suite runs with it off), empty before and after the test."""
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def anonymous():
    """A visitor without cookies, as the page cache sees most of them."""
    return Client()


def state(client, url: str) -> str:
    """HIT, MISS or BYPASS: how the page cache answered `url` (asserting a 200)."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get("X-Page-Cache", "")


def warm(client, urls) -> None:
    for url in urls:
        client.get(url)
        assert state(client, url) == "HIT", url
