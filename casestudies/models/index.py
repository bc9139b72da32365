"""CaseStudyIndexPage: the case-study library, with its filters and the summary report."""

from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from casestudies.filters import RESULTS, CaseStudyFilterSet
from casestudies.models.case_study import CaseStudyPage
from home import fragments
from home.models import BasePage, Competence, Partner

CASE_STUDIES_PER_PAGE = 12


class CaseStudyIndexPage(BasePage):
    """The library of case studies of one language: introduction, summary report, filtered and paginated list.

    Query string: see `casestudies.filters` (a django-filter FilterSet). A results page beyond the last is
    answered with this page's template and HTTP 404; any other odd input is
    ignored and reported on the page.
    """

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        editor="default",
        help_text=_("Shown above the filters: what the case studies are and how to use them."),
    )
    summary_report = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("summary report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The report that sums up the case studies, as a downloadable document. "
            "A translation can replace it with a document in its own language."
        ),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("summary_report")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    override_translatable_fields = BasePage.override_translatable_fields + [SynchronizedField("summary_report")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.CaseStudyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("case study library")
        verbose_name_plural = _("case study libraries")

    def case_studies(self):
        """The live, public case studies of this library (so of its language), unordered."""
        return CaseStudyPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale = fragments.locale_of(self)
        filters = CaseStudyFilterSet(
            request.GET,
            self.case_studies(),
            # Shared fragments (home.fragments): the same lists for every library page of this language.
            competences=fragments.cached(
                "competences", (self.locale_id,), lambda: list(Competence.objects.localized(locale))
            ),
            # The same fragment as the footer's partner list (home.navigation.site_partners).
            partners=fragments.cached(
                "partners", (locale.language_code,), lambda: list(Partner.objects.localized(locale))
            ),
        )
        results = filters.qs.order_by("title", "pk")
        counts = filters.facet_counts()
        paginator = Paginator(CaseStudyPage.with_listing_data(results), CASE_STUDIES_PER_PAGE)
        # The number of results comes with the facet counts: no COUNT query of the paginator's own.
        paginator.count = counts[RESULTS][""]
        try:
            results_page = paginator.page(filters.page_number)
        except EmptyPage:
            results_page = None
        context.update(
            filters=filters,
            facets=filters.facets(counts),
            paginator=paginator,
            results_page=results_page,
            pagination=self._pagination(filters, paginator, results_page),
        )
        return context

    @staticmethod
    def _pagination(filters: CaseStudyFilterSet, paginator: Paginator, results_page) -> dict | None:
        """Pagination links as query strings that keep the filters, or None when there is one page.

        {"previous": "?country=PT" or None, "next": ... or None, "links": [{"number": 2,
        "query": "?country=PT&page=2", "current": False}, ...]}; long ranges are
        elided around the current page ({"number": None} marks a gap).
        """
        if results_page is None or paginator.num_pages < 2:
            return None
        links = []
        for number in paginator.get_elided_page_range(results_page.number, on_each_side=2, on_ends=1):
            if isinstance(number, int):
                links.append(
                    {
                        "number": number,
                        "query": filters.query_string(page=number),
                        "current": number == results_page.number,
                    }
                )
            else:
                links.append({"number": None, "query": "", "current": False})
        return {
            "previous": filters.query_string(page=results_page.previous_page_number())
            if results_page.has_previous()
            else None,
            "next": filters.query_string(page=results_page.next_page_number()) if results_page.has_next() else None,
            "links": links,
        }

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", None) and response.context_data.get("results_page") is None:
            # A results page beyond the last: the template explains and links to the first page.
            response.status_code = 404
        return response
