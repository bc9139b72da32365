"""Search benchmark: median and 95th-percentile time of the search page, per language, on PostgreSQL.

Fills a PostgreSQL database of its own with the project's content plus
`--pages` StandardPages per language (default 5,000, so 25,000 pages), then
requests `/<language>/search/?q=...` in-process through Django's test client
(full view: search, facet counts, extracts, template) for a set of queries
per language, and prints a Markdown table of timings in milliseconds.

    make bench                       # or: .venv/bin/python bench/search_bench.py
    .venv/bin/python bench/search_bench.py --pages 500 --runs 10 --rebuild

The database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/kip_search_bench) is created if missing and
reused on the next run; `--rebuild` drops it first. Page text is sampled from
the shipped translations (home/content/locale) plus two topic sentences per
language inserted in 5 % and 0.5 % of the pages, with a fixed random seed, so
every run builds the same pages. Pages are created live without revisions and
indexed in bulk afterwards (the same index rows a publish writes), which is
much faster than publishing 25,000 revisions.

This is a measurement, not a test: it asserts nothing and never runs in `make test`.
"""

import argparse
import os
import random
import re
import statistics
import sys
import time
from functools import partial
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kip_search_bench"
LANGUAGES = ["en", "fr", "pt", "it", "hr"]
SEED = 20220328  # the multiplier event's date

# Sentences inserted in some pages: (share of pages, sentence) per language.
TOPICS = {
    "en": [
        (0.05, "The multiplier events gathered career counsellors from five countries."),
        (0.005, "A virtual tour shows the reception desk of each guidance centre."),
    ],
    "fr": [
        (0.05, "Les événements multiplicateurs ont réuni des conseillers d'orientation de cinq pays."),
        (0.005, "Une visite virtuelle montre l'accueil de chaque centre d'orientation."),
    ],
    "pt": [
        (0.05, "Os eventos multiplicadores reuniram conselheiros de orientação de cinco países."),
        (0.005, "Uma visita virtual mostra a receção de cada centro de orientação."),
    ],
    "it": [
        (0.05, "Gli eventi moltiplicatori hanno riunito consulenti di orientamento di cinque paesi."),
        (0.005, "Una visita virtuale mostra l'accoglienza di ogni centro di orientamento."),
    ],
    "hr": [
        (0.05, "Multiplikacijski događaji okupili su savjetnike za profesionalno usmjeravanje iz pet zemalja."),
        (0.005, "Virtualna tura prikazuje recepciju svakog centra za savjetovanje."),
    ],
}

# What readers type: a frequent word (inflected), a 5 % topic, a 0.5 % topic, a phrase, no match.
QUERIES = {
    "en": ["partnerships", "multiplier event", "reception desks", "lifelong career guidance", "zebra"],
    "fr": ["partenariat", "événement multiplicateur", "accueil", "orientation tout au long de la vie", "zèbre"],
    "pt": ["parcerias", "evento multiplicador", "receção", "orientação ao longo da vida", "zebra"],
    "it": ["partenariati", "evento moltiplicatore", "accoglienza", "orientamento permanente", "zebra"],
    "hr": ["partnerstva", "multiplikacijskih događaja", "recepcija", "cjeloživotno usmjeravanje", "zebra"],
}


def bad_input(word: str) -> list[tuple[str, dict]]:
    """Bad input, timed like the rest (the issue asks for an answer in under a second)."""
    return [
        ("tsquery syntax", {"q": f"& | ! ( ) : * ' \" \\ {word}:*"}),
        ("SQL injection", {"q": f"{word}'; DROP TABLE wagtailcore_page; --"}),
        ("10,000 characters", {"q": (word + " ") * (10_000 // (len(word) + 1))}),
        ("page 9999", {"q": word, "page": "9999"}),
        ("unknown family", {"q": word, "type": "nope.nope"}),
    ]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=5000, help="StandardPages per language (default 5000)")
    parser.add_argument("--runs", type=int, default=30, help="timed requests per query (default 30)")
    parser.add_argument("--rebuild", action="store_true", help="drop and recreate the benchmark database")
    return parser.parse_args()


def ensure_database(url: str, rebuild: bool) -> None:
    import psycopg2

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"[a-z0-9_]+", name):
        sys.exit(f"Refusing database name {name!r}: use lowercase letters, digits and underscores.")
    connection = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username, password=parts.password, dbname="postgres"
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        if rebuild:
            cursor.execute(f"DROP DATABASE IF EXISTS {name}")
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f"CREATE DATABASE {name}")
    connection.close()


def corpus(language: str) -> list[str]:
    """Sentences of the shipped content in `language` (English: the PO files' msgids)."""
    import polib

    sentences = []
    for path in sorted((ROOT / "home" / "content" / "locale" / ("fr" if language == "en" else language)).glob("*.po")):
        for entry in polib.pofile(str(path)):
            text = entry.msgid if language == "en" else entry.msgstr
            text = re.sub(r"<[^>]+>", " ", text)
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                if len(sentence.split()) >= 5:
                    sentences.append(sentence.strip())
    return sentences


def fill(pages_per_language: int) -> None:
    """Create the benchmark pages that are missing, then index them in bulk."""
    from django.db import connection
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.search.backends import get_search_backend
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from home.models import HomePage, StandardPage

    rng = random.Random(SEED)
    homes = {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}
    created = []
    post_save.disconnect(post_save_signal_handler, sender=StandardPage)
    try:
        with disable_reference_index_auto_update():
            for language in LANGUAGES:
                sentences = corpus(language)
                section = StandardPage.objects.filter(locale=homes[language].locale, slug="bench").first()
                if section is None:
                    section = StandardPage(title="Benchmark", slug="bench", live=True, show_in_menus=False)
                    homes[language].add_child(instance=section)
                    created.append(section.pk)
                existing = section.get_children().count()
                started = time.perf_counter()
                for number in range(pages_per_language):
                    paragraphs = []
                    for _ in range(rng.randint(3, 5)):
                        paragraph = rng.sample(sentences, k=min(len(sentences), rng.randint(2, 4)))
                        for share, topic in TOPICS[language]:
                            if rng.random() < share / 3:
                                paragraph.append(topic)
                        paragraphs.append({"type": "paragraph", "value": "<p>" + " ".join(paragraph) + "</p>"})
                    title = " ".join(rng.sample(sentences, 1)[0].split()[: rng.randint(3, 7)]).rstrip(",.;:")
                    summary = rng.choice(sentences)
                    if number < existing:
                        continue  # built on an earlier run (same seed, same text)
                    page = StandardPage(
                        title=title,
                        slug=f"bench-{number}",
                        listing_summary=summary,
                        body=paragraphs,
                        live=True,
                        show_in_menus=False,
                    )
                    section.add_child(instance=page)
                    created.append(page.pk)
                    if (number + 1) % 1000 == 0:
                        print(f"  {language}: {number + 1} pages ({time.perf_counter() - started:.0f} s)", flush=True)
    finally:
        post_save.connect(post_save_signal_handler, sender=StandardPage)
    if created:
        backend = get_search_backend()
        started = time.perf_counter()
        for start in range(0, len(created), 500):
            backend.add_bulk(StandardPage, list(StandardPage.objects.filter(pk__in=created[start : start + 500])))
        backend.get_index_for_model(StandardPage)._refresh_title_norms(full=True)
        print(f"  indexed {len(created)} pages in {time.perf_counter() - started:.0f} s", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def percentile_95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def timed(func, runs: int) -> tuple[float, float]:
    """(median, 95th percentile) in milliseconds of `runs` calls of `func`, after 3 warm-up calls."""
    for _ in range(3):
        func()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), percentile_95(timings)


def count_queries(func) -> int:
    from django.db import connection

    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        func()
    return len(executed)


def measure(runs: int) -> list[tuple]:
    """[(language, label, status, results, SQL queries, search ms (median, p95), page ms (median, p95))]."""
    from django.test import Client, RequestFactory
    from django.utils import translation
    from wagtail.models import Locale

    from home.models import HomePage
    from search.query import InvalidSearch, parse_query
    from search.results import find_pages

    client = Client(HTTP_HOST="localhost")
    rows = []
    for language in LANGUAGES:
        locale = Locale.objects.get(language_code=language)
        home = HomePage.objects.get(locale=locale)
        cases = [(query, {"q": query}) for query in QUERIES[language]] + bad_input(QUERIES[language][0])
        for label, params in cases:
            url = f"/{language}/search/?{urlencode(params)}"
            response = client.get(url)
            match = re.search(r'id="search-summary"[^>]*>\s*(\d+)', response.content.decode())
            queries = count_queries(lambda url=url: client.get(url))
            page_ms = timed(lambda url=url: client.get(url), runs)
            # The search alone (counts, one page of results, extracts), for queries the view runs.
            search_ms = None
            try:
                query = parse_query(params["q"])
            except InvalidSearch:
                query = None
            if response.status_code == 200 and query and query.terms:
                request = RequestFactory(HTTP_HOST="localhost").get(url)
                page_number = min(int(params.get("page", 1)), 10**9)
                with translation.override(language):
                    search_ms = timed(partial(find_pages, request, home, locale, query, None, page_number), runs)
            rows.append(
                (
                    language,
                    label,
                    response.status_code,
                    match.group(1) if match else "–",
                    queries,
                    search_ms,
                    page_ms,
                )
            )
            print(f"  {language} {label[:40]!r}: page {page_ms[0]:.1f} ms", flush=True)
        # For scale: the language's home page, through the same client (no search).
        home_url = f"/{language}/"
        rows.append(
            (
                language,
                "(home page, for comparison)",
                client.get(home_url).status_code,
                "–",
                count_queries(lambda home_url=home_url: client.get(home_url)),
                None,
                timed(lambda home_url=home_url: client.get(home_url), runs),
            )
        )
    return rows


def main():
    args = parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    ensure_database(url, args.rebuild)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DEBUG"] = "false"  # DEBUG would keep every SQL query in memory
    # Filling, indexing and migrating 25,000 pages are long maintenance statements (README, "Failures").
    os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", "0")
    os.environ.setdefault("DATABASE_CLIENT_TIMEOUT", "0")
    sys.path.insert(0, str(ROOT))

    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection
    from wagtail.models import Page

    print(f"Database: {url}")
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as devnull:
        call_command("load_content", stdout=devnull)
    started = time.perf_counter()
    fill(args.pages)
    print(f"Pages: {Page.objects.count()} in the tree (filled in {time.perf_counter() - started:.0f} s)")
    # What autovacuum does after a bulk load (this machine kind's server runs with it off): without it,
    # each search rechecks the dead index rows that load_content's and the fill's re-indexing left behind.
    with connection.cursor() as cursor:
        cursor.execute("SHOW autovacuum")
        autovacuum = cursor.fetchone()[0]
        cursor.execute("VACUUM (ANALYZE) wagtailsearch_indexentry, wagtailcore_page")
    print(f"VACUUM (ANALYZE) of the search index and the page table (the server's autovacuum is {autovacuum})")

    rows = measure(args.runs)
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    print()
    print(
        f"Search page, {args.pages} pages per language, PostgreSQL {version}, "
        f"{args.runs} timed runs per row after 3 warm-up runs, in-process. 'search': search.results.find_pages "
        "(family counts, one page of 10 results, highlighted extracts); 'page': the whole request through "
        "Django's test client (plus parameters, header, footer, template):"
    )
    print()
    print(
        "| lang | query | status | results | SQL queries "
        "| search median ms | search p95 ms | page median ms | page p95 ms |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for language, label, status, results, queries, search_ms, page_ms in rows:
        search_cells = f"{search_ms[0]:.1f} | {search_ms[1]:.1f}" if search_ms else "– | –"
        print(
            f"| {language} | {label} | {status} | {results} | {queries} | {search_cells} "
            f"| {page_ms[0]:.1f} | {page_ms[1]:.1f} |"
        )


if __name__ == "__main__":
    main()
