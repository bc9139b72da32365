"""Helpers shared by the tours' page types."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page
from wagtail_localize.models import TranslationSource


def is_synced_translation(page: Page) -> bool:
    """Whether `page` is a wagtail-localize translation of a page in another language.

    Authoring rules (a scene link's target, the panorama's shape) are checked
    on the source page only: a translation copies them, and wagtail-localize
    keeps a translated scene link pointing at the source-language scene until
    the page is rendered (`tours.viewer` maps it to the page's language).
    One SQL query.
    """
    if not page.translation_key:
        return False
    return TranslationSource.objects.filter(object_id=page.translation_key).exclude(locale_id=page.locale_id).exists()


def parent_for_validation(page: Page) -> Page | None:
    """The parent `page` will have: set by the admin form for a new page, else from the tree."""
    parent = getattr(page, "_parent_for_validation", None)
    if parent is not None:
        return parent
    if page.path and page.depth and page.depth > 1:
        return page.get_parent()
    return None


def parent_path(page: Page) -> str:
    """The tree path of `page`'s parent, without a query ("" for the root)."""
    return page.path[: -Page.steplen] if page.path else ""


class TourAdminPageForm(WagtailAdminPageForm):
    """Gives the model's `clean()` the parent of a page being created (it has no tree position yet).

    When the chosen panorama's file cannot be decoded, the re-displayed form
    leaves the chooser empty: Wagtail's image chooser would draw a thumbnail
    of it and fail with a server error instead of showing the form error.
    """

    def clean(self):
        self.instance._parent_for_validation = self.parent_page
        return super().clean()

    def _post_clean(self):
        super()._post_clean()
        if getattr(self.instance, "_panorama_undecodable", False) and self.is_bound:
            data = self.data.copy()
            data[self.add_prefix("panorama")] = ""
            self.data = data


class CoordinateInput(forms.NumberInput):
    """A number input in degrees, stepping by a tenth."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"step": "0.1", **(attrs or {})})
