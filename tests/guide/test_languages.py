"""Every page type of the guide app renders in all five languages after load_content."""

import pytest

from guide.models import CompetenceFrameworkPage, GuideChapterPage, GuideIndexPage, TrainingProgrammePage
from tests.conftest import LANGUAGES
from tests.guide.helpers import chapters, framework, guide, programme, soup

pytestmark = pytest.mark.django_db


def test_every_guide_page_exists_once_per_language(locales):
    for model, expected in [
        (GuideIndexPage, 1),
        (GuideChapterPage, 4),
        (CompetenceFrameworkPage, 1),
        (TrainingProgrammePage, 1),
    ]:
        for code, locale in locales.items():
            assert model.objects.filter(locale=locale, live=True).count() == expected, (model, code)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_type_renders_in_each_language(client, language):
    urls = {
        "guide index": guide(language).url,
        "chapter": chapters(language)[2].url,
        "whole guide": guide(language).url + "print/",
        "framework": framework(language).url,
        "competence": framework(language).url + "4/",
        "programme": programme(language).url,
    }
    for name, url in urls.items():
        assert url.startswith(f"/{language}/"), name
        response = client.get(url)
        assert response.status_code == 200, name
        html = soup(response)
        assert html.html["lang"] == language, name
        assert html.find("h1").get_text(strip=True), name


@pytest.mark.parametrize("language", ["fr", "pt", "it", "hr"])
def test_guide_ui_strings_are_translated(client, language):
    html = soup(client.get(chapters(language)[0].url))
    toc_heading = html.find(id="toc-heading").get_text(strip=True)
    assert toc_heading and toc_heading != "In this chapter"
    reading_time = html.select_one(".reading-time").get_text(strip=True)
    assert "minute" not in reading_time or language == "fr"  # French "minute" is French too
    assert "to read" not in reading_time


def test_the_home_page_leads_to_the_guide_framework_and_programme(client):
    html = soup(client.get("/it/"))
    nav = [a["href"] for a in html.select("nav.main-nav a")]
    for page in [guide("it"), framework("it"), programme("it")]:
        assert page.url in nav
