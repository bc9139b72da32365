"""PDF benchmark: build time, size and pages of each language's guide PDF (and summary report), in one process.

Renders with `publications.builders.render_pdf` (HTML from the published pages, WeasyPrint layout,
PDF/UA-1 writing), the work a build does before storing the file, `--runs` times per document on the
database `make bench-pdf` loads (DATABASE_URL, default db.sqlite3), and prints a Markdown table: median
and slowest build in seconds, size, pages. Nothing is stored. A measurement, not a test.

    make bench-pdf                   # or: .venv/bin/python bench/pdf_bench.py --runs 5
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["en", "fr", "pt", "it", "hr"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per document (default 3)")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from casestudies.models import CaseStudyIndexPage
    from guide.models import GuideChapterPage, GuideIndexPage
    from publications.builders import render_pdf

    rows = []
    for label, model in [("guide", GuideIndexPage), ("summary report", CaseStudyIndexPage)]:
        for language in LANGUAGES:
            page = model.objects.live().filter(locale__language_code=language).first()
            if page is None:
                continue
            times, rendered = [], None
            for _ in range(args.runs):
                started = time.perf_counter()
                rendered = render_pdf(page)
                times.append(time.perf_counter() - started)
            median = statistics.median(times)
            rows.append((label, language, median, max(times), len(rendered.data), rendered.page_count))
    chapters = list(GuideChapterPage.objects.live().order_by("path"))
    started = time.perf_counter()
    for chapter in chapters:
        render_pdf(chapter)
    chapter_seconds = time.perf_counter() - started

    print(f"PDF builds, {args.runs} runs each (WeasyPrint, PDF/UA-1)\n")
    print("| document | language | median (s) | slowest (s) | size (KB) | pages |")
    print("|---|---|---:|---:|---:|---:|")
    for label, language, median, slowest, size, pages in rows:
        print(f"| {label} | {language} | {median:.2f} | {slowest:.2f} | {size / 1024:.0f} | {pages} |")
    print(f"\nAll {len(chapters)} chapter PDFs, once each: {chapter_seconds:.1f} s")


if __name__ == "__main__":
    main()
