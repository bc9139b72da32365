"""GeneratedPDF: the PDF built from a page (the whole guide, one chapter, the case-study summary report);
Publication: one output (slides, a report, a handout) as a file per language.

One row per source page, so per language: the guide index page of a language gives that
language's guide. The file is an ordinary Wagtail document (in the collection "Generated
PDFs", stored through Django's default storage), replaced on each successful build; a
failed build keeps it and records the error for editors.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index


class PDFKind(models.TextChoices):
    GUIDE = "guide", _("Whole guide")
    CHAPTER = "chapter", _("Guide chapter")
    SUMMARY_REPORT = "summary_report", _("Summary report of the case studies")


class GeneratedPDF(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="generated_pdf"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PDFKind.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page_count = models.PositiveIntegerField(_("pages"), default=0)
    built_at = models.DateTimeField(_("built at"), null=True, blank=True)
    build_seconds = models.FloatField(_("build time (seconds)"), default=0)
    error = models.TextField(_("error of the last build"), blank=True)
    failed_at = models.DateTimeField(_("failed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("generated PDF")
        verbose_name_plural = _("generated PDFs")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.page.title} ({self.page.locale.language_code})"

    @property
    def language_code(self) -> str:
        return self.page.locale.language_code

    @property
    def file_size(self) -> int:
        return self.document.file_size or 0 if self.document else 0


class PublicationKind(models.TextChoices):
    SLIDES = "slides", _("Slides")
    REPORT = "report", _("Report")
    HANDOUT = "handout", _("Handout")
    OTHER = "other", _("Other document")


class Publication(RevisionMixin, index.Indexed, ClusterableModel):
    """One output (a slide deck, a report, a handout) as a file per language: its `files`.

    Deliberately one object for every language, not a TranslatableMixin snippet with a copy per
    locale: what differs per language is the file, and that is exactly what a file row records.
    Per-locale copies would each hold the whole file list (wagtail-localize synchronises child
    rows), so a file added to the English copy would reach the French page only after a sync.
    Visitors never see the name: the page that links a publication gives the link its text,
    translated with that page; each file is picked in the reader's language.
    """

    title = models.CharField(
        _("name"),
        max_length=255,
        help_text=_(
            "For editors: how this publication is found in the admin and in choosers, e.g. “Slides: the competence "
            "framework (final event 2022)”. Visitors see the link text of the page that shows it."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PublicationKind.choices, default=PublicationKind.OTHER)

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        InlinePanel(
            "files",
            label=_("Files"),
            heading=_("Files, one per language"),
            min_num=1,
            help_text=_(
                "The same document in each language you have it in. Visitors get the file in their language and "
                "a list of the others; where their language is missing, the English file (or the first one)."
            ),
        ),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title"), index.FilterField("kind")]

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["title"]

    def __str__(self):
        return self.title

    @property
    def language_codes(self) -> str:
        """The languages it has a file in, e.g. "en, fr" (admin listing)."""
        return ", ".join(file.language for file in self.files.all())


class PublicationFile(Orderable):
    """A publication's file in one language (a Wagtail document: its collection's privacy applies)."""

    publication = ParentalKey(Publication, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The file in that language (any type: PDF, PPTX, ODP, DOCX…)."),
    )

    panels = [FieldPanel("language"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")
        constraints = [
            models.UniqueConstraint(fields=["publication", "language"], name="publication_file_one_per_language")
        ]

    def __str__(self):
        return f"{self.publication} ({self.language})"
