from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translation workflow")

    def ready(self):
        # Before wagtail.snippets' ready() registers the snippet viewsets, which
        # would otherwise create Wagtail's default (language-blind) policy.
        from django.apps import apps
        from wagtail.models import Page, TranslatableMixin
        from wagtail.permissions import register_permission_policy

        from translations.permission_policy import LocaleConfinedPermissionPolicy

        for model in apps.get_models():
            if issubclass(model, TranslatableMixin) and not issubclass(model, Page):
                register_permission_policy(model, LocaleConfinedPermissionPolicy(model), exact_class=True)
