"""Open data downloads, per language, served by each language's "Open data" page (static_archive.models).

- `competences.jsonld`: the competence framework as schema.org `DefinedTermSet` / `DefinedTerm`;
- `competences.csv`, `case-studies.json`, `case-studies.csv`, `training-modules.json`,
  `training-modules.csv`, `events.json` (each event with its agenda), `events.ics` (iCalendar).
Only reachable public pages (`home.reachable`) and the snippets of the request's language. Every
file states its licence (CC BY 4.0). The static archive includes them: they are routes of a page.
"""

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casestudies.models import CaseStudyPage
from events.ical import build_calendar, location_text
from events.models import EventPage
from guide.models.programme import TrainingProgrammePage, module_anchor
from home.models import Competence
from home.reachable import reachable

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = "Keep in Pact (Erasmus+ 2019-1-FR01-KA202-063068)"

COMPETENCE_FIELDS = ["number", "title", "description", "sub_competences", "knowledge", "skills", "attitudes"]
CASE_STUDY_FIELDS = ["title", "url", "organisation", "city", "country", "partner", "competences", "summary"]
MODULE_FIELDS = [
    "letter",
    "title",
    "url",
    "competence",
    "competence_title",
    "learning_outcomes",
    "material_formats",
    "job_based_activity",
    "elearning_url",
]


def text(html: str) -> str:
    return " ".join(strip_tags(html or "").split())


def rich_text(value) -> str:
    """A RichText block value (or None) as one line of plain text."""
    return text(getattr(value, "source", value) or "")


def competences(language: str):
    return Competence.objects.filter(locale__language_code=language).order_by("number")


def case_studies(language: str):
    pages = reachable(CaseStudyPage.objects.filter(locale__language_code=language))
    return pages.select_related("partner").prefetch_related("competence_links__competence").order_by("path")


def events(language: str):
    return reachable(EventPage.objects.filter(locale__language_code=language)).order_by("start", "path")


def programmes(language: str):
    return reachable(TrainingProgrammePage.objects.filter(locale__language_code=language)).order_by("path")


def competence_rows(language):
    for competence in competences(language):
        yield {
            "number": competence.number,
            "title": competence.title,
            "description": text(competence.description),
            "sub_competences": text(competence.sub_competences),
            "knowledge": text(competence.knowledge),
            "skills": text(competence.skills),
            "attitudes": text(competence.attitudes),
        }


def case_study_rows(request, language):
    for page in case_studies(language):
        yield {
            "title": page.title,
            "url": page.get_full_url(request),
            "organisation": page.organisation,
            "city": page.city,
            "country": str(page.country.code or ""),
            "partner": page.partner.name if page.partner else "",
            "competences": [link.competence.number for link in page.competence_links.all() if link.competence],
            "summary": page.summary,
        }


def training_module_rows(request, language):
    """One row per module of the training programme (modules A–G), in the programme's order."""
    for page in programmes(language):
        url = page.get_full_url(request)
        for child in page.modules:
            module = child.value
            competence = module.get("competence")
            yield {
                "letter": module.letter,
                "title": module.display_title,
                "url": f"{url}#{module_anchor(child.id)}",
                "competence": competence.number if competence else None,
                "competence_title": competence.title if competence else "",
                "learning_outcomes": list(module.get("learning_outcomes") or []),
                "material_formats": [str(label) for label in module.format_labels],
                "job_based_activity": rich_text(module.get("job_based_activity")),
                "elearning_url": module.get("elearning_url") or "",
            }


def agenda_rows(page) -> list[dict]:
    """The sessions and breaks of an event's agenda; times in the event's zone, ISO 8601 with their UTC offset."""
    rows = []
    for child in page.agenda:
        item = child.value
        start = page.local_datetime(item.get("date"), item.get("start_time"))
        end = page.local_datetime(item.get("date"), item.get("end_time"))
        row = {
            "type": child.block_type,
            "title": item.get("title") or "",
            "date": (item.get("date") or page.start_date).isoformat(),
            "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None,
        }
        if child.block_type == "session":
            partner = item.get("partner")
            row |= {
                "description": rich_text(item.get("description")),
                "speakers": [person.name for person in item.get("speakers") or [] if person is not None],
                "partner": partner.name if partner else "",
                "competences": [competence.number for competence in item.get("competences") or [] if competence],
            }
        rows.append(row)
    return rows


def event_rows(request, language):
    for page in events(language):
        url = page.get_full_url(request)
        yield {
            "title": page.title,
            "url": url,
            "ical": f"{url}ical/",
            "start": page.start.isoformat() if page.start else None,
            "end": page.end.isoformat() if page.end else None,
            "time_zone": page.time_zone,
            "status": page.status,
            "attendance_mode": page.attendance_mode,
            "location": location_text(page),
            "agenda": agenda_rows(page),
        }


def licence_block() -> dict:
    return {"license": LICENCE_URL, "licence": LICENCE, "attribution": ATTRIBUTION}


def licence_note() -> str:
    return _("Licence: %(licence)s %(url)s. Credit: %(credit)s.") % {
        "licence": LICENCE,
        "url": LICENCE_URL,
        "credit": ATTRIBUTION,
    }


def csv_response(rows: list[dict], fieldnames: list[str], filename: str) -> HttpResponse:
    """A CSV file: a header (`fieldnames` and "licence"), then one line per row; lists joined with ";"."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*fieldnames, "licence"])
    writer.writeheader()
    for row in rows:
        flat = {key: ";".join(map(str, value)) if isinstance(value, list) else value for key, value in row.items()}
        writer.writerow({**flat, "licence": f"{LICENCE} {LICENCE_URL}"})
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def json_response(data, filename: str, content_type="application/json") -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def items_response(request, language: str, rows: Callable, filename: str) -> HttpResponse:
    items = list(rows(request, language))
    return json_response({**licence_block(), "language": language, "items": items}, filename)


def competences_jsonld(request, language: str, filename: str) -> HttpResponse:
    terms = [
        {
            "@type": "DefinedTerm",
            "termCode": str(row["number"]),
            "name": row["title"],
            "description": row["description"],
            "inDefinedTermSet": "#framework",
        }
        for row in competence_rows(language)
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "@id": "#framework",
        "name": _("Keep in Pact competence framework"),
        "inLanguage": language,
        "license": LICENCE_URL,
        "creditText": ATTRIBUTION,
        "hasDefinedTerm": terms,
    }
    return json_response(data, filename, "application/ld+json")


def events_ical(request, language: str, filename: str) -> HttpResponse:
    title = _("Events")
    name = f"{settings.WAGTAIL_SITE_NAME}: {title}"
    body = build_calendar(list(events(language)), request, name=name, description=licence_note())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


MEDIA_TYPES = {
    "JSON": "application/json",
    "JSON-LD": "application/ld+json",
    "CSV": "text/csv",
    "iCalendar": "text/calendar",
}


@dataclass(frozen=True)
class Download:
    """One file of a dataset: its name (the last part of its address), its format, how it is built."""

    name: str
    format: str
    build: Callable[[object, str, str], HttpResponse]  # (request, language, file name) -> response

    @property
    def media_type(self) -> str:
        """For the link's `type` attribute."""
        return MEDIA_TYPES[self.format]


@dataclass(frozen=True)
class Dataset:
    title: str
    fields: str  # what the files hold, for the open-data page
    downloads: tuple[Download, ...]


def json_and_csv(stem: str, rows: Callable, fieldnames: list[str]) -> tuple[Download, Download]:
    """`<stem>.json` and `<stem>.csv` of the same rows (`rows(request, language)`)."""
    return (
        Download(f"{stem}.json", "JSON", lambda request, language, name: items_response(request, language, rows, name)),
        Download(
            f"{stem}.csv",
            "CSV",
            lambda request, language, name: csv_response(list(rows(request, language)), fieldnames, name),
        ),
    )


DATASETS = (
    Dataset(
        gettext_lazy("Competence framework"),
        gettext_lazy(
            "number, title, description, sub-competences, knowledge, skills, attitudes; JSON-LD uses schema.org "
            "DefinedTermSet and DefinedTerm."
        ),
        (
            Download("competences.jsonld", "JSON-LD", competences_jsonld),
            Download(
                "competences.csv",
                "CSV",
                lambda request, language, name: csv_response(list(competence_rows(language)), COMPETENCE_FIELDS, name),
            ),
        ),
    ),
    Dataset(
        gettext_lazy("Case studies"),
        gettext_lazy(
            "title, address, organisation, city, country (ISO code), partner, competences (numbers), summary."
        ),
        json_and_csv("case-studies", case_study_rows, CASE_STUDY_FIELDS),
    ),
    Dataset(
        gettext_lazy("Training modules"),
        gettext_lazy(
            "letter (A–G), title, address, competence (number and title), learning outcomes, formats of the "
            "materials, job-based activity, address on the e-learning platform."
        ),
        json_and_csv("training-modules", training_module_rows, MODULE_FIELDS),
    ),
    Dataset(
        gettext_lazy("Events and their agendas"),
        gettext_lazy(
            "title, address, iCalendar file, start and end (UTC), time zone, status, format, place; the agenda: "
            "sessions and breaks with their day, start and end (in the event's time zone), title, description, "
            "speakers, presenting partner and competences (numbers). The iCalendar file holds every event."
        ),
        (
            Download(
                "events.json",
                "JSON",
                lambda request, language, name: items_response(request, language, event_rows, name),
            ),
            Download("events.ics", "iCalendar", events_ical),
        ),
    ),
)
DOWNLOADS = {download.name: download for dataset in DATASETS for download in dataset.downloads}


def download(request, language: str, name: str) -> HttpResponse:
    """The file `name` of `language`'s open data; 404 for a name that is not one of DOWNLOADS."""
    if name not in DOWNLOADS:
        raise Http404(name)
    return DOWNLOADS[name].build(request, language, name)
