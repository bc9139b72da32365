"""wagtail-factories for the tests."""

import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import Partner, Person, StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Section {n}")
    listing_summary = factory.Faker("sentence")
    introduction = factory.Faker("paragraph")
    show_in_menus = True
    live = True

    class Meta:
        model = StandardPage


class PartnerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    city = "Lisbon"
    country = "PT"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Partner


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("name")
    job_title = "Guidance counsellor"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Person
