"""Production settings: gunicorn behind a reverse proxy, PostgreSQL, Redis."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, SENTRY_DSN, env_bool

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "The SECRET_KEY environment variable is required in production "
        "(config.settings.production); set it to a long random string."
    )

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Load balancers probe /healthz and /readyz over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$", r"^readyz/?$"]

# One JSON object per line (operations.logs), with the request id of the request served;
# keepinpact.requests writes one line per request (operations.middleware.RequestLogMiddleware).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "operations.logs.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    # WeasyPrint and fontTools log every step of every PDF (publications) at INFO.
    "loggers": {name: {"level": "WARNING"} for name in ("django.server", "weasyprint", "fontTools")},
}

# Errors to Sentry only when SENTRY_DSN is set; nothing is sent otherwise. Imported only then:
# sentry-sdk adds about 20 MiB to each app server's worker.
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(dsn=SENTRY_DSN, integrations=[DjangoIntegration()], send_default_pii=False, traces_sample_rate=0)
