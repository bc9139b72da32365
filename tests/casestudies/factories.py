"""Factories for case-study tests: pages with a partner, competences and a hero image, under a library."""

import factory
import wagtail_factories
from wagtail.models import Locale

from casestudies.models import CaseStudyCompetence, CaseStudyIndexPage, CaseStudyPage
from home.models import Competence, Partner


def add_case_study(library: CaseStudyIndexPage, *, competences=(1,), partner="cdm-porto", country="PT", **fields):
    """A live case study under `library`, in the library's language.

    `competences` are framework numbers and `partner` a partner slug; both are
    resolved in the library's locale. Other keyword arguments are page fields.
    """
    locale = library.locale
    links = [
        CaseStudyCompetence(competence=Competence.objects.get(locale=locale, number=number), locale=locale)
        for number in competences
    ]
    return CaseStudyPageFactory(
        parent=library,
        locale=locale,
        partner=Partner.objects.get(locale=locale, slug=partner),
        country=country,
        competence_links=links,
        **fields,
    )


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test case study {n:03d}")
    organisation = factory.Sequence(lambda n: f"Guidance centre {n}")
    city = "Lisbon"
    country = "PT"
    summary = factory.Faker("sentence")
    hero_image = factory.SubFactory(wagtail_factories.ImageFactory)
    hero_image_alt = "Counsellors around a table"
    locale = factory.LazyFunction(Locale.get_default)
    live = True

    class Meta:
        model = CaseStudyPage
