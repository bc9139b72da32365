from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaticArchiveConfig(AppConfig):
    name = "static_archive"
    verbose_name = _("Static archive")
