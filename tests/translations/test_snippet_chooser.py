"""A snippet chooser opened without `?locale=` shows a translator their own language (it lists every
language otherwise), and a page or list of another language answers with a message naming the languages the
translator works in (translations.guards)."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from home.models import Partner

pytestmark = pytest.mark.django_db

CHOOSER = "wagtailsnippetchoosers_home_partner:choose"
CHOOSER_RESULTS = "wagtailsnippetchoosers_home_partner:choose_results"


def yours(locales) -> str:
    return f"You work in {locales['fr'].get_display_name()}, so you cannot open or change it."


@pytest.mark.parametrize("view", [CHOOSER, CHOOSER_RESULTS])
def test_a_snippet_chooser_without_locale_opens_in_the_translators_language(french_client, view, locales):
    url = reverse(view)
    response = french_client.get(url, {"q": "", "p": "1"})
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == url
    assert parse_qs(location.query, keep_blank_values=True) == {"locale": ["fr"], "q": [""], "p": ["1"]}
    response = french_client.get(response["Location"])
    assert response.status_code == 200
    html = response.content.decode()
    french = Partner.objects.filter(locale=locales["fr"]).first()
    portuguese = Partner.objects.filter(locale=locales["pt"], translation_key=french.translation_key).first()
    assert reverse("wagtailsnippetchoosers_home_partner:chosen", args=[french.pk]) in html
    assert reverse("wagtailsnippetchoosers_home_partner:chosen", args=[portuguese.pk]) not in html


def test_an_editor_gets_the_chooser_of_every_language_as_before(superuser_client):
    assert superuser_client.get(reverse(CHOOSER)).status_code == 200


def test_a_snippet_chooser_in_another_language_names_the_translators_languages(french_client, locales):
    response = french_client.get(reverse(CHOOSER), {"locale": "pt"})
    assert response.status_code == 403
    html = response.content.decode()
    assert f"This is in {locales['pt'].get_display_name()}" in html
    assert yours(locales) in html


def test_a_page_and_a_list_of_another_language_name_the_translators_languages(
    french_client, about, home_pages, locales
):
    for url in (
        reverse("wagtailadmin_pages:edit", args=[about.by_language["pt"].pk]),
        reverse("wagtailadmin_explore", args=[home_pages["hr"].pk]),
        reverse("wagtailsnippets_home_partner:list") + "?locale=hr",
    ):
        response = french_client.get(url)
        assert response.status_code == 403, url
        html = response.content.decode()
        assert yours(locales) in html, url
        # A way back to their own language, not a silent switch to it.
        assert reverse("wagtailadmin_explore", args=[home_pages["fr"].pk]) in html, url
