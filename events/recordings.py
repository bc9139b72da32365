"""Recordings: Wagtail embeds without the network on page views, offsets, WebVTT checks.

A recording given by URL is shown through Wagtail's embed finders (oEmbed).
Pages never call the provider while a visitor waits: the embed is fetched
when an editor saves the URL (`fetch_embed`, from the admin form, and again
with `manage.py fetch_recording_embeds`) and read back from Wagtail's
`Embed` table when the page is shown (`stored_embed`). When the provider
could not be reached, the page shows a plain link to the recording instead.
"""

import datetime
import logging
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests
from wagtail.embeds.embeds import get_embed, get_embed_hash
from wagtail.embeds.exceptions import EmbedException
from wagtail.embeds.finders import get_finders
from wagtail.embeds.models import Embed

logger = logging.getLogger(__name__)


def provider_knows(url: str) -> bool:
    """True when one of the configured embed finders accepts `url` (no network access)."""
    return any(finder.accept(url) for finder in get_finders())


def fetch_embed(url: str) -> Embed | None:
    """Ask the provider for `url`'s embed and store it in Wagtail's Embed table.

    Returns the Embed, or None when the provider cannot be reached or does
    not return one (the failure is logged, never raised): the caller saves
    the URL anyway and the page falls back to a plain link.
    """
    try:
        return get_embed(url)
    except (EmbedException, requests.RequestException, ValueError) as error:
        logger.warning("Embed for %s not fetched: %s", url, error)
        return None


def stored_embed(url: str) -> Embed | None:
    """The Embed stored for `url`, even if past its cache time; None if never fetched. One SQL query."""
    if not url:
        return None
    return Embed.objects.filter(hash=get_embed_hash(url)).exclude(html="").first()


def format_offset(offset: datetime.timedelta) -> str:
    """A recording offset as a clock reading: 0:45, 12:30, 1:02:03."""
    total = int(offset.total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


def iso_duration(offset: datetime.timedelta) -> str:
    """An ISO 8601 duration, as `<time datetime>` and schema.org want it: "PT1H2M3S", "PT0S"."""
    total = int(offset.total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = "".join(f"{value}{unit}" for value, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if value)
    return f"PT{parts or '0S'}"


YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
VIMEO_HOST = re.compile(r"^(www\.)?vimeo\.com$")


def link_at(url: str, offset: datetime.timedelta) -> str | None:
    """A link that opens the video at `url` at `offset`, for the providers that support one.

    YouTube (`t=<seconds>s` query parameter) and Vimeo (`#t=<seconds>s`);
    None for other providers.
    """
    seconds = int(offset.total_seconds())
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host in YOUTUBE_HOSTS:
        query = [(key, value) for key, value in parse_qsl(parts.query) if key != "t"] + [("t", f"{seconds}s")]
        return urlunsplit(parts._replace(query=urlencode(query), fragment=""))
    if VIMEO_HOST.match(host):
        return urlunsplit(parts._replace(fragment=f"t={seconds}s"))
    return None


def looks_like_webvtt(document) -> bool:
    """True when the Wagtail document's file starts with the WebVTT signature ("WEBVTT", after an optional BOM).

    Reads the first few bytes from storage; a file that cannot be read counts as not WebVTT.
    """
    try:
        with document.file.open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return False
    head = head.removeprefix(b"\xef\xbb\xbf")
    return head.startswith(b"WEBVTT") and (len(head) == 6 or head[6:7] in {b" ", b"\t", b"\n", b"\r"})
