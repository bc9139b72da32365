"""`manage.py bench_guide`: time the guide app's public pages (a benchmark, not a test).

Renders each page type in each language through Django's test client against
the configured database (run `load_content` first) and prints, per page, the
median and 95th-percentile render time in milliseconds and the SQL query count.
Times depend on the machine; compare runs on the same one.
"""

import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from guide.models import CompetenceFrameworkPage, GuideChapterPage, GuideIndexPage, TrainingProgrammePage


class Command(BaseCommand):
    help = "Time the guide, chapter, whole-guide, framework, competence and programme pages in every language."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20, help="Requests per page (default 20).")

    def handle(self, *args, runs: int, **options):
        client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "localhost")
        self.stdout.write(f"{'page':<66} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for locale in Locale.objects.order_by("pk"):
            guide = GuideIndexPage.objects.live().filter(locale=locale).first()
            framework = CompetenceFrameworkPage.objects.live().filter(locale=locale).first()
            programme = TrainingProgrammePage.objects.live().filter(locale=locale).first()
            if not (guide and framework and programme):
                self.stdout.write(f"{locale.language_code}: guide pages missing, skipped (run load_content)")
                continue
            chapter = GuideChapterPage.objects.child_of(guide).live().order_by("path").last()
            urls = {
                "guide index": guide.url,
                "chapter": chapter.url,
                "whole guide": guide.url + "print/",
                "framework": framework.url,
                "competence": framework.url + "4/",
                "programme": programme.url,
            }
            for name, url in urls.items():
                client.get(url)  # warm caches
                timings = []
                for _ in range(runs):
                    with CaptureQueriesContext(connection) as queries:
                        start = time.perf_counter()
                        response = client.get(url)
                        timings.append((time.perf_counter() - start) * 1000)
                    if response.status_code != 200:
                        self.stderr.write(f"{url}: HTTP {response.status_code}")
                        break
                timings.sort()
                p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
                label = f"{locale.language_code} {name} ({url})"
                self.stdout.write(
                    f"{label:<66} {statistics.median(timings):>10.1f} {p95:>8.1f} {len(queries.captured_queries):>8}"
                )
