"""The translation editor's "Upload PO file", with the project's checks (see translations.po)."""

import logging

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from translations.po import POFileError, import_uploaded_po

MAX_PO_BYTES = 5 * 1024 * 1024

logger = logging.getLogger(__name__)


@require_POST
def upload_pofile(request, translation_id):
    """Import the uploaded `file` into the translation; redirect to `next` with a message saying what happened.

    The language guard (translations.guards) has already checked the target
    language; the object's own edit permission is checked here, as the
    library's view does.
    """
    translation = get_object_or_404(Translation.objects.select_related("source", "target_locale"), pk=translation_id)
    instance = translation.get_target_instance()
    if not user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")

    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO file to upload. Nothing was imported."))
        return redirect(next_url)
    if upload.size > MAX_PO_BYTES:
        messages.error(
            request,
            _("“%(file)s” is larger than %(limit)d MB; a PO file of one page is far smaller. Nothing was imported.")
            % {"file": upload.name, "limit": MAX_PO_BYTES // (1024 * 1024)},
        )
        return redirect(next_url)
    try:
        result = import_uploaded_po(translation, upload.read(), upload.name, user=request.user)
    except POFileError as error:
        logger.warning(
            "Refused: %s uploading %r to translation %s (%s): %s",
            request.user,
            upload.name,
            translation.pk,
            translation.target_locale.language_code,
            error,
        )
        messages.error(request, str(error))
        return redirect(next_url)
    success, warnings = result.messages(upload.name, translation.source.object_repr)
    for message in success:
        messages.success(request, message)
    for message in warnings:
        messages.warning(request, message)
    return redirect(next_url)
