"""CaseStudyPage: one case study of a multi-stakeholder partnership, and its competence links."""

from django.db import models
from django.db.models import Count, Prefetch, Q
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from casestudies.blocks import CaseStudyStreamBlock
from casestudies.forms import CaseStudyPageForm
from home.models import BasePage, HeroImageMixin
from home.sample_files import load_with_sample_flag

# The cards' rendition spec (casestudies/includes/case_study_card.html uses the
# same): listings prefetch it, so a card costs no query of its own.
CARD_RENDITION = "fill-640x360"
RELATED_LIMIT = 3


class CaseStudyCompetence(TranslatableMixin, Orderable):
    """A competence a case study illustrates (inline child of CaseStudyPage).

    Not a ParentalManyToManyField: wagtail-localize does not copy those into
    translations. As a translatable child, wagtail-localize copies the rows into
    every translation and points each at the competence in the translation's
    language (a related-object segment), and Wagtail's ReferenceIndex records
    them as references from the page to the competence.
    """

    page = ParentalKey("casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="competence_links")
    competence = models.ForeignKey(
        "home.Competence", verbose_name=_("competence"), on_delete=models.CASCADE, related_name="case_study_links"
    )

    panels = [FieldPanel("competence")]
    translatable_fields = [TranslatableField("competence")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("competence illustrated")
        verbose_name_plural = _("competences illustrated")
        ordering = ["sort_order"]

    def __str__(self):
        return str(self.competence)


class CaseStudyPage(HeroImageMixin, BasePage):
    """A case study: who, where, which competences, the story in sections, and the full document.

    Country is an ISO 3166-1 alpha-2 code (django-countries), shown by name in
    the reader's language. Country, hero image and document are synchronised
    (image and document can be replaced in a translation); the partner and the
    competences point to their versions in the translation's language.
    """

    organisation = models.CharField(
        _("organisation or centre"),
        max_length=255,
        help_text=_("The organisation or guidance centre the case study is about, as it is called in this language."),
    )
    city = models.CharField(_("city"), max_length=120, blank=True, help_text=_("As it is written in this language."))
    country = CountryField(
        _("country"),
        help_text=_("Visitors can filter the case studies by country; its name is shown in their language."),
    )
    partner = models.ForeignKey(
        "home.Partner",
        verbose_name=_("written by"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="case_studies",
        help_text=_("The project partner who wrote the case study. Visitors can filter the case studies by partner."),
    )
    summary = models.TextField(
        _("summary"),
        help_text=_("Two or three sentences: shown under the title and on the case study's card in the library."),
    )
    body = StreamField(CaseStudyStreamBlock(), verbose_name=_("body"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("full case study"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The full case study as a downloadable document (PDF preferred). "
            "A translation can replace it with a document in its own language."
        ),
    )

    base_form_class = CaseStudyPageForm

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("partner"),
            ],
            heading=_("Where and who"),
        ),
        MultipleChooserPanel(
            "competence_links",
            chooser_field_name="competence",
            heading=_("Competences illustrated"),
            label=_("Competence"),
            max_num=7,
            help_text=_(
                "The framework competences this case study illustrates, in this page's language. "
                "Related case studies are those sharing a competence."
            ),
        ),
        MultiFieldPanel(HeroImageMixin.hero_image_panels, heading=_("Hero image")),
        FieldPanel("body"),
        FieldPanel("document"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("organisation"),
        index.SearchField("city"),
        index.SearchField("body"),
        index.FilterField("country"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("country", overridable=False),
        SynchronizedField("hero_image"),
        SynchronizedField("document"),
    ]

    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types = []

    # Place and heading on a competence's page (guide.gathering), after the
    # training module and the guide's chapters.
    linked_group_order = 30
    linked_group_label = _("Case studies")

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    @property
    def meta_description(self) -> str:
        return self.search_description or self.listing_summary or self.summary

    @property
    def place(self) -> str:
        """City and country in the active language ("Porto, Portugal"); the country alone without a city."""
        return ", ".join(part for part in (self.city, str(self.country.name)) if part)

    @cached_property
    def competences(self) -> list:
        """The competences illustrated, in editor order: one query, none when `with_listing_data` prefetched them."""
        if "competence_links" in getattr(self, "_prefetched_objects_cache", {}):
            links = self.competence_links.all()
        else:
            links = self.competence_links.select_related("competence")
        return [link.competence for link in links]

    @classmethod
    def with_listing_data(cls, queryset, rendition: str = CARD_RENDITION):
        """`queryset` with everything a card shows fetched up front: a fixed number of queries for any length.

        Selects the partner and locale; prefetches the competence links with their
        competences and the hero images with their `rendition` renditions.
        """
        image_model = get_image_model()
        return queryset.select_related("partner", "locale").prefetch_related(
            Prefetch("competence_links", queryset=CaseStudyCompetence.objects.select_related("competence")),
            Prefetch("hero_image", queryset=image_model.objects.prefetch_renditions(rendition)),
        )

    def related_case_studies(self, limit: int = RELATED_LIMIT) -> list["CaseStudyPage"]:
        """Up to `limit` live, public case studies of the same library (so the same language) sharing a competence.

        Those sharing the most competences come first, then by title. A fixed number of SQL queries, whatever the count.
        """
        competence_ids = [competence.pk for competence in self.competences]
        if not competence_ids:
            return []
        siblings = CaseStudyPage.objects.sibling_of(self, inclusive=False).live().public()
        queryset = (
            siblings.filter(locale_id=self.locale_id)
            .annotate(
                shared=Count(
                    "competence_links", filter=Q(competence_links__competence_id__in=competence_ids), distinct=True
                )
            )
            .filter(shared__gt=0)
            .order_by("-shared", "title", "pk")
        )
        return list(self.with_listing_data(queryset)[:limit])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["library"] = self.get_parent()
        # Lazy: not computed when the content comes from its fragment (home.templatetags.fragment_tags).
        context["related_case_studies"] = SimpleLazyObject(self.related_case_studies)
        load_with_sample_flag(self, "document")
        return context
