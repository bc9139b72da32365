"""Fixed option lists of the events app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AttendanceMode(models.TextChoices):
    """How people take part; the values map to schema.org's EventAttendanceModeEnumeration."""

    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid (in person and online)")

    @property
    def schema_org(self) -> str:
        return {
            "online": "https://schema.org/OnlineEventAttendanceMode",
            "in_person": "https://schema.org/OfflineEventAttendanceMode",
            "hybrid": "https://schema.org/MixedEventAttendanceMode",
        }[self.value]

    @property
    def needs_link(self) -> bool:
        return self.value in {"online", "hybrid"}

    @property
    def needs_venue(self) -> bool:
        return self.value in {"in_person", "hybrid"}


class EventStatus(models.TextChoices):
    """The event's status; the values are schema.org's EventStatusType names."""

    SCHEDULED = "EventScheduled", _("Scheduled")
    RESCHEDULED = "EventRescheduled", _("Rescheduled")
    POSTPONED = "EventPostponed", _("Postponed (new date to be announced)")
    MOVED_ONLINE = "EventMovedOnline", _("Moved online")
    CANCELLED = "EventCancelled", _("Cancelled")

    @property
    def schema_org(self) -> str:
        return f"https://schema.org/{self.value}"


# The file types each role accepts (lower-case extensions without the dot).
SLIDE_EXTENSIONS = ("pptx", "ppt", "odp", "pdf")
VIDEO_EXTENSIONS = ("mp4", "webm")
CAPTION_EXTENSIONS = ("vtt",)
VIDEO_MIME_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}
