"""Machine-translated strings stay marked until a human reviews them.

Built on what wagtail-localize records: a string its machine translator fills
is a `StringTranslation` with `translation_type = "machine"` (and `tool_name`,
`last_translated_by`); a translator who edits it in the editor, or uploads a PO
file, makes it "manual". This module adds:
- `machine_segments`: the source segments of a translation whose string in the
  target language is still the machine's (the translation editor lists them,
  translations.templatetags.translation_review; the coverage dashboard counts
  them, translations.coverage);
- `accept_machine_strings`: the editor's "Accept" (one string, or every one):
  a human approves the machine text as it is; it becomes "manual", with the
  reviewer as `last_translated_by` (the text, and so its `updated_at`, is
  unchanged: the published page is the same);
- `confirm_machine_publish`: a `before_edit_page` / `before_edit_snippet` hook
  that answers the editor's "Publish" with a confirmation page while
  unreviewed machine strings remain;
- `page_has_machine_strings`: the public page shows a "machine-translated"
  notice (translations/includes/machine_notice.html) while its translation
  holds unreviewed machine strings.
"""

import logging

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from caching.invalidation import Change, invalidate
from translations.publishing import translation_being_published

logger = logging.getLogger(__name__)

MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE
MANUAL = StringTranslation.TRANSLATION_TYPE_MANUAL
CONFIRM_FIELD = "confirm-machine-translation"


def machine_segments(translation: Translation) -> QuerySet[StringSegment]:
    """Segments of `translation`'s source whose target string a machine filled and no human reviewed, in order.

    Each has `machine_id` (the StringTranslation's pk), `machine_text` and `machine_tool`.
    """
    machine = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=translation.target_locale_id,
        translation_type=MACHINE,
    )
    return (
        StringSegment.objects.filter(source_id=translation.source_id)
        .annotate(
            machine_id=Subquery(machine.values("pk")[:1]),
            machine_text=Subquery(machine.values("data")[:1]),
            machine_tool=Subquery(machine.values("tool_name")[:1]),
        )
        .filter(machine_id__isnull=False)
        .select_related("string", "context")
        .order_by("order")
    )


def page_has_machine_strings(page) -> bool:
    """Whether `page` (in a target language) has strings a machine translated and no human has reviewed. One query."""
    key, locale_id = getattr(page, "translation_key", None), getattr(page, "locale_id", None)
    if key is None or locale_id is None:  # not a translatable page (the source language has no translations: none)
        return False
    return StringTranslation.objects.filter(
        locale_id=locale_id,
        translation_type=MACHINE,
        translation_of__segments__source__object_id=key,
        translation_of__segments__context_id=F("context_id"),
        translation_of__segments__source__translations__target_locale_id=locale_id,
        translation_of__segments__source__translations__enabled=True,
    ).exists()


@require_POST
def accept_machine_strings(request, translation_id):
    """A human accepts machine strings as they are: the posted `string_translation` ids, or every one without any."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    instance = translation.get_target_instance()
    if not user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    ids = [int(value) for value in request.POST.getlist("string_translation") if value.isdigit()]
    pending = [segment.machine_id for segment in machine_segments(translation)]
    chosen = [pk for pk in pending if pk in ids] if ids else pending
    count = StringTranslation.objects.filter(pk__in=chosen, translation_type=MACHINE).update(
        translation_type=MANUAL, last_translated_by=request.user
    )
    logger.info(
        "Machine strings accepted: user=%s translation=%s locale=%s count=%d",
        request.user.get_username(),
        translation.pk,
        translation.target_locale.language_code,
        count,
    )
    if count and isinstance(instance, Page):
        # The public notice follows the strings, not a publish: drop the cached page (and its routes).
        change = Change()
        change.page(instance)
        invalidate(change)
    remaining = len(pending) - count
    message = ngettext(
        "%(count)d machine-translated string accepted as reviewed.",
        "%(count)d machine-translated strings accepted as reviewed.",
        count,
    ) % {"count": count}
    if remaining:
        message += " " + ngettext("%(count)d still needs a review.", "%(count)d still need a review.", remaining) % {
            "count": remaining
        }
    messages.success(request, message)
    return redirect(translation_edit_url(instance))


def translation_edit_url(instance) -> str:
    """The admin edit view of a translated page or snippet: the translation editor."""
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)])


def confirm_machine_publish(request, instance):
    """The editor's Publish while machine strings are unreviewed: a confirmation page; None otherwise (or confirmed)."""
    translation = translation_being_published(request, instance)
    if translation is None or request.POST.get(CONFIRM_FIELD) == "yes":
        return None
    segments = list(machine_segments(translation)[:200])
    if not segments:
        return None
    return TemplateResponse(
        request,
        "translations/confirm_machine_publish.html",
        {
            "instance": instance,
            "translation": translation,
            "language": translation.target_locale.get_display_name(),
            "segments": segments[:10],
            "count": len(segments),
            "confirm_field": CONFIRM_FIELD,
            "cancel_url": request.get_full_path(),
            "page_title": _("Publish with machine translation?"),
        },
    )
