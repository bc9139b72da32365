"""`manage.py archive_site` (make archive) on the loaded content: complete, self-contained, checked."""

import io
import json
import re
import shutil
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from home.reachable import reachable
from static_archive import builder
from static_archive.builder import address_pattern, file_path_for
from static_archive.check import check_archive

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "fr", "pt", "it", "hr"]


def test_every_live_page_of_every_language_is_in_the_archive(built_archive):
    folder, report = built_archive
    pages = reachable(Page.objects.filter(depth__gt=1)).select_related("locale")
    per_language = {}
    for page in pages:
        path = file_path_for(page.get_url_parts()[2], "", "text/html")
        assert (folder / path).is_file(), f"{page.locale.language_code} {page.url} is missing"
        per_language[page.locale.language_code] = per_language.get(page.locale.language_code, 0) + 1
    assert set(per_language) == set(LANGUAGES)
    for language in LANGUAGES:
        assert re.search(rf"^  {language}: \d+ pages$", report, re.M)
    assert "files written:" in report and " MB" in report


def test_no_internal_reference_is_broken_and_nothing_points_at_the_live_site(built_archive):
    folder, _report = built_archive
    markers = [address_pattern({"testserver"}, LANGUAGES)]
    result = check_archive(folder, {}, LANGUAGES, markers)
    assert result.problems == []
    assert result.files > 100


def test_the_archive_has_its_routes_files_and_nothing_private(built_archive):
    folder, _report = built_archive
    assert (folder / "404.html").is_file() and (folder / "robots.txt").is_file()
    assert "sitemap.xml" in (folder / "robots.txt").read_text()
    assert "<urlset" in (folder / "sitemap.xml").read_text()
    assert (folder / "en/guide-for-cooperation/print/index.html").is_file()
    assert list(folder.glob("en/competence-framework/*/index.html"))  # one page per competence
    assert list(folder.glob("en/case-studies/index-*.html"))  # linked filtered library views
    assert list(folder.glob("en/events/*/ical/*.ics")) and list(folder.glob("en/events/ical/*.ics"))
    assert list(folder.glob("documents/*/*.pdf"))
    assert list(folder.glob("media/images/*.jpg"))  # renditions
    assert (folder / "static/css/site.css").is_file()
    assert (folder / "static/vendor").is_dir()
    assert not (folder / "admin").exists()
    for language in LANGUAGES:
        assert list((folder / "pagefind").glob(f"pagefind.{language}_*.pf_meta"))
    with zipfile.ZipFile(folder.with_name(folder.name + ".zip")) as archive:
        assert "en/index.html" in archive.namelist()


def test_every_page_says_in_its_footer_that_it_is_an_archive(built_archive):
    folder, _report = built_archive
    assert "data-archive-note" in (folder / "fr/index.html").read_text()
    for path in [folder / "en/index.html", folder / "hr/o-projektu/index.html", folder / "404.html"]:
        text = path.read_text()
        assert re.search(r'<time data-archive-made datetime="\d{4}-\d\d-\d\dT', text), path
        assert "This is an archive" in text or path.parent.name == "o-projektu"


def test_links_are_relative_so_the_archive_works_from_any_folder(built_archive):
    folder, _report = built_archive
    html = (folder / "fr/etudes-de-cas/index.html").read_text()
    assert 'href="../../static/css/site.css"' in html
    assert 'href="/' not in html and "http://testserver" not in html


def test_the_search_page_is_answered_by_pagefind(built_archive):
    folder, _report = built_archive
    html = (folder / "fr/search/index.html").read_text()
    assert "data-archive-search" in html and "static_archive/search.js" in html
    assert 'class="search-form"' in html  # the live page's form and look
    assert "data-pagefind-body" not in html  # the search page itself is not indexed


def test_bad_input_is_a_clear_error_and_leaves_the_previous_archive(built_archive, tmp_path, monkeypatch):
    with pytest.raises(CommandError, match="unrecognized arguments"):
        call_command("archive_site", "--colour", "red")
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(CommandError, match="not empty.*--force"):
        call_command("archive_site", "--output", str(tmp_path))
    assert (tmp_path / "notes.txt").read_text() == "mine"
    with pytest.raises(CommandError, match="base-url"):
        call_command("archive_site", "--output", str(tmp_path / "new"), "--base-url", "ftp://x")
    with pytest.raises(CommandError, match="s3://bucket/prefix"):
        call_command("archive_site", "--output", str(tmp_path / "new"), "--to", "bucket/prefix")


def test_a_page_that_fails_to_render_is_named_and_the_previous_archive_stays(built_archive, tmp_path, monkeypatch):
    folder, _report = built_archive
    copy = tmp_path / "site"
    shutil.copytree(folder, copy)
    before = (copy / "en/index.html").read_bytes()
    manifest = (copy / ".archive-manifest.json").read_text()

    original = builder.SiteRenderer.get

    def broken(self, address):
        if address.startswith("/fr/a-propos/"):
            raise ValueError("template blew up")
        return original(self, address)

    monkeypatch.setattr(builder.SiteRenderer, "get", broken)
    with pytest.raises(CommandError, match=r"/fr/a-propos/: ValueError: template blew up"):
        call_command("archive_site", "--output", str(copy), "--no-zip", stdout=io.StringIO())
    assert (copy / "en/index.html").read_bytes() == before
    assert (copy / ".archive-manifest.json").read_text() == manifest
    assert json.loads(manifest)["files"]
    assert not list(tmp_path.glob(".site.building-*"))
