"""What a funder and a visitor see in every footer: the EU emblem and statement, the partners, the legal pages;
the home page without repeats; a past event shown as an archive (issue 18)."""

import pytest
from bs4 import BeautifulSoup
from wagtail_factories import ImageFactory

from events.models import EventPage
from home.loading import stable_uuid
from home.models import ContactSettings, Partner, StandardPage

pytestmark = pytest.mark.django_db

EU_STATEMENT = {
    "en": "Co-funded by the European Union",
    "fr": "Cofinancé par l’Union européenne",
    "pt": "Cofinanciado pela União Europeia",
    "it": "Cofinanziato dall’Unione europea",
    "hr": "Sufinancira Europska unija",
}
FOOTER_KEYS = ["page-contact", "page-privacy", "page-accessibility"]


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def page_in(key, language):
    return StandardPage.objects.live().get(translation_key=stable_uuid(key), locale__language_code=language)


@pytest.mark.parametrize("language", list(EU_STATEMENT))
def test_every_footer_shows_the_eu_emblem_with_the_statement_in_the_page_language(client, language):
    for path in [f"/{language}/", page_in("page-about", language).url]:
        footer = soup(client.get(path)).find("footer")
        funding = footer.find(class_="eu-funding")
        emblem = funding.find("img", class_="eu-funding__emblem")
        assert emblem["src"].endswith("img/eu-emblem.svg") and emblem["alt"]
        assert funding.get_text(" ", strip=True).replace("'", "’") == EU_STATEMENT[language]
        assert "2019-1-FR01-KA202-063068" in footer.get_text()


def test_the_six_partners_are_shown_alike_with_a_link_where_they_have_a_website(client):
    items = soup(client.get("/en/")).find("footer").select(".partner-list__item")
    partners = list(Partner.objects.localized())
    assert len(items) == len(partners) == 6
    for item, partner in zip(items, partners, strict=True):
        name = item.select_one(".partner-list__name")
        assert name.get_text(strip=True) == partner.name
        if partner.website:
            assert name.name == "a" and name["href"] == partner.website
        else:
            assert name.name == "span"


def test_a_partner_logo_replaces_its_name_and_keeps_it_as_alt_text(client):
    partner = Partner.objects.get(slug="lllp", locale__language_code="en")
    partner.logo = ImageFactory()
    partner.save()
    name = soup(client.get("/en/")).find("footer").find("a", class_="partner-list__name", href=partner.website)
    assert name.find("img")["alt"] == partner.name


@pytest.mark.parametrize("language", list(EU_STATEMENT))
def test_every_footer_links_to_contact_privacy_and_accessibility_in_the_page_language(client, language):
    links = soup(client.get(f"/{language}/")).select("footer .site-footer__legal a")
    expected = [page_in(key, language) for key in FOOTER_KEYS]
    assert [a["href"] for a in links] == [page.url for page in expected] + [f"/{language}/open-data/"]
    for page in expected:
        html = soup(client.get(page.url))
        assert html.find("html")["lang"] == language
        assert html.find("h1").get_text(strip=True) == page.title


def test_accessibility_statement_follows_the_eu_model_statement(client):
    text = soup(client.get(page_in("page-accessibility", "en").url)).find("main").get_text(" ", strip=True)
    for part in [
        "Directive (EU) 2016/2102",
        "partially compliant",
        "WCAG) 2.1, level AA",
        "360° panoramas",
        "text description",
        "Feedback and contact",
        "Enforcement procedure",
    ]:
        assert part in text, part


def test_privacy_notice_names_what_the_site_processes(client):
    text = soup(client.get(page_in("page-privacy", "fr").url)).find("main").get_text(" ", strip=True)
    assert "journaux" in text and "aucun cookie" in text and "compte" in text


def test_contact_page_shows_the_coordinator_and_the_contact_email_setting(client):
    settings = ContactSettings.for_site(page_in("page-contact", "en").get_site())
    settings.email = "contact@example.org"
    settings.save()
    main = soup(client.get(page_in("page-contact", "hr").url)).find("main")
    details = main.find("dl", class_="contact-details")
    assert "Međunarodna mreža" in details.get_text() or "Cité des métiers" in details.get_text()
    assert details.find("a", href="mailto:contact@example.org")


def test_home_page_shows_each_section_once(client):
    html = soup(client.get("/en/"))
    main = html.find("main")
    assert [h.get_text(strip=True) for h in main.find_all("h2")].count("About the project") == 1
    assert "About the project" not in [h.get_text(strip=True) for h in main.select(".card__title")]
    assert main.find(class_="partner-strip") is None  # the partners are in the footer
    assert html.find("footer").find(id="footer-partners-heading")


def test_home_page_says_latest_event_with_its_date_when_none_is_upcoming(client):
    block = soup(client.get("/en/")).find("section", class_="latest-event")
    assert block.find("h2").get_text(strip=True) == "Latest event"
    assert "2022" in block.find(class_="event-card__when").get_text()


def test_past_event_is_an_archive_that_states_once_what_was_not_published(client):
    event = EventPage.objects.live().get(start_date="2022-03-28", locale__language_code="en")
    html = soup(client.get(event.url))
    main = html.find("main")
    text = main.get_text(" ", strip=True)
    assert "This event took place on Monday 28 March 2022." in text
    assert text.count("The slides and the recording were not published on this site.") == 1
    assert "Add to my calendar" not in text
    assert main.find("a", class_="button") is None
    assert main.find("a", href=event.url + "ical/")  # the calendar file stays available
    toc = [a["href"] for a in main.select(".event__toc a")]
    assert "#presentations" not in toc and "#recording" not in toc
    assert main.find(id="presentations") is None and main.find(id="recording") is None
    card = soup(client.get(event.get_parent().url)).find(class_="event-card")
    assert "Took place" in card.get_text() and "No slides yet" not in card.get_text()


def test_attaching_a_recording_later_turns_its_archive_section_on(client):
    event = EventPage.objects.live().get(start_date="2022-03-28", locale__language_code="fr")
    # As an organiser's later edit leaves it (the embed check needs the provider, so the row is set directly).
    EventPage.objects.filter(pk=event.pk).update(recording_url="https://www.youtube.com/watch?v=keepinpact")
    main = soup(client.get(event.url)).find("main")
    assert main.find(id="recording") is not None
    assert "#recording" in [a["href"] for a in main.select(".event__toc a")]
    assert "Les diapositives n’ont pas été publiées sur ce site." in main.get_text().replace("'", "’")
