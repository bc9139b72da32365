from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaStoreConfig(AppConfig):
    name = "mediastore"
    verbose_name = _("Media store")

    def ready(self):
        from mediastore.renditions import connect_signal_handlers

        connect_signal_handlers()
