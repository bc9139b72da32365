"""Relevance in the page's language on PostgreSQL: stemming per language, titles above body text.

Skipped on SQLite, whose FTS5 index does not stem and does not weigh titles
(README, "Search"); `make test` with DATABASE_URL=postgres://... runs them.
"""

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.conf import get_app_config

from home.models import StandardPage
from tests.search.conftest import make_page, on_postgresql, result_titles, search

pytestmark = [pytest.mark.django_db, on_postgresql]

# (language, text on the page, inflected form a reader types, why this case matters)
INFLECTIONS = [
    ("fr", "Le partenariat entre les services d'orientation.", "partenariats", "French plural"),
    ("fr", "Un réseau de centres d'orientation.", "réseaux", "French -eau/-eaux, unknown to English rules"),
    ("pt", "A parceria entre os serviços de orientação.", "parcerias", "Portuguese plural"),
    ("pt", "A orientação ao longo da vida.", "orientações", "Portuguese -ção/-ções"),
    ("it", "Il partenariato tra i servizi di orientamento.", "partenariati", "Italian -o/-i plural"),
    ("it", "Una rete di servizi per l'orientamento.", "orientamenti", "Italian plural"),
    ("en", "A partnership between guidance services.", "partnerships", "English plural"),
    ("en", "Guidance counsellors cooperate.", "cooperating", "English verb forms"),
    ("hr", "Partnerstvo među službama za savjetovanje.", "partnerstva", "Croatian genitive (Serbian stemmer)"),
    ("hr", "Suradnja službi za cjeloživotno vođenje.", "suradnje", "Croatian genitive (Serbian stemmer)"),
]


@pytest.mark.parametrize(("language", "text", "query", "case"), INFLECTIONS, ids=[row[3] for row in INFLECTIONS])
def test_inflected_forms_find_the_page_in_its_language(client, home_pages, language, text, query, case):
    make_page(home_pages[language], "Stemming probe", text)
    response, html = search(client, language, query)
    assert response.status_code == 200
    assert "Stemming probe" in result_titles(html), case
    # The stemmed match is highlighted in the extract too.
    assert html.select(".search-result__extract mark")


def test_portuguese_parcerias_finds_the_portuguese_pages_and_nothing_else(client, home_pages):
    # The "done when": /pt/search/?q=parcerias finds the Portuguese pages about partnerships.
    make_page(home_pages["pt"], "Gestão de parcerias", "Como gerir uma parceria entre serviços de orientação.")
    make_page(home_pages["en"], "Parcerias in English", "Parceria and parcerias, quoted in an English page.")
    make_page(home_pages["fr"], "Parcerias en français", "Parceria, cité dans une page française.")
    response, html = search(client, "pt", "parcerias")
    titles = result_titles(html)
    assert "Gestão de parcerias" in titles
    assert "Parcerias in English" not in titles and "Parcerias en français" not in titles
    assert all(href.startswith("/pt/") for href in [a["href"] for a in html.select(".search-result__title a")])


def test_each_language_is_stemmed_with_its_own_rules(client, home_pages):
    # "réseaux" reduces to "réseau" with French rules only: an English page holding "réseau"
    # is not matched by "réseaux", a French one is.
    make_page(home_pages["en"], "Network page", "The réseau of guidance centres.")
    make_page(home_pages["fr"], "Page réseau", "Le réseau des centres d'orientation.")
    assert "Network page" not in result_titles(search(client, "en", "réseaux")[1])
    assert "Page réseau" in result_titles(search(client, "fr", "réseaux")[1])


def test_pages_are_indexed_with_their_languages_configuration(home_pages):
    page = make_page(home_pages["fr"], "Partenariats durables", "Des partenariats durables.")
    entry = (
        get_app_config()
        .get_model("IndexEntry")
        .objects.get(content_type=ContentType.objects.get_for_model(StandardPage), object_id=str(page.pk))
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::tsvector @@ to_tsquery('french', 'partenariat')", [str(entry.body)])
        assert cursor.fetchone()[0]
        # Stemmed lexemes ("partenariat", "durabl"), not the words as typed.
        cursor.execute("SELECT array_to_string(tsvector_to_array(%s::tsvector), ' ')", [str(entry.title)])
        assert cursor.fetchone()[0].split() == ["durabl", "partenariat"]


def test_configured_text_search_configurations_exist_in_postgresql():
    params = settings.WAGTAILSEARCH_BACKENDS["default"]
    wanted = set(params["LANGUAGE_CONFIGS"].values()) | {params["SEARCH_CONFIG"]}
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname = ANY(%s)", [list(wanted)])
        assert {row[0] for row in cursor.fetchall()} == wanted
    assert {code for code, _name in settings.LANGUAGES} <= set(params["LANGUAGE_CONFIGS"])


def test_a_word_in_the_title_ranks_above_the_same_word_in_body_text(client, home_pages):
    make_page(home_pages["en"], "Guidance services", "Quokka " * 5 + "mentioned five times in the body.")
    make_page(home_pages["en"], "Quokka", "A short page.")
    make_page(home_pages["en"], "Partnership charter", "Once: quokka.")
    titles = result_titles(search(client, "en", "quokka")[1])
    assert titles[0] == "Quokka"
    assert set(titles) == {"Quokka", "Guidance services", "Partnership charter"}
