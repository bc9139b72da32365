"""The hero image and its alternative text, shared by the pages that open with a wide image."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class HeroImageMixin(models.Model):
    """A wide image at the top of the page and its translated alternative text.

    The image is synchronised (a translation may replace it); the alt text is
    translated. Templates render it with `alt=page.hero_image_alt`.
    """

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional wide image at the top of the page, at least 1600 px wide."),
    )
    hero_image_alt = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it; leave empty only if it is decorative."),
    )

    hero_image_panels = [FieldPanel("hero_image"), FieldPanel("hero_image_alt")]

    class Meta:
        abstract = True
