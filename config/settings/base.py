"""Settings shared by every environment (dev, test, production).

Every environment variable the project reads is declared once, here, at the
top, with its type and default. `dev.py`, `test.py` and `production.py` build
on this module; secrets have no default, so production fails fast without them.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
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
# DEEPL_API_KEY           str    empty: no machine translation (dev.py/test.py: the dummy translator)
# DEEPL_API_URL           str    empty: DeepL's own address (api-free.deepl.com for a ":fx" key)
# S3_BUCKET               str    empty: media on the local disk (MEDIA_ROOT); set: in this bucket
# S3_ENDPOINT_URL         str    empty: AWS; e.g. https://s3.example.org for another S3-compatible store
# S3_REGION               str    empty (the store's default)
# S3_ACCESS_KEY_ID        str    empty: boto3's own chain (AWS_* variables, instance role)
# S3_SECRET_ACCESS_KEY    str    empty: idem
# S3_SIGNED_URL_SECONDS   int    300: lifetime of the signed URLs of private files
# S3_PUBLIC_ACL           str    public-read: ACL of renditions; empty when a bucket policy makes images/ public
# BACKUP_DIR              str    <project>/backups: where `make backup` writes its dated folders
# SECURE_SSL_REDIRECT     bool   True (production only)
# DATABASE_CONNECT_TIMEOUT, DATABASE_STATEMENT_TIMEOUT, DATABASE_LOCK_TIMEOUT  float (s)  2, 3, 2 (PostgreSQL; 0 = none)
# DATABASE_CLIENT_TIMEOUT float  3.5: longest wait for a PostgreSQL answer (operations.db; 0 = none)
# TRUSTED_PROXIES         list   127.0.0.1,::1: proxies whose X-Forwarded-For names the client (sign-in throttling)
# SENTRY_DSN              str    empty: no error reporting
# PAGE_CACHE              bool   True: anonymous page cache (caching.page_cache); test.py: False
# PAGE_CACHE_SECONDS      int    600: how long the page cache and the HTTP cache keep a page (s-maxage)
# PAGE_CACHE_BYPASS_HEADER str   empty; a request header that skips the page cache (make bench only)
# VARNISH_URLS            list   empty: the HTTP caches to purge (http://127.0.0.1:6081,...)
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
DEEPL_API_URL = os.environ.get("DEEPL_API_URL", "")
DATABASE_CONNECT_TIMEOUT = float(os.environ.get("DATABASE_CONNECT_TIMEOUT", "2"))
DATABASE_STATEMENT_TIMEOUT = float(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "3"))
DATABASE_LOCK_TIMEOUT = float(os.environ.get("DATABASE_LOCK_TIMEOUT", "2"))
DATABASE_CLIENT_TIMEOUT = float(os.environ.get("DATABASE_CLIENT_TIMEOUT", "3.5"))
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_BYPASS_HEADER = os.environ.get("PAGE_CACHE_BYPASS_HEADER", "")
VARNISH_URLS = env_list("VARNISH_URLS", "")
S3_BUCKET = os.environ.get("S3_BUCKET", "")
S3_SIGNED_URL_SECONDS = int(os.environ.get("S3_SIGNED_URL_SECONDS", "300"))
BACKUP_DIR = os.environ.get("BACKUP_DIR", str(BASE_DIR / "backups"))
# -----------------------------------------------------------------------------

INSTALLED_APPS = [
    # The project's apps, in content-loading order (load_content follows it).
    "home",
    "guide",
    "casestudies",
    "tours",
    "events",
    # After the apps whose pages it prints: its content step builds their PDFs.
    "publications",
    "search",
    "translations",
    "operations",
    "axes",
    "csp",
    "caching",
    "static_archive",
    "mediastore",
    "backups",
    "editing",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "rest_framework",
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
    # operations.middleware's docstring gives the order these need.
    "operations.middleware.HealthCheckMiddleware",
    "operations.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous page cache: before the session, so that a hit costs no session, CSRF or locale work.
    "caching.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The page chrome (Site, Locale, view restrictions, shared fragments) once per request (home/fragments.py).
    "home.fragments.ChromeMiddleware",
    "operations.middleware.SitePolicyCSPMiddleware",
    "operations.middleware.AdminFormBodyMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Confines translation actions to the user's languages (answers 403 before the view).
    "translations.guards.LanguageGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: django-axes answers a locked-out sign-in (operations.security.locked_out).
    "axes.middleware.AxesMiddleware",
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
                "csp.context_processors.nonce",
                "static_archive.context_processors.archive",
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

elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast when PostgreSQL is down, overloaded or a table is locked: visitors get a
    # 503 within 5 s (operations.views.server_error) instead of a hung worker. A frozen
    # server answers nothing at all: DATABASE_CLIENT_TIMEOUT bounds every wait (operations.db).
    # Long maintenance commands can lift them: DATABASE_STATEMENT_TIMEOUT=0 DATABASE_CLIENT_TIMEOUT=0.
    _ms = {"statement_timeout": DATABASE_STATEMENT_TIMEOUT, "lock_timeout": DATABASE_LOCK_TIMEOUT}
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": max(2, round(DATABASE_CONNECT_TIMEOUT)),  # libpq: whole seconds, at least 2
            "options": " ".join(f"-c {name}={int(seconds * 1000)}" for name, seconds in _ms.items()),
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL:
    # django-redis: a connection pool per process, and IGNORE_EXCEPTIONS: with Redis down every
    # cache read is a miss and every write a no-op (pages served uncached, never a 500), for
    # the page cache and for Wagtail's own caches (renditions, site root paths) alike.
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "keepinpact",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Signing in: django-axes (README "Running in production") -----------------
# Five failed sign-ins lock the account, and separately the address, for 15 minutes;
# unlock in the admin (Settings > Locked-out sign-ins) or `manage.py axes_reset_username`.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "operations.security.locked_out"
AXES_CLIENT_IP_CALLABLE = "operations.security.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The admin's password-reset form: this many requests per address and per e-mail address per window.
PASSWORD_RESET_LIMIT = 5
PASSWORD_RESET_WINDOW = timedelta(minutes=15)
# --- Page cache and HTTP cache (caching/, deploy/varnish/) ----------------------
PAGE_CACHE_ALIAS = "default"
# Never from the page cache: the admin (previews too), documents (privacy), Django's
# language view, static and media files, search results.
PAGE_CACHE_EXCLUDED_PATHS = [r"^/admin/", r"^/documents/", r"^/i18n/", r"^/static/", r"^/media/", r"^/[a-z]{2}/search/"]
# Snippets shown on every page (footer partners) or in lists and filters of many pages:
# a change clears the site; other snippets purge the pages the reference index names.
PAGE_CACHE_SITE_WIDE_MODELS = ["home.Partner", "home.Competence"]
# Purge again this many seconds after a change: a response rendered from the old content
# while the change committed is not kept either (0: only once, as in tests).
PAGE_CACHE_REPURGE_SECONDS = 2
# wagtail.contrib.frontend_cache, used as a library (caching.invalidation purges): one
# backend per Varnish. Our slugs differ per language, so no URL rewriting per language.
WAGTAILFRONTENDCACHE = {
    f"varnish{number}": {"BACKEND": "caching.frontend.VarnishBackend", "LOCATION": url}
    for number, url in enumerate(VARNISH_URLS)
}
WAGTAILFRONTENDCACHE_LANGUAGES = []

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
# Shared media for several app servers (mediastore/, README "Running in production"): with
# S3_BUCKET every upload is a private object, reached only through a short-lived signed URL
# (documents: after Wagtail's checked view, /documents/<id>/<name>, redirects to it); renditions
# are public objects at a stable URL, so that cached pages keep working.
if S3_BUCKET:
    _s3 = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("S3_REGION") or None,
        "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
        "addressing_style": "path" if os.environ.get("S3_ENDPOINT_URL") else None,
        "file_overwrite": False,
        "signature_version": "s3v4",
    }
    _public = {"querystring_auth": False}
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3, "default_acl": "private", "querystring_expire": S3_SIGNED_URL_SECONDS},
    }
    STORAGES["renditions"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3, **_public, "default_acl": os.environ.get("S3_PUBLIC_ACL", "public-read") or None},
    }
    WAGTAILDOCS_SERVE_METHOD = "redirect"
# The "renditions" storage when there is one, the default storage otherwise (follows STORAGES in tests).
WAGTAILIMAGES_RENDITION_STORAGE = "mediastore.store.rendition_storage"

# --- Content-Security-Policy (django-csp, operations.middleware.SitePolicyCSPMiddleware) ---
# Public pages: scripts only from the site or with the request's nonce ({{ CSP_NONCE }}).
# Images and panoramas may be data:/blob: URLs (pannellum); media from MEDIA_URL's host too.
# Styles: files from the site; style attributes (Wagtail's responsive embeds) are allowed.
_MEDIA_ORIGIN = ["/".join(MEDIA_URL.split("/")[:3])] if MEDIA_URL.startswith("http") else []
if S3_BUCKET:  # renditions (panoramas) and signed media URLs come from the bucket's host
    _MEDIA_ORIGIN.append("/".join((os.environ.get("S3_ENDPOINT_URL") or "https://*.amazonaws.com").split("/")[:3]))
CSP_FRAME_SOURCES = env_list(
    "CSP_FRAME_SOURCES", "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *_MEDIA_ORIGIN],
        "media-src": [SELF, "blob:", *_MEDIA_ORIGIN],
        "connect-src": [SELF, *_MEDIA_ORIGIN],
        "frame-src": [SELF, *CSP_FRAME_SOURCES],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "report-uri": "/csp-report/",
    }
}
# The admin (Wagtail's own inline scripts): report-only, to learn before enforcing.
CONTENT_SECURITY_POLICY_REPORT_ONLY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", "https:"],
        "media-src": [SELF, "blob:", *_MEDIA_ORIGIN],
        "connect-src": [SELF, *_MEDIA_ORIGIN],
        "frame-src": [SELF, *CSP_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [SELF],
        "report-uri": "/csp-report/",
    }
}
# Background tasks (django-tasks, which Wagtail also uses): the immediate backend runs a task
# when it is queued, so `make run` and the tests need no worker. A deployment with a worker
# points "default" at a queue backend (django-tasks' database backend, say); the PDF builds
# (publications.tasks) and Wagtail's own tasks then run there.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Publications: rebuild a language's PDFs when a chapter, guide, case study or library is published in it.
PUBLICATIONS_BUILD_ON_PUBLISH = True
# Render a page once when it is published, so its image renditions exist before its first visitor.
RENDITIONS_ON_PUBLISH = True

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

# wagtail-localize: machine translation only with a real engine. DeepL when a key is
# configured; otherwise none at all, and the translation editor offers no button
# (dev.py and test.py add the dummy translator, which reverses words, to try the
# workflow without a network: it must never reach production).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        # wagtail-localize's DeepL translator, reporting API failures as a message and
        # sending the project glossary (see translations.machine_translation).
        "CLASS": "translations.machine_translation.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY, "API_URL": DEEPL_API_URL},
    }
# What dev.py and test.py use without a DeepL key.
DUMMY_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
