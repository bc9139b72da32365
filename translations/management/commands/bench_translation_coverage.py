"""`manage.py bench_translation_coverage`: time the translation coverage dashboard on a large site.

Builds N English pages (default 500) with translations into every other
language in a mix of states (a quarter not translated, the rest drafts or
published with 0-100 % of their strings translated), measures the
dashboard's SQL queries and response time for a few filter combinations,
then rolls everything back: the database is left as it was.
"""

import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import HomePage, StandardPage
from translations import coverage

QUERIES = [
    ("all languages, first page", {}),
    ("one language, one state", {"language": "fr", "state": coverage.IN_PROGRESS}),
    ("one family, page 5", {"family": "pages:home", "p": "5"}),
]


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time the translation coverage dashboard with many pages × every language (rolled back afterwards)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=500, help="English pages to create (default 500)")
        parser.add_argument("--repeat", type=int, default=5, help="Requests per measurement (default 5)")

    def handle(self, *args, pages, repeat, **options):
        try:
            with transaction.atomic():
                self.run(pages, repeat)
                raise Rollback
        except Rollback:
            self.stdout.write("Rolled back: the database is unchanged.")

    def run(self, count, repeat):
        default = Locale.get_default()
        targets = list(Locale.objects.exclude(pk=default.pk).order_by("language_code"))
        homes = {home.locale_id: home for home in HomePage.objects.all()}
        now = timezone.now()
        started = time.perf_counter()
        for n in range(count):
            fields = {
                "title": f"Benchmark page {n}",
                "slug": f"benchmark-page-{n}",
                "introduction": f"Introduction of benchmark page {n}.",
                "body": [
                    {"type": "heading", "value": {"text": f"Section {n}", "level": "h2"}},
                    {"type": "paragraph", "value": f"<p>First paragraph {n}.</p><p>Second paragraph {n}.</p>"},
                ],
                "listing_summary": f"Summary {n}.",
            }
            page = StandardPage(live=True, first_published_at=now, last_published_at=now, **fields)
            homes[default.pk].add_child(instance=page)
            source, _created = TranslationSource.get_or_create_from_instance(page)
            segments = list(StringSegment.objects.filter(source=source))
            for index, locale in enumerate(targets):
                state = (n + index) % 4  # 0 not translated, 1 draft, 2 half translated, 3 published
                if state == 0:
                    continue
                homes[locale.pk].add_child(
                    instance=StandardPage(
                        locale=locale,
                        translation_key=page.translation_key,
                        live=state == 3,
                        last_published_at=now if state == 3 else None,
                        **fields,
                    )
                )
                Translation.objects.create(source=source, target_locale=locale, enabled=True)
                share = {1: 0.0, 2: 0.5, 3: 1.0}[state]
                StringTranslation.objects.bulk_create(
                    StringTranslation(
                        translation_of_id=segment.string_id,
                        context_id=segment.context_id,
                        locale=locale,
                        data=f"[{locale.language_code}] text",
                    )
                    for segment in segments[: int(len(segments) * share)]
                )
        total_pages = Page.objects.count()
        self.stdout.write(
            f"Built {count} English pages and their translations in {time.perf_counter() - started:.1f} s "
            f"({total_pages} pages in {len(targets) + 1} languages)."
        )

        user = get_user_model().objects.create_superuser("bench-coverage", "bench@example.com", "x")
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        client.get("/admin/translations/coverage/")  # Warm caches.
        everything = frozenset(locale.pk for locale in [default, *targets])
        timings = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as captured:
                tick = time.perf_counter()
                rows = coverage.coverage_rows(targets, everything)
                timings.append(time.perf_counter() - tick)
        self.stdout.write(
            f"{len(rows)} rows (objects × target languages); computing them: median "
            f"{statistics.median(timings) * 1000:.0f} ms, {len(captured.captured_queries)} SQL queries."
        )
        for label, query in QUERIES:
            timings, queries = [], set()
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as captured:
                    tick = time.perf_counter()
                    response = client.get("/admin/translations/coverage/", query)
                    timings.append(time.perf_counter() - tick)
                assert response.status_code == 200, response.status_code
                queries.add(len(captured.captured_queries))
            self.stdout.write(
                f"{label}: median {statistics.median(timings) * 1000:.0f} ms, "
                f"max {max(timings) * 1000:.0f} ms, {sorted(queries)} SQL queries"
            )
