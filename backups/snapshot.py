"""What must be equal after a restore: counts of the site's content and every live page as rendered.

`snapshot()` gives {"counts": {...}, "pages": {url: sha256 of the normalised HTML}}; `differences(a, b)`
lists what differs, in words. `manage.py site_snapshot` writes and compares them (README "Backup and restore").
Media addresses are compared without the store's own address (MEDIA_URL, or the bucket's URL), so that a
site restored into another bucket renders the same.
"""

import hashlib
import re

from django.test import Client
from django.test.utils import override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from mediastore.store import all_storages

# Per-request values that differ between two renderings of the same content.
VOLATILE = [
    (re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*'), rb"\1"),
    (re.compile(rb'(nonce=")[^"]*'), rb"\1"),
    (re.compile(rb"(X-Amz-[A-Za-z]+=)[^&\"'\s]*"), rb"\1"),
]


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "locales": Locale.objects.count(),
        "translations": Translation.objects.count(),
        "string translations": StringTranslation.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


PROBE = "snapshot-probe"


def media_locations() -> list[bytes]:
    """The address each media storage puts before a file's name ("/media/", "http://host/bucket/")."""
    return sorted({storage.url(PROBE).partition(PROBE)[0].encode() for storage in all_storages().values()}, key=len)


def normalised(html: bytes, locations=()) -> bytes:
    for pattern, replacement in VOLATILE:
        html = pattern.sub(replacement, html)
    for location in reversed(locations):  # longest first
        html = html.replace(location, b"<media>/")
    return html


def rendered_pages() -> dict[str, str]:
    """{page URL: "status sha256"} for every live page of every language (root pages excluded)."""
    client = Client()
    locations = media_locations()
    found = {}
    with override_settings(ALLOWED_HOSTS=["*"]):
        for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific(defer=True):
            url = page.get_full_url()
            if not url:
                continue
            _scheme, _sep, rest = url.partition("://")
            host, _slash, path = rest.partition("/")
            response = client.get("/" + path, HTTP_HOST=host, secure=url.startswith("https"))
            digest = hashlib.sha256(normalised(response.content, locations)).hexdigest()
            found[url] = f"{response.status_code} {digest}"
    return found


def snapshot() -> dict:
    return {"counts": counts(), "pages": rendered_pages()}


def differences(before: dict, after: dict) -> list[str]:
    found = []
    for name in sorted(set(before["counts"]) | set(after["counts"])):
        if before["counts"].get(name) != after["counts"].get(name):
            found.append(f"{name}: {before['counts'].get(name)} before, {after['counts'].get(name)} after")
    for url in sorted(set(before["pages"]) | set(after["pages"])):
        if before["pages"].get(url) != after["pages"].get(url):
            was, now = before["pages"].get(url, "missing"), after["pages"].get(url, "missing")
            found.append(f"{url}: {was} before, {now} after")
    return found
