"""The real-browser harness: a live server that sees the test's own database transaction, and Chromium.

Loaded by tests/conftest.py, so any test module can use:

- `live_site`: the base URL ("http://localhost:PORT") of a live server started once per
  test worker. It answers with the test's own database connection, inside the test's
  transaction: it serves the loaded content, and whatever the test created, and every
  change is rolled back after the test like any other. No flush, no restore.
- `browser`: the system Chromium, never a browser Playwright downloads, started once per test
  worker: Debian's `chromium-headless-shell` when installed (the same Blink as `chromium` in the
  headless build Playwright itself runs: a third less CPU for the suite's pages), else
  `/usr/bin/chromium`. Skips with a clear message when neither is there, except when CI=true,
  where a missing Chromium fails the test.
- `new_page(**context_options)`: a page in a fresh browser context (Playwright's
  `browser.new_context` options: viewport, is_mobile, reduced_motion, java_script_enabled,
  locale...). The page records console errors, uncaught exceptions and failed responses in
  `page.problems`; `/favicon.ico` is answered with 204, as the site has none. Contexts are
  closed after the test.

Mark such tests `@pytest.mark.browser`:

    @pytest.mark.browser
    def test_home_page_has_no_console_errors(live_site, new_page):
        page = new_page()
        page.goto(f"{live_site}/en/")
        assert page.problems == []

Why it works: the server handles one request at a time in its own thread with the
connection the test uses (Django's LiveServerTestCase does the same for in-memory SQLite).
Playwright's sync API keeps an asyncio loop running in the test's thread, so Django's
async-safety check is switched off for the worker once Chromium starts; the code it guards
is synchronous. Playwright runs `page.on`/`route` callbacks in greenlets of their own, which
would get a database connection outside the test's transaction: keep ORM calls out of them.
"""

import os
import threading
from pathlib import Path

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import WSGIServer
from django.db import connections
from django.test.testcases import QuietWSGIRequestHandler, _MediaFilesHandler

# The first one installed (apt-get install chromium-headless-shell, or chromium).
CHROMIUMS = ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"]
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
    for executable in CHROMIUMS:
        if Path(executable).exists():
            return executable
    message = (
        f"Chromium is not installed at {' or '.join(CHROMIUMS)} (apt-get install chromium-headless-shell); "
        "real-browser tests need it."
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " CI requires them.")
    pytest.skip(message)


class SharedConnectionServer(WSGIServer):
    """A one-request-at-a-time server whose requests use the connections in `shared`.

    Between tests `shared` is empty and requests are dropped unanswered: answered with a
    connection of its own, a request could write outside every test's transaction.
    """

    shared: dict = {}
    lock = threading.Lock()

    def process_request(self, request, client_address):
        with self.lock:
            if not self.shared:
                self.shutdown_request(request)
                return
            for alias, connection in self.shared.items():
                connections[alias] = connection
            super().process_request(request, client_address)


@pytest.fixture(scope="session")
def _live_server(django_db_setup):
    server = SharedConnectionServer(("localhost", 0), QuietWSGIRequestHandler, allow_reuse_address=False)
    server.set_app(StaticFilesHandler(_MediaFilesHandler(WSGIHandler())))
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture
def live_site(_live_server, db, monkeypatch) -> str:
    """Base URL of the worker's live server, answering inside this test's transaction."""
    connection = connections["default"]
    connection.inc_thread_sharing()
    # Django closes "obsolete" connections around each request; this one is the test's, mid-transaction.
    monkeypatch.setattr(connection, "close_if_unusable_or_obsolete", lambda: None)
    _live_server.shared = {"default": connection}
    yield f"http://localhost:{_live_server.server_address[1]}"
    with _live_server.lock:  # a request still running ends before the transaction is rolled back
        _live_server.shared = {}
    connection.dec_thread_sharing()


@pytest.fixture(scope="session")
def _chromium():
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright  # optional: only browser tests need it

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # see the module docstring
    # With the loop running, Django looks its connections up per context: keep the same one.
    connection = connections["default"]
    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    connections["default"] = connection
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def browser(_chromium):
    return _chromium


@pytest.fixture
def new_page(live_site, browser):
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
