"""The event page's editor: its tabs and panels, and the panel that shows the recording's player status."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, Panel, TabbedInterface

from events.forms import TimeZoneSelect
from events.recordings import stored_embed
from events.timezones import time_zone_choices
from home.models import BasePage


class RecordingStatusPanel(Panel):
    """Tells editors whether the recording's player was fetched from the provider, or a plain link is shown."""

    @property
    def clean_name(self):
        return super().clean_name or "recording_status"

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/recording_status_panel.html"

        def is_shown(self):
            return bool(getattr(self.instance, "recording_url", "")) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            url = getattr(self.instance, "recording_url", "")
            context["recording_url"] = url
            context["embed"] = stored_embed(url) if url else None
            return context


CONTENT_PANELS = BasePage.content_panels + [
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
            FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
            FieldPanel("time_zone", widget=TimeZoneSelect(choices=time_zone_choices())),
            FieldPanel("time_note"),
            FieldPanel("status"),
        ],
        heading=_("Date and time"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("attendance_mode"),
            FieldPanel("venue_name"),
            FieldPanel("venue_address"),
            FieldPanel("online_link"),
        ],
        heading=_("Format and place"),
    ),
    FieldPanel("organiser"),
    FieldPanel("moderators"),
    FieldPanel("speakers"),
    FieldPanel("introduction"),
    FieldPanel("body"),
]
AGENDA_PANELS = [FieldPanel("agenda"), FieldPanel("slides_not_available")]
RECORDING_PANELS = [
    RecordingStatusPanel(heading=_("Player")),
    FieldPanel("recording_not_available"),
    FieldPanel("recording_url"),
    FieldPanel("recording_file"),
    FieldPanel("recording_duration"),
    FieldPanel("recording_captions"),
    FieldPanel("recording_has_captions"),
    FieldPanel("recording_transcript"),
]
EDIT_HANDLER = TabbedInterface(
    [
        ObjectList(CONTENT_PANELS, heading=_("Content")),
        ObjectList(AGENDA_PANELS, heading=_("Agenda")),
        ObjectList(RECORDING_PANELS, heading=_("Recording")),
        ObjectList(BasePage.promote_panels, heading=_("Promote")),
        ObjectList(BasePage.settings_panels, heading=_("Settings")),
    ]
)
