"""Derived values of an event page that templates, the JSON-LD and the iCalendar file read."""

import datetime
from dataclasses import dataclass

from events.recordings import format_offset, iso_duration
from events.timezones import abbreviation, utc_offset_label


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
    """A slide deck of the event: the document, the session it belongs to, the presenting partner."""

    document: object
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
