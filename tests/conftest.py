"""Fixtures shared by the whole suite.

The test database is built once per session with `load_content`, the same
command `make run` uses, so tests run against the project's real content and
its shipped translations. Each test runs in a transaction that is rolled back.
Real-browser fixtures (`live_site`, `browser`, `new_page`) are in tests/browser.py.
"""

import io

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.models import HomePage
from tests.browser import _restore_content_after_module, browser, live_site, new_page  # noqa: F401

LANGUAGES = ["en", "fr", "pt", "it", "hr"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_content", stdout=io.StringIO())
        # Tests with serialized rollback (the live-server ones, tests/browser.py)
        # start from this snapshot of the loaded content, not the bare migrations.
        for alias in connections:
            if hasattr(connections[alias], "_test_serialized_contents"):
                connections[alias]._test_serialized_contents = connections[alias].creation.serialize_db_to_string()


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
