"""Production settings for the fault tests' gunicorn, static files found without collectstatic."""

from config.settings.production import *  # noqa: F403
from config.settings.production import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
# The faults under test are the database's: every request must reach it. (With the page cache
# on, pages a visitor already saw keep answering 200 from it while PostgreSQL is down.)
PAGE_CACHE_ENABLED = False
