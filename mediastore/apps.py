from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaStoreConfig(AppConfig):
    name = "mediastore"
    verbose_name = _("Media store")
