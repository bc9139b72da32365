"""The project glossary: approved translations of the project's terms, for translators and for DeepL.

A `GlossaryTerm` is one English term (a competence's name, a partner's name,
"multi-stakeholder partnership") with a note and its approved translation per
target language (`GlossaryTranslation`, an inline row per language). It is a
plain (not translatable) snippet edited by people who work in every language
(translations.surface classifies its views site-wide): a translator sees it in
the translation editor, beside the text they translate, and does not change it.

Why not a TranslatableMixin snippet: it would be one more object to translate
(and to machine-translate) in the coverage dashboard, and a DeepL glossary needs
every language's pair of one term together.

`DeepLGlossary` remembers, per target language, the glossary created at DeepL
from these terms (`manage.py sync_deepl_glossaries`), which the DeepL translator
then names in its requests (translations.machine_translation).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Locale, Orderable, RevisionMixin


class GlossaryTerm(RevisionMixin, ClusterableModel):
    term = models.CharField(_("term in English"), max_length=200, unique=True)
    note = models.TextField(
        _("note"), blank=True, help_text=_("What the term means here, or why it is translated this way.")
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("note"),
        InlinePanel("translations", heading=_("Approved translations"), label=_("translation")),
    ]

    class Meta:
        ordering = ["term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.term


class GlossaryTranslation(Orderable):
    term = ParentalKey(GlossaryTerm, on_delete=models.CASCADE, related_name="translations")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("language"))
    translation = models.CharField(_("approved translation"), max_length=200)

    panels = [FieldPanel("locale"), FieldPanel("translation")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["term", "locale"], name="one_glossary_translation_per_language")]
        verbose_name = _("approved translation")

    def __str__(self):
        return self.translation

    def clean(self):
        if self.locale_id and self.locale_id == Locale.get_default().pk:
            raise ValidationError(
                {"locale": _("The term itself is in English: choose the language of this translation.")}
            )


class DeepLGlossary(models.Model):
    """The DeepL glossary of one (source, target) language pair, made from the glossary terms."""

    source_lang = models.CharField(max_length=10)
    target_lang = models.CharField(max_length=10)
    glossary_id = models.CharField(max_length=100)
    entries_digest = models.CharField(max_length=64)  # sha256 of the entries sent: unchanged terms, no new glossary
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source_lang", "target_lang"], name="one_deepl_glossary_per_pair")
        ]

    def __str__(self):
        return f"{self.source_lang}→{self.target_lang}: {self.glossary_id}"
