"""Settings shared by every environment (dev, test, production).

Every environment variable the project reads is declared once, here, at the
top, with its type and default. `dev.py`, `test.py` and `production.py` build
on this module; secrets have no default, so production fails fast without them.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean environment variable ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    """Read a comma-separated environment variable into a list of stripped items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Environment variables ---------------------------------------------------
# Name                    Type   Default
# DJANGO_SETTINGS_MODULE  str    config.settings.dev (manage.py), .production (wsgi.py)
# SECRET_KEY              str    none; required in production, dev/test use a throw-away key
# DEBUG                   bool   False (dev.py: True)
# DATABASE_URL            str    sqlite:///db.sqlite3 (relative to the project directory)
# ALLOWED_HOSTS           list   localhost,127.0.0.1,[::1]
# CSRF_TRUSTED_ORIGINS    list   empty
# WAGTAILADMIN_BASE_URL   str    http://127.0.0.1:8000
# REDIS_URL               str    empty: local-memory cache
# MEDIA_ROOT              str    <project>/media
# SERVE_MEDIA             bool   False (dev.py: True): let Django serve uploaded media
# DEEPL_API_KEY           str    empty: machine translation uses the dummy translator
# SECURE_SSL_REDIRECT     bool   True (production only)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///db.sqlite3")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
REDIS_URL = os.environ.get("REDIS_URL", "")
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media"))
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
# -----------------------------------------------------------------------------

INSTALLED_APPS = [
    # The project's apps, in content-loading order (load_content follows it).
    "home",
    "guide",
    "casestudies",
    "tours",
    "events",
    "search",
    "translations",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The page chrome (Site, Locale, view restrictions, shared fragments) once per request (home/fragments.py).
    "home.fragments.ChromeMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Confines translation actions to the user's languages (answers 403 before the view).
    "translations.guards.LanguageGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_name",
            ],
        },
    },
]

# Database: dj-database-url; a relative SQLite path is taken from the project directory.
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _name = DATABASES["default"]["NAME"]
    if _name and _name != ":memory:" and not os.path.isabs(_name):
        DATABASES["default"]["NAME"] = str(BASE_DIR / _name)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # The admin autosaves while an editor types, so two writes can overlap:
    # wait for the lock instead of failing with "database is locked", and take
    # it when a transaction starts (Django's recommendation for SQLite).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "keepinpact",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ---------------------------------------------------------------
# English is the source language. Adding a language is a change here plus a
# Locale row (load_content creates the rows for these).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("pt", _("Portuguese")),
    ("it", _("Italian")),
    ("hr", _("Croatian")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"
# Site-wide UI strings; each app may also ship its own `locale/` catalogue.
LOCALE_PATHS = [BASE_DIR / "site" / "locale"]

# --- Static and media files ----------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Complex page models (agendas, tours) exceed Django's default of 1,000 form fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail -------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Keep in Pact"
# Search (search/backend.py): Wagtail's database backend; on PostgreSQL each page is
# stemmed with its language's text-search configuration. PostgreSQL has no Croatian
# configuration: Croatian uses Snowball's Serbian stemmer (same inflections, Latin
# script; see README "Search"). Objects without a language (images, documents) use
# "simple": lower-cased words, no stemming. SQLite: no stemming in any language.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": "simple",
        "LANGUAGE_CONFIGS": {"en": "english", "fr": "french", "pt": "portuguese", "it": "italian", "hr": "serbian"},
    }
}
# Audio and video (event recordings, the tours' media hotspots) are documents too.
WAGTAILDOCS_EXTENSIONS = [
    "csv", "docx", "m4a", "mp3", "mp4", "odp", "odt", "oga", "ogg", "pdf", "ppt", "pptx", "txt", "vtt", "wav",
    "webm", "xlsx", "zip",
]  # fmt: skip
# Slide decks and event recordings are large; the upload form states the limit.
# A reverse proxy in front must accept request bodies this large too.
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
# Refuse truncated or corrupt image files at upload (Wagtail only reads their header).
WAGTAILIMAGES_IMAGE_FORM_BASE = "tours.image_forms.CompleteImageForm"
# Tours: the largest panorama accepted, in pixels (8192 × 4096, the widest rendition served).
TOURS_PANORAMA_MAX_PIXELS = 8192 * 4096
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Rich text: every RichTextField and RichTextBlock names one of these editors.
# "default": body text (links to documents too); "basic": short texts with lists;
# "inline": a sentence or two; "no-links": a tour room's description, which a
# link would take the visitor out of.
_DRAFTAIL = "wagtail.admin.rich_text.DraftailRichTextArea"
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": _DRAFTAIL, "OPTIONS": {"features": ["bold", "italic", "link", "document-link", "ol", "ul"]}},
    "basic": {"WIDGET": _DRAFTAIL, "OPTIONS": {"features": ["bold", "italic", "link", "ol", "ul"]}},
    "inline": {"WIDGET": _DRAFTAIL, "OPTIONS": {"features": ["bold", "italic", "link"]}},
    "no-links": {"WIDGET": _DRAFTAIL, "OPTIONS": {"features": ["bold", "italic", "ol", "ul"]}},
}
WAGTAIL_ALLOW_UNICODE_SLUGS = True

# wagtail-localize: a page submitted for translation starts as a draft in the
# target language (the library's default publishes it at once, showing the
# English text under the new language's address until someone translates it).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# wagtail-localize: DeepL when a key is configured, otherwise the dummy
# translator (it reverses words; useful to try the workflow without a network).
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        # wagtail-localize's DeepL translator, reporting API failures as a message (see the module).
        "CLASS": "translations.machine_translation.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    }
