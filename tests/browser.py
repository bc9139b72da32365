"""Real-browser test fixtures: a live server with the loaded content, and Playwright on the system Chromium.

Loaded as a pytest plugin by tests/conftest.py, so any test module can use:

- `live_site`: the live server's base URL ("http://localhost:PORT"), with the
  content `load_content` made for the session (every language, the sample
  tours, their media). Needs a transactional database; see below.
- `browser`: Chromium for one test (`/usr/bin/chromium`, never a browser
  Playwright downloads; why not one per session: see the fixture). Skips with
  a clear message when Chromium is absent, except when CI=true, where a
  missing Chromium fails the test. Visit many pages in one test if you audit
  many pages.
- `new_page(**context_options)`: opens a page in a fresh browser context
  (Playwright's `browser.new_context` options: viewport, is_mobile,
  reduced_motion, java_script_enabled, locale...). The page records console
  errors, uncaught exceptions and failed responses in `page.problems`
  (a list of strings); `/favicon.ico` is answered with 204, as the site has
  none. Contexts are closed after the test.

Mark such tests `@pytest.mark.browser`. For an accessibility audit, e.g.:

    @pytest.mark.browser
    def test_home_page_has_no_console_errors(live_site, new_page):
        page = new_page()
        page.goto(f"{live_site}/en/")
        assert page.problems == []

Why the database needs care: a live server sees only committed data, so these
tests run in pytest-django's transactional mode, which empties every table
after each test. Here the loaded content survives that: tests/conftest.py
snapshots the database after `load_content` (Django's serialized rollback),
every `live_site` test starts from that snapshot, the flush after it keeps
the tables free of post-migrate rows, and at the end of each module that used
`live_site` the snapshot is restored once more, so tests that run later
(pytest-django runs transactional tests after the others) find the content.
"""

import os
from pathlib import Path

import pytest
from django.db import connections

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_or_skip() -> str:
    """The Chromium executable; skips the test (fails it when CI=true) if it is not installed."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    message = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium); real-browser tests need it."
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " CI requires them.")
    pytest.skip(message)


def restore_snapshot() -> None:
    """Put back the content snapshot taken after load_content, where a flush emptied the database."""
    from home.models import HomePage

    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents and not HomePage.objects.using(alias).exists():
            connections[alias].creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="module")
def _restore_content_after_module(django_db_blocker):
    yield
    with django_db_blocker.unblock():
        restore_snapshot()


@pytest.fixture
def live_site(_restore_content_after_module, django_db_serialized_rollback, live_server) -> str:
    """Base URL of a live server serving the session's loaded content."""
    from home.models import HomePage

    if not HomePage.objects.exists():  # no snapshot (e.g. --reuse-db): load the content again
        from django.core.management import call_command

        call_command("load_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return live_server.url


@pytest.fixture
def browser(monkeypatch):
    """Chromium, started for one test, after the test database is set up and stopped before it is flushed.

    Per test, not per session: while Playwright's sync API runs, its event
    loop counts as running in this thread, so Django hands out separate
    database connections (asgiref's context-local storage) that lack the
    test database's snapshot, and the next test could not be restored.
    """
    executable = chromium_or_skip()
    # ORM calls in a test body would otherwise raise SynchronousOnlyOperation
    # next to Playwright's loop; the code is synchronous, so this is safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        # Close the connections Django opened while the loop ran (PostgreSQL
        # would otherwise refuse to drop the test database at the end).
        connections.close_all()


@pytest.fixture
def new_page(browser):
    contexts = []

    def open_page(**context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        context.route("**/favicon.ico", lambda route: route.fulfill(status=204))
        page = context.new_page()
        page.problems = []
        page.on("console", lambda message: message.type == "error" and page.problems.append(f"console: {message.text}"))
        page.on("pageerror", lambda error: page.problems.append(f"exception: {error}"))
        page.on(
            "response",
            lambda response: response.status >= 400 and page.problems.append(f"HTTP {response.status}: {response.url}"),
        )
        return page

    yield open_page
    for context in contexts:
        context.close()
