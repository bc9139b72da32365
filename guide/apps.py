from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuideConfig(AppConfig):
    name = "guide"
    verbose_name = _("Guide, competence framework and training programme")

    def ready(self):
        from guide import reference_index

        reference_index.connect()
