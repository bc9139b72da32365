"""Person: a speaker, moderator or author named on the site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models.i18n import LocalizedQuerySet


class Person(TranslatableMixin, RevisionMixin, index.Indexed, models.Model):
    """A person (translatable snippet): the name is kept, job title and organisation are translated."""

    name = models.CharField(_("name"), max_length=255)
    job_title = models.CharField(_("job title"), max_length=255, blank=True)
    organisation = models.CharField(
        _("organisation"), max_length=255, blank=True, help_text=_("As it should read in this language.")
    )
    partner = models.ForeignKey(
        "home.Partner",
        verbose_name=_("partner organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text=_("If the person works for one of the project partners."),
    )

    objects = LocalizedQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("job_title"), FieldPanel("organisation"), FieldPanel("partner")]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("organisation"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        SynchronizedField("name", overridable=False),
        TranslatableField("job_title"),
        TranslatableField("organisation"),
        TranslatableField("partner"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name
