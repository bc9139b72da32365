"""The base page every page type of the site builds on."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from search.indexing import snippet_names


class ListingMixin(models.Model):
    """Fields that show a page in listings, cards and search results."""

    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        help_text=_(
            "One or two sentences shown on cards and in listings that link to this page, "
            "and as the search-engine description when none is set under Promote."
        ),
    )

    promote_panels = [FieldPanel("listing_summary")]

    class Meta:
        abstract = True


class SampleContentMixin(models.Model):
    """Marks a page whose text is a clearly labelled sample, not the project's real text."""

    is_sample_content = models.BooleanField(
        _("sample content"),
        default=False,
        help_text=_(
            "Shows visitors a notice that this page holds sample text, not the project's real text. "
            "Untick it once the real text is in."
        ),
    )

    settings_panels = [FieldPanel("is_sample_content")]

    class Meta:
        abstract = True


class BasePage(ListingMixin, SampleContentMixin, Page):
    """Abstract base of every page type: Wagtail's Page plus listing fields and the sample-content flag."""

    search_fields = Page.search_fields + [
        index.SearchField("listing_summary"),
        # Names of the speakers, partners, competences... the page shows (search/indexing.py).
        index.SearchField("search_snippet_names"),
    ]
    promote_panels = Page.promote_panels + ListingMixin.promote_panels
    settings_panels = Page.settings_panels + SampleContentMixin.settings_panels

    # wagtail-localize: what each field does in a translation. Subclasses
    # extend this list (`BasePage.override_translatable_fields + [...]`).
    override_translatable_fields = [SynchronizedField("is_sample_content", overridable=False)]

    class Meta:
        abstract = True

    @cached_property
    def search_snippet_names(self) -> str:
        """The names of the snippets this page shows, in its language, for the search index.

        Once per instance: the search backends read every search field three times (for the
        title, body and autocomplete columns), from an instance loaded for indexing."""
        return snippet_names(self)

    @property
    def meta_description(self) -> str:
        """The search-engine description: `search_description`, else the listing summary."""
        return self.search_description or self.listing_summary
