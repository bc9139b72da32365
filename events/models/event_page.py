"""EventPage: one event, with its agenda, slide decks, recording, calendar file and structured data."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from events.blocks import CaptionsStreamBlock, agenda_block_types, people_block_types
from events.choices import VIDEO_EXTENSIONS, VIDEO_MIME_TYPES, AttendanceMode, EventStatus
from events.forms import EventPageForm, TimeZoneSelect
from events.panels import RecordingStatusPanel
from events.recordings import format_offset, link_at, provider_knows, stored_embed
from events.timezones import (
    NonexistentTimeError,
    available_time_zones,
    time_zone_choices,
    validate_time_zone,
    wall_clock,
)
from events.values import CaptionTrack, Chapter, Presentation, When
from home.blocks import BaseStreamBlock
from home.models import BasePage


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Events that have not ended yet (current ones included), soonest first."""
        return self.filter(end__gt=now or timezone.now()).order_by("start")

    def past(self, now=None):
        """Events that have ended, latest first."""
        return self.filter(end__lte=now or timezone.now()).order_by("-start")

    def featured(self, locale, now=None):
        """The next event in `locale`, else the latest past one, else None: what the home page shows. ≤ 2 queries."""
        live = self.live().public().filter(locale=locale)
        return live.upcoming(now).first() or live.past(now).first()


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


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

    objects = EventPageManager()

    content_panels = BasePage.content_panels + [
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
    agenda_panels = [FieldPanel("agenda")]
    recording_panels = [
        RecordingStatusPanel(heading=_("Player")),
        FieldPanel("recording_url"),
        FieldPanel("recording_file"),
        FieldPanel("recording_duration"),
        FieldPanel("recording_captions"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(agenda_panels, heading=_("Agenda")),
            ObjectList(recording_panels, heading=_("Recording")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )
    base_form_class = EventPageForm

    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("agenda"),
        index.FilterField("start"),
    ]

    # Translated: title, time_note, venue, introduction, body, agenda texts;
    # people and partners follow their translations. Dates, times, the zone
    # and the format are the same in every language; links, the recording
    # and the slide decks (agenda) may be replaced in a translation.
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
        """The agenda sessions that reference `target` (a competence), for guide.gathering.

        A content path is "agenda.<session block id>.competences.<item id>".
        Reads the raw stream, so it costs no SQL query. Returns ReferenceParts
        labelled with the session's title, leading to its anchor on this page.
        """
        from guide.gathering import ReferencePart  # guide builds on events' models, not the reverse

        session_ids = {path.split(".")[1] for path in content_paths if path.startswith("agenda.")}
        return [
            ReferencePart(label=(child.get("value") or {}).get("title", ""), fragment=f"session-{child['id']}")
            for child in self.agenda.raw_data
            if child.get("id") in session_ids and child.get("type") == "session"
        ]

    # --- Times ---------------------------------------------------------------
    def compute_instants(self) -> None:
        """Set `start` and `end` (UTC) from the wall-clock fields; leave them alone if those are invalid."""
        if not self.start_date or self.time_zone not in available_time_zones():
            return
        try:
            start = wall_clock(self.start_date, self.start_time, self.time_zone)
            last_day = self.end_date or self.start_date
            if self.start_time and self.end_time:
                end = wall_clock(last_day, self.end_time, self.time_zone)
            else:
                end = wall_clock(last_day + datetime.timedelta(days=1), None, self.time_zone)
        except NonexistentTimeError:
            return
        self.start = start.astimezone(datetime.UTC)
        self.end = end.astimezone(datetime.UTC)

    def full_clean(self, *args, **kwargs):
        self.compute_instants()
        return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.compute_instants()
        return super().save(*args, **kwargs)

    @cached_property
    def when(self) -> When:
        start = wall_clock(self.start_date, self.start_time, self.time_zone)
        end_date = self.end_date or self.start_date
        end = wall_clock(end_date, self.end_time, self.time_zone) if self.start_time and self.end_time else None
        return When(
            start=start,
            end=end,
            start_date=self.start_date,
            end_date=end_date,
            has_time=self.start_time is not None,
            zone_name=self.time_zone,
        )

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

    # --- Agenda, people, decks, recording -------------------------------------
    def sessions(self):
        """The agenda's session blocks' values, in agenda order."""
        return [child.value for child in self.agenda if child.block_type == "session"]

    @cached_property
    def all_speakers(self) -> list:
        """The page's speakers, then the sessions' speakers, each person once, in order of appearance."""
        people, seen = [], set()
        candidates = [child.value for child in self.speakers]
        for session in self.sessions():
            candidates.extend(session["speakers"])
        for person in candidates:
            if person is not None and person.pk not in seen:
                seen.add(person.pk)
                people.append(person)
        return people

    @cached_property
    def presentations(self) -> list[Presentation]:
        """Every slide deck of the agenda once, in agenda order."""
        decks, seen = [], set()
        for session in self.sessions():
            document = session.get("slides")
            if document is not None and document.pk not in seen:
                seen.add(document.pk)
                decks.append(Presentation(document, session["title"], session.get("partner")))
        return decks

    @property
    def has_slides(self) -> bool:
        """Whether the agenda links any slide deck; reads the raw JSON, so no SQL query (for listings)."""
        return any(
            item.get("type") == "session" and (item.get("value") or {}).get("slides") for item in self.agenda.raw_data
        )

    @property
    def has_recording(self) -> bool:
        return bool(self.recording_url or self.recording_file_id)

    @cached_property
    def recording_embed(self):
        """Wagtail's stored Embed of `recording_url`, or None (never fetched, or the provider was unreachable)."""
        return stored_embed(self.recording_url) if self.recording_url else None

    @property
    def recording_mime_type(self) -> str:
        if self.recording_file is None:
            return ""
        return VIDEO_MIME_TYPES.get(self.recording_file.file_extension.lower(), "")

    def recording_link_at(self, offset: datetime.timedelta | None) -> str | None:
        """A link that starts the recording at `offset`: the video file's media fragment or the provider's link."""
        if offset is None:
            return None
        if self.recording_file_id:
            return f"{self.recording_file.url}#t={int(offset.total_seconds())}"
        if self.recording_url:
            return link_at(self.recording_url, offset)
        return None

    @cached_property
    def chapters(self) -> list[Chapter]:
        """The recording's chapters: each session with a start in the recording, by offset."""
        if not self.has_recording:
            return []
        chapters = [
            Chapter(session["recording_offset"], session["title"], self.recording_link_at(session["recording_offset"]))
            for session in self.sessions()
            if session.get("recording_offset") is not None
        ]
        return sorted(chapters, key=lambda chapter: chapter.offset)

    @cached_property
    def caption_tracks(self) -> list[CaptionTrack]:
        current = self.locale.language_code if self.locale_id else ""
        tracks = []
        for child in self.recording_captions:
            code = child.value["language"]
            tracks.append(
                CaptionTrack(code, get_language_info(code)["name_local"], child.value["file"], code == current)
            )
        return tracks

    @property
    def agenda_has_times(self) -> bool:
        return any(child.value.get("start_time") for child in self.agenda)

    # --- Validation ------------------------------------------------------------
    def clean(self):
        super().clean()
        errors: dict[str, list] = {}

        def add(field, message, code, **params):
            errors.setdefault(field, []).append(ValidationError(message, code=code, params=params))

        zone_ok = self.time_zone in available_time_zones()
        start = end = None
        if self.end_date and self.start_date and self.end_date < self.start_date:
            add("end_date", _("The event ends before it starts: the end date is before the start date."), "end_date")
        if self.end_time and not self.start_time:
            add("start_time", _("Give the start time as well, or leave the end time empty."), "end_without_start")
        if zone_ok and self.start_date:
            try:
                start = wall_clock(self.start_date, self.start_time, self.time_zone)
            except NonexistentTimeError:
                add(
                    "start_time",
                    _("This time does not exist in %(zone)s: the clocks skip it."),
                    "skipped",
                    zone=self.time_zone,
                )
            if self.start_time and self.end_time:
                try:
                    end = wall_clock(self.end_date or self.start_date, self.end_time, self.time_zone)
                except NonexistentTimeError:
                    add(
                        "end_time",
                        _("This time does not exist in %(zone)s: the clocks skip it."),
                        "skipped",
                        zone=self.time_zone,
                    )
            if start and end and end <= start and "end_date" not in errors:
                add(
                    "end_time",
                    _("The event ends before it starts (%(start)s). Check the end date and time."),
                    "ends_before_start",
                    start=start.strftime("%Y-%m-%d %H:%M"),
                )

        if self.attendance_mode in AttendanceMode.values:
            mode = AttendanceMode(self.attendance_mode)
            if mode.needs_link and not self.online_link and (self.end is None or self.is_upcoming()):
                add(
                    "online_link",
                    _("An online or hybrid event needs the link where participants join."),
                    "link_required",
                )
            if mode.needs_venue and not (self.venue_name or self.venue_address):
                add("venue_name", _("An in-person or hybrid event needs its venue."), "venue_required")

        if self.recording_url and not provider_knows(self.recording_url):
            add(
                "recording_url",
                _(
                    "No video provider that this site can embed knows this address. Use the address of the video "
                    "on a provider such as YouTube or Vimeo, or upload the video file."
                ),
                "unknown_provider",
            )
        if self.recording_url and self.recording_file_id:
            add("recording_file", _("Give either a video address or a video file, not both."), "both_recordings")
        if self.recording_file_id and self.recording_file.file_extension.lower() not in VIDEO_EXTENSIONS:
            add(
                "recording_file",
                _("“%(name)s” is not a video the page can play. Upload an MP4 or WebM file."),
                "video_type",
                name=self.recording_file.title,
            )

        agenda_errors = self.agenda_errors(start if zone_ok else None, end if zone_ok else None, zone_ok)
        if agenda_errors:
            errors["agenda"] = [StreamBlockValidationError(block_errors=agenda_errors)]
        if errors:
            raise ValidationError(errors)

    def agenda_errors(self, event_start, event_end, zone_ok: bool) -> dict:
        """Errors of the agenda's blocks that need the whole event, as {block index: StructBlockValidationError}.

        A block's day outside the event's days; its times outside the event's
        times (when both are known) or skipped by a daylight-saving change;
        a recording offset past the recording's known length.
        """
        if not self.start_date:
            return {}
        first_day, last_day = self.start_date, self.end_date or self.start_date
        result = {}
        for position, child in enumerate(self.agenda):
            value = child.value
            block_errors = {}
            day = value.get("date")
            if day is not None and not (first_day <= day <= last_day):
                block_errors["date"] = ValidationError(
                    _("This day is outside the event, which runs from %(first)s to %(last)s."),
                    code="outside_event",
                    params={"first": first_day.isoformat(), "last": last_day.isoformat()},
                )
            elif zone_ok:
                for name in ("start_time", "end_time"):
                    if value.get(name) is None:
                        continue
                    try:
                        moment = wall_clock(day or first_day, value[name], self.time_zone)
                    except NonexistentTimeError:
                        block_errors[name] = ValidationError(
                            _("This time does not exist in %(zone)s: the clocks skip it."),
                            code="skipped",
                            params={"zone": self.time_zone},
                        )
                        continue
                    if self.start_time and event_start and moment < event_start:
                        block_errors[name] = ValidationError(
                            _("This is before the event starts (%(time)s)."),
                            code="before_event",
                            params={"time": event_start.strftime("%H:%M")},
                        )
                    elif event_end and moment > event_end:
                        block_errors[name] = ValidationError(
                            _("This is after the event ends (%(time)s)."),
                            code="after_event",
                            params={"time": event_end.strftime("%H:%M")},
                        )
            offset = value.get("recording_offset") if child.block_type == "session" else None
            if offset is not None and self.recording_duration and offset > self.recording_duration:
                block_errors["recording_offset"] = ValidationError(
                    _("This is past the end of the recording, which lasts %(length)s."),
                    code="offset_beyond_recording",
                    params={"length": format_offset(self.recording_duration)},
                )
            if block_errors:
                result[position] = StructBlockValidationError(block_errors=block_errors)
        return result

    # --- Serving ---------------------------------------------------------------
    def get_context(self, request, *args, **kwargs):
        from events.jsonld import event_json_ld, json_ld_script

        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = json_ld_script(event_json_ld(self, request))
        context["calendar_url"] = self.calendar_url(request)
        context["is_upcoming"] = self.is_upcoming()
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
        from events.ical import build_calendar

        body = build_calendar([self], request, name=self.title)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response
