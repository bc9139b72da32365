"""Site settings editors change under Settings in the admin: contact and social links."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

FOOTER_PAGE_HELP = _("Linked from the footer of every page, in the reader's language.")


def _footer_page(verbose_name, help_text):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    email = models.EmailField(_("contact email"), blank=True, help_text=_("Shown in the footer of every page."))
    project_website = models.URLField(
        _("project website"), blank=True, help_text=_("The project's original website, if it still exists.")
    )
    # Linked from the footer of every page, each in the reader's language (home.navigation.footer_pages).
    contact_page = _footer_page(_("contact page"), FOOTER_PAGE_HELP)
    privacy_page = _footer_page(_("privacy notice"), FOOTER_PAGE_HELP)
    accessibility_page = _footer_page(_("accessibility statement"), FOOTER_PAGE_HELP)
    open_data_page = _footer_page(_("open data page"), FOOTER_PAGE_HELP)

    panels = [
        FieldPanel("email"),
        FieldPanel("project_website"),
        MultiFieldPanel(
            [
                FieldPanel("contact_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("open_data_page"),
            ],
            heading=_("Pages linked from the footer"),
        ),
    ]

    class Meta:
        verbose_name = _("contact")

    @property
    def footer_page_ids(self) -> list[int]:
        """The ids of the footer's pages that are set (English or any language), in footer order."""
        chosen = (self.contact_page_id, self.privacy_page_id, self.accessibility_page_id, self.open_data_page_id)
        return [pk for pk in chosen if pk]


@register_setting(icon="site")
class SocialMediaSettings(BaseSiteSetting):
    linkedin = models.URLField(_("LinkedIn"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    x = models.URLField(_("X (Twitter)"), blank=True)
    youtube = models.URLField(_("YouTube"), blank=True)

    class Meta:
        verbose_name = _("social media")

    @property
    def links(self) -> list[tuple[str, str]]:
        """(label, URL) pairs of the accounts that are set, in display order."""
        candidates = [
            ("LinkedIn", self.linkedin),
            ("Facebook", self.facebook),
            ("X", self.x),
            ("YouTube", self.youtube),
        ]
        return [(label, url) for label, url in candidates if url]
