"""Wall-clock times in an event's IANA time zone, and their UTC instants.

Editors give an event's dates and times as the clocks at the event show them
(wall-clock time) plus an IANA time zone name such as "Europe/Brussels". This
module turns them into aware datetimes with `zoneinfo` (the IANA database:
the system's, or the pinned `tzdata` package), so daylight-saving changes
are applied by the database, never by hand.
"""

import datetime
import importlib.resources
import zoneinfo
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

UTC = datetime.UTC


@lru_cache(maxsize=1)
def available_time_zones() -> frozenset[str]:
    """Every IANA zone name `zoneinfo` can load, e.g. "Europe/Lisbon"."""
    return frozenset(zoneinfo.available_timezones())


def time_zone_choices() -> list[tuple[str, str]]:
    """(name, label) pairs for a select box: the European zones, UTC, then the rest of the world, each sorted.

    Legacy aliases ("CET", "US/Eastern", "Etc/GMT+1") are left out of the list
    (they still validate) so editors pick a city-based zone that follows its
    country's daylight-saving rules.
    """
    names = [
        name
        for name in available_time_zones()
        if "/" in name and name.split("/")[0] not in {"Etc", "SystemV", "US", "posix", "right"}
    ]
    # European zones first (the project's events are in Europe), then UTC and the rest of the world.
    names = sorted(names, key=lambda name: (not name.startswith("Europe/"), name))
    european = [name for name in names if name.startswith("Europe/")]
    others = [name for name in names if not name.startswith("Europe/")]
    return [(name, name.replace("_", " ")) for name in european + ["UTC"] + others]


@lru_cache(maxsize=1)
def zone_countries() -> dict[str, str]:
    """The ISO 3166 country code of each zone the IANA database places in one country: {"Europe/Zagreb": "HR"}.

    Read from the database's `zone.tab` in the pinned `tzdata` package; {} if it is not there
    (the time-zone filter then matches zone names only).
    """
    try:
        text = importlib.resources.files("tzdata").joinpath("zoneinfo/zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    countries = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, _coordinates, name, *_comment = line.split("\t")
            countries[name] = code
    return countries


def validate_time_zone(value: str) -> None:
    """Raise ValidationError unless `value` is an IANA time zone name."""
    if value not in available_time_zones():
        raise ValidationError(
            _("“%(value)s” is not a time zone name from the IANA database. Choose one such as Europe/Brussels."),
            code="unknown_time_zone",
            params={"value": value},
        )


def get_zone(name: str) -> zoneinfo.ZoneInfo:
    """The ZoneInfo for `name`; raises zoneinfo.ZoneInfoNotFoundError (a KeyError) for an unknown name."""
    return zoneinfo.ZoneInfo(name)


class NonexistentTimeError(ValueError):
    """A wall-clock time skipped by a daylight-saving change (e.g. 02:30 on the last Sunday of March in Brussels)."""


def wall_clock(date: datetime.date, time: datetime.time | None, zone_name: str) -> datetime.datetime:
    """The aware datetime for `date` at `time` (midnight when None) on the clocks of `zone_name`.

    A time that happens twice (when clocks go back) is its first occurrence.
    Raises NonexistentTimeError for a time the clocks skip, and
    zoneinfo.ZoneInfoNotFoundError for an unknown zone.
    """
    zone = get_zone(zone_name)
    naive = datetime.datetime.combine(date, time or datetime.time(0))
    aware = naive.replace(tzinfo=zone, fold=0)
    # A skipped time does not survive the round trip through UTC.
    if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise NonexistentTimeError(f"{naive:%Y-%m-%d %H:%M} does not exist in {zone_name}")
    return aware


def event_instants(
    start_date: datetime.date | None,
    start_time: datetime.time | None,
    end_date: datetime.date | None,
    end_time: datetime.time | None,
    zone_name: str,
) -> tuple[datetime.datetime, datetime.datetime] | None:
    """The UTC start and end of an event given on the clocks of `zone_name`.

    Without both times the event ends at the end of its last day. None when
    there is no start date, the zone is unknown or the clocks skip a time.
    """
    if not start_date or zone_name not in available_time_zones():
        return None
    try:
        start = wall_clock(start_date, start_time, zone_name)
        last_day = end_date or start_date
        if start_time and end_time:
            end = wall_clock(last_day, end_time, zone_name)
        else:
            end = wall_clock(last_day + datetime.timedelta(days=1), None, zone_name)
    except NonexistentTimeError:
        return None
    return start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)


def abbreviation(value: datetime.datetime) -> str:
    """The zone abbreviation in force at `value` (aware): "CET", "CEST", "WEST".

    Zones without a letter abbreviation in the IANA database ("+04") give the
    offset instead: "UTC+04:00"; UTC gives "UTC".
    """
    name = value.tzname() or ""
    if name and name[0].isalpha():
        return name
    return utc_offset_label(value)


def utc_offset_label(value: datetime.datetime) -> str:
    """The UTC offset of `value` (aware) as "UTC+02:00", "UTC−03:30" or "UTC"."""
    offset = value.utcoffset() or datetime.timedelta(0)
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes > 0 else "−"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"
