"""Open data downloads, per language: `/<lang>/open-data/` lists them, with their licence and fields.

- `competences.jsonld`: the competence framework as schema.org `DefinedTermSet` / `DefinedTerm`;
- `competences.csv`, `case-studies.json`, `case-studies.csv`, `events.json`.
Only reachable public pages (`home.reachable`) and the snippets of the request's language. The static
archive includes them (its crawl starts at each language's open-data page).
"""

import csv
import io
import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from casestudies.models import CaseStudyPage
from events.models import EventPage
from home.models import Competence
from home.reachable import reachable

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = "Keep in Pact (Erasmus+ 2019-1-FR01-KA202-063068)"


def text(html: str) -> str:
    return " ".join(strip_tags(html or "").split())


def competences(language: str):
    return Competence.objects.filter(locale__language_code=language).order_by("number")


def case_studies(language: str):
    pages = reachable(CaseStudyPage.objects.filter(locale__language_code=language))
    return pages.select_related("partner").prefetch_related("competence_links__competence").order_by("path")


def events(language: str):
    return reachable(EventPage.objects.filter(locale__language_code=language)).order_by("start", "path")


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
        }


def licence_block() -> dict:
    return {"license": LICENCE_URL, "licence": LICENCE, "attribution": ATTRIBUTION}


def csv_response(rows: list[dict], filename: str) -> HttpResponse:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=[*rows[0], "licence"])
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


def open_data(request):
    """The open-data page of the active language."""
    return render(request, "static_archive/open_data.html", {"licence": LICENCE, "licence_url": LICENCE_URL})


def open_data_file(request, name: str):
    language = translation.get_language()
    if name == "competences.jsonld":
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
        return json_response(data, name, "application/ld+json")
    if name == "competences.csv":
        return csv_response(list(competence_rows(language)), name)
    if name == "case-studies.json":
        items = list(case_study_rows(request, language))
        return json_response({**licence_block(), "language": language, "items": items}, name)
    if name == "case-studies.csv":
        return csv_response(list(case_study_rows(request, language)), name)
    if name == "events.json":
        items = list(event_rows(request, language))
        return json_response({**licence_block(), "language": language, "items": items}, name)
    raise Http404(name)
