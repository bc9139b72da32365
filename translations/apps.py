from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translation workflow")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import pre_save
        from wagtail.models import Page, TranslatableMixin
        from wagtail.permissions import register_permission_policy
        from wagtail_localize.models import StringTranslation, TranslationSource

        from translations import publish_guard
        from translations.permission_policy import LocaleConfinedPermissionPolicy
        from translations.slugs import transliterate_translated_slug
        from translations.stream_data import complete_source_content

        # Before wagtail.snippets' ready() registers the snippet viewsets, which
        # would otherwise create Wagtail's default (language-blind) policy.
        for model in apps.get_models():
            if issubclass(model, TranslatableMixin) and not issubclass(model, Page):
                register_permission_policy(model, LocaleConfinedPermissionPolicy(model), exact_class=True)

        # Receivers on wagtail-localize's models: why in each module's docstring.
        pre_save.connect(
            transliterate_translated_slug, sender=StringTranslation, dispatch_uid="translations.transliterate_slug"
        )
        pre_save.connect(
            complete_source_content, sender=TranslationSource, dispatch_uid="translations.complete_source_content"
        )

        # No translation goes live before its source, on any publishing path (why: its docstring).
        publish_guard.install()
