"""`manage.py archive_site`: the whole public site as static files, in a folder and a zip (`make archive`)."""

import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from home.navigation import language_name_local
from static_archive.builder import (
    ArchiveError,
    Output,
    SiteRenderer,
    address_pattern,
    crawl,
    file_path_for,
    normalised_digest,
    rewrite,
)
from static_archive.check import check_archive
from static_archive.state import ArchiveBuild, building
from static_archive.upload import check_bucket, client, parse_target, upload

MANIFEST = ".archive-manifest.json"


class Command(BaseCommand):
    help = (
        "Write the public site (every live page of every language, its routes, documents, images, static "
        "files, sitemap, robots.txt, a 404 page and a Pagefind search index) into a folder and a zip, check "
        "it, and optionally upload it to an S3-compatible bucket. A second run rewrites only what changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=os.environ.get("ARCHIVE_DIR", "archive"),
            help="Folder to write (default: $ARCHIVE_DIR or ./archive); the zip is written beside it.",
        )
        parser.add_argument(
            "--base-url",
            default="",
            help="Address the archive will be served from (https://example.org/keepinpact/): links become "
            "absolute under it and the sitemap is valid. Default: relative links, for any folder or file://.",
        )
        parser.add_argument("--force", action="store_true", help="Replace an output folder that is not an archive.")
        parser.add_argument("--to", default="", help="Also upload the archive to s3://bucket/prefix (boto3).")
        parser.add_argument("--no-zip", action="store_true", help="Do not write the zip.")

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            summary = self.build(options)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        summary["seconds"] = round(time.monotonic() - started, 1)
        return None if not options.get("json_summary") else json.dumps(summary)

    def say(self, message: str):
        self.stdout.write(message)

    def build(self, options) -> dict:
        output = Path(options["output"]).resolve()
        base_url = options["base_url"].strip()
        if base_url and not base_url.endswith("/"):
            base_url += "/"
        if base_url and not base_url.startswith(("http://", "https://")):
            raise ArchiveError(f"--base-url {base_url!r}: expected an http:// or https:// address.")
        previous = read_manifest(output)
        if output.exists() and not output.is_dir():
            raise ArchiveError(f"{output} exists and is not a folder.")
        if output.is_dir() and any(output.iterdir()) and previous is None and not options["force"]:
            raise ArchiveError(
                f"{output} is not empty and holds no previous archive: choose another folder, or add --force "
                "to replace its contents."
            )
        target = s3 = None
        if options["to"]:
            target = parse_target(options["to"])
            s3 = client()
            check_bucket(s3, target)

        languages = [code for code, _name in settings.LANGUAGES]
        made_at = timezone.now().replace(microsecond=0)
        temporary = output.parent / f".{output.name}.building-{os.getpid()}"
        shutil.rmtree(temporary, ignore_errors=True)
        try:
            return self.build_into(temporary, output, previous, languages, made_at, base_url, options, target, s3)
        finally:
            shutil.rmtree(temporary, ignore_errors=True)

    def build_into(self, temporary, output, previous, languages, made_at, base_url, options, target, s3) -> dict:
        timings = {}
        clock = time.monotonic()
        with building(ArchiveBuild(made_at)), SiteRenderer() as renderer:
            result = crawl(renderer, languages)
            hosts = renderer.site_hosts()
        timings["render"] = time.monotonic() - clock
        if result.failures:
            raise ArchiveError(
                "These pages failed to render; the previous archive is left as it was:\n"
                + "\n".join(f"  {address}: {why}" for address, why in sorted(result.failures.items()))
            )
        rewrite(result, hosts, languages, base_url or None)

        temporary.mkdir(parents=True)
        old_files = (previous or {}).get("files", {})
        digests, written, kept = {}, 0, 0
        for output_file in [*result.outputs.values(), language_chooser(languages)]:
            if output_file.path in digests:
                continue
            destination = temporary / output_file.path
            destination.parent.mkdir(parents=True, exist_ok=True)
            digest = normalised_digest(output_file.content)
            digests[output_file.path] = digest
            if old_files.get(output_file.path) == digest and link_previous(output / output_file.path, destination):
                kept += 1
                continue
            destination.write_bytes(output_file.content)
            written += 1

        clock = time.monotonic()
        run_pagefind(temporary)
        timings["search index"] = time.monotonic() - clock
        for path in sorted((temporary / "pagefind").rglob("*")):
            if path.is_file():
                name = path.relative_to(temporary).as_posix()
                digests[name] = normalised_digest(path.read_bytes())
                if old_files.get(name) == digests[name]:
                    kept += 1
                else:
                    written += 1
        removed = len(set(old_files) - set(digests))

        expected = {}
        for address, language in result.expected_pages.items():
            found = result.outputs.get(address)
            expected[found.path if found else file_path_for(address, "", "text/html")] = language
        markers = [address_pattern(hosts, languages)]
        check = check_archive(temporary, expected, languages, markers, base_url or None)
        if check.problems:
            shown = check.problems[:200]
            more = len(check.problems) - len(shown)
            listed = "\n".join(f"  {problem}" for problem in shown) + (f"\n  ... and {more} more" if more else "")
            raise ArchiveError(
                f"The archive failed its check ({len(check.problems)} problems); the previous archive is left as "
                f"it was:\n{listed}"
            )
        manifest = {"made_at": made_at.isoformat(), "base_url": base_url, "files": digests}
        (temporary / MANIFEST).write_text(json.dumps(manifest, indent=0, sort_keys=True))
        swap(temporary, output)

        zip_path = None
        if not options["no_zip"]:
            zip_path = output.with_name(output.name + ".zip")
            if written or removed or not zip_path.exists():
                write_zip(output, zip_path)

        uploaded = None
        if target is not None:
            uploaded = upload(s3, target, output)

        self.say(f"Archive of the site made at {made_at.isoformat()} in {output}")
        for language in languages:
            self.say(f"  {language}: {check.pages_per_language.get(language, 0)} pages")
        total_pages = sum(check.pages_per_language.values())
        self.say(
            f"  total: {total_pages} pages, {check.files} files, {check.size / 1_000_000:.1f} MB"
            + (f"; zip {zip_path.stat().st_size / 1_000_000:.1f} MB at {zip_path}" if zip_path else "")
        )
        self.say(f"  files written: {written} (new or changed), unchanged: {kept}, removed: {removed}")
        if result.skipped:
            self.say(f"  left out: {len(result.skipped)} addresses (private, redirects or not found)")
            if options["verbosity"] > 1:
                for address, why in sorted(result.skipped.items()):
                    self.say(f"    {address}: {why}")
        if uploaded is not None:
            self.say(f"  uploaded to {target}: {uploaded[0]} files, {uploaded[1]} unchanged, {uploaded[2]} deleted")
        self.say("  check: every internal reference resolves and every live page is present")
        return {
            "pages": check.pages_per_language,
            "files": check.files,
            "size": check.size,
            "written": written,
            "kept": kept,
            "removed": removed,
            "skipped": result.skipped,
            "uploaded": uploaded,
        }


def read_manifest(output: Path) -> dict | None:
    try:
        return json.loads((output / MANIFEST).read_text())
    except (OSError, ValueError):
        return None


def link_previous(source: Path, destination: Path) -> bool:
    """Reuse the previous archive's file (a hard link: nothing rewritten). False when it is gone."""
    try:
        os.link(source, destination)
    except OSError:
        try:
            shutil.copy2(source, destination)
        except OSError:
            return False
    return True


def run_pagefind(root: Path) -> None:
    """Pagefind's per-language index (from each page's <html lang>) in `root/pagefind/`."""
    command = [sys.executable, "-m", "pagefind", "--site", str(root), "--keep-index-url", "--silent"]
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ArchiveError(f"Pagefind could not run ({error}); is `pagefind[bin]` installed?") from error
    if completed.returncode != 0:
        raise ArchiveError(f"Pagefind failed: {completed.stderr.strip() or completed.stdout.strip()}")


def swap(temporary: Path, output: Path) -> None:
    """Put the new archive in place of the old one with two renames."""
    old = output.parent / f".{output.name}.old-{os.getpid()}"
    if output.exists():
        output.rename(old)
    try:
        temporary.rename(output)
    except OSError:
        if old.exists():
            old.rename(output)
        raise
    shutil.rmtree(old, ignore_errors=True)


def write_zip(folder: Path, zip_path: Path) -> None:
    partial = zip_path.with_name(zip_path.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name != MANIFEST:
                archive.write(path, path.relative_to(folder).as_posix())
    os.replace(partial, zip_path)


def language_chooser(languages):
    """The archive's `index.html`: sends the visitor to their language, with a link to each."""
    links = "\n".join(
        f'<li><a href="{code}/index.html" hreflang="{code}" lang="{code}">{language_name_local(code)}</a></li>'
        for code in languages
    )
    script = (
        "<script>(function(){var codes=%s;var wanted=(navigator.languages||[navigator.language||'en'])"
        ".map(function(l){return l.slice(0,2).toLowerCase();});for(var i=0;i<wanted.length;i++)"
        "{if(codes.indexOf(wanted[i])>=0){location.replace(wanted[i]+'/index.html');return;}}"
        "location.replace('en/index.html');})();</script>"
    ).replace("%s", json.dumps(languages))
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" '
        f'content="width=device-width, initial-scale=1"><title>{settings.WAGTAIL_SITE_NAME}</title>'
        f'<link rel="stylesheet" href="static/css/site.css"></head><body><main id="main" class="container">'
        f"<h1>{settings.WAGTAIL_SITE_NAME}</h1><ul>{links}</ul></main>{script}</body></html>\n"
    )
    return Output("index.html", page.encode(), "text/html")
