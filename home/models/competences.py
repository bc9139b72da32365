"""Competence: one of the seven competences of the Keep in Pact framework."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models.i18n import LocalizedQuerySet


class Competence(TranslatableMixin, RevisionMixin, index.Indexed, models.Model):
    """A competence of managers of multi-stakeholder partnerships (translatable snippet).

    `number` (1-7) is the competence's place in the framework: synchronised
    across languages and unique within a language.
    """

    number = models.PositiveSmallIntegerField(
        _("number"),
        validators=[MinValueValidator(1), MaxValueValidator(7)],
        help_text=_("The competence's number in the framework, 1 to 7."),
    )
    title = models.CharField(_("title"), max_length=255)
    description = RichTextField(_("description"), blank=True, editor="basic")
    sub_competences = RichTextField(
        _("sub-competences"), blank=True, editor="basic", help_text=_("The tasks it covers, as a list.")
    )
    knowledge = RichTextField(_("knowledge"), blank=True, editor="basic")
    skills = RichTextField(_("skills"), blank=True, editor="basic")
    attitudes = RichTextField(_("attitudes"), blank=True, editor="basic")

    objects = LocalizedQuerySet.as_manager()

    panels = [
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("sub_competences"),
        FieldPanel("knowledge"),
        FieldPanel("skills"),
        FieldPanel("attitudes"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        SynchronizedField("number", overridable=False),
        TranslatableField("title"),
        TranslatableField("description"),
        TranslatableField("sub_competences"),
        TranslatableField("knowledge"),
        TranslatableField("skills"),
        TranslatableField("attitudes"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "number"], name="unique_competence_number_per_locale"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def clean(self):
        super().clean()
        if (
            self.number is not None
            and self.locale_id
            and Competence.objects.filter(locale_id=self.locale_id, number=self.number).exclude(pk=self.pk).exists()
        ):
            raise ValidationError(
                {"number": _("Competence %(number)s already exists in this language.") % {"number": self.number}}
            )
