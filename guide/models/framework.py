"""CompetenceFrameworkPage: the seven competences, and for each one everything on the site linked to it."""

from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from guide.gathering import pages_linking_to
from home.blocks import BaseStreamBlock
from home.models import BasePage, Competence


class CompetenceFrameworkPage(RoutablePageMixin, BasePage):
    """The competence framework for multi-partnership cooperation management in lifelong career guidance.

    Routes: the page itself (the framework's purpose and its competences, read
    from the `Competence` snippets in the page's language) and `<number>/`, one
    page per competence gathering its training module, the guide chapters, case
    studies and event sessions that link it (guide.gathering). A number with no
    competence is a 404 that says so.
    """

    introduction = RichTextField(
        _("purpose"),
        editor="inline",
        help_text=_("What the framework describes and who it is for; shown under the title."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("more about the framework"),
        blank=True,
        help_text=_("Optional text shown after the list of competences: how the framework was built, how to use it."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("competence framework page")
        verbose_name_plural = _("competence framework pages")

    def competences(self):
        """The framework's competences in this page's language (English where not yet translated). One SQL query."""
        return Competence.objects.localized(self.locale).order_by("number")

    @cached_property
    def competence_list(self) -> list:
        """`competences()` as a list, loaded once per page instance (that is, once per request)."""
        return list(self.competences())

    def competence_url(self, number: int, request=None) -> str:
        """Address of the page of competence `number` in this framework page's language."""
        return self.get_url(request) + self.reverse_subpage("competence", kwargs={"number": number})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["competences"] = self.competence_list
        return context

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        base = urls[0]
        for competence in self.competence_list:
            urls.append(
                {**base, "location": base["location"] + self.reverse_subpage("competence", args=[competence.number])}
            )
        return urls

    @path("<int:number>/", name="competence")
    def competence_view(self, request, number: int):
        """One competence: its description, sub-competences, knowledge, skills and attitudes, and what links it."""
        competence = next((c for c in self.competence_list if c.number == number), None)
        if competence is None:
            return TemplateResponse(
                request,
                "guide/competence_not_found.html",
                {
                    "page": self,
                    "number": number,
                    "competences": self.competence_list,
                    "alternate_subpath": "",
                },
                status=404,
            )
        return self.render(
            request,
            template="guide/competence_page.html",
            context_overrides={
                "competence": competence,
                "linked_groups": pages_linking_to(competence, self.locale),
                "alternate_subpath": self.reverse_subpage("competence", kwargs={"number": number}),
            },
        )
