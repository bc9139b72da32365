"""Open data downloads per language: they parse, list one row per item, state their licence; the archive has them."""

import csv
import io
import json

import pytest
from wagtail.models import Page

from casestudies.models import CaseStudyPage
from home.reachable import reachable

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "fr", "pt", "it", "hr"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_competence_framework_is_json_ld_with_seven_competences(client, language):
    response = client.get(f"/{language}/open-data/competences.jsonld")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["@type"] == "DefinedTermSet" and data["inLanguage"] == language
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    terms = data["hasDefinedTerm"]
    assert len(terms) == 7 and {term["@type"] for term in terms} == {"DefinedTerm"}
    assert [term["termCode"] for term in terms] == [str(n) for n in range(1, 8)]
    rows = list(csv.DictReader(io.StringIO(client.get(f"/{language}/open-data/competences.csv").content.decode())))
    assert len(rows) == 7 and rows[0]["number"] == "1" and "CC BY 4.0" in rows[0]["licence"]


def test_case_studies_and_events_are_json_and_csv_with_one_row_per_item(client):
    expected = reachable(CaseStudyPage.objects.filter(locale__language_code="fr")).count()
    assert expected
    data = json.loads(client.get("/fr/open-data/case-studies.json").content)
    assert data["licence"] == "CC BY 4.0" and len(data["items"]) == expected
    assert {"country", "partner", "competences"} <= set(data["items"][0])
    text = client.get("/fr/open-data/case-studies.csv").content.decode()
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    assert header[:3] == ["title", "url", "organisation"] and len(list(reader)) == expected
    events = json.loads(client.get("/fr/open-data/events.json").content)["items"]
    assert events and all(item["url"].startswith("http://testserver/fr/") for item in events)
    page = client.get("/fr/open-data/")
    assert page.status_code == 200 and b"CC BY 4.0" in page.content and b'rel="license"' in page.content
    assert client.get("/fr/open-data/nothing.json").status_code == 404


def test_the_archive_includes_the_downloads(built_archive):
    folder, _report = built_archive
    for language in LANGUAGES:
        data = json.loads((folder / f"{language}/open-data/competences.jsonld").read_text())
        assert len(data["hasDefinedTerm"]) == 7
        assert (folder / f"{language}/open-data/case-studies.csv").is_file()
        assert (folder / f"{language}/open-data/index.html").is_file()
    assert Page.objects.exists()


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("en", "Open data"),
        ("fr", "Données ouvertes"),
        ("pt", "Dados abertos"),
        ("it", "Dati aperti"),
        ("hr", "Otvoreni podaci"),
    ],
)
def test_every_footer_links_the_open_data_page_in_its_language(client, language, label):
    html = client.get(f"/{language}/").content.decode()
    assert f'<a href="/{language}/open-data/">{label}</a>' in html
