"""Sign-in defences: django-axes' lockout page, client addresses behind a proxy, password-reset throttling."""

from datetime import timedelta

from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.views.account import PasswordResetView


def client_ip(request) -> str:
    """The visitor's address: REMOTE_ADDR, or the nearest X-Forwarded-For hop that is not a trusted proxy."""
    address = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXIES
    if address in trusted:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        for hop in reversed(hops):
            if hop not in trusted:
                return hop
    return address


def _minutes(delta: timedelta) -> int:
    return max(1, round(delta.total_seconds() / 60))


def locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the sign-in page again, saying why and when to try again (429)."""
    cool_off = get_cool_off(request) or timedelta(minutes=15)
    context = {
        "minutes": _minutes(cool_off),
        "until": timezone.localtime(timezone.now() + cool_off),
        "failure_limit": get_failure_limit(request, credentials),
    }
    return render(request, "operations/locked_out.html", context, status=429)


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's password-reset form, limited per address and per e-mail address.

    PASSWORD_RESET_LIMIT requests per PASSWORD_RESET_WINDOW from one address, or for one
    e-mail address, are sent; more are refused with a message saying when to try again.
    """

    def post(self, request, *args, **kwargs):
        email = request.POST.get("email", "").strip().lower()[:254]
        keys = [f"operations:reset:ip:{client_ip(request)}"]
        if email:
            keys.append(f"operations:reset:email:{email}")
        window = settings.PASSWORD_RESET_WINDOW
        try:
            counts = [_count(key, window) for key in keys]
        except Exception:  # noqa: BLE001 - the cache down: not throttled, never an error page
            counts = []
        if any(count > settings.PASSWORD_RESET_LIMIT for count in counts):
            form = self.get_form()
            form.is_valid()
            message = _("Too many password reset requests. Try again in %(minutes)d minutes.") % {
                "minutes": _minutes(window)
            }
            form.add_error(None, message)
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            response["Retry-After"] = str(int(window.total_seconds()))
            return response
        return super().post(request, *args, **kwargs)


def _count(key: str, window: timedelta) -> int:
    if cache.add(key, 1, int(window.total_seconds())):
        return 1
    return cache.incr(key)


def current_lockouts():
    """Access attempts that lock an account or an address out now."""
    attempts = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    cool_off = settings.AXES_COOLOFF_TIME
    if cool_off:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts.order_by("-attempt_time")
