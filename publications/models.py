"""GeneratedPDF: the PDF built from a page (the whole guide, one chapter, the case-study summary report).

One row per source page, so per language: the guide index page of a language gives that
language's guide. The file is an ordinary Wagtail document (in the collection "Generated
PDFs", stored through Django's default storage), replaced on each successful build; a
failed build keeps it and records the error for editors.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
