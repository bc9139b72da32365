"""Site settings editors change under Settings in the admin: contact and social links."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    email = models.EmailField(_("contact email"), blank=True, help_text=_("Shown in the footer of every page."))
    project_website = models.URLField(
        _("project website"), blank=True, help_text=_("The project's original website, if it still exists.")
    )

    class Meta:
        verbose_name = _("contact")


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
