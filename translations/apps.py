from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translation workflow")

    def ready(self):
        from django.db.models.signals import pre_save
        from wagtail_localize.models import StringTranslation, TranslationSource

        from translations.slugs import transliterate_translated_slug
        from translations.stream_data import complete_source_content

        # Receivers on wagtail-localize's models: why in each module's docstring.
        pre_save.connect(
            transliterate_translated_slug, sender=StringTranslation, dispatch_uid="translations.transliterate_slug"
        )
        pre_save.connect(
            complete_source_content, sender=TranslationSource, dispatch_uid="translations.complete_source_content"
        )
