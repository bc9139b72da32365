"""Admin: the sign-ins locked out now, and unlocking them (superusers)."""

from axes.models import AccessAttempt
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from operations.security import current_lockouts


def _superuser_only(request):
    if not request.user.is_superuser:
        raise PermissionDenied


def lockouts(request):
    _superuser_only(request)
    return TemplateResponse(request, "operations/lockouts.html", {"attempts": current_lockouts()})


@require_POST
def unlock(request, pk):
    _superuser_only(request)
    attempt = get_object_or_404(AccessAttempt, pk=pk)
    # Every attempt of this account or from this address: the lockout is per account and per address.
    AccessAttempt.objects.filter(username=attempt.username).delete()
    AccessAttempt.objects.filter(ip_address=attempt.ip_address).delete()
    messages.success(
        request,
        _("Unlocked “%(username)s” and the address %(address)s.")
        % {"username": attempt.username, "address": attempt.ip_address},
    )
    return redirect("operations:lockouts")
