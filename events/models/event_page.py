"""EventPage: one event, with its agenda, slide decks, recording, calendar file and structured data."""

import datetime

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from events import agenda
from events.blocks import CaptionsStreamBlock, agenda_block_types, people_block_types
from events.choices import AttendanceMode, EventStatus
from events.forms import EventPageForm
from events.ical import build_calendar
from events.jsonld import event_json_ld, json_ld_script
from events.models.queryset import EventPageManager
from events.panels import CONTENT_PANELS, EDIT_HANDLER
from events.timezones import NonexistentTimeError, event_instants, validate_time_zone, wall_clock
from events.validation import validate
from events.values import Recording, When
from home.blocks import BaseStreamBlock
from home.models import BasePage


class EventPage(RoutablePageMixin, BasePage):
    """An event: a conference, a workshop, a multiplier event.

    Times: editors give dates and wall-clock times in the event's IANA time
    zone (`time_zone`); `start` and `end` are the matching instants, stored
    in UTC and recomputed on every save (so a change in the zone's rules
    is picked up by re-saving). Without a start time the event is shown by
    its date(s) only; `end` is then the end of its last day. The agenda's
    times are wall-clock times in the same zone.
    """

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("Shown to visitors and to search engines when it is anything but “Scheduled”."),
    )
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("As the clocks show it in the event's time zone. Leave empty if it is not known."),
    )
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Only for events over several days."))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_(
            "Where the clocks show the times above (IANA name, e.g. Europe/Brussels). For an online event, the "
            "organiser's time zone. Visitors see the times in this zone with its abbreviation (CET, CEST)."
        ),
    )
    time_note = models.CharField(
        _("note on the time"),
        max_length=120,
        blank=True,
        help_text=_("Shown after the date, e.g. “afternoon” when the exact times are not known."),
    )
    start = models.DateTimeField(_("starts at (UTC)"), null=True, blank=True, editable=False, db_index=True)
    end = models.DateTimeField(_("ends at (UTC)"), null=True, blank=True, editable=False, db_index=True)

    attendance_mode = models.CharField(
        _("format"), max_length=20, choices=AttendanceMode.choices, default=AttendanceMode.IN_PERSON
    )
    venue_name = models.CharField(
        _("venue"), max_length=255, blank=True, help_text=_("For in-person and hybrid events.")
    )
    venue_address = models.TextField(_("venue address"), blank=True, help_text=_("Street, postcode and city."))
    online_link = models.URLField(
        _("online link"),
        blank=True,
        max_length=500,
        help_text=_(
            "Where participants join (video-conference or livestream address). Required for online and hybrid "
            "events until they have taken place."
        ),
    )
    organiser = models.ForeignKey(
        "home.Partner",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderators = StreamField(people_block_types(_("Moderator")), verbose_name=_("moderators"), blank=True)
    speakers = StreamField(
        people_block_types(_("Speaker")),
        verbose_name=_("speakers"),
        blank=True,
        help_text=_("Speakers of the agenda's sessions are listed automatically; add anyone else who speaks."),
    )
    introduction = RichTextField(
        _("introduction"), blank=True, editor="basic", help_text=_("Shown under the title, before the agenda.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    # Collapsed in the editor: an agenda of thirty sessions stays scannable by title.
    agenda = StreamField(agenda_block_types(), verbose_name=_("agenda"), blank=True, collapsed=True)

    recording_url = models.URLField(
        _("recording (video address)"),
        blank=True,
        max_length=500,
        help_text=_(
            "The address of the video on YouTube, Vimeo or another provider Wagtail can embed. If the provider "
            "cannot be reached when you save, the page shows a plain link to the video instead of the player."
        ),
    )
    recording_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("recording (video file)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Or an uploaded MP4 or WebM video. Give either an address or a file."),
    )
    recording_duration = models.DurationField(
        _("length of the recording"),
        null=True,
        blank=True,
        help_text=_("As hours:minutes:seconds, e.g. 2:45:10. Used to check the sessions' offsets."),
    )
    recording_captions = StreamField(
        CaptionsStreamBlock(),
        verbose_name=_("captions"),
        blank=True,
        help_text=_("WebVTT caption files of the recording, one per language."),
    )
    # Captions or a transcript are required with a recording (events.validation): people who cannot hear it.
    recording_has_captions = models.BooleanField(
        _("the video shows captions"),
        default=False,
        help_text=_(
            "Tick only if the video itself has captions: subtitles in the YouTube or Vimeo player that you have "
            "checked, or captions in the picture. Otherwise add a caption file above or a transcript below."
        ),
    )
    recording_transcript = RichTextField(
        _("transcript"),
        blank=True,
        editor="basic",
        help_text=_(
            "Everything said in the recording, with who says it. Required when the recording has no captions; "
            "visitors can unfold it under the player."
        ),
    )
    # Material the organisers will not publish: the page then says so once, instead of waiting for it.
    # Attaching a deck or a recording later shows it whatever these say.
    slides_not_available = models.BooleanField(
        _("slides not available"),
        default=False,
        help_text=_(
            "Tick if the slides of this event will not be published on this site. Leave unticked while they may "
            "still come; attaching a deck to a session shows them in any case."
        ),
    )
    recording_not_available = models.BooleanField(
        _("recording not available"),
        default=False,
        help_text=_(
            "Tick if there is no recording to publish. Leave unticked while it may still come; giving a video address "
            "or file shows it in any case."
        ),
    )

    objects = EventPageManager()

    # The editor's tabs: content, agenda, recording (events.panels).
    content_panels = CONTENT_PANELS
    edit_handler = EDIT_HANDLER
    base_form_class = EventPageForm

    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("agenda"),
        index.SearchField("recording_transcript"),
        index.FilterField("start"),
    ]

    # Translated: title, time_note, venue, introduction, body, agenda texts;
    # people and partners follow their translations. Dates, times, the zone
    # and the format are the same in every language; links, the recording
    # may be replaced in a translation; the agenda's slide decks are publications, the same in every
    # language, each offering the reader the file in their language.
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("status", overridable=False),
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("start_time", overridable=False),
        SynchronizedField("end_date", overridable=False),
        SynchronizedField("end_time", overridable=False),
        SynchronizedField("time_zone", overridable=False),
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
        SynchronizedField("attendance_mode", overridable=False),
        SynchronizedField("online_link"),
        TranslatableField("organiser"),
        SynchronizedField("recording_url"),
        SynchronizedField("recording_file"),
        SynchronizedField("recording_duration", overridable=False),
        SynchronizedField("recording_has_captions"),
        SynchronizedField("slides_not_available", overridable=False),
        SynchronizedField("recording_not_available", overridable=False),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    # Place and heading on a competence's page (guide.gathering), after the
    # module, the guide's chapters and the case studies.
    linked_group_order = 40
    linked_group_label = _("Event sessions")

    class Meta:
        verbose_name = _("event page")
        verbose_name_plural = _("event pages")

    def reference_parts(self, content_paths: list[str], target) -> list:
        """The agenda sessions that reference `target` (a competence), for guide.gathering. No SQL query."""
        return agenda.sessions_referenced_at(self.agenda.raw_data, content_paths)

    # --- Times ---------------------------------------------------------------
    def compute_instants(self) -> None:
        """Set `start` and `end` (UTC) from the wall-clock fields; leave them alone if those are invalid."""
        instants = event_instants(self.start_date, self.start_time, self.end_date, self.end_time, self.time_zone)
        if instants is not None:
            self.start, self.end = instants

    def full_clean(self, *args, **kwargs):
        self.compute_instants()
        return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.compute_instants()
        return super().save(*args, **kwargs)

    @cached_property
    def when(self) -> When:
        return When.of_event(self)

    def local_datetime(self, date: datetime.date | None, time: datetime.time | None) -> datetime.datetime | None:
        """`time` on `date` (default: the event's first day) in the event's zone, aware; None without a time."""
        if time is None:
            return None
        try:
            return wall_clock(date or self.start_date, time, self.time_zone)
        except (NonexistentTimeError, KeyError, ValueError):
            return None

    def is_upcoming(self, now=None) -> bool:
        """True until the event has ended."""
        return self.end is None or self.end > (now or timezone.now())

    @property
    def mode(self) -> AttendanceMode:
        return AttendanceMode(self.attendance_mode)

    @property
    def event_status(self) -> EventStatus:
        return EventStatus(self.status)

    # --- Agenda, people, decks, recording ---------------------------------------
    def sessions(self):
        """The agenda's session blocks' values, in agenda order."""
        return [child.value for child in self.agenda if child.block_type == "session"]

    @cached_property
    def all_speakers(self) -> list:
        """The page's speakers, then the sessions' speakers, each person once, in order of appearance."""
        return agenda.speakers([child.value for child in self.speakers], self.sessions())

    @cached_property
    def presentations(self) -> list:
        """Every slide deck of the agenda once, in agenda order (events.values.Presentation)."""
        return agenda.presentations(self.sessions())

    @property
    def has_slides(self) -> bool:
        """Whether the agenda links any slide deck; reads the raw JSON, so no SQL query (for listings)."""
        return agenda.has_slides(self.agenda.raw_data)

    @cached_property
    def recording(self) -> Recording:
        """The recording as visitors get it: player, captions and chapters (events.values.Recording)."""
        return Recording(self)

    def show_presentations(self, upcoming: bool) -> bool:
        """Whether the page has a "Presentations" section: decks attached, or still expected before the event."""
        return self.has_slides or (upcoming and not self.slides_not_available)

    def show_recording(self, upcoming: bool) -> bool:
        """Whether the page has a "Recording" section: one attached, or still expected before the event."""
        return self.recording.is_available or (upcoming and not self.recording_not_available)

    def missing_material_note(self, upcoming: bool) -> str:
        """One sentence on the material that is not on the site, for an event that has taken place or will have none.

        "" when nothing is missing (or, before the event, while the material may still come). No SQL query.
        """
        slides = not self.has_slides and (not upcoming or self.slides_not_available)
        recording = not self.recording.is_available and (not upcoming or self.recording_not_available)
        if upcoming:  # Only material marked "not available" is missing before the event.
            if slides and recording:
                return gettext("The slides and the recording will not be published on this site.")
            if slides:
                return gettext("The slides will not be published on this site.")
            if recording:
                return gettext("The recording will not be published on this site.")
            return ""
        if slides and recording:
            if self.slides_not_available and self.recording_not_available:
                return gettext("The slides and the recording were not published on this site.")
            return gettext("The slides and the recording have not been published on this site yet.")
        if slides:
            if self.slides_not_available:
                return gettext("The slides were not published on this site.")
            return gettext("The slides have not been published on this site yet.")
        if recording:
            if self.recording_not_available:
                return gettext("The recording was not published on this site.")
            return gettext("The recording has not been published on this site yet.")
        return ""

    @property
    def agenda_has_times(self) -> bool:
        return any(child.value.get("start_time") for child in self.agenda)

    # --- Validation (events.validation: one function per rule) ----------------
    def clean(self):
        super().clean()
        validate(self)

    # --- Serving ---------------------------------------------------------------
    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # First: it loads every deck's files at once, for the JSON-LD and the agenda alike.
        context["presentations"] = self.presentations
        # No CSP nonce: the policy does not apply to a data block (application/ld+json), and a
        # nonce in a page the page cache or Varnish keeps would be shared by every visitor.
        context["json_ld"] = json_ld_script(event_json_ld(self, request))
        context["calendar_url"] = self.calendar_url(request)
        context["is_upcoming"] = upcoming = self.is_upcoming()
        context["show_presentations"] = self.show_presentations(upcoming)
        context["show_recording"] = self.show_recording(upcoming)
        context["missing_material_note"] = self.missing_material_note(upcoming)
        moderators = [child.value for child in self.moderators if child.value is not None]
        moderator_pks = {person.pk for person in moderators}
        context["moderators"] = moderators
        context["speakers"] = [person for person in self.all_speakers if person.pk not in moderator_pks]
        return context

    def calendar_url(self, request=None) -> str:
        return (self.get_url(request) or "") + self.reverse_subpage("calendar")

    @path("ical/", name="calendar")
    def calendar(self, request):
        """This event as an iCalendar file (text/calendar), downloaded as `<slug>.ics`."""
        body = build_calendar([self], request, name=self.title)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response
