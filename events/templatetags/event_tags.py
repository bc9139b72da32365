"""Template tags for events: dates and times in the event's own time zone, file facts."""

import datetime

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils import dateformat
from django.utils.translation import pgettext_lazy

from events.timezones import abbreviation, utc_offset_label

register = template.Library()

# Translators: a Django date format (https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date)
# for an event's day with its weekday, e.g. "l j F Y" gives "Monday 28 March 2022". Use "E" for
# month names that need the genitive (Croatian: "l, j. E Y.").
DAY_FORMAT = pgettext_lazy("event day date format", "l j F Y")
TIME_FORMAT = "H:i"


@register.filter
def event_day(value) -> str:
    """A date, or a datetime's own date (no time-zone conversion), with its weekday, in the active language."""
    if not value:
        return ""
    return dateformat.format(value, str(DAY_FORMAT))


@register.filter
def event_time(value: datetime.datetime | datetime.time | None) -> str:
    """A wall-clock time as "14:00", as the value gives it (no conversion to the site's time zone)."""
    if not value:
        return ""
    return value.strftime("%H:%M")


@register.filter
def zone_abbreviation(value: datetime.datetime | None) -> str:
    """The abbreviation of the time zone in force at `value` (aware): "CET", "CEST", "WEST"."""
    return abbreviation(value) if value else ""


@register.filter
def zone_title(value: datetime.datetime | None) -> str:
    """Zone name and UTC offset at `value`, e.g. "Europe/Brussels, UTC+02:00", for an <abbr title>."""
    if not value:
        return ""
    return f"{getattr(value.tzinfo, 'key', '')}, {utc_offset_label(value)}".lstrip(", ")


@register.filter
def file_meta(document) -> str:
    """A document's type and size, e.g. "PPTX, 4.2 MB" (the size in the active language's format)."""
    if document is None:
        return ""
    parts = [document.file_extension.upper()]
    if document.file_size:
        parts.append(str(filesizeformat(document.file_size)))
    return ", ".join(part for part in parts if part)


@register.inclusion_tag("events/includes/when.html")
def event_when(event) -> dict:
    """When `event` (an EventPage) takes place, with <time datetime> elements and zone abbreviations."""
    return {"when": event.when, "time_note": event.time_note}


@register.filter
def missing_material_note(event) -> str:
    """The sentence on the slides and recording that are not on the site (EventPage.missing_material_note)."""
    return event.missing_material_note(event.is_upcoming())
