"""Fixed option lists of the tours app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MediaKind(models.TextChoices):
    AUDIO = "audio", _("Audio")
    VIDEO = "video", _("Video")


class HotspotKind(models.TextChoices):
    """The kinds of hotspot, as the viewer configuration names them."""

    SCENE = "scene", _("Link to another room")
    INFORMATION = "information", _("Information")
    MEDIA = "media", _("Video or audio")


#: Languages a tour's audio and video can be in: the EU's official languages
#: that Django knows, by ISO 639-1 code; names come from Django's catalogue.
MEDIA_LANGUAGE_CODES = [
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv",
    "nl", "pl", "pt", "ro", "sk", "sl", "sv",
]  # fmt: skip
