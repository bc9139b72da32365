"""Equirectangular panoramas: what makes an image usable as one, and the renditions served.

An equirectangular panorama maps 360° of yaw onto its width and 180° of pitch
onto its height, so a usable one is twice as wide as it is high. The viewer
(Pannellum) uploads it as one WebGL texture; phones commonly cap textures at
4096 px, desktops at 8192 or more, so renditions come in those widths and the
browser picks one (`tours/static/tours/tours.js`).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageFile
from wagtail.images import get_image_model

#: Panoramas narrower than this look blurred at any field of view (px).
MIN_WIDTH = 2048
#: Allowed deviation from an exact 2:1 width:height ratio (1 %).
RATIO_TOLERANCE = 0.01
#: Widths of the renditions served to the viewer, in px. Phones get at most
#: PHONE_MAX_WIDTH; 8192 only goes to desktops whose WebGL accepts it.
RENDITION_WIDTHS = (2048, 4096, 8192)
PHONE_MAX_WIDTH = 4096
#: JPEG quality of the renditions: keeps a 4096 × 2048 photo near 1.5 MB.
JPEG_QUALITY = 70
#: The index page's thumbnail: the middle of the panorama (yaw 0), 16:9.
THUMBNAIL_SPEC = "fill-640x360|format-jpeg|jpegquality-75"


def rendition_model():
    """The image renditions' model (for prefetching the renditions a page shows)."""
    return get_image_model().get_rendition_model()


def max_pixels() -> int:
    """The largest panorama accepted, in pixels (settings.TOURS_PANORAMA_MAX_PIXELS)."""
    return settings.TOURS_PANORAMA_MAX_PIXELS


def rendition_spec(width: int) -> str:
    """The Wagtail filter spec of the `width`-px-wide panorama rendition (JPEG)."""
    return f"width-{width}|format-jpeg|jpegquality-{JPEG_QUALITY}"


ALL_RENDITION_SPECS = tuple(rendition_spec(width) for width in RENDITION_WIDTHS)


def rendition_widths_for(image_width: int) -> list[int]:
    """Rendition widths worth making for an image `image_width` px wide.

    Wagtail's `width-N` never enlarges, so widths at or above the image's own
    give the same file: keep the ones below it and one at its full width.
    """
    widths = [width for width in RENDITION_WIDTHS if width < image_width]
    widths.append(min(image_width, RENDITION_WIDTHS[-1]))
    return sorted(set(widths))


@dataclass(frozen=True)
class PanoramaRendition:
    """One served size of a panorama: `width` and `height` in px, `url`."""

    width: int
    height: int
    url: str


def panorama_renditions(image) -> list[PanoramaRendition]:
    """The renditions of `image` for the viewer, narrowest first.

    Uses renditions prefetched on `image` (`prefetch_related("...renditions")`)
    and creates missing ones. Raises OSError (Pillow) if the file cannot be
    decoded; callers show the scene without its panorama then.
    """
    widths = rendition_widths_for(image.width)
    by_spec = image.get_renditions(*[rendition_spec(width) for width in widths])
    return [
        PanoramaRendition(rendition.width, rendition.height, rendition.url)
        for rendition in sorted(by_spec.values(), key=lambda rendition: rendition.width)
    ]


def shape_errors(width: int, height: int) -> list[str]:
    """What is wrong with a `width` × `height` px image as an equirectangular panorama.

    Returns translated messages (empty when the shape is fine): not 2:1 within
    RATIO_TOLERANCE, narrower than MIN_WIDTH, more pixels than max_pixels().
    """
    errors = []
    if not width or not height:
        return [_("The image has no size; upload it again.")]
    ratio = width / height
    if abs(ratio - 2) > 2 * RATIO_TOLERANCE:
        errors.append(
            _(
                "A panorama must be twice as wide as it is high (2:1, equirectangular); this image is "
                "%(width)s × %(height)s px, a ratio of %(ratio).2f:1."
            )
            % {"width": width, "height": height, "ratio": ratio}
        )
    if width < MIN_WIDTH:
        errors.append(
            _("A panorama must be at least %(min)s px wide; this image is %(width)s px wide.")
            % {"min": MIN_WIDTH, "width": width}
        )
    if width * height > max_pixels():
        errors.append(
            _(
                "This image has %(pixels)s pixels; panoramas may have at most %(max)s "
                "(for example 8192 × 4096 px). Scale it down and upload it again."
            )
            % {"pixels": f"{width * height:,}", "max": f"{max_pixels():,}"}
        )
    return errors


def decode_error(file) -> str | None:
    """Decode the whole image `file` (an open binary file) with Pillow; a translated error or None.

    Wagtail reads only an image's header at upload, so a truncated or corrupt
    file passes until a rendition is made. JPEGs are decoded at 1/8 scale
    (Pillow's draft mode), which still reads every byte of the data.
    """
    # WeasyPrint sets Pillow's process-wide LOAD_TRUNCATED_IMAGES when it is imported (the PDF
    # builds), which would let a truncated file decode "successfully": strict while checking.
    lenient = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        file.seek(0)
        with PILImage.open(file) as image:
            image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
    except PILImage.DecompressionBombError:
        return _("The image has too many pixels to be opened safely.")
    except (OSError, SyntaxError, ValueError) as error:
        return _("The image file is truncated or corrupt and cannot be shown (%(error)s). Upload it again.") % {
            "error": error
        }
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient
        file.seek(0)
    return None


def image_errors(image) -> list[str]:
    """Every reason the Wagtail image `image` cannot serve as a panorama (translated; empty if usable).

    Shape first (from the recorded width and height), then a full decode of
    the file; a successful decode is remembered per file for a day.
    """
    errors = shape_errors(image.width, image.height)
    if errors:
        return errors
    cache_key = f"tours:panorama-decodes:{image.pk}:{image.file.name}:{image.file_hash or image.file_size}"
    if cache.get(cache_key):
        return []
    try:
        with image.open_file() as file:
            error = decode_error(file)
    except OSError:
        error = _("The image file is missing from the media storage. Upload it again.")
    if error:
        return [error]
    cache.set(cache_key, True, 60 * 60 * 24)
    return []
