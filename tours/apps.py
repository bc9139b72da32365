from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToursConfig(AppConfig):
    name = "tours"
    verbose_name = _("Virtual tours")

    def ready(self):
        from tours import renditions

        renditions.connect_signal_handlers()
