"""Snippet names shown on a page (speakers, partners, competences) find the page, and stay current."""

import pytest
from wagtail.models import Page
from wagtail.search import index

from home.loading import stable_uuid
from home.models import Competence, Partner, Person, base
from search.indexing import referenced_snippets, snippet_models, snippet_names, snippets_in_block_value
from tests.factories import PartnerFactory, PersonFactory
from tests.search.conftest import make_page, result_titles, search

pytestmark = pytest.mark.django_db


def test_a_persons_partner_foreign_key_is_a_referenced_snippet():
    partner = PartnerFactory(name="Quoll Guidance Network")
    person = PersonFactory(name="Ada Quoll", partner=partner)
    assert referenced_snippets(person) == [partner]


def test_snippets_are_found_inside_lists_and_structs(body_with_snippet_choosers, locales):
    person = PersonFactory(name="Ada Numbat")
    partners = list(Partner.objects.filter(locale=locales["en"])[:2])
    competence = Competence.objects.get(locale=locales["en"], number=3)
    value = body_with_snippet_choosers.to_python(
        [
            {"type": "speaker", "value": person.pk},
            {"type": "partners", "value": [partners[0].pk, partners[1].pk, None]},
            {"type": "session", "value": {"title": "Opening", "competence": competence.pk}},
            {"type": "paragraph", "value": "<p>Text</p>"},
        ]
    )
    found = snippets_in_block_value(body_with_snippet_choosers, value, snippet_models())
    assert found == [person, partners[0], partners[1], competence]


def test_speaker_partner_and_competence_names_find_the_page(client, home_pages, body_with_snippet_choosers, locales):
    speaker = PersonFactory(name="Philippa Okapi")
    partner = Partner.objects.get(locale=locales["en"], translation_key=stable_uuid("partner-lllp"))
    competence = Competence.objects.get(locale=locales["en"], number=5)
    body = [
        {"type": "speaker", "value": speaker.pk},
        {"type": "partners", "value": [partner.pk]},
        {"type": "session", "value": {"title": "Workshop", "competence": competence.pk}},
    ]
    make_page(home_pages["en"], "Multiplier event programme", body=body)
    for query in ["Okapi", "Philippa Okapi", partner.name, competence.title]:
        _response, html = search(client, "en", query)
        assert "Multiplier event programme" in result_titles(html), query


def test_names_are_indexed_in_the_pages_language(client, home_pages, body_with_snippet_choosers, locales):
    # A French page pointing at the English partner (not yet re-pointed by a translation) is
    # indexed with the partner's French name, the one French readers see.
    partner_en = Partner.objects.get(locale=locales["en"], translation_key=stable_uuid("partner-azvo"))
    partner_fr = partner_en.get_translation(locales["fr"])
    assert partner_fr.name != partner_en.name
    page = make_page(home_pages["fr"], "Programme", body=[{"type": "partners", "value": [partner_en.pk]}])
    assert snippet_names(page) == partner_fr.name
    _response, html = search(client, "fr", "Agence enseignement supérieur")
    assert "Programme" in result_titles(html)


def test_renaming_a_snippet_reindexes_the_pages_that_show_it(client, home_pages, body_with_snippet_choosers):
    speaker = PersonFactory(name="Ottoline Quimby", locale=home_pages["pt"].locale)
    make_page(home_pages["pt"], "Programa do evento", body=[{"type": "speaker", "value": speaker.pk}])
    assert result_titles(search(client, "pt", "Quimby")[1]) == ["Programa do evento"]
    speaker.name = "Ottoline Zarate"
    speaker.save()
    assert result_titles(search(client, "pt", "Zarate")[1]) == ["Programa do evento"]
    assert result_titles(search(client, "pt", "Quimby")[1]) == []


def test_translating_a_snippet_reindexes_pages_in_that_language(client, home_pages, body_with_snippet_choosers):
    partner = PartnerFactory(name="Numbat Careers", slug="numbat-careers")
    make_page(home_pages["it"], "Programma", body=[{"type": "partners", "value": [partner.pk]}])
    assert result_titles(search(client, "it", "Numbat Careers")[1]) == ["Programma"]
    translated = partner.copy_for_translation(home_pages["it"].locale)
    translated.name = "Carriere Numbat"
    translated.save()
    assert result_titles(search(client, "it", "Carriere")[1]) == ["Programma"]


def test_deleting_a_snippet_removes_its_name_from_the_pages(client, home_pages, body_with_snippet_choosers):
    speaker = PersonFactory(name="Bartholomew Quagga", locale=home_pages["hr"].locale)
    make_page(home_pages["hr"], "Program", body=[{"type": "speaker", "value": speaker.pk}])
    assert result_titles(search(client, "hr", "Quagga")[1]) == ["Program"]
    Person.objects.get(pk=speaker.pk).delete()
    assert result_titles(search(client, "hr", "Quagga")[1]) == []


def test_indexing_a_page_works_out_its_snippet_names_once(client, home_pages, body_with_snippet_choosers, monkeypatch):
    """The backends read each search field for the title, body and autocomplete columns alike."""
    speaker = PersonFactory(name="Ada Wombat")
    page = make_page(home_pages["en"], "Wombat programme", body=[{"type": "speaker", "value": speaker.pk}])
    calls = []
    monkeypatch.setattr(base, "snippet_names", lambda page: calls.append(page.pk) or snippet_names(page))
    index.insert_or_update_object(Page.objects.get(pk=page.pk).specific)
    assert calls == [page.pk]
    assert result_titles(search(client, "en", "Ada Wombat")[1]) == ["Wombat programme"]
