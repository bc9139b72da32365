"""Fixtures of the events tests.

No test here touches the network: the oEmbed finder is replaced by one that
fails as it does on a machine without internet access, unless a test asks
for `online_provider`, which answers like YouTube would.
"""

import pytest
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.oembed import OEmbedFinder
from wagtail.models import Locale

from events.models import EventIndexPage


@pytest.fixture(autouse=True)
def offline_provider(monkeypatch):
    """Every oEmbed request fails as on a machine without internet access; records the URLs asked for."""
    asked = []

    def find_embed(self, url, max_width=None, max_height=None):
        asked.append(url)
        raise EmbedNotFoundException("Request failed: network unreachable (test)")

    monkeypatch.setattr(OEmbedFinder, "find_embed", find_embed)
    return asked


@pytest.fixture
def online_provider(monkeypatch):
    """The oEmbed provider answers with a video player."""

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "Keep in Pact final conference",
            "author_name": "Keep in Pact",
            "provider_name": "YouTube",
            "type": "video",
            "thumbnail_url": "https://i.ytimg.com/vi/kipRecording1/hqdefault.jpg",
            "width": 640,
            "height": 360,
            "html": '<iframe title="Keep in Pact final conference" src="https://www.youtube.com/embed/kipRecording1" '
            'width="640" height="360" allowfullscreen></iframe>',
        }

    monkeypatch.setattr(OEmbedFinder, "find_embed", find_embed)


@pytest.fixture
def event_index(db) -> EventIndexPage:
    """The loaded English events index."""
    return EventIndexPage.objects.get(locale=Locale.get_default())
