from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = _("Page cache")

    def ready(self):
        from caching import invalidation

        invalidation.connect_signals()
