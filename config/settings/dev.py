"""Development settings: `make run`, `manage.py` by default."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# A throw-away key for local work only; production.py refuses to start without SECRET_KEY.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-not-for-production"  # noqa: F405
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# whitenoise serves static files straight from the apps, without collectstatic,
# also when DEBUG is off (`make run` shows the site as visitors get it).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Without a DeepL key, the dummy translator (development only; base.py offers none).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = WAGTAILLOCALIZE_MACHINE_TRANSLATOR or DUMMY_MACHINE_TRANSLATOR  # noqa: F405
