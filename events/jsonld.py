"""schema.org `Event` structured data (JSON-LD) of an event page.

Vocabulary: https://schema.org/Event, /VirtualLocation, /Place, /VideoObject,
/Clip. Dates are ISO 8601 with the event's UTC offset ("2022-03-28T14:00:00+02:00"),
or plain dates ("2022-03-28") when the times are not known.
"""

import json

from django.utils.safestring import mark_safe

from events.ical import location_text, plain_text
from events.recordings import iso_duration
from publications.downloads import publication_downloads

# As Django's json_script: keep the JSON from closing the <script> element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _date(value, has_time: bool) -> str:
    return value.isoformat() if has_time else value.date().isoformat()


def _person(person) -> dict:
    data = {"@type": "Person", "name": person.name}
    if person.job_title:
        data["jobTitle"] = person.job_title
    if person.organisation:
        data["affiliation"] = {"@type": "Organization", "name": person.organisation}
    return data


def _organisation(partner) -> dict:
    data = {"@type": "Organization", "name": partner.name}
    if partner.website:
        data["url"] = partner.website
    return data


def _location(page, page_url: str):
    places = []
    if page.mode.needs_venue and (page.venue_name or page.venue_address):
        place = {"@type": "Place", "name": page.venue_name or location_text(page)}
        if page.venue_address:
            place["address"] = " ".join(page.venue_address.split())
        places.append(place)
    if page.mode.needs_link:
        # After the event the joining link is gone: the page itself is the virtual place.
        places.append({"@type": "VirtualLocation", "url": page.online_link or page_url})
    return places[0] if len(places) == 1 else places


def _sub_events(page, request) -> list[dict]:
    sessions = []
    for child in page.agenda:
        if child.block_type != "session":
            continue
        value = child.value
        session = {"@type": "Event", "name": value["title"]}
        description = plain_text(value["description"].source) if value.get("description") else ""
        if description:
            session["description"] = description
        start = page.local_datetime(value.get("date"), value.get("start_time"))
        end = page.local_datetime(value.get("date"), value.get("end_time"))
        if start:
            session["startDate"] = start.isoformat()
        if end:
            session["endDate"] = end.isoformat()
        performers = [_person(person) for person in value["speakers"] if person is not None]
        if value.get("partner") is not None:
            performers.append(_organisation(value["partner"]))
        if performers:
            session["performer"] = performers
        deck = publication_downloads(value["deck"]).current if value.get("deck") is not None else None
        if deck is not None:
            session["workFeatured"] = {
                "@type": "PresentationDigitalDocument",
                "name": value["title"],
                "url": request.build_absolute_uri(deck.url),
                "encodingFormat": deck.content_type,
                "inLanguage": deck.language_code,
            }
        sessions.append(session)
    return sessions


def _recording(page, request) -> dict | None:
    recording = page.recording
    if not recording.is_available:
        return None
    video = {"@type": "VideoObject", "name": page.title}
    if page.recording_file is not None:
        video["contentUrl"] = request.build_absolute_uri(page.recording_file.url)
        video["encodingFormat"] = recording.mime_type
    else:
        video["url"] = page.recording_url
        embed = recording.embed
        if embed is not None:
            if embed.title:
                video["name"] = embed.title
            if embed.thumbnail_url:
                video["thumbnailUrl"] = embed.thumbnail_url
    if page.recording_duration:
        video["duration"] = iso_duration(page.recording_duration)
    if recording.caption_tracks:
        video["caption"] = [
            {
                "@type": "MediaObject",
                "inLanguage": track.language_code,
                "encodingFormat": "text/vtt",
                "contentUrl": request.build_absolute_uri(track.document.url),
            }
            for track in recording.caption_tracks
        ]
    if recording.has_transcript:
        video["transcript"] = plain_text(page.recording_transcript)
    chapters = recording.chapters
    if chapters:
        video["hasPart"] = [
            {
                "@type": "Clip",
                "name": chapter.title,
                "startOffset": chapter.seconds,
                **({"url": chapter.link} if chapter.link else {}),
            }
            for chapter in chapters
        ]
    return video


def event_json_ld(page, request) -> dict:
    """The schema.org Event of `page` (an EventPage) as a dict ready for json.dumps."""
    page_url = page.get_full_url(request)
    when = page.when
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "url": page_url,
        "inLanguage": page.locale.language_code,
        "startDate": _date(when.start, when.has_time),
        "eventAttendanceMode": page.mode.schema_org,
        "eventStatus": page.event_status.schema_org,
    }
    description = page.meta_description or plain_text(page.introduction)
    if description:
        data["description"] = description
    if when.end is not None:
        data["endDate"] = when.end.isoformat()
    elif when.multi_day or not when.has_time:
        data["endDate"] = when.end_date.isoformat()
    location = _location(page, page_url)
    if location:
        data["location"] = location
    if page.organiser is not None:
        data["organizer"] = _organisation(page.organiser)
    people = [child.value for child in page.moderators if child.value is not None] + page.all_speakers
    performers = [_person(person) for person in {person.pk: person for person in people}.values()]
    if performers:
        data["performer"] = performers
    sub_events = _sub_events(page, request)
    if sub_events:
        data["subEvent"] = sub_events
    recording = _recording(page, request)
    if recording:
        data["recordedIn"] = recording
    return data


def json_ld_script(data: dict) -> str:
    """`<script type="application/ld+json">` with `data`, safe to put in HTML."""
    payload = json.dumps(data, ensure_ascii=False, indent=None).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308 - escaped above
