"""`manage.py build_pdfs [--language hr]`: rebuild every generated PDF now (after a template or style change)."""

from django.core.management.base import BaseCommand

from publications.builders import build
from publications.content import pages_with_pdfs


class Command(BaseCommand):
    help = "Rebuild the guide, chapter and summary-report PDFs of every language (or of --language)."

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", dest="languages", metavar="CODE")

    def handle(self, *args, **options):
        failed = 0
        for page in pages_with_pdfs():
            if options["languages"] and page.locale.language_code not in options["languages"]:
                continue
            record = build(page)
            if record.error:
                failed += 1
                self.stderr.write(f"{page.title} ({page.locale.language_code}): {record.error}")
            else:
                self.stdout.write(
                    f"{page.title} ({page.locale.language_code}): {record.page_count} pages, "
                    f"{record.file_size} bytes, {record.build_seconds:.1f} s"
                )
        if failed:
            self.stderr.write(f"{failed} PDF(s) not rebuilt; their previous files are kept.")
