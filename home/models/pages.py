"""HomePage (the root of each language's tree) and StandardPage."""

from django.apps import apps
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home import fragments
from home.blocks import StandardPageStreamBlock
from home.models.base import BasePage
from home.models.hero import HeroImageMixin
from home.models.i18n import OWN_LANGUAGE_CONTENT
from home.routing import route_below


class HomePage(HeroImageMixin, BasePage):
    """The root page of one language: hero, introduction, the outputs, partners."""

    hero_heading = models.CharField(
        _("hero heading"),
        max_length=255,
        help_text=_("The large line at the top of the home page, under the site name."),
    )
    hero_text = models.TextField(_("hero text"), blank=True, help_text=_("One short paragraph under the hero heading."))
    introduction = RichTextField(
        _("introduction"),
        blank=True,
        editor="basic",
        help_text=_("About the project: shown under the hero."),
    )
    objective = models.TextField(
        _("objective"), blank=True, help_text=_("The project's objective, in one or two sentences.")
    )
    project_start = models.DateField(_("project start"), null=True, blank=True)
    project_end = models.DateField(_("project end"), null=True, blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                *HeroImageMixin.hero_image_panels,
            ],
            heading=_("Hero"),
        ),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("objective"), FieldRowPanel([FieldPanel("project_start"), FieldPanel("project_end")])],
            heading=_("Project facts"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("introduction"),
        index.SearchField("objective"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("project_start", overridable=False),
        SynchronizedField("project_end", overridable=False),
    ]

    # Children: every page type whose `parent_page_types` names HomePage (the
    # output sections' index pages and StandardPage), so each app declares its
    # own place in the tree and HomePage needs no list to keep in step.
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @property
    def localized(self):
        # The site root's translations come with the request's Site (home.fragments): no query per request.
        root = fragments.localized_root(self)
        return root if root is not None else super().localized

    def route(self, request, path_components):
        # Wagtail routes every language from the site root's `.localized`, which
        # falls back to the English home page when the requested language has
        # no live home page. Refuse that, so /hr/ never shows English content.
        if self.locale_id != Locale.get_active().pk:
            raise Http404
        return route_below(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Each section once: the "About the project" page is linked from the introduction, which already
        # is the about section, so the outputs grid lists the output sections only. A shared fragment
        # (home.fragments): the same list for every visitor of this language.
        children = fragments.cached(
            "home_sections",
            (self.pk,),
            lambda: list(self.get_children().live().public().in_menu().filter(OWN_LANGUAGE_CONTENT).specific()),
        )
        context["about_pages"] = [child for child in children if isinstance(child, StandardPage)]
        context["sections"] = [child for child in children if not isinstance(child, StandardPage)]
        # The next event, else the latest past one (events app); at most two queries.
        context["latest_event"] = apps.get_model("events", "EventPage").objects.featured(fragments.locale_of(self))
        return context


class StandardPage(BasePage):
    """A plain content page: "About the project", legal notices, an accessibility statement."""

    introduction = models.TextField(_("introduction"), blank=True, help_text=_("Shown in larger type under the title."))
    body = StreamField(StandardPageStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
