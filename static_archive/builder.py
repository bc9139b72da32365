"""Render the public site into files: every reachable page of every language and what it links to.

Pages are requested in-process through Django's test `Client` (no server, the full middleware
stack, as an anonymous visitor), starting from every reachable page (`home.reachable`), the
sitemap, robots.txt, the search page of each language and a 404; every internal address found in
what they return (links, images, srcsets, scripts, stylesheets, downloads, JSON configurations,
CSS `url()`s) is followed. Static files are read from the static storage or the finders, media
files (image renditions) from the default storage, documents through Wagtail's serve view (so a
private document is refused like for any visitor). Then every internal address is rewritten:
relative to the file (works from any folder and, as far as browsers allow, from file://), or
absolute under `--base-url`.
"""

import hashlib
import html
import mimetypes
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.test import Client
from django.test.utils import override_settings
from wagtail.models import Page, Site

from home.reachable import reachable

HTML_TYPES = {"text/html"}
TEXT_TYPES = {"text/csv", "text/css", "text/plain", "application/xml", "text/xml"}
TEXT_TYPES |= {"application/json", "application/ld+json"}
EXTENSIONS = {
    "text/html": ".html",
    "text/calendar": ".ics",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "text/plain": ".txt",
    "text/csv": ".csv",
    "application/json": ".json",
    "application/ld+json": ".jsonld",
}
# The footer note's time changes on every run; the rest of a page decides whether it changed.
MADE_AT = re.compile(rb"<time data-archive-made[^>]*>.*?</time>", re.S)
NOT_FOUND_PATH = "/en/this-page-does-not-exist-archive-404/"
MAX_ADDRESSES = 20_000


class ArchiveError(Exception):
    """A problem that stops the archive; its message is for the person running the command."""


@dataclass
class Output:
    """One file of the archive."""

    path: str  # relative to the archive's root, unquoted, "/"-separated
    content: bytes
    content_type: str
    page_language: str | None = None  # a page (HTML) of this language
    index: bool = False  # given to Pagefind


@dataclass
class Crawl:
    outputs: dict[str, Output] = field(default_factory=dict)  # address (path?query) -> file
    failures: dict[str, str] = field(default_factory=dict)  # address -> why it could not be archived
    skipped: dict[str, str] = field(default_factory=dict)  # address -> why it is left out (private...)
    referrers: dict[str, set[str]] = field(default_factory=dict)  # address -> pages that link it
    expected_pages: dict[str, str] = field(default_factory=dict)  # reachable page address -> language


def normalised_digest(content: bytes) -> str:
    """SHA-256 of a file without its archive date: an unchanged page stays unchanged."""
    return hashlib.sha256(MADE_AT.sub(b"<time data-archive-made></time>", content)).hexdigest()


def media_type(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def is_text(content_type: str) -> bool:
    kind = media_type(content_type)
    return kind in HTML_TYPES or kind in TEXT_TYPES or kind == "text/calendar"


def query_suffix(query: str) -> str:
    """A file-name part for a query string: readable, and unique by its hash."""
    words = re.sub(r"[^A-Za-z0-9]+", "-", unquote(query)).strip("-")[:60]
    digest = hashlib.sha1(query.encode()).hexdigest()[:8]
    return f"{words}-{digest}" if words else digest


def file_path_for(path: str, query: str, content_type: str, disposition: str = "") -> str:
    """The archive file for the address `path?query` answered with `content_type`."""
    local = unquote(path).lstrip("/")
    extension = EXTENSIONS.get(media_type(content_type)) or mimetypes.guess_extension(media_type(content_type)) or ""
    last = local.rsplit("/", 1)[-1]
    if last and "." in last and not query:
        return local
    directory = local if (not last or local.endswith("/")) else local + "/"
    name = "index"
    match = re.search(r'filename="?([^";]+)"?', disposition or "")
    if match and not query:
        return directory + posixpath.basename(match.group(1))
    if query:
        name = f"index-{query_suffix(query)}"
    return f"{directory}{name}{extension}"


class SiteRenderer:
    """Requests the site's addresses in-process, as an anonymous visitor of the default site."""

    def __init__(self):
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        if site is None:
            raise ArchiveError("There is no Wagtail site to archive: run `manage.py load_content` first.")
        self.site = site
        host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
        self.host = host
        self.client = Client(HTTP_HOST=host, HTTP_ACCEPT_LANGUAGE="en")
        # DEBUG off: visitors' error pages, not Django's technical ones. No page cache: an
        # archived page (relative links, archive note) must neither come from it nor go into it.
        self._settings = override_settings(
            DEBUG=False, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, site.hostname], PAGE_CACHE_ENABLED=False
        )

    def __enter__(self):
        self._settings.enable()
        return self

    def __exit__(self, *exc):
        self._settings.disable()

    def get(self, address: str):
        return self.client.get(address)

    def site_hosts(self) -> set[str]:
        """Host names (with port) under which the site writes absolute addresses of its own."""
        hosts = {self.host, urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc}
        for site in Site.objects.all():
            hosts.add(site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}")
            hosts.add(site.hostname)
        return {host for host in hosts if host}


def address_pattern(hosts: set[str], languages: list[str]) -> re.Pattern:
    """Internal addresses in any text: `/en/...`, `/static/...`, `/media/...`, `/documents/...`,
    `/sitemap.xml`, `/robots.txt`, optionally preceded by `http(s)://` or `webcal://` and a site host.
    JSON's `\\u0026` (an escaped `&`) may appear in a query."""
    host_alternatives = "|".join(re.escape(host) for host in sorted(hosts, key=len, reverse=True))
    prefixes = "|".join(re.escape(prefix) for prefix in [*languages, "static", "media", "documents", "api"])
    return re.compile(
        r"""(?<=["'(=,\s>])"""
        rf"(?P<origin>(?:https?|webcal)://(?:{host_alternatives}))?"
        rf"""(?P<path>/(?:(?:{prefixes})/(?:[^"'\s<>(),\\]|\\u0026)*|sitemap\.xml|robots\.txt))"""
        r"""(?=["'\s<>(),\\]|$)"""
    )


def split_address(raw: str) -> tuple[str, str, str]:
    """(path, query, fragment) of an address found in HTML, CSS or JSON text."""
    text = html.unescape(raw.replace("\\u0026", "&"))
    parts = urlsplit(text)
    return parts.path, parts.query, parts.fragment


def crawl(renderer: SiteRenderer, languages: list[str], progress: Callable[[str], None] | None = None) -> Crawl:
    """Every address of the public site reachable from its pages, rendered or read into memory."""
    result = Crawl()
    pattern = address_pattern(renderer.site_hosts(), languages)
    for page in reachable(Page.objects.filter(depth__gt=1)).select_related("locale"):
        parts = page.get_url_parts()
        if parts is None:
            continue
        result.expected_pages[parts[2]] = page.locale.language_code
    queue: list[str] = ["/sitemap.xml", "/robots.txt", NOT_FOUND_PATH]
    queue += [f"/{language}/search/" for language in languages]
    queue += sorted(result.expected_pages)
    seen = set(queue)
    while queue:
        address = queue.pop(0)
        if len(seen) > MAX_ADDRESSES:
            raise ArchiveError(f"More than {MAX_ADDRESSES} addresses found: is a link generating endless pages?")
        output = fetch(renderer, address, result)
        if output is None:
            continue
        result.outputs[address] = output
        if progress:
            progress(address)
        if not is_text(output.content_type):
            continue
        text = output.content.decode("utf-8", errors="replace")
        for match in pattern.finditer(text):
            path, query, _fragment = split_address(match.group("path"))
            if is_search(path, languages) and query:
                continue  # the archive's search page runs the query itself
            found = f"{path}?{query}" if query else path
            result.referrers.setdefault(found, set()).add(address)
            if found not in seen:
                seen.add(found)
                queue.append(found)
    return result


def is_search(path: str, languages: list[str]) -> bool:
    return any(path == f"/{language}/search/" for language in languages)


def fetch(renderer: SiteRenderer, address: str, result: Crawl) -> Output | None:
    path, _, query = address.partition("?")
    if path.startswith(settings.STATIC_URL):
        return static_file(path[len(settings.STATIC_URL) :], address, result)
    if path.startswith(settings.MEDIA_URL):
        return media_file(unquote(path[len(settings.MEDIA_URL) :]), address, result)
    try:
        response = renderer.get(address)
    except Exception as error:  # noqa: BLE001 - any failure of a page is named in the report
        result.failures[address] = f"{type(error).__name__}: {error}"
        return None
    language = path.strip("/").split("/")[0]
    if address == NOT_FOUND_PATH:
        if response.status_code != 404:
            result.failures[address] = f"the 404 page answered {response.status_code}"
            return None
        return Output("404.html", response.content, response["Content-Type"], page_language="en")
    if response.status_code in (301, 302, 303, 307, 308):
        target = urlsplit(response["Location"])
        if target.path.startswith("/admin/") or "login" in target.path:
            result.skipped[address] = "private (asks to log in)"
        else:
            result.skipped[address] = f"redirects to {response['Location']}"
        return None
    if response.status_code != 200:
        if response.status_code >= 500:
            result.failures[address] = f"answered {response.status_code}"
        else:
            result.skipped[address] = f"answered {response.status_code}"
        return None
    content_type = response.get("Content-Type", "application/octet-stream")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    file_path = file_path_for(path, query, content_type, response.get("Content-Disposition", ""))
    is_page = media_type(content_type) in HTML_TYPES
    return Output(
        file_path,
        content,
        content_type,
        page_language=language if is_page else None,
        index=is_page and not is_search(path, [language]),
    )


def static_file(name: str, address: str, result: Crawl) -> Output | None:
    # The apps' own files first (the finders): a STATIC_ROOT left by an earlier collectstatic may
    # be older. Hashed names (a manifest storage) exist only in the static storage.
    name = unquote(name)
    content = None
    found = finders.find(name)
    if found:
        with open(found, "rb") as handle:
            content = handle.read()
    else:
        try:
            if staticfiles_storage.exists(name):
                with staticfiles_storage.open(name) as handle:
                    content = handle.read()
        except (NotImplementedError, ValueError, OSError):
            content = None
    if content is None:
        result.skipped[address] = "no such static file"
        return None
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Output(f"static/{name}", content, content_type)


def media_file(name: str, address: str, result: Crawl) -> Output | None:
    if not default_storage.exists(name):
        result.skipped[address] = "no such media file"
        return None
    with default_storage.open(name) as handle:
        content = handle.read()
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Output(f"media/{name}", content, content_type)


def relative_link(from_file: str, to_file: str) -> str:
    start = posixpath.dirname(from_file) or "."
    return quote(posixpath.relpath(to_file, start), safe="/")


def pretty(file_path: str) -> str:
    """`fr/foo/index.html` -> `fr/foo/` (for the sitemap and robots.txt, read by crawlers)."""
    if file_path.endswith("/index.html"):
        return file_path[: -len("index.html")]
    return "" if file_path == "index.html" else file_path


def rewrite(crawl_result: Crawl, hosts: set[str], languages: list[str], base_url: str | None) -> None:
    """Every internal address in every text file made relative (or absolute under `base_url`)."""
    pattern = address_pattern(hosts, languages)
    files = {address: output.path for address, output in crawl_result.outputs.items()}
    search_files = {f"/{language}/search/": f"{language}/search/index.html" for language in languages}

    for output in crawl_result.outputs.values():
        if not is_text(output.content_type):
            continue
        kind = media_type(output.content_type)
        crawler_file = kind in {"application/xml", "text/xml", "text/plain"}

        def replace(match, output=output, crawler_file=crawler_file, kind=kind):
            path, query, fragment = split_address(match.group("path"))
            target = search_files.get(path) if is_search(path, languages) else None
            keep_query = bool(target and query)
            if target is None:
                target = files.get(f"{path}?{query}" if query else path)
            if target is None:
                return match.group(0)  # left as it was: the check names it
            if crawler_file:
                link = (base_url or "") + quote(pretty(target), safe="/")
            elif base_url:
                link = base_url + quote(target, safe="/")
            else:
                link = relative_link(output.path, target)
            if keep_query:
                link += "?" + html.escape(query) if kind in HTML_TYPES else "?" + query
            if fragment:
                link += "#" + fragment
            return link

        text = output.content.decode("utf-8", errors="replace")
        text = pattern.sub(replace, text)
        if output.index and output.page_language:
            # Pagefind indexes the main content only (not the header, navigation and footer).
            text = text.replace('<main id="main"', '<main data-pagefind-body id="main"', 1)
        output.content = text.encode("utf-8")
