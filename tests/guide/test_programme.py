"""The training programme: modules A–G tied to competences 1–7, validation, access, per-language e-learning links."""

import json

import pytest
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation, TranslationSource

from tests.conftest import LANGUAGES
from tests.guide.helpers import competence, framework, main_text, programme, soup

pytestmark = pytest.mark.django_db


def test_seven_modules_lettered_a_to_g_each_train_the_competence_of_the_same_rank(client):
    page = programme("en")
    html = soup(client.get(page.url))
    modules = html.select("section.module")
    assert [module.select_one(".module__letter").get_text(strip=True) for module in modules] == [
        f"Module {letter}" for letter in "ABCDEFG"
    ]
    for number, module in enumerate(modules, start=1):
        link = module.select_one(".module__competence a")
        assert link["href"] == f"{framework('en').url}{number}/"
        assert link.get_text(strip=True) == competence(number).title
        assert module.select(".module__outcomes li")
        assert [li.get_text(strip=True) for li in module.select(".module__formats li")] == [
            "Books",
            "Lectures",
            "Exercises",
            "Animated slides with voice-over",
            "Interactive tutorials",
            "Assessment and self-evaluation",
        ]
        assert module.find("h4", string="Job-based activity")


def test_programme_explains_validation_and_open_access(client):
    text = main_text(client.get(programme("en").url))
    assert "self-assessment" in text and "before they begin and again when they have finished" in text
    assert "certificate of self-evaluation of the seven competences" in text
    assert "it is not a diploma" in text
    assert "Anyone can create an account" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_modules_are_shown_with_the_competences_of_the_readers_language(client, language):
    html = soup(client.get(programme(language).url))
    names = [a.get_text(strip=True) for a in html.select(".module__competence a")]
    assert names == [competence(n, language).title for n in range(1, 8)]


def test_elearning_address_of_a_module_can_be_overridden_in_a_translation(client):
    english = programme("en")
    modules = list(english.modules.raw_data)
    modules[0]["value"]["elearning_url"] = "https://elearning.example.org/en/module-a"
    english.modules = modules
    english.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(english)
    french_translation = Translation.objects.get(source=source, target_locale__language_code="fr")
    segment = OverridableSegment.objects.get(source=source, context__path__endswith=".elearning_url")
    SegmentOverride.objects.create(
        locale=french_translation.target_locale,
        context=segment.context,
        data_json=json.dumps("https://elearning.example.org/fr/module-a"),
    )
    french_translation.save_target(publish=True)
    italian_translation = Translation.objects.get(source=source, target_locale__language_code="it")
    italian_translation.save_target(publish=True)

    def module_a_link(language):
        return soup(client.get(programme(language).url)).select_one("section.module .module__link a")["href"]

    assert module_a_link("en") == "https://elearning.example.org/en/module-a"
    assert module_a_link("fr") == "https://elearning.example.org/fr/module-a"
    assert module_a_link("it") == "https://elearning.example.org/en/module-a"  # not overridden: the source's


def test_programme_is_labelled_as_sample_content(client):
    assert soup(client.get(programme("pt").url)).find(class_="sample-notice") is not None
