"""TourIndexPage: the list of the virtual tours."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from home.models import BasePage
from tours.cards import tour_cards


class TourIndexPage(BasePage):
    """ "Virtual tours": one card per live tour (centre, city, country, thumbnail, number of rooms)."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        editor="basic",
        help_text=_("Shown above the list of tours."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["tours.TourPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("tour index page")
        verbose_name_plural = _("tour index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tour_cards"] = tour_cards(self, request)
        return context
