"""HTML to tagged PDF with WeasyPrint (PDF/UA-1), reading images and static files through Django's storages.

Addresses under the site's static and media URLs are read from the staticfiles finders
(or the static storage) and from the default storage, never over HTTP to the site itself
and never by a filesystem path, so it works the same with a local folder or an object
store. Other addresses (an object store's own URLs) are fetched as usual.
"""

import mimetypes
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage

try:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    UNAVAILABLE = ""
except OSError as error:  # Pango is missing: the site runs, and each build records why it failed
    HTML = URLFetcherResponse = None
    URLFetcher = object
    UNAVAILABLE = f"WeasyPrint cannot load Pango (apt-get install libpango-1.0-0 libpangoft2-1.0-0): {error}"

# PDF/UA-1: tagged PDF (structure tree, /MarkInfo /Marked true), the document's language
# (from <html lang>), its title shown in the window title (from <title>), alt text on figures.
PDF_VARIANT = "pdf/ua-1"


class StorageURLFetcher(URLFetcher):
    """Static and media files of the site from Django's storages; anything else as WeasyPrint fetches it."""

    def __init__(self, base_url: str, **kwargs):
        super().__init__(timeout=10, **kwargs)
        self.base_path = urlsplit(base_url).netloc

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        local = parts.scheme in ("http", "https") and parts.netloc == self.base_path
        path = unquote(parts.path)
        if local and path.startswith(settings.STATIC_URL):
            return self._static(url, path.removeprefix(settings.STATIC_URL))
        if local and path.startswith(settings.MEDIA_URL):
            name = path.removeprefix(settings.MEDIA_URL)
            with default_storage.open(name, "rb") as stored:
                return self._response(url, name, stored.read())
        if local:
            raise ValueError(f"Only static and media files of the site are fetched, not {url}")
        return super().fetch(url, headers)

    def _static(self, url: str, name: str):
        found = finders.find(name)
        if found:
            with open(found, "rb") as source:
                return self._response(url, name, source.read())
        with staticfiles_storage.open(name, "rb") as stored:
            return self._response(url, name, stored.read())

    @staticmethod
    def _response(url: str, name: str, data: bytes) -> URLFetcherResponse:
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, data, {"Content-Type": content_type})


@dataclass(frozen=True)
class RenderedPDF:
    data: bytes
    page_count: int


def html_to_pdf(html: str, base_url: str) -> RenderedPDF:
    """Lay `html` out and write it as PDF/UA-1; fonts are subset and embedded by WeasyPrint."""
    if UNAVAILABLE:
        raise RuntimeError(UNAVAILABLE)
    document = HTML(string=html, base_url=base_url, url_fetcher=StorageURLFetcher(base_url)).render(
        pdf_variant=PDF_VARIANT
    )
    data = document.write_pdf(pdf_variant=PDF_VARIANT)
    return RenderedPDF(data=data, page_count=len(document.pages))
