"""Reading an event's agenda: the people who speak, the slide decks, the sessions that link a competence."""

from events.values import Presentation
from guide.gathering import ReferencePart
from publications.downloads import prefetch_files


def speakers(page_speakers: list, sessions: list) -> list:
    """`page_speakers`, then the sessions' speakers, each person once, in order of appearance."""
    people, seen = [], set()
    candidates = list(page_speakers)
    for session in sessions:
        candidates.extend(session["speakers"])
    for person in candidates:
        if person is not None and person.pk not in seen:
            seen.add(person.pk)
            people.append(person)
    return people


def presentations(sessions: list) -> list[Presentation]:
    """Every slide deck (a publications.Publication) of `sessions` once, in order.

    Loads every deck's files in one query, for the sessions' links and the Presentations list alike.
    """
    prefetch_files([session.get("deck") for session in sessions])
    decks, seen = [], set()
    for session in sessions:
        publication = session.get("deck")
        if publication is not None and publication.pk not in seen:
            seen.add(publication.pk)
            decks.append(Presentation(publication, session["title"], session.get("partner")))
    return decks


def has_slides(raw_agenda: list) -> bool:
    """Whether a session of the agenda's raw JSON links a slide deck (no SQL query)."""
    return any(item.get("type") == "session" and (item.get("value") or {}).get("deck") for item in raw_agenda)


def sessions_referenced_at(raw_agenda: list, content_paths: list[str]) -> list[ReferencePart]:
    """The sessions that the reference index's `content_paths` point into, for guide.gathering.

    A content path is "agenda.<session block id>.competences.<item id>". Each part
    is labelled with the session's title and leads to its anchor on the page.
    """
    session_ids = {path.split(".")[1] for path in content_paths if path.startswith("agenda.")}
    return [
        ReferencePart(label=(child.get("value") or {}).get("title", ""), fragment=f"session-{child['id']}")
        for child in raw_agenda
        if child.get("id") in session_ids and child.get("type") == "session"
    ]
