"""Reading translatable content in the current language."""

from django.db import models
from wagtail.models import Locale

# Pages whose content is in their own language. wagtail-localize creates an
# alias of the English page when it translates a child before its parent
# (`copy_parents`); such an alias shows English content under a French
# address, so it is served as a 404 (translations.wagtail_hooks) and left out
# of menus, language switchers, 404 suggestions and the sitemap.
OWN_LANGUAGE_CONTENT = models.Q(alias_of__isnull=True) | models.Q(alias_of__locale=models.F("locale"))


class LocalizedQuerySet(models.QuerySet):
    """QuerySet for `TranslatableMixin` models (snippets)."""

    def localized(self, locale: Locale | None = None):
        """Objects in `locale` (default: the active language's locale).

        An object not yet translated into `locale` is returned in the default
        locale instead, so lists (the footer's partners, say) never lose an
        item while a translation is pending. One SQL query, whatever the count.
        """
        locale = locale or Locale.get_active()
        default = Locale.get_default()
        if locale.pk == default.pk:
            return self.filter(locale=locale)
        translated_keys = self.model.objects.filter(locale=locale).values("translation_key")
        return self.filter(
            models.Q(locale=locale) | models.Q(locale=default) & ~models.Q(translation_key__in=translated_keys)
        )
