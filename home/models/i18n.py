"""Reading translatable content in the current language."""

from django.conf import settings
from django.db import models
from django.utils import translation
from wagtail.models import Locale


def active_language_code() -> str:
    """The active language's code ("fr"), or the default language's when none is active."""
    return translation.get_language() or settings.LANGUAGE_CODE


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
        item while a translation is pending. One SQL query, whatever the count
        (locales are matched by language code in the same query).
        """
        code = locale.language_code if locale is not None else active_language_code()
        default_code = settings.LANGUAGE_CODE
        if code == default_code:
            return self.filter(locale__language_code=code)
        translated_keys = self.model.objects.filter(locale__language_code=code).values("translation_key")
        return self.filter(
            models.Q(locale__language_code=code)
            | models.Q(locale__language_code=default_code) & ~models.Q(translation_key__in=translated_keys)
        )
