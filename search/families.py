"""Page families: the page types a visitor can filter search results by.

A family is a concrete page type built on `home.models.BasePage` (standard
page, guide chapter, case study, tour, event, ...). Its label is the page
type's verbose name in the active language; its identifier, used in the
`type` URL parameter, is `app_label.model_name` ("home.standardpage"), the same
in every language and stable as long as the model keeps its name.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst
from wagtail.models import get_page_models

from home.models import BasePage


@dataclass(frozen=True)
class PageFamily:
    identifier: str
    model: type[BasePage]

    @property
    def label(self) -> str:
        """Singular name, capitalised, in the active language: "Case study"."""
        return capfirst(self.model._meta.verbose_name)

    @property
    def plural_label(self) -> str:
        """Plural name, capitalised, in the active language: "Case studies"."""
        return capfirst(self.model._meta.verbose_name_plural)

    @property
    def content_type(self) -> ContentType:
        return ContentType.objects.get_for_model(self.model)


def family_identifier(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def page_families() -> dict[str, PageFamily]:
    """Every page family, by identifier. ContentType lookups are cached per process."""
    return {
        family_identifier(model): PageFamily(family_identifier(model), model)
        for model in get_page_models()
        if issubclass(model, BasePage) and not model._meta.abstract
    }


def families_by_content_type() -> dict[int, PageFamily]:
    """Every page family, by ContentType id."""
    return {family.content_type.pk: family for family in page_families().values()}
