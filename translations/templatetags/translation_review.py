"""Template tags of machine-translation review and the glossary (translations.machine_review, translations.glossary)."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext
from wagtail_localize.models import StringSegment

from translations.glossary import glossary_matches
from translations.machine_review import machine_segments, page_has_machine_strings

register = template.Library()

MAX_LISTED = 50


@register.inclusion_tag("translations/includes/translation_review.html")
def translation_review(translation):
    """Above the translation editor: its unreviewed machine strings and the glossary terms its source mentions.

    The same terms, with the notes' UI strings in the user's language, go to the script that puts them
    beside each segment (#kip-glossary, translations/static/translations/admin/glossary_notes.js).
    """
    segments = list(machine_segments(translation))
    texts = StringSegment.objects.filter(source_id=translation.source_id).values_list("string__data", flat=True)
    glossary = glossary_matches(list(texts), translation.target_locale)
    return {
        "machine_segments": segments[:MAX_LISTED],
        "machine_count": len(segments),
        # The same marks for scripts: the editor's segment ids whose string is the machine's.
        "machine_payload": [
            {"segment_id": segment.pk, "string_translation_id": segment.machine_id, "tool": segment.machine_tool}
            for segment in segments
        ],
        "glossary": glossary,
        # For the notes beside each segment (translations/static/translations/admin/glossary_notes.js).
        "glossary_payload": {
            "sourceLanguage": translation.source.locale.language_code,
            "targetLanguage": translation.target_locale.language_code,
            "terms": [{"term": m.term, "translation": m.translation, "note": m.note} for m in glossary],
            "labels": {
                "glossary": gettext("Glossary:"),
                "approved": gettext("approved translation:"),
                "missing": gettext("no approved translation in this language yet"),
            },
        },
        "accept_url": reverse("translations:accept_machine_strings", args=[translation.pk]),
        "source_language_code": translation.source.locale.language_code,
        "target_language_code": translation.target_locale.language_code,
    }


@register.simple_tag
def page_machine_translated(page) -> bool:
    """Whether the public page shows the "machine-translated" notice."""
    return page_has_machine_strings(page)
