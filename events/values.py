"""Derived values of an event page that templates, the JSON-LD and the iCalendar file read."""

import datetime
from dataclasses import dataclass

from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import get_language_info

from events.choices import VIDEO_MIME_TYPES
from events.recordings import format_offset, iso_duration, link_at, stored_embed
from events.timezones import abbreviation, utc_offset_label, wall_clock


@dataclass(frozen=True)
class When:
    """When an event takes place, in its own time zone, for templates.

    `start` and `end` are aware datetimes in the event's zone; `end` is None
    when the end time is not known. Without times (`has_time` False) only
    the dates mean anything.
    """

    start: datetime.datetime
    end: datetime.datetime | None
    start_date: datetime.date
    end_date: datetime.date
    has_time: bool
    zone_name: str

    @classmethod
    def of_event(cls, page) -> "When":
        """When the EventPage `page` takes place, from its wall-clock fields."""
        start = wall_clock(page.start_date, page.start_time, page.time_zone)
        end_date = page.end_date or page.start_date
        end = wall_clock(end_date, page.end_time, page.time_zone) if page.start_time and page.end_time else None
        return cls(
            start=start,
            end=end,
            start_date=page.start_date,
            end_date=end_date,
            has_time=page.start_time is not None,
            zone_name=page.time_zone,
        )

    @property
    def multi_day(self) -> bool:
        return self.end_date != self.start_date

    @property
    def start_abbreviation(self) -> str:
        return abbreviation(self.start)

    @property
    def end_abbreviation(self) -> str:
        return abbreviation(self.end) if self.end else ""

    @property
    def start_zone_title(self) -> str:
        return f"{self.zone_name}, {utc_offset_label(self.start)}"

    @property
    def end_zone_title(self) -> str:
        return f"{self.zone_name}, {utc_offset_label(self.end)}" if self.end else ""

    @property
    def same_abbreviation(self) -> bool:
        return self.end is None or self.start_abbreviation == self.end_abbreviation


@dataclass(frozen=True)
class Presentation:
    """A slide deck of the event: the publication (a file per language), its session's title, the presenting partner."""

    publication: object
    title: str
    partner: object | None


@dataclass(frozen=True)
class Chapter:
    """A chapter of the recording: where a session starts in it."""

    offset: datetime.timedelta
    title: str
    link: str | None

    @property
    def label(self) -> str:
        return format_offset(self.offset)

    @property
    def iso(self) -> str:
        return iso_duration(self.offset)

    @property
    def seconds(self) -> int:
        return int(self.offset.total_seconds())


@dataclass(frozen=True)
class CaptionTrack:
    language_code: str
    language_name: str
    document: object
    is_current: bool


@dataclass(frozen=True)
class Recording:
    """An event's recording as visitors get it (`EventPage.recording`): the player, its captions and chapters.

    Reads the page's recording fields when asked, so a listing that only asks
    `is_available` costs no SQL query.
    """

    page: object  # the EventPage

    @property
    def is_available(self) -> bool:
        return bool(self.page.recording_url or self.page.recording_file_id)

    @property
    def has_transcript(self) -> bool:
        return bool(strip_tags(self.page.recording_transcript or "").strip())

    @cached_property
    def embed(self):
        """Wagtail's stored Embed of the page's video address, or None (never fetched, or the provider was down)."""
        return stored_embed(self.page.recording_url) if self.page.recording_url else None

    @property
    def mime_type(self) -> str:
        if self.page.recording_file is None:
            return ""
        return VIDEO_MIME_TYPES.get(self.page.recording_file.file_extension.lower(), "")

    def link_at(self, offset: datetime.timedelta | None) -> str | None:
        """A link that starts the recording at `offset`: the video file's media fragment or the provider's link."""
        if offset is None:
            return None
        if self.page.recording_file_id:
            return f"{self.page.recording_file.url}#t={int(offset.total_seconds())}"
        if self.page.recording_url:
            return link_at(self.page.recording_url, offset)
        return None

    @cached_property
    def chapters(self) -> list[Chapter]:
        """The recording's chapters: each session with a start in the recording, by offset."""
        if not self.is_available:
            return []
        chapters = [
            Chapter(session["recording_offset"], session["title"], self.link_at(session["recording_offset"]))
            for session in self.page.sessions()
            if session.get("recording_offset") is not None
        ]
        return sorted(chapters, key=lambda chapter: chapter.offset)

    @cached_property
    def caption_tracks(self) -> list[CaptionTrack]:
        """The caption files, one per language; the page's own language is the default track."""
        current = self.page.locale.language_code if self.page.locale_id else ""
        tracks = []
        for child in self.page.recording_captions:
            code = child.value["language"]
            tracks.append(
                CaptionTrack(code, get_language_info(code)["name_local"], child.value["file"], code == current)
            )
        return tracks
