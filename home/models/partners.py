"""Partner: one of the project's six partner organisations."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.choices import PartnerRole
from home.models.i18n import LocalizedQuerySet


class Partner(TranslatableMixin, RevisionMixin, index.Indexed, models.Model):
    """A partner organisation (translatable snippet).

    Name and city are translated; role, country (ISO 3166-1 alpha-2 code, its
    name shown in the reader's language by django-countries) and order are
    synchronised; website and logo can be replaced in a translation.
    """

    name = models.CharField(
        _("name"), max_length=255, help_text=_("Full name, as the organisation writes it in this language.")
    )
    short_name = models.CharField(
        _("short name"),
        max_length=80,
        blank=True,
        help_text=_("Acronym or short form used in tight spaces, e.g. LLLP."),
    )
    slug = models.SlugField(
        _("identifier"),
        max_length=60,
        help_text=_(
            "Short, stable identifier used in addresses (for example in the case-study filters); "
            "the same in every language. Lowercase letters, digits and hyphens."
        ),
    )
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.PARTNER)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"))
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the home page's partner strip; its alt text is the partner's name."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Partners are listed by this number, then by name.")
    )

    objects = LocalizedQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        TranslatableField("city"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("role", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("sort_order", overridable=False),
        SynchronizedField("website"),
        SynchronizedField("logo"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["locale", "slug"], name="unique_partner_slug_per_locale")]

    def __str__(self):
        return self.name

    @property
    def place(self) -> str:
        """City and country in the active language, e.g. "Bruxelles, Belgique"; the country alone without a city."""
        return ", ".join(part for part in (self.city, str(self.country.name)) if part)
