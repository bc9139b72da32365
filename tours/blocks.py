"""The hotspots of a scene: scene links, information and media, placed by yaw and pitch.

Coordinates are in degrees, as the viewer (Pannellum) uses them: yaw −180…180
(0 is the middle of the panorama, positive to the right), pitch −90…90
(0 is the horizon, positive up). They are FloatBlocks, which wagtail-localize
neither extracts nor sends to translators: they stay the same in every
language. Labels, titles, texts, alt text and transcripts are translated;
images, audio/video files and captions can be replaced in a translation.
"""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from mediastore.store import media_file_url
from tours.choices import MediaKind

#: File extensions of the media a media hotspot plays, and their MIME types.
AUDIO_TYPES = {"mp3": "audio/mpeg", "m4a": "audio/mp4", "oga": "audio/ogg", "ogg": "audio/ogg", "wav": "audio/wav"}
VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}
CAPTION_EXTENSIONS = {"vtt"}


def extension(document) -> str:
    """The lower-case extension of a document's file name, without the dot ("" if none)."""
    return PurePosixPath(document.file.name).suffix.lstrip(".").lower() if document else ""


class YawBlock(blocks.FloatBlock):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Yaw (°)"),
            min_value=-180,
            max_value=180,
            help_text=_(
                "Horizontal position in degrees, −180 to 180: 0 is the middle of the panorama, "
                "positive to the right. Click the panorama in the preview to read it."
            ),
            **kwargs,
        )


class PitchBlock(blocks.FloatBlock):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Pitch (°)"),
            min_value=-90,
            max_value=90,
            help_text=_("Vertical position in degrees, −90 (straight down) to 90 (straight up); 0 is the horizon."),
            **kwargs,
        )


class SceneLinkValue(blocks.StructValue):
    """A scene link. `scene` is the target in the page's language, set by `tours.viewer`; None if unavailable."""

    scene = None

    def text(self) -> str:
        """The label, or "Go to <room>" when the editor left it empty."""
        if self.get("label"):
            return self["label"]
        title = self.scene.title if self.scene is not None else ""
        return gettext("Go to %(room)s") % {"room": title}


class SceneLinkBlock(blocks.StructBlock):
    """An arrow to another room of the same tour."""

    target = blocks.PageChooserBlock(
        label=_("Room"),
        page_type="tours.TourScenePage",
        help_text=_("Another room (scene) of this same tour."),
    )
    yaw = YawBlock()
    pitch = PitchBlock()
    label = blocks.CharBlock(
        label=_("Label"),
        required=False,
        default="",
        max_length=120,
        help_text=_("What the arrow says, e.g. “To the workshop room”. Empty: “Go to” and the room's title."),
    )

    class Meta:
        icon = "arrow-right"
        label = _("Link to another room")
        template = "tours/blocks/scene_link_block.html"
        value_class = SceneLinkValue


class InformationBlock(blocks.StructBlock):
    """A point of interest: a title, a short text and an optional image."""

    yaw = YawBlock()
    pitch = PitchBlock()
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), editor="basic")
    # Wagtail's image block: alt text, or "decorative", required with an image.
    image = ImageBlock(required=False, label=_("Image"))

    class Meta:
        icon = "info-circle"
        label = _("Information")
        template = "tours/blocks/information_block.html"
        preview_value = {
            "yaw": 0,
            "pitch": 0,
            "title": "Self-service information corner",
            "text": "<p>Leaflets on training and jobs, free to take.</p>",
            "image": None,
        }
        description = _("A point of interest with a short text and an optional image.")


class MediaValue(blocks.StructValue):
    """A media hotspot's derived values: kind (MediaKind), MIME type and file URL."""

    def kind(self) -> str | None:
        ext = extension(self.get("media"))
        if ext in VIDEO_TYPES:
            return MediaKind.VIDEO
        if ext in AUDIO_TYPES:
            return MediaKind.AUDIO
        return None

    def mime_type(self) -> str:
        ext = extension(self.get("media"))
        return VIDEO_TYPES.get(ext) or AUDIO_TYPES.get(ext, "")

    def url(self) -> str:
        # Media players need HTTP range requests, which the web server or object store answers.
        return media_file_url(self["media"]) if self.get("media") else ""

    def captions_url(self) -> str:
        return media_file_url(self["captions"]) if self.get("captions") else ""


class MediaBlock(blocks.StructBlock):
    """A video or audio file, with captions (WebVTT) and/or a transcript."""

    yaw = YawBlock()
    pitch = PitchBlock()
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    media = DocumentChooserBlock(
        label=_("Video or audio file"),
        help_text=_(
            "MP4 or WebM video; MP3, M4A, OGG or WAV audio. "
            "A translation can replace it with a version in its language."
        ),
    )
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT)"),
        required=False,
        help_text=_("A .vtt captions file in the page's language; replace it in each translation."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        required=False,
        editor="basic",
        help_text=_("Everything said and heard. Required for audio, and for video without captions."),
    )

    class Meta:
        icon = "media"
        label = _("Video or audio")
        template = "tours/blocks/media_block.html"
        value_class = MediaValue
        description = _("A video or audio file with captions or a transcript.")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        media, captions = value.get("media"), value.get("captions")
        kind = value.kind()
        if media is not None and kind is None:
            errors["media"] = ValidationError(
                _("“%(file)s” is not a video or audio file this site plays (%(types)s).")
                % {"file": media.title, "types": ", ".join(sorted({*AUDIO_TYPES, *VIDEO_TYPES}))}
            )
        if captions is not None and extension(captions) not in CAPTION_EXTENSIONS:
            errors["captions"] = ValidationError(_("Captions must be a WebVTT file (.vtt)."))
        elif captions is not None and kind == MediaKind.AUDIO:
            errors["captions"] = ValidationError(_("Audio has no picture to caption: give a transcript instead."))
        has_transcript = bool(value.get("transcript") and value["transcript"].source.strip())
        if kind == MediaKind.AUDIO and not has_transcript:
            errors["transcript"] = ValidationError(_("Audio needs a transcript, for people who cannot hear it."))
        elif kind == MediaKind.VIDEO and captions is None and not has_transcript:
            errors["transcript"] = ValidationError(_("A video needs captions or a transcript."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class HotspotStreamBlock(blocks.StreamBlock):
    scene_link = SceneLinkBlock()
    information = InformationBlock()
    media = MediaBlock()
