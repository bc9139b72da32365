"""Test settings: pytest points here (pyproject.toml)."""

import atexit
import shutil
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off for the suite (tests change content without publishing); tests/caching turns it on.
PAGE_CACHE_ENABLED = False
PAGE_CACHE_REPURGE_SECONDS = 0
WAGTAILFRONTENDCACHE = {}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Uploaded files written by tests go to a throw-away folder.
MEDIA_ROOT = tempfile.mkdtemp(prefix="keepinpact-test-media-")
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
WAGTAILADMIN_BASE_URL = "http://testserver"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Without a DeepL key, the dummy translator (tests only; base.py offers none).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = WAGTAILLOCALIZE_MACHINE_TRANSLATOR or DUMMY_MACHINE_TRANSLATOR  # noqa: F405
# Building and copying the content database takes longer statements than a web request may.
DATABASE_CLIENT_TIMEOUT = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["OPTIONS"].pop("options", None)  # noqa: F405
# Tests share one media folder per worker and roll the database back: a PDF rebuilt because a
# test published a page would outlive the test. The tests of the rebuild switch it on.
PUBLICATIONS_BUILD_ON_PUBLISH = False
# Tests publish thousands of pages; tests/mediastore/test_renditions.py turns it on.
RENDITIONS_ON_PUBLISH = False
