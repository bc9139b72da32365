"""Accessibility rules enforced when an editor saves or publishes (issue 18): plain functions of raw values.

Each returns what is wrong, so a model's `clean` or a block's `clean` can put the
message on the field (or the block) that breaks the rule, in the editor's language.
"""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamBlockValidationError

HEADING_SKIPS_A_LEVEL = _(
    "This heading skips a level: a subsection (h3) needs a section heading (h2) before it in the chapter."
)
IMAGE_NEEDS_ALT_TEXT = _("Describe the image in its alt text, or tick “Image is decorative” if it adds nothing.")
HERO_NEEDS_ALT_TEXT = _("Describe the hero image for people who cannot see it.")
RECORDING_NEEDS_CAPTIONS_OR_TRANSCRIPT = _(
    "A recording needs captions or a transcript, for people who cannot hear it: add a WebVTT caption file, tick "
    "“The video shows captions” if the provider's player has captions you have checked, or write the transcript."
)


def heading_levels_that_skip(stream_data, heading_type: str = "heading") -> list[int]:
    """Indexes (in the stream) of heading blocks whose level skips one: an h3 before any h2, under the page's h1.

    `stream_data` is a StreamField's raw data: [{"type": ..., "value": {"level": "h2", ...}}, ...].
    """
    skips, previous = [], 1
    for index, child in enumerate(stream_data):
        if child.get("type") != heading_type:
            continue
        level = int(str((child.get("value") or {}).get("level") or "h2").lstrip("h") or 2)
        if level > previous + 1:
            skips.append(index)
        previous = level
    return skips


def validate_heading_levels(field_name: str, stream_data) -> None:
    """Raise ValidationError on `field_name` (and on each offending block) if a heading skips a level."""
    skips = heading_levels_that_skip(stream_data)
    if skips:
        raise ValidationError(
            {
                field_name: StreamBlockValidationError(
                    block_errors={index: ValidationError(HEADING_SKIPS_A_LEVEL) for index in skips}
                )
            }
        )


def recording_lacks_captions(*, has_caption_tracks: bool, captions_declared: bool, transcript_html: str) -> bool:
    """True for a recording with neither caption tracks, a declaration that the video shows captions, nor a transcript.

    `transcript_html` is rich text; only its text counts (an empty paragraph is no transcript).
    """
    return not (has_caption_tracks or captions_declared or strip_tags(transcript_html or "").strip())


def image_lacks_alt_text(image) -> bool:
    """True for an ImageBlock value (an Image with `contextual_alt_text`) neither described nor decorative."""
    if image is None or getattr(image, "decorative", False):
        return False
    return not (getattr(image, "contextual_alt_text", "") or "").strip()
