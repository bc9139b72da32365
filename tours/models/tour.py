"""TourPage: the virtual tour of one guidance centre."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models import BasePage
from tours.choices import MEDIA_LANGUAGE_CODES
from tours.fields import LanguageListField, language_name
from tours.models.common import TourAdminPageForm, is_synced_translation, parent_path
from tours.models.scene import TourScenePage
from tours.viewer import build_tour_view


class TourPage(BasePage):
    """One centre's tour: facts about the centre, an introduction, and its scenes as child pages.

    The partner, country, start scene and media languages are synchronised
    across languages; the start scene is mapped to the page's language when the
    tour is shown (a translation keeps the source language's scene id).
    """

    centre_name = models.CharField(
        _("centre name"), max_length=255, help_text=_("The guidance centre's name, as it is known in this language.")
    )
    partner = models.ForeignKey(
        "home.Partner",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The project partner who made this tour, if any."),
    )
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"))
    introduction = RichTextField(
        _("introduction"),
        blank=True,
        editor="basic",
        help_text=_("What the centre does and what the tour shows. Shown above the viewer."),
    )
    start_scene = models.ForeignKey(
        "tours.TourScenePage",
        verbose_name=_("scene to start with"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The room the tour opens in; the first room in the page tree when empty."),
    )
    media_languages = LanguageListField(
        _("languages of the audio and video"),
        codes=MEDIA_LANGUAGE_CODES,
        help_text=_("The languages spoken in this tour's audio and video."),
    )

    base_form_class = TourAdminPageForm
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("centre_name"),
                FieldPanel("partner"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
            ],
            heading=_("The centre"),
        ),
        FieldPanel("introduction"),
        FieldPanel("start_scene"),
        FieldPanel("media_languages"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("centre_name"),
        index.SearchField("city"),
        index.SearchField("introduction"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("partner", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("start_scene", overridable=False),
        SynchronizedField("media_languages", overridable=False),
    ]

    parent_page_types = ["tours.TourIndexPage"]
    subpage_types = ["tours.TourScenePage"]

    class Meta:
        verbose_name = _("tour")
        verbose_name_plural = _("tours")

    def clean(self):
        super().clean()
        if self.start_scene_id is None or is_synced_translation(self):
            return
        # The start scene must be one of this tour's own rooms.
        if self.path and parent_path(self.start_scene) == self.path:
            return
        raise ValidationError({"start_scene": _("Choose one of this tour's own rooms (its child pages).")})

    @property
    def media_language_names(self) -> list[str]:
        """The media languages' names in the active language."""
        return [language_name(code) for code in self.media_languages or []]

    def localized_partner(self):
        """The partner in the active language (falls back to the stored one). One SQL query."""
        return self.partner.localized if self.partner_id else None

    def scenes(self, preview: bool = False):
        """This tour's rooms in tree order: the live, public ones, or all of them in a preview."""
        scenes = TourScenePage.objects.child_of(self).order_by("path")
        return scenes if preview else scenes.live().public()

    def start_scene_key(self):
        """The start scene's translation key, or None (a translation keeps the source's scene id). One SQL query."""
        return TourScenePage.objects.filter(pk=self.start_scene_id).values_list("translation_key", flat=True).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tour"] = self
        # Lazy: not built when the content comes from its fragment (home.templatetags.fragment_tags).
        context["tour_view"] = SimpleLazyObject(
            lambda: build_tour_view(self, request, preview=getattr(request, "is_preview", False))
        )
        return context
