from home.models.base import BasePage, ListingMixin
from home.models.competences import Competence
from home.models.hero import HeroImageMixin
from home.models.pages import HomePage, StandardPage
from home.models.partners import Partner
from home.models.people import Person
from home.models.site_settings import ContactSettings, SocialMediaSettings

__all__ = [
    "BasePage",
    "Competence",
    "ContactSettings",
    "HeroImageMixin",
    "HomePage",
    "ListingMixin",
    "Partner",
    "Person",
    "SocialMediaSettings",
    "StandardPage",
]
