from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translation workflow")

    def ready(self):
        from django.db.models.signals import pre_save
        from wagtail_localize.models import StringTranslation

        from translations.slugs import transliterate_translated_slug

        # A receiver on wagtail-localize's model: why in the module's docstring.
        pre_save.connect(
            transliterate_translated_slug, sender=StringTranslation, dispatch_uid="translations.transliterate_slug"
        )
