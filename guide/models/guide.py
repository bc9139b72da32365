"""The Guide for cooperation: GuideIndexPage and its GuideChapterPages."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.blocks import StreamValue
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from guide.blocks import GuideStreamBlock
from guide.forms import GuideChapterPageForm
from guide.links import resolve_pages
from guide.reading_time import count_words, reading_minutes, stream_text
from guide.toc import table_of_contents
from home.accessibility_rules import validate_heading_levels
from home.models import BasePage


def chosen_pages(bound_blocks, block_name: str = "case_studies") -> list:
    """The pages chosen in the `block_name` blocks of a list of bound stream blocks (None for a deleted page)."""
    return [page for child in bound_blocks if child.block_type == block_name for page in child.value["pages"]]


class GuideIndexPage(RoutablePageMixin, BasePage):
    """The Guide for cooperation: its purpose and audience, edition, chapters and downloadable full text.

    Routes: the page itself (the chapter list) and `print/`, the whole guide on
    one printable page in the page's language.
    """

    introduction = models.TextField(
        _("purpose"),
        help_text=_("What the guide is for, in one or two sentences; shown under the title."),
    )
    audience = models.TextField(
        _("audience"),
        blank=True,
        help_text=_("Who the guide is written for."),
    )
    edition_date = models.DateField(
        _("edition"),
        null=True,
        blank=True,
        help_text=_("Date of the edition; readers see the month and year only (December 2021)."),
    )
    author = models.ForeignKey(
        "home.Partner",
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The partner organisation that wrote the guide."),
    )
    full_guide = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("full guide (document)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The whole guide as a downloadable file (PDF). A translation can replace it with the file in its language."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("edition_date"), FieldPanel("author")]), FieldPanel("full_guide")],
            heading=_("Edition"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("audience"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("edition_date", overridable=False),
        TranslatableField("author"),
        SynchronizedField("full_guide"),
    ]

    # The admin lists the chapters in the guide's order (the tree order previous/next follow), not by date.
    admin_default_ordering = "ord"

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guide.GuideChapterPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("guide index page")
        verbose_name_plural = _("guide index pages")

    def chapters(self):
        """Live, public chapters in tree order, without their bodies. One SQL query (two with view restrictions)."""
        return GuideChapterPage.objects.child_of(self).live().public().defer_streamfields().order_by("path")

    def full_guide_language(self) -> str:
        """Language code of the full-guide document: this page's, unless a translation still shares the source's file.

        One SQL query on a translation, none on the source page.
        """
        if self.full_guide_id is None:
            return ""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return default.language_code
        source_document = (
            GuideIndexPage.objects.filter(translation_key=self.translation_key, locale=default)
            .values_list("full_guide_id", flat=True)
            .first()
        )
        if source_document == self.full_guide_id:
            return default.language_code
        return self.locale.language_code

    def print_url(self, request=None) -> str:
        """Address of the whole-guide printable page."""
        return self.get_url(request) + self.reverse_subpage("print")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = list(self.chapters())
        return context

    @path("print/", name="print")
    def whole_guide(self, request):
        """The whole guide in this page's language on one page, for reading offline and printing."""
        chapters = list(GuideChapterPage.objects.child_of(self).live().public().order_by("path"))
        # One stream for all chapters: Wagtail loads a stream's images and chosen
        # objects with one query per block type, so the page costs the same number
        # of queries however many chapters and links it holds.
        stream_block = GuideChapterPage._meta.get_field("body").stream_block
        combined = StreamValue(
            stream_block, [dict(child) for chapter in chapters for child in chapter.body.raw_data], is_lazy=True
        )
        bound = list(combined)
        sections, start = [], 0
        for chapter in chapters:
            end = start + len(chapter.body.raw_data)
            sections.append({"chapter": chapter, "blocks": bound[start:end], "toc": table_of_contents(chapter.body)})
            start = end
        return self.render(
            request,
            template="guide/guide_print_page.html",
            context_overrides={
                "sections": sections,
                "resolved_pages": resolve_pages(chosen_pages(bound), request=request),
                "alternate_subpath": self.reverse_subpage("print"),
            },
        )


class GuideChapterPage(BasePage):
    """A chapter of the Guide for cooperation.

    `reading_minutes` is computed on save from the chapter's text and the
    reading speed of its language (guide.reading_time), so each translation has
    its own estimate.
    """

    chapter_number = models.PositiveSmallIntegerField(
        _("chapter number"),
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text=_("The chapter's number in the guide, shown before its title. Each chapter of a guide has its own."),
    )
    summary = models.TextField(
        _("summary"),
        help_text=_(
            "What the chapter covers, in two or three sentences; shown under the title and in the chapter list."
        ),
    )
    body = StreamField(GuideStreamBlock(), verbose_name=_("body"), blank=True)
    reading_minutes = models.PositiveSmallIntegerField(
        _("reading time (minutes)"),
        default=1,
        editable=False,
        help_text=_("Computed from the text when the page is saved."),
    )

    base_form_class = GuideChapterPageForm
    content_panels = BasePage.content_panels + [
        FieldPanel("chapter_number"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("chapter_number"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("chapter_number", overridable=False),
    ]

    parent_page_types = ["guide.GuideIndexPage"]
    subpage_types = []

    # How the competence framework lists chapters that link a competence (guide.gathering).
    linked_group_order = 20
    linked_group_label = _("In the Guide for cooperation")

    class Meta:
        verbose_name = _("guide chapter")
        verbose_name_plural = _("guide chapters")

    def clean(self):
        super().clean()
        validate_heading_levels("body", list(self.body.raw_data))

    def word_count(self) -> int:
        """Words a reader reads on the page: title, summary and the body's text (no SQL query)."""
        texts = [self.title, self.summary, *stream_text(self.body.stream_block, list(self.body.raw_data))]
        return sum(count_words(text) for text in texts)

    def save(self, *args, **kwargs):
        # A save with update_fields (a draft revision, say) leaves the stored value
        # alone, so the live row keeps the reading time of the live text.
        if not self.locale_id and self.path:
            self.locale = self.get_default_locale()  # as Wagtail would, a step later: the parent's language
        self.reading_minutes = reading_minutes(self.word_count(), self.locale.language_code if self.locale_id else "")
        return super().save(*args, **kwargs)

    def table_of_contents(self):
        """The chapter's headings as nested TocEntry objects; [] without headings."""
        return table_of_contents(self.body)

    def neighbours(self) -> tuple["GuideChapterPage | None", "GuideChapterPage | None"]:
        """The previous and next live, public chapters in tree order. One SQL query (two with view restrictions)."""
        siblings = list(
            GuideChapterPage.objects.sibling_of(self, inclusive=True)
            .live()
            .public()
            .defer_streamfields()
            .order_by("path")
        )
        positions = [sibling.pk for sibling in siblings]
        if self.pk not in positions:
            return None, None
        here = positions.index(self.pk)
        previous = siblings[here - 1] if here > 0 else None
        following = siblings[here + 1] if here + 1 < len(siblings) else None
        return previous, following

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: not computed when the content comes from its fragment (home.templatetags.fragment_tags).
        neighbours = SimpleLazyObject(self.neighbours)
        context["toc"] = SimpleLazyObject(self.table_of_contents)
        context["previous_chapter"] = SimpleLazyObject(lambda: neighbours[0])
        context["next_chapter"] = SimpleLazyObject(lambda: neighbours[1])
        context["guide"] = SimpleLazyObject(lambda: self.get_parent().specific_deferred)
        context["resolved_pages"] = SimpleLazyObject(lambda: resolve_pages(chosen_pages(self.body), request=request))
        return context
