"""The archive's self-check: crawls the written folder like a browser would.

Every internal reference of every HTML page (links, images and srcsets, scripts, stylesheets,
media, downloads, form actions) and every `url()` of every stylesheet must resolve to a file of
the archive; no text file may still point at the live site; every reachable page of the site
must have its file. Returns the problems, each naming the page.
"""

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

REFERENCE_ATTRIBUTES = {"href", "src", "poster", "data", "action"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


class References(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.references: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in REFERENCE_ATTRIBUTES and not (tag == "a" and name == "href" and value.startswith("#")):
                if tag == "link" and dict(attrs).get("rel") in {"preconnect", "dns-prefetch"}:
                    continue
                self.references.append(value)
            elif name in {"srcset", "imagesrcset"}:
                self.references += [item.strip().split(" ")[0] for item in value.split(",") if item.strip()]


@dataclass
class CheckResult:
    problems: list[str] = field(default_factory=list)
    pages_per_language: dict[str, int] = field(default_factory=dict)
    files: int = 0
    size: int = 0


def resolve(root: Path, from_file: str, reference: str, base_url: str | None) -> Path | None:
    """The file an internal reference leads to, or None for an external one."""
    parts = urlsplit(reference)
    if base_url and reference.startswith(base_url):
        target = unquote(urlsplit(reference[len(base_url) :]).path)
    elif parts.scheme or parts.netloc:
        return None  # external (https://, mailto:, webcal to elsewhere...)
    elif parts.path.startswith("/"):
        return root / "__absolute__" / parts.path.lstrip("/")  # never in the archive: points at the live site
    elif not parts.path:
        return None  # "?q=" or "#anchor" on the same page
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(from_file), unquote(parts.path)))
    path = root / target
    if path.is_dir():
        path = path / "index.html"
    return path


def check_archive(
    root: Path, expected: dict[str, str], languages: list[str], live_markers: list[re.Pattern], base_url=None
) -> CheckResult:
    """`expected`: archive file of each reachable page -> its language. `live_markers`: patterns of
    addresses of the live site that must not be left in any page. Counts the HTML pages per language."""
    result = CheckResult()
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        result.files += 1
        result.size += path.stat().st_size
        relative = path.relative_to(root).as_posix()
        if relative.startswith("pagefind/"):
            continue
        language = relative.split("/", 1)[0]
        if path.suffix == ".html" and language in languages:
            result.pages_per_language[language] = result.pages_per_language.get(language, 0) + 1
        if path.suffix in {".html", ".css"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix == ".html":
                parser = References()
                parser.feed(text)
                references = parser.references
            else:
                references = [value for value in CSS_URL.findall(text) if not value.startswith("data:")]
            for reference in references:
                target = resolve(root, relative, reference.strip(), base_url)
                if target is not None and not target.is_file():
                    result.problems.append(f"{relative}: {reference} does not resolve")
            if path.suffix == ".html":
                for marker in live_markers:
                    for match in marker.finditer(text):
                        result.problems.append(f"{relative}: {match.group(0)} still points at the live site")
    for file_path, language in sorted(expected.items()):
        if not (root / file_path).is_file():
            result.problems.append(f"{file_path}: a live page of the site ({language}) is missing")
    return result
