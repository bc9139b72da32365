"""Fixtures shared by the whole suite.

Tests run against the project's real content and its shipped translations: the
database `load_content` (the command `make run` uses) fills, built once per hash of
the code and content and copied for each xdist worker (tests/content_db.py). Each
test runs in a transaction that is rolled back; a test that commits (transactional_db)
gets the content put back after it. Real-browser fixtures (`live_site`, `browser`,
`new_page`) are in tests/browser.py.
"""

import gc
import uuid

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.models import HomePage
from tests.browser import _chromium, _live_server, browser, live_site, new_page  # noqa: F401
from tests.content_db import content_database, content_hash

LANGUAGES = ["en", "fr", "pt", "it", "hr"]
# Tests that go through the whole site (every page, every admin URL, a full archive or backup): 20-90 s each.
WHOLE_SITE = ("tests/translations/test_attacker_run.py", "tests/static_archive/", "tests/backups/", "tests/a11y/")
# This worker's loaded content and pytest-django's database blocker, while the session runs.
CONTENT = pytest.StashKey[tuple]()
# Allocations between two young collections; see pytest_configure.
GC_YOUNG_THRESHOLD = 50_000


def pytest_configure(config):
    # Python's default (a young collection every 700 allocations, each also scanning what survived)
    # spends a third of an admin edit form's time collecting garbage among the suite's 260,000
    # long-lived objects (models, templates, the loaded content's caches); see django_db_setup.
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    # Once, before xdist starts its workers, which inherit it: every worker copies the same content.
    if not hasattr(config, "workerinput"):
        content_hash(connection.vendor)


def pytest_collection_modifyitems(config, items):
    # Longest first (browser tests, then whole-site runs), so that no worker is left with one at the end.
    items.sort(key=lambda item: (not item.get_closest_marker("browser"), not item.nodeid.startswith(WHOLE_SITE)))
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL (text search: stemming, title weights; row locks: concurrent publishing): "
        "`make test` runs it in a PostgreSQL "
        "pass when a server is reachable at 127.0.0.1:5432, or set DATABASE_URL=postgres://..."
    )
    for item in items:
        if item.get_closest_marker("postgresql"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, worker_id):
    """This worker's copy of the loaded content (replaces pytest-django's empty test database)."""
    workerinput = getattr(request.config, "workerinput", {})
    run = workerinput.get("testrunuid", uuid.uuid4().hex)[:8]
    with django_db_blocker.unblock():
        content = content_database(run, "main" if worker_id == "master" else worker_id)
        content.set_up()
    request.config.stash[CONTENT] = (content, django_db_blocker)
    # What exists now lives for the whole session: out of the collector's sight (gc.freeze).
    gc.collect()
    gc.freeze()
    yield content
    del request.config.stash[CONTENT]
    with django_db_blocker.unblock():
        content.tear_down()


def _database_use(item) -> str | None:
    """ "commits", "rolls back" or None (no database), as pytest-django will run the test."""
    marker = item.get_closest_marker("django_db")
    fixtures = set(item.fixturenames)
    if {"transactional_db", "live_server", "django_db_reset_sequences"} & fixtures or (
        marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    ):
        return "commits"
    return "rolls back" if marker or "db" in fixtures else None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that committed, put the loaded content back; after any other, check it is still there.

    A hook, not a fixture: pytest-django flushes a transactional test's tables after every
    fixture's finaliser, so a fixture's restore would be flushed away."""
    result = yield
    use = _database_use(item)
    if CONTENT not in item.config.stash or nextitem is None or use is None:
        return result
    content, blocker = item.config.stash[CONTENT]
    with blocker.unblock():
        if use == "commits":
            content.restore()
        elif not Locale.objects.exists():
            content.restore()
            raise AssertionError(f"{item.nodeid} left the database empty (its content is restored for the next tests)")
    return result


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a rolled-back test must not leave fragments of its pages behind."""
    cache.clear()
    yield


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_pages(db) -> dict[str, HomePage]:
    """The loaded home page of each language, by language code."""
    return {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}


@pytest.fixture
def count_queries():
    """`count_queries(callable)` runs it and returns (result, number of SQL queries)."""

    def run(func):
        with CaptureQueriesContext(connection) as context:
            result = func()
        return result, len(context.captured_queries)

    return run
