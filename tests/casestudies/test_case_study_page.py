"""A case study's page: facts in the page's language, sections, document, related case studies."""

import pytest
from wagtail.documents import get_document_model

from casestudies.models import CaseStudyPage
from home.loading import stable_uuid
from tests.casestudies.conftest import soup
from tests.casestudies.factories import add_case_study
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

PORTO_KEY = "case-study-sample-porto"


def porto(language: str) -> CaseStudyPage:
    return CaseStudyPage.objects.get(translation_key=stable_uuid(PORTO_KEY), locale__language_code=language)


def facts(response) -> dict[str, str]:
    return {
        item.find("dt").get_text(strip=True): item.find("dd").get_text(" ", strip=True)
        for item in soup(response).select(".facts__item")
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_case_study_shows_its_facts_in_the_page_language(client, language):
    page = porto(language)
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == language
    assert html.find("h1").get_text(strip=True) == page.title
    shown = " ".join(facts(response).values())
    assert page.organisation in shown
    assert page.partner.name in shown and page.partner.locale == page.locale
    assert str(page.country.name) in shown
    for link in page.competence_links.select_related("competence"):
        assert link.competence.title in shown
    if language == "pt":
        assert "Porto, Portugal" in shown
        assert "Coordenar, gerir e liderar a parceria" in shown
    if language == "it":
        assert "Porto, Portogallo" in shown


def test_hero_image_has_its_translated_alt_text(client):
    en, fr = porto("en"), porto("fr")
    assert fr.hero_image_id == en.hero_image_id  # synchronised
    assert fr.hero_image_alt != en.hero_image_alt  # translated
    # A sample's placeholder shows at thumbnail size (issue 18); a real case study's image as a hero.
    sample = soup(client.get(fr.url)).select_one(".case-study__hero--sample img")
    assert sample["alt"] == fr.hero_image_alt and int(sample["width"]) == 480
    type(fr).objects.filter(pk=fr.pk).update(is_sample_content=False)
    img = soup(client.get(fr.url)).select_one(".case-study__hero img")
    assert img["alt"] == fr.hero_image_alt
    assert int(img["width"]) == 1200 and int(img["height"]) == 630


def test_body_sections_have_translated_headings_and_partner_types(client):
    html = soup(client.get(porto("fr").url))
    headings = [h2.get_text(strip=True) for h2 in html.select(".case-study__body h2")]
    assert headings == ["Contexte", "Partenaires impliqués", "Activités", "Résultats", "Enseignements"]
    types = [badge.get_text(strip=True) for badge in html.select(".partners-involved__type")]
    assert types == ["Autre", "École", "ONG"]
    assert "Ceci est une étude de cas fictive" in html.find(class_="case-study__body").get_text()
    # Anchors are the block ids, the same in every language.
    en_ids = [h2["id"] for h2 in soup(client.get(porto("en").url)).select(".case-study__body h2")]
    assert [h2["id"] for h2 in html.select(".case-study__body h2")] == en_ids


def test_sample_case_study_is_labelled_as_such(client):
    html = soup(client.get(porto("it").url))
    assert html.find(class_="sample-notice")
    assert html.find("h1").get_text(strip=True).startswith("Esempio fittizio")


def test_full_case_study_document_downloads(client):
    page = porto("hr")
    link = soup(client.get(page.url)).select_one(".case-study__facts .document-download a")
    assert link["href"] == page.document.url
    assert "PDF" in soup(client.get(page.url)).select_one(".document-download__meta").get_text()
    response = client.get(link["href"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")


def test_a_translation_can_use_its_own_document(client):
    en, pt = porto("en"), porto("pt")
    own = get_document_model().objects.create(title="Estudo de caso completo (PT)", file=en.document.file)
    pt.document = own
    pt.save_revision().publish()
    assert soup(client.get(pt.url)).select_one(".case-study__facts .document-download a")["href"] == own.url
    assert soup(client.get(en.url)).select_one(".case-study__facts .document-download a")["href"] == en.document.url


def test_explore_links_lead_to_the_filtered_library(client, libraries):
    page = porto("fr")
    hrefs = [a["href"] for a in soup(client.get(page.url)).select(".explore-list a")]
    base = libraries["fr"].url
    assert hrefs == [f"{base}?country=PT", f"{base}?partner=cdm-porto", f"{base}?competence=3", f"{base}?competence=5"]
    for href in hrefs:
        assert client.get(href).status_code == 200


@pytest.mark.parametrize("language", ["en", "fr"])
def test_related_case_studies_share_a_competence_are_live_and_in_the_same_language(client, language):
    page = porto(language)
    own = {link.competence.number for link in page.competence_links.select_related("competence")}
    html = soup(client.get(page.url))
    related_urls = [a["href"] for a in html.select(".case-study__related .case-study-card__title a")]
    assert related_urls
    assert page.url not in related_urls
    by_url = {p.url: p for p in CaseStudyPage.objects.select_related("locale")}
    for url in related_urls:
        related = by_url[url]
        assert related.live
        assert related.locale_id == page.locale_id
        numbers = {link.competence.number for link in related.competence_links.select_related("competence")}
        assert numbers & own, (url, numbers, own)


def test_drafts_are_never_related(client, libraries):
    page = porto("en")
    draft = add_case_study(libraries["en"], competences=[3, 5], title="A draft sharing both competences", live=False)
    assert draft.title not in client.get(page.url).content.decode()


def test_case_studies_sharing_more_competences_come_first(client, libraries):
    page = porto("en")  # competences 3 and 5
    both = add_case_study(libraries["en"], competences=[5, 3], title="Zz shares both competences")
    first_card = soup(client.get(page.url)).select_one(".case-study__related .case-study-card__title a")
    assert first_card.get_text(strip=True) == both.title


def test_a_case_study_without_competences_has_no_related_section(client, libraries):
    page = add_case_study(libraries["en"], competences=[])
    response = client.get(page.url)
    assert response.status_code == 200
    assert not soup(response).find(class_="case-study__related")
