"""Operations middleware: health probes, one JSON log line per request, the admin's CSP, oversized admin forms.

Order in settings.MIDDLEWARE (see README "Running in production"):
HealthCheckMiddleware first (a probe needs no host check, HTTPS redirect, session or
log line), then RequestLogMiddleware (it times and logs everything after it), then
Django's SecurityMiddleware, WhiteNoise, ..., SitePolicyCSPMiddleware anywhere before
the views, and AdminFormBodyMiddleware before CsrfViewMiddleware.
"""

import logging
import re
import time
import uuid

from csp.middleware import CSPMiddleware

from operations import views
from operations.context import request_id_var

logger = logging.getLogger("keepinpact.requests")

REQUEST_ID_HEADER = "X-Request-ID"
# An id from the proxy in front (Varnish, a load balancer) is kept when it looks like one.
_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")

HEALTH_VIEWS = {"/healthz": views.healthz, "/readyz": views.readyz}


class HealthCheckMiddleware:
    """/healthz and /readyz, answered before any other middleware (any Host, plain HTTP)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = HEALTH_VIEWS.get(request.path_info.rstrip("/"))
        if view is not None and request.method in ("GET", "HEAD"):
            return view(request)
        return self.get_response(request)


def _user_id(request):
    """The signed-in user's id if the request already looked the user up (logging adds no query)."""
    user = getattr(request, "_cached_user", None)
    return user.pk if user is not None and user.is_authenticated else None


class RequestLogMiddleware:
    """One JSON line per request (logger keepinpact.requests); the request id is sent back as X-Request-ID."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request.request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request.request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request.request_id
            logger.info(
                "request",
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user_id": _user_id(request),
                },
            )
            return response
        finally:
            request_id_var.reset(token)


class SitePolicyCSPMiddleware(CSPMiddleware):
    """django-csp: the enforced policy on the public site, the report-only one in the admin."""

    def process_response(self, request, response):
        if request.path_info.startswith("/admin/"):
            response._csp_exempt = True
        else:
            response._csp_exempt_ro = True
        return super().process_response(request, response)


# Larger bodies (uploads) are never read into memory here.
KEEP_BODY_UP_TO = 10 * 1024 * 1024


class AdminFormBodyMiddleware:
    """Reads an admin form's body before Django parses it, so that a form refused for its size keeps its text.

    Django parses a multipart body straight from the socket; when it then refuses the
    form (more fields than DATA_UPLOAD_MAX_NUMBER_FIELDS), what was sent is gone.
    Read first, the body is still there for operations.views.bad_request to show.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "POST"
            and request.path_info.startswith("/admin/")
            and request.content_type == "multipart/form-data"
            and 0 < int(request.META.get("CONTENT_LENGTH") or 0) <= KEEP_BODY_UP_TO
        ):
            request.body  # noqa: B018 - reads and keeps the body
        return self.get_response(request)
