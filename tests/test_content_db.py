"""A worker's test content: keyed on what load_content reads (tests/content_db.py), out of the collector's sight."""

import gc

import pytest
from wagtail.models import Locale, Page

from tests.conftest import GC_YOUNG_THRESHOLD
from tests.content_db import BASE_DIR, _hashed_files


def hashed() -> set[str]:
    return {str(path.relative_to(BASE_DIR.parent)) for path in _hashed_files()}


def test_the_hash_covers_code_migrations_shipped_content_and_the_seed():
    files = hashed()
    project = BASE_DIR.name
    for expected in [
        "home/management/commands/load_content.py",
        "home/loading.py",
        "events/migrations/0001_initial.py",
        "tours/content/placeholders.py",
        "guide/content/locale/fr",
        "config/settings/base.py",
        "requirements.txt",
    ]:
        assert any(name.startswith(f"{project}/{expected}") for name in files), expected
    if (BASE_DIR.parent / "shared" / "seed").is_dir():
        assert "shared/seed/multiplier-event-2022.txt" in files


def test_the_hash_leaves_out_tests_templates_and_static_files():
    for name in hashed():
        parts = name.split("/")[1:]
        assert parts[0] not in {"tests", ".venv", ".git", ".cache", "docs"}, name
        assert "templates" not in parts and "static" not in parts, name


# A test that commits, then the next one on the same worker: pytest-django runs transactional
# tests last and flushes their tables after every fixture; the next test must still find the
# loaded content, without what the first one committed (tests/conftest.py pytest_runtest_teardown).
@pytest.mark.django_db(transaction=True)
def test_a_committing_test_changes_the_content():
    Locale.objects.create(language_code="de")
    assert Locale.objects.count() == 6


@pytest.mark.django_db(transaction=True)
def test_the_next_test_finds_the_loaded_content_without_that_change():
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["en", "fr", "hr", "it", "pt"]
    assert Page.objects.filter(depth__gt=1).count() > 100


@pytest.mark.django_db
def test_a_worker_keeps_its_loaded_content_out_of_the_garbage_collectors_sight():
    assert gc.get_threshold()[0] == GC_YOUNG_THRESHOLD
    assert gc.get_freeze_count() > 100_000  # Django, Wagtail, the models and templates, frozen once loaded
