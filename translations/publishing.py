"""No half-translated publishing: a translation is published only when every string is translated.

Why this exists: wagtail-localize publishes a translation with missing
strings by falling back to the source text ("Published ... with missing
translations"), which puts English text under a French address; the issue's
rule is that a language's URL space never shows another language's content.
`refuse_incomplete_publish` runs (as a `before_edit_page` / `before_edit_snippet`
hook, ahead of wagtail-localize's) when the translation editor's "Publish" is
pressed, and answers with an error message naming the missing strings instead.

When it can go: if wagtail-localize gains a setting to refuse publishing with
missing translations (1.14.5 has none).
"""

from django.shortcuts import redirect
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail_localize.models import StringSegment, Translation

MAX_LISTED = 3


def missing_strings(translation: Translation) -> list[str]:
    """Source texts of the segments not (validly) translated into the translation's locale, in source order."""
    return list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .order_by("order")
        .values_list("string__data", flat=True)
    )


def translation_being_published(request, instance) -> Translation | None:
    """The enabled Translation of `instance` when `request` is the translation editor's Publish, else None."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
        )
        .select_related("target_locale")
        .first()
    )


def refuse_incomplete_publish(request, instance):
    """A redirect back with an error when the translation editor would publish `instance` incomplete, else None."""
    translation = translation_being_published(request, instance)
    if translation is None:
        return None
    missing = missing_strings(translation)
    if not missing:
        return None
    listed = ", ".join(f"“{' '.join(text.split())[:60]}”" for text in missing[:MAX_LISTED])
    if len(missing) > MAX_LISTED:
        listed += ", …"
    messages.error(
        request,
        ngettext(
            "“%(object)s” was not published in %(language)s: %(count)d string is not translated yet (%(strings)s). "
            "Publishing it would show the source text at a %(language)s address.",
            "“%(object)s” was not published in %(language)s: %(count)d strings are not translated yet (%(strings)s). "
            "Publishing it would show the source text at a %(language)s address.",
            len(missing),
        )
        % {
            "object": instance,
            "language": translation.target_locale.get_display_name(),
            "count": len(missing),
            "strings": listed,
        },
    )
    return redirect(request.get_full_path())
