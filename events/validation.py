"""The rules an event page must follow, one function per rule; `EventPage.clean()` runs them all.

A page rule takes the page and returns its problems as (field name, ValidationError)
pairs; an agenda rule takes one agenda block and returns {block field: ValidationError}.
Times are checked in the event's own time zone, so a time the clocks skip (the
daylight-saving change) is an error rather than a silent shift.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from events.choices import VIDEO_EXTENSIONS, AttendanceMode
from events.recordings import format_offset, provider_knows
from events.timezones import NonexistentTimeError, available_time_zones, wall_clock
from home.accessibility_rules import RECORDING_NEEDS_CAPTIONS_OR_TRANSCRIPT, recording_lacks_captions

SKIPPED_TIME = _("This time does not exist in %(zone)s: the clocks skip it.")


def error(message, code: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params=params)


def zone_is_known(page) -> bool:
    return page.time_zone in available_time_zones()


def instant(date: datetime.date, time: datetime.time | None, zone: str) -> datetime.datetime | None:
    """`time` on `date` in `zone`, aware; None when the clocks skip that time."""
    try:
        return wall_clock(date, time, zone)
    except NonexistentTimeError:
        return None


def event_span(page) -> tuple[datetime.datetime | None, datetime.datetime | None]:
    """The event's start and end in its zone, as far as they are known and exist (else None)."""
    if not (zone_is_known(page) and page.start_date):
        return None, None
    start = instant(page.start_date, page.start_time, page.time_zone)
    end = None
    if page.start_time and page.end_time:
        end = instant(page.end_date or page.start_date, page.end_time, page.time_zone)
    return start, end


# --- Rules on the page's fields --------------------------------------------------
def end_date_before_start_date(page) -> list:
    if page.end_date and page.start_date and page.end_date < page.start_date:
        return [
            (
                "end_date",
                error(_("The event ends before it starts: the end date is before the start date."), "end_date"),
            )
        ]
    return []


def end_time_without_start_time(page) -> list:
    if page.end_time and not page.start_time:
        return [
            ("start_time", error(_("Give the start time as well, or leave the end time empty."), "end_without_start"))
        ]
    return []


def times_the_clocks_skip(page) -> list:
    if not (zone_is_known(page) and page.start_date):
        return []
    problems = []
    if instant(page.start_date, page.start_time, page.time_zone) is None:
        problems.append(("start_time", error(SKIPPED_TIME, "skipped", zone=page.time_zone)))
    if (
        page.start_time
        and page.end_time
        and instant(page.end_date or page.start_date, page.end_time, page.time_zone) is None
    ):
        problems.append(("end_time", error(SKIPPED_TIME, "skipped", zone=page.time_zone)))
    return problems


def end_time_before_start(page) -> list:
    start, end = event_span(page)
    if start and end and end <= start and not end_date_before_start_date(page):
        message = _("The event ends before it starts (%(start)s). Check the end date and time.")
        return [("end_time", error(message, "ends_before_start", start=start.strftime("%Y-%m-%d %H:%M")))]
    return []


def online_link_missing(page) -> list:
    if page.attendance_mode not in AttendanceMode.values:
        return []
    if (
        AttendanceMode(page.attendance_mode).needs_link
        and not page.online_link
        and (page.end is None or page.is_upcoming())
    ):
        return [
            (
                "online_link",
                error(_("An online or hybrid event needs the link where participants join."), "link_required"),
            )
        ]
    return []


def venue_missing(page) -> list:
    if page.attendance_mode not in AttendanceMode.values:
        return []
    if AttendanceMode(page.attendance_mode).needs_venue and not (page.venue_name or page.venue_address):
        return [("venue_name", error(_("An in-person or hybrid event needs its venue."), "venue_required"))]
    return []


def recording_provider_unknown(page) -> list:
    if page.recording_url and not provider_knows(page.recording_url):
        message = _(
            "No video provider that this site can embed knows this address. Use the address of the video "
            "on a provider such as YouTube or Vimeo, or upload the video file."
        )
        return [("recording_url", error(message, "unknown_provider"))]
    return []


def two_recordings(page) -> list:
    if page.recording_url and page.recording_file_id:
        return [
            ("recording_file", error(_("Give either a video address or a video file, not both."), "both_recordings"))
        ]
    return []


def recording_not_a_video(page) -> list:
    if page.recording_file_id and page.recording_file.file_extension.lower() not in VIDEO_EXTENSIONS:
        message = _("“%(name)s” is not a video the page can play. Upload an MP4 or WebM file.")
        return [("recording_file", error(message, "video_type", name=page.recording_file.title))]
    return []


def recording_without_captions_or_transcript(page) -> list:
    """A recording (address or file) must be accessible to people who cannot hear it (issue 18)."""
    if not (page.recording_url or page.recording_file_id):
        return []
    if recording_lacks_captions(
        has_caption_tracks=bool(list(page.recording_captions.raw_data)),
        captions_declared=page.recording_has_captions,
        transcript_html=page.recording_transcript,
    ):
        return [("recording_transcript", error(RECORDING_NEEDS_CAPTIONS_OR_TRANSCRIPT, "captions_required"))]
    return []


PAGE_RULES = [
    end_date_before_start_date,
    end_time_without_start_time,
    times_the_clocks_skip,
    end_time_before_start,
    online_link_missing,
    venue_missing,
    recording_provider_unknown,
    two_recordings,
    recording_not_a_video,
    recording_without_captions_or_transcript,
]


# --- Rules on each agenda block, against the whole event ---------------------------
def day_outside_event(page, child) -> dict:
    day = child.value.get("date")
    first_day, last_day = page.start_date, page.end_date or page.start_date
    if day is not None and not (first_day <= day <= last_day):
        message = _("This day is outside the event, which runs from %(first)s to %(last)s.")
        return {"date": error(message, "outside_event", first=first_day.isoformat(), last=last_day.isoformat())}
    return {}


def times_outside_event(page, child) -> dict:
    """Block times the clocks skip, before the event starts or after it ends (when those are known)."""
    if not zone_is_known(page):
        return {}
    start, end = event_span(page)
    value, errors = child.value, {}
    for name in ("start_time", "end_time"):
        if value.get(name) is None:
            continue
        moment = instant(value.get("date") or page.start_date, value[name], page.time_zone)
        if moment is None:
            errors[name] = error(SKIPPED_TIME, "skipped", zone=page.time_zone)
        elif page.start_time and start and moment < start:
            errors[name] = error(
                _("This is before the event starts (%(time)s)."), "before_event", time=start.strftime("%H:%M")
            )
        elif end and moment > end:
            errors[name] = error(
                _("This is after the event ends (%(time)s)."), "after_event", time=end.strftime("%H:%M")
            )
    return errors


def offset_past_recording_end(page, child) -> dict:
    offset = child.value.get("recording_offset") if child.block_type == "session" else None
    if offset is not None and page.recording_duration and offset > page.recording_duration:
        message = _("This is past the end of the recording, which lasts %(length)s.")
        return {
            "recording_offset": error(message, "offset_beyond_recording", length=format_offset(page.recording_duration))
        }
    return {}


def agenda_errors(page) -> dict:
    """{block index: StructBlockValidationError} for the agenda blocks that do not fit the event."""
    if not page.start_date:
        return {}
    result = {}
    for position, child in enumerate(page.agenda):
        # A day outside the event makes its times meaningless: they are checked only on the event's days.
        block_errors = day_outside_event(page, child) or times_outside_event(page, child)
        block_errors |= offset_past_recording_end(page, child)
        if block_errors:
            result[position] = StructBlockValidationError(block_errors=block_errors)
    return result


def validate(page) -> None:
    """Raise a ValidationError with every problem of `page`, by field (the agenda's by block)."""
    errors: dict[str, list] = {}
    for rule in PAGE_RULES:
        for field, problem in rule(page):
            errors.setdefault(field, []).append(problem)
    if blocks := agenda_errors(page):
        errors["agenda"] = [StreamBlockValidationError(block_errors=blocks)]
    if errors:
        raise ValidationError(errors)
