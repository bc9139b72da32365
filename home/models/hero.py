"""The hero image and its alternative text, shared by the pages that open with a wide image."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from home.accessibility_rules import HERO_NEEDS_ALT_TEXT


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
        help_text=_("What the image shows, for people who cannot see it. Required when there is a hero image."),
    )

    hero_image_panels = [FieldPanel("hero_image"), FieldPanel("hero_image_alt")]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        # A hero is the first thing on the page: it is never decorative, so it always has a text alternative.
        if self.hero_image_id and not (self.hero_image_alt or "").strip():
            raise ValidationError({"hero_image_alt": HERO_NEEDS_ALT_TEXT})
