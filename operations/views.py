"""Health checks, the error pages for an unavailable database and for an oversized admin form, CSP reports."""

import json
import logging
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db import connections
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt, requires_csrf_token
from django.views.decorators.http import require_POST
from django.views.defaults import bad_request as django_bad_request

from home import views as home_views
from home.context_processors import site_name
from mediastore.store import media_store_ok
from operations.db import is_database_unavailable, shorter_waits
from operations.formdata import typed_values

logger = logging.getLogger("keepinpact.operations")
csp_logger = logging.getLogger("keepinpact.csp")

# Seconds a visitor is asked to wait before trying again while the database is unavailable.
RETRY_AFTER = 30
# Seconds the readiness check gives each dependency (all three run at once).
READY_TIMEOUT = 0.8
_checks = ThreadPoolExecutor(max_workers=6, thread_name_prefix="readyz")


def healthz(request):
    """The process is up and answers (liveness): nothing else is checked."""
    return HttpResponse("ok\n", content_type="text/plain")


def check_database():
    try:
        with shorter_waits(READY_TIMEOUT):
            with connections["default"].cursor() as cursor:
                cursor.execute("SELECT 1")
    finally:
        connections["default"].close()  # this pool thread keeps no connection


def check_cache():
    key, value = "operations:readyz", uuid.uuid4().hex
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise RuntimeError("the value written was not read back")


def check_media():
    ok, reason = media_store_ok()  # local disk writable, or one HEAD of the bucket with short timeouts
    if not ok:
        raise RuntimeError(reason)


CHECKS = {"database": check_database, "cache": check_cache, "media": check_media}


def readyz(request):
    """Readiness: the database, the cache and the media store answer; 503 names what failed."""
    futures = {name: _checks.submit(check) for name, check in CHECKS.items()}
    results = {}
    for name, future in futures.items():
        try:
            future.result(timeout=READY_TIMEOUT)
            results[name] = "ok"
        except FutureTimeout:
            results[name] = f"no answer within {READY_TIMEOUT:g} s"
        except Exception as error:  # noqa: BLE001 - any failure means not ready
            results[name] = f"{type(error).__name__}: {error}".strip()[:200]
    failed = [name for name, result in results.items() if result != "ok"]
    body = {"status": "unavailable" if failed else "ok", "failed": failed, "checks": results}
    response = JsonResponse(body, status=503 if failed else 200)
    response["Cache-Control"] = "no-store"
    return response


def _visitor_language(request) -> str:
    """The language from the address, else the visitor's preference: no database involved."""
    return translation.get_language_from_path(request.path_info) or translation.get_language_from_request(request)


def service_unavailable(request):
    """503 with Retry-After and a translated page rendered from a template only (no database)."""
    language = _visitor_language(request)
    with translation.override(language):
        context = {"LANGUAGE_CODE": language, "retry_after": RETRY_AFTER, **site_name(request)}
        body = loader.get_template("operations/unavailable.html").render(context)
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    return response


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """handler500: the database unavailable gives a 503 asking to come back; anything else the 500 page."""
    if is_database_unavailable(sys.exc_info()[1]):
        return service_unavailable(request)
    return home_views.server_error(request, template_name)


@requires_csrf_token
def bad_request(request, exception=None, template_name="400.html"):
    """handler400: an admin form too large to be read gets a page that says so and keeps what was typed."""
    if isinstance(exception, TooManyFieldsSent | RequestDataTooBig) and request.path_info.startswith("/admin/"):
        too_many = isinstance(exception, TooManyFieldsSent)
        context = {
            "too_many_fields": too_many,
            "max_fields": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
            "max_megabytes": round((settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0) / 1024 / 1024, 1),
            "typed": typed_values(request) if too_many else [],
            "back_url": request.path,
        }
        body = loader.get_template("operations/form_too_large.html").render(context, request)
        logger.warning("admin form refused: %s", exception, extra={"path": request.path})
        return HttpResponseBadRequest(body) if too_many else HttpResponse(body, status=413)
    return django_bad_request(request, exception, template_name)


@csrf_exempt
@require_POST
def csp_report(request):
    """Browsers' reports of Content-Security-Policy violations, written to the log."""
    try:
        report = json.loads(request.body[:20_000] or b"{}")
    except ValueError:
        return HttpResponse(status=400)
    csp_logger.warning("csp violation", extra={"csp_report": report.get("csp-report", report)})
    return HttpResponse(status=204)
